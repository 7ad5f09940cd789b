"""Issue 14's cost: the same request, typed the same way, is answered from what was kept without
parsing its reference again (the parse was most of /paragraph 1-17's own cost in a profile)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.answers import Answers
from bot.content import refs as references
from bot.content.library import Library


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    refs = references
    for name in ("parse_refs", "parse_footnotes", "parse_article", "named_documents", "find_refs", "find_articles"):
        real = getattr(refs, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kw: Any) -> Any:
            calls.append(_name)
            return _real(*args, **kw)

        monkeypatch.setattr(refs, name, spy)
    return calls


def test_the_same_request_is_not_parsed_again(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(library)
    calls = count_parses(monkeypatch)
    asked: list[Callable[[], object]] = [
        lambda: answers.paragraph("1-17"),
        lambda: answers.paragraph("4", language="fr"),
        lambda: answers.footnote("5"),
        lambda: answers.cite("4-6", "bluebook", True),
        lambda: answers.replay("p:A/RES/62/152:OP5"),
        lambda: answers.replay("c:A/RES/62/152:OP4:-:0", style="oscola"),
        lambda: answers.quote_message("I disagree with para 7; see ¶¶ 4–5 and fn 5", where="https://x/1/2/3"),
    ]
    first = [ask() for ask in asked]
    parsed = len(calls)
    assert parsed > 0
    again = [ask() for ask in asked]
    assert len(calls) == parsed, calls[parsed:]
    assert all(a == b for a, b in zip(first, again, strict=True))
    # The same text in another message (its own link): not parsed again either.
    other = answers.quote_message("I disagree with para 7; see ¶¶ 4–5 and fn 5", where="https://x/1/2/4")
    assert len(calls) == parsed and "https://x/1/2/4" in (other.content or "")


def test_an_error_is_not_kept(library: Library) -> None:
    from bot.content.errors import UserError

    answers = Answers(library)
    for _ in range(2):
        with pytest.raises(UserError):
            answers.paragraph("99")


def test_the_requests_kept_are_bounded(library: Library) -> None:
    answers = Answers(library)
    for n in range(Answers.KEPT_REPLIES + 50):
        answers.paragraph(f"4{' ' * (n % 100)}, {1 + n % 17}")
    assert len(answers._asked._items) == Answers.KEPT_REPLIES


def test_a_quoted_message_is_kept_with_its_own_header(library: Library) -> None:
    answers = Answers(library)
    here = answers.quote_message("see paras 4 and 5", where="https://discord.com/channels/1/2/3")
    there = answers.quote_message("see paras 4 and 5", where="https://discord.com/channels/1/2/4")
    assert "channels/1/2/3" in (here.content or "") and "channels/1/2/4" in (there.content or "")
    assert answers.quote_message("see paras 4 and 5", where="https://discord.com/channels/1/2/3") == here
    assert here.embeds == there.embeds and here.content == (there.content or "").replace("/4", "/3")
