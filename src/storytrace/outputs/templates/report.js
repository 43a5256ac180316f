// Filters for the findings list. The report reads fine without this script: it only hides
// findings that do not match the chosen severity, type, review decision and article. No HTML is ever built here.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form.filters");
  Array.prototype.forEach.call(forms, function (form) {
    var list = document.getElementById(form.getAttribute("data-target"));
    if (!list) { return; }
    var items = list.querySelectorAll(".finding");
    var count = form.querySelector(".filter-count");
    function apply() {
      var sev = form.elements.severity.value;
      var type = form.elements.type.value;
      var art = form.elements.article.value;
      var review = form.elements.review ? form.elements.review.value : "";
      var shown = 0;
      Array.prototype.forEach.call(items, function (el) {
        var ok = (!sev || el.getAttribute("data-severity") === sev) &&
                 (!type || el.getAttribute("data-type") === type) &&
                 (!art || el.getAttribute("data-article") === art) &&
                 (!review || el.getAttribute("data-review") === review);
        el.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = "Showing " + shown + " of " + items.length; }
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  });
})();
