"""Every reply the bot can give for this document fits Discord's limits."""

from __future__ import annotations

import discord
import pytest

from bot.answers import Answers
from bot.content.model import Document
from bot.render import Reply, escape, mark, paginate, to_text


def assert_fits(reply: Reply) -> None:
    assert len(reply.embeds) <= 10
    assert sum(len(e) for e in reply.embeds) <= 6000
    assert len(reply.content or "") <= 2000
    for embed in reply.embeds:
        assert len(embed.description or "") <= 4096
        assert all(len(str(f.value)) <= 1024 for f in embed.fields)


def test_every_paragraph_and_footnote_fits(doc: Document, answers: Answers) -> None:
    for paragraph in doc.paragraphs():
        assert_fits(answers.paragraph(f"{paragraph.ref.kind.value}{paragraph.number}"))
    for footnote in doc.footnotes:
        assert_fits(answers.footnote(str(footnote.number)))


@pytest.mark.parametrize("ref", ["1-17", "pp1-15", "pp1-15, op1-17", "fn1-6"])
def test_the_largest_requests_fit(answers: Answers, ref: str) -> None:
    assert_fits(answers.paragraph(ref))


def test_summaries_fit(answers: Answers) -> None:
    for addressee in ("States", "all", "Special Representative", "UN bodies"):
        assert_fits(answers.summary(addressee))


def test_about_and_help_fit(answers: Answers) -> None:
    assert_fits(answers.about())
    assert_fits(answers.help())


def test_paginate_never_splits_a_line_and_respects_the_limit() -> None:
    lines = [f"line {i} " + "x" * 50 for i in range(200)]
    pages = paginate(lines, limit=500)
    assert all(len(p) <= 500 for p in pages)
    assert "\n".join(pages).split("\n") == lines


def test_marking_escapes_markdown_in_snippets() -> None:
    assert mark("a *b* c_d", ((3, 4),)) == "a \\***b**\\* c\\_d"
    assert escape("@everyone `x`") == "@everyone \\`x\\`"


def test_console_text_shows_embeds() -> None:
    embed = discord.Embed(title="T", description="D", url="https://x")
    embed.add_field(name="F", value="V")
    embed.set_footer(text="foot")
    text = to_text(Reply(content="c", embeds=(embed,), ephemeral=True))
    assert text.splitlines() == ["(only you can see this)", "c", "┃ T  <https://x>", "┃ D", "┃ ── F", "┃ V", "┃ ╰ foot"]
