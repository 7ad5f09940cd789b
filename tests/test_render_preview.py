"""`preview` reads only the head of a long paragraph: it must give what plaining the whole text gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.library import load_library
from bot.content.model import FOOTNOTE_MARKER, Kind, Paragraph
from bot.render import PREVIEW_HEAD, clip, preview

CONTENT = Path(__file__).resolve().parent.parent / "content"


def whole(paragraph: Paragraph, limit: int) -> str:
    """The preview from the whole text: markers and italics out, whitespace runs single, clipped."""
    plain = FOOTNOTE_MARKER.sub("", paragraph.full_text).replace("*", "")
    return clip(" ".join(plain.split()), limit)


def test_every_shipped_paragraph_in_every_language() -> None:
    paths = sorted(p for p in CONTENT.glob("*.yaml") if p.stem.count(".") == 0)
    library = load_library(paths, None)
    checked = 0
    for entry in library.entries:
        for language in entry.document.languages:
            doc = entry.document.in_language(language)
            assert doc is not None
            for paragraph in doc.paragraphs():
                for limit in (10, 40, 70, 100):
                    assert preview(paragraph, limit) == whole(paragraph, limit), (doc.symbol, language, paragraph.ref)
                    checked += 1
    assert checked > 1000


LIMIT = 20
HEAD = PREVIEW_HEAD * LIMIT


@pytest.mark.parametrize(
    "text",
    [
        # a footnote marker cut in two where the head ends, and one just inside it
        "a" * (HEAD - 3) + "[^12] tail" + " more" * 20,
        "a" * (HEAD - 5) + "[^1]" + "b" * 30,
        # ... where the head's plain text is short: the cut marker would show in the preview
        "[^1]" * ((HEAD - LIMIT - 4) // 4) + "z" * (LIMIT - 2) + "[^12345]" + "w" * 40,
        # a bracket that is no marker, cut at the end of the head
        "word " * ((HEAD - 2) // 5) + "[x] " + "c" * 40,
        # the head is mostly markers and whitespace: its plain text is shorter than the preview
        "[^1]" * (HEAD // 4) + "   d" * 40,
        " " * (HEAD - 1) + "e" * 40,
        # italics and whitespace runs across the end of the head
        "*Stressing* " + "f" * (HEAD - 13) + "  \n  *g* " + "h" * 40,
        "x" * (HEAD - 1) + "*" + "y" * 40,
    ],
)
def test_the_head_s_edges(text: str) -> None:
    paragraph = Paragraph(Kind.OPERATIVE, 1, text)
    assert len(paragraph.full_text) > HEAD
    assert preview(paragraph, LIMIT) == whole(paragraph, LIMIT)
