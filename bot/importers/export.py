"""`python -m bot export [--document SYMBOL] --format json`: loaded documents as JSON for other tools.

The format ("resolution-bot/1") is documented in README.md, "Export". Each text appears twice: `text`,
plain as printed (lead words included, no markup), with `markers` giving each footnote marker's
position in it as a character offset; and `markup`, the content's own form (`*italics*`, `[^N]`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.content.library import Library
from bot.content.model import Annex, Article, Clause, Document, Footnote, Item, Link, Paragraph

FORMAT = "resolution-bot/1"
_TOKEN = re.compile(r"\[\^(\d+)\]|\*")


def plain(markup: str) -> tuple[str, list[dict[str, int]]]:
    """The text without markup, and where each footnote marker stood in it."""
    out: list[str] = []
    markers: list[dict[str, int]] = []
    length = 0
    last = 0
    for match in _TOKEN.finditer(markup):
        piece = markup[last : match.start()]
        out.append(piece)
        length += len(piece)
        if match.group(1):
            markers.append({"footnote": int(match.group(1)), "at": length})
        last = match.end()
    out.append(markup[last:])
    return "".join(out), markers


def _text(markup: str) -> dict[str, Any]:
    text, markers = plain(markup)
    return {"text": text, "markers": markers, "markup": markup}


def _links(links: tuple[Link, ...]) -> list[dict[str, str]]:
    return [{"label": k.label, "url": k.url} for k in links]


def _items(items: tuple[Item, ...]) -> list[dict[str, Any]]:
    return [{"label": i.label, **_text(i.text), "subparagraphs": _items(i.items)} for i in items]


def _paragraph(p: Paragraph, *, editorial: bool) -> dict[str, Any]:
    whole = _text(p.full_text.split("\n", 1)[0] if p.items else p.full_text)
    result: dict[str, Any] = {
        "number": p.number,
        "lead": p.verb,
        **whole,
        "subparagraphs": _items(p.items),
        "links": _links(p.links),
    }
    if editorial:
        result.update(addressees=list(p.addressees), ask=p.ask, summary=p.summary)
    return result


def _clause(c: Clause) -> dict[str, Any]:
    return {"number": c.number, **_text(c.text), "subparagraphs": _items(c.items)}


def _article(a: Article) -> dict[str, Any]:
    return {"number": a.number, "paragraphs": [_clause(c) for c in a.clauses]}


def _annex(a: Annex) -> dict[str, Any]:
    return {
        "label": a.label,
        "title": a.title,
        "opening": a.opening,
        "preamble": [_paragraph(p, editorial=False) for p in a.preamble],
        "proclamation": a.proclamation,
        "articles": [_article(x) for x in a.articles],
        "paragraphs": [_paragraph(p, editorial=False) for p in a.paragraphs],
    }


def _footnote(f: Footnote) -> dict[str, Any]:
    return {"number": f.number, **_text(f.text), "links": _links(f.links)}


def document_dict(doc: Document) -> dict[str, Any]:
    meta = doc.meta
    return {
        "symbol": meta.symbol,
        "number": meta.number,
        "body": meta.body,
        "title": meta.title,
        "language": meta.language,
        "distribution": meta.distribution,
        "distributed": meta.distributed.isoformat(),
        "published": meta.published.isoformat() if meta.published else None,
        "session": meta.session,
        "agenda_item": meta.agenda_item,
        "adopted": meta.adopted.isoformat(),
        "committee": meta.committee,
        "report": meta.report,
        "meeting": meta.meeting,
        "url": meta.url,
        "report_url": meta.report_url,
        "opening": meta.opening,
        "addressees": [{"id": ident, "label": label} for ident, label in doc.addressees],
        "preamble": [_paragraph(p, editorial=False) for p in doc.preamble],
        "operative": [_paragraph(p, editorial=True) for p in doc.operative],
        "footnotes": [_footnote(f) for f in doc.footnotes],
        "annexes": [_annex(a) for a in doc.annexes],
    }


def export_json(library: Library, symbol: str | None) -> str:
    """The named document (or every loaded one) as the JSON text `python -m bot export` prints."""
    symbols = [library.entry(symbol).document.symbol] if symbol else list(library.symbols)
    documents = [document_dict(library.entry(s).document) for s in symbols]
    return json.dumps({"format": FORMAT, "documents": documents}, ensure_ascii=False, indent=2) + "\n"
