"""What each command does, from its arguments to a `Reply`.

The cogs call these from Discord and the console calls them from the
terminal, so both answer identically. Lookups that fail raise `UserError`.
"""

from __future__ import annotations

from bot.content import refs as references
from bot.content.errors import UserError
from bot.content.library import Library
from bot.content.model import Kind
from bot.content.search import fold
from bot.content.summary import ALL, resolve_addressee, summarize
from bot.render import (
    CHOICES_LIMIT,
    Reply,
    about_reply,
    choice_name,
    help_reply,
    preview,
    refs_reply,
    search_reply,
    summary_reply,
)

SEARCH_RESULTS = 5

COMMANDS: tuple[tuple[str, str], ...] = (
    ("/paragraph 4", "a paragraph verbatim; also `PP 3`, `fn 2`, `4-6`, `4, 7`"),
    ("/footnote 5", "a footnote, its links and the paragraphs citing it"),
    ("/summary States", "what States (or anyone else, or `all`) are asked to do"),
    ("/search impunity", 'ranked matches; "quoted phrases" work'),
    ("/about", "the resolution's details and where the text comes from"),
    ("/daily set", "server managers: post a paragraph every day in a channel"),
    ("/help", "this help"),
)


class Handlers:
    """The reading commands over a loaded library; pure functions of their arguments."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def paragraph(self, ref: str, document: str | None = None) -> Reply:
        doc = self.library.entry(document).document
        return refs_reply(doc, references.parse_refs(ref, doc))

    def footnote(self, number: str, document: str | None = None) -> Reply:
        doc = self.library.entry(document).document
        return refs_reply(doc, references.parse_footnotes(number, doc))

    def summary(self, addressee: str | None = None, document: str | None = None) -> Reply:
        doc = self.library.entry(document).document
        ident = resolve_addressee(doc, addressee)
        sections = summarize(doc, ident)
        if not sections:
            label = doc.addressee_label(ident) if ident else "anyone"
            raise UserError(f"No operative paragraph of {doc.symbol} addresses {label}.")
        return summary_reply(doc, sections, everyone=ident is None)

    def search(self, query: str, document: str | None = None) -> Reply:
        entry = self.library.entry(document)
        return search_reply(entry.document, entry.index.search(query, limit=SEARCH_RESULTS))

    def about(self, document: str | None = None) -> Reply:
        return about_reply(self.library.entry(document).document, COMMANDS)

    def help(self, document: str | None = None) -> Reply:
        return help_reply(self.library.entry(document).document, COMMANDS, references.SYNTAX_HELP)

    # -- autocomplete -----------------------------------------------------

    def paragraph_choices(self, current: str) -> list[tuple[str, str]]:
        """Up to 25 (name, value) choices matching a number or words."""
        entry = self.library.entry()
        doc = entry.document
        paragraphs = list(doc.operative) + list(doc.preamble)
        text = current.strip()
        choices: list[tuple[str, str]] = []
        if text:
            try:
                found = references.parse_refs(text, doc)
            except UserError:
                found = ()
            if len(found) > 1:
                choices.append((choice_name(references.format_refs(found), f"{len(found)} items"), text[:100]))
            elif found and found[0].kind is not Kind.FOOTNOTE:
                p = doc.paragraph(found[0])
                choices.append((choice_name(p.ref.label, preview(p, 100)), references.format_refs(found)))
            digits = "".join(c for c in text if c.isdigit())
            if digits and not any(c.isalpha() for c in fold(text).replace("op", "").replace("pp", "")):
                paragraphs = [p for p in paragraphs if str(p.number).startswith(digits)]
            elif not found:
                hits = entry.index.search(text, limit=CHOICES_LIMIT).hits if len(text) >= 2 else ()
                wanted = [h.ref for h in hits if h.ref.kind is not Kind.FOOTNOTE]
                paragraphs = [doc.paragraph(r) for r in wanted]
        for p in paragraphs:
            value = references.format_refs([p.ref])
            if all(value != v for _, v in choices):
                choices.append((choice_name(p.ref.label, preview(p, 100)), value))
        return choices[:CHOICES_LIMIT]

    def footnote_choices(self, current: str) -> list[tuple[str, str]]:
        doc = self.library.default
        digits = "".join(c for c in current if c.isdigit())
        words = fold(current)
        choices = []
        for f in doc.footnotes:
            citing = ", ".join(p.ref.label for p in doc.citing(f.number))
            name = choice_name(str(f.number), f"{f.text.replace('*', '')} (in {citing})")
            if (digits and str(f.number).startswith(digits)) or (not digits and words in fold(name)):
                choices.append((name, str(f.number)))
        return choices[:CHOICES_LIMIT]

    def addressee_choices(self, current: str) -> list[tuple[str, str]]:
        doc = self.library.default
        words = fold(current.strip())
        options = [(label, ident) for ident, label in doc.addressees] + [("Everyone (all addressees)", ALL)]
        return [(n, v) for n, v in options if words in fold(n) or words in v][:CHOICES_LIMIT]
