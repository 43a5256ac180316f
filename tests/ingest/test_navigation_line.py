"""Site debris read as quotations (issue 17, session 19): a page's links to its neighbours in guillemets
are page furniture, not prose someone said."""


def test_a_navigation_line_in_guillemets_is_no_quotation(extractor):
    """"« Previous Post Next Post »" is page furniture: the cleaner keeps it out of the story text (kind
    "navigation" in the cleaning record), so no speakerless quotation of four words is read from it."""
    from storytrace.ingest.clean import clean_article
    from storytrace.ingest import article_from_text

    article = article_from_text("The council met on Monday to discuss the bridge, officials said.\n\n"
                                "« Previous Post Next Post »\n\nThe bridge will reopen in May, the mayor said.\n", id="n")
    clean_article(article)
    extractor.process(article)
    assert article.quotes == [] and [r.kind for r in article.removals] == ["navigation"]
