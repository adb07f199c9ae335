"""The citation graph: stored documents and the references they cite, as DOT or GraphML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.schema import Citation, Document
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.labels import document_label

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


@dataclass(frozen=True)
class GraphNode:
    id: str  # "d12" for a stored document, "m:859/SKHCN-CNCĐS" for one only known by citation
    label: str
    kind: str | None
    reference: str | None
    in_corpus: bool
    document_id: int | None = None
    subject: str | None = None


@dataclass(frozen=True)
class GraphEdge:
    source: str  # the citing document
    target: str  # the cited one
    reference: str  # as the citing document wrote it


def citation_graph(session: Session, deadline: Deadline = NO_DEADLINE) -> tuple[list[GraphNode], list[GraphEdge]]:
    """Every stored document is a node; a cited reference not in the corpus becomes a "missing" node."""
    docs = list(session.scalars(select(Document).options(selectinload(Document.citations)).order_by(Document.id)))
    by_key: dict[str, Document] = {}
    for d in docs:
        if d.reference_key:
            by_key.setdefault(d.reference_key, d)
    nodes: dict[str, GraphNode] = {}
    for d in docs:
        nodes[f"d{d.id}"] = GraphNode(
            id=f"d{d.id}",
            label=document_label(d.kind, d.reference, doc_id=d.id),
            kind=d.kind,
            reference=d.reference,
            in_corpus=True,
            document_id=d.id,
            subject=d.subject,
        )
    edges: list[GraphEdge] = []
    seen: set[tuple[str, str]] = set()
    for d in docs:
        deadline.check()
        c: Citation
        for c in sorted(d.citations, key=lambda c: c.id):
            target = c.target_id if c.target_id is not None else getattr(by_key.get(c.reference_key), "id", None)
            if target is not None:
                tid = f"d{target}"
            else:
                tid = f"m:{c.reference_key}"
                nodes.setdefault(
                    tid,
                    GraphNode(tid, document_label(c.kind, c.reference), c.kind, c.reference, False, None, c.subject),
                )
            if tid != f"d{d.id}" and (f"d{d.id}", tid) not in seen:
                seen.add((f"d{d.id}", tid))
                edges.append(GraphEdge(f"d{d.id}", tid, c.reference))
    return list(nodes.values()), edges


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(nodes: list[GraphNode], edges: list[GraphEdge], name: str = "dan_chieu") -> str:
    """Graphviz DOT; documents missing from the corpus are dashed and marked "chưa có"."""
    lines = [f"digraph {name} {{", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];']
    for n in nodes:
        if n.in_corpus:
            lines.append(f"  {_dot_quote(n.id)} [label={_dot_quote(n.label)}];")
        else:
            label = _dot_quote(f"{n.label}\n(chưa có trong kho)")
            lines.append(f"  {_dot_quote(n.id)} [label={label}, style=dashed, color=gray40];")
    for e in edges:
        lines.append(f"  {_dot_quote(e.source)} -> {_dot_quote(e.target)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


# (id, for, attr.name, attr.type) of the GraphML data keys.
_KEYS = (
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("reference", "node", "reference", "string"),
    ("in_corpus", "node", "in_corpus", "boolean"),
    ("subject", "node", "subject", "string"),
    ("cited_as", "edge", "reference", "string"),
)


def to_graphml(nodes: list[GraphNode], edges: list[GraphEdge]) -> str:
    """GraphML (yEd, Gephi, networkx read it), written with the standard library."""
    ET.register_namespace("", GRAPHML_NS)
    q = f"{{{GRAPHML_NS}}}"
    root = ET.Element(f"{q}graphml")
    for kid, scope, name, typ in _KEYS:
        ET.SubElement(root, f"{q}key", {"id": kid, "for": scope, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, f"{q}graph", {"id": "dan_chieu", "edgedefault": "directed"})

    def data(parent: ET.Element, k: str, value: str | None) -> None:
        if value is not None:
            ET.SubElement(parent, f"{q}data", {"key": k}).text = value

    for n in nodes:
        el = ET.SubElement(graph, f"{q}node", {"id": n.id})
        data(el, "label", n.label)
        data(el, "kind", n.kind)
        data(el, "reference", n.reference)
        data(el, "in_corpus", "true" if n.in_corpus else "false")
        data(el, "subject", n.subject)
    for i, e in enumerate(edges):
        el = ET.SubElement(graph, f"{q}edge", {"id": f"e{i}", "source": e.source, "target": e.target})
        data(el, "cited_as", e.reference)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
