"""One report as a self-contained HTML file (`govreport review FILE --html OUT.html`): the clean
text with every fact highlighted by kind and its fields on hover, the facts by indicator and the
cleaning edits, with its style inside. It runs no script and loads nothing: it opens offline."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from govreport.model import Report
from govreport.web.render import fact_marks

HERE = Path(__file__).parent
FIELDS = ("indicator", "measure", "kind", "period", "value", "value_max", "unit", "qualifier", "scope")


def review_html(report: Report) -> str:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    facts = [{"id": i, **asdict(f)} for i, f in enumerate(report.facts, 1)]
    titles = {f["id"]: "\n".join(f"{k}: {'—' if f[k] is None else f[k]}" for k in FIELDS) for f in facts}
    groups: dict[str, list[dict[str, object]]] = {}
    for fact in facts:
        groups.setdefault(str(fact["indicator"]), []).append(fact)
    return env.get_template("review.html").render(
        report=report, meta=report.meta, segments=fact_marks(report.text, facts), titles=titles,
        groups=sorted(groups.items()), edits=report.edits, style=(HERE / "static" / "style.css").read_text("utf-8"))
