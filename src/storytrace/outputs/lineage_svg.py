"""Layered layout of a story's lineage graph, for an inline SVG drawn by the templates.

Articles are placed in rows by derivation depth (originals on top, copies of copies further
down); each edge carries its relation and confidence. Only coordinates and plain strings come
out of here: the template escapes every label.
"""
from __future__ import annotations

from dataclasses import dataclass

from storytrace.model import Edge

# Relations that mean "derived from": they decide the depth. Independent reports and shared
# sources are drawn (dashed) but do not push an article down a row.
DERIVATION_RELATIONS = {"verbatim_copy", "translation", "summary", "rewrite"}

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies; every edge is
# also labelled in words, so colour is never the only cue.
RELATION_COLOURS = {
    "verbatim_copy": "#0072B2",
    "translation": "#009E73",
    "summary": "#B86E00",
    "rewrite": "#CC79A7",
    "independent": "#7A7A7A",
    "shared_source": "#56B4E9",
}

NODE_W, NODE_H = 168, 58
GAP_X, GAP_Y = 36, 84
PAD = 16
ARC_RISE = 40
MAX_LABEL = 22


@dataclass(frozen=True)
class NodeBox:
    article_id: str
    label: str  # shortened for the box
    tooltip: str  # full label, shown as an SVG <title>
    sublabel: str  # language and date
    x: int
    y: int
    depth: int
    findings: int  # how many findings this version has (0: none)

    @property
    def has_findings(self) -> bool:
        return self.findings > 0


@dataclass(frozen=True)
class EdgeLine:
    source: str
    derived: str
    relation: str
    label: str  # "translation · 0.92"
    path: str  # SVG path data
    label_x: int
    label_y: int
    colour: str
    dashed: bool


@dataclass(frozen=True)
class LineageLayout:
    width: int
    height: int
    nodes: list[NodeBox]
    edges: list[EdgeLine]
    relations: list[tuple[str, str]]  # (relation, colour) for the legend


def derivation_depths(article_ids: list[str], edges: list[Edge]) -> dict[str, int]:
    depth = {a: 0 for a in article_ids}
    derivations = [e for e in edges if e.relation in DERIVATION_RELATIONS and e.source in depth and e.derived in depth]
    # Longest path from an original; at most n rounds, so a (wrong) cycle cannot loop forever.
    for _ in range(len(article_ids)):
        changed = False
        for e in derivations:
            if depth[e.derived] < depth[e.source] + 1 <= len(article_ids):
                depth[e.derived] = depth[e.source] + 1
                changed = True
        if not changed:
            break
    return depth


def _shorten(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _edge_line(e: Edge, s: NodeBox, t: NodeBox) -> EdgeLine:
    x1, x2 = s.x + NODE_W // 2, t.x + NODE_W // 2
    if t.y > s.y:  # downwards: bottom centre to top centre
        y1, y2 = s.y + NODE_H, t.y
        mid = (y1 + y2) // 2
        path = f"M{x1},{y1} C{x1},{mid} {x2},{mid} {x2},{y2 - 2}"
        # Label at t=0.7 along the curve: edges fanning out from one source get labels far apart.
        t = 0.7
        lx = round(x1 * ((1 - t) ** 3 + 3 * (1 - t) ** 2 * t) + x2 * (3 * (1 - t) * t**2 + t**3))
        ly = round(y1 * (1 - t) ** 3 + 3 * mid * ((1 - t) ** 2 * t + (1 - t) * t**2) + y2 * t**3) + 4
    else:  # same row (or upwards): an arc above the boxes
        y1, y2 = s.y, t.y
        top = min(y1, y2) - ARC_RISE
        path = f"M{x1},{y1} C{x1},{top} {x2},{top} {x2},{y2 - 2}"
        lx, ly = (x1 + x2) // 2, top + 10
    return EdgeLine(
        source=e.source, derived=e.derived, relation=e.relation,
        label=f"{e.relation.replace('_', ' ')} · {e.confidence:.2f}", path=path, label_x=lx, label_y=ly,
        colour=RELATION_COLOURS.get(e.relation, "#555555"), dashed=e.relation not in DERIVATION_RELATIONS,
    )


def layout_lineage(
    article_ids: list[str],
    edges: list[Edge],
    labels: dict[str, str],
    sublabels: dict[str, str] | None = None,
    findings_per_article: dict[str, int] | None = None,
) -> LineageLayout:
    sublabels = sublabels or {}
    findings_per_article = findings_per_article or {}
    depth = derivation_depths(article_ids, edges)
    rows: dict[int, list[str]] = {}
    for a in article_ids:
        rows.setdefault(depth[a], []).append(a)
    drawn = [e for e in edges if e.source in depth and e.derived in depth and e.source != e.derived]
    # An edge between two boxes of the top row is an arc above it: leave room for it.
    top = PAD + (ARC_RISE if any(depth[e.derived] <= depth[e.source] == 0 for e in drawn) else 0)
    widest = max((len(r) for r in rows.values()), default=1)
    width = PAD * 2 + widest * NODE_W + (widest - 1) * GAP_X
    n_rows = max(rows, default=0) + 1
    height = top + PAD + n_rows * NODE_H + (n_rows - 1) * GAP_Y

    nodes: dict[str, NodeBox] = {}
    for d, members in sorted(rows.items()):
        row_w = len(members) * NODE_W + (len(members) - 1) * GAP_X
        x0 = (width - row_w) // 2
        for i, a in enumerate(members):
            label = labels.get(a, a)
            nodes[a] = NodeBox(
                article_id=a, label=_shorten(label), tooltip=label, sublabel=_shorten(sublabels.get(a, ""), 28),
                x=x0 + i * (NODE_W + GAP_X), y=top + d * (NODE_H + GAP_Y), depth=d,
                findings=findings_per_article.get(a, 0),
            )
    lines = [_edge_line(e, nodes[e.source], nodes[e.derived]) for e in drawn]
    used = sorted({ln.relation for ln in lines})
    return LineageLayout(width, height, list(nodes.values()), lines, [(r, RELATION_COLOURS.get(r, "#555555")) for r in used])
