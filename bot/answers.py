"""The reading and citing commands' answers: from their arguments to a `Reply`.

The cogs call these from Discord and the console from the terminal, so both
answer identically. Lookups that fail raise `UserError`. Every reply that
has buttons carries *sources* (see `replay`): short strings that rebuild a
reply from nothing, so a button works on a message of any age.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

import discord

from bot.content import refs as references
from bot.content.cite import DEFAULT_STYLE, STYLES, annex_reference, article_citation, check_style, citation
from bot.content.errors import UserError
from bot.content.langs import LANGUAGES, not_available, reader_version
from bot.content.library import Entry, Library
from bot.content.model import FOOTNOTE_MARKER, Annex, Document, Kind, Ref
from bot.content.search import MAX_QUERY, fold
from bot.content.summary import ALL, addressee_key, resolve_addressee, summarize
from bot.i18n import SOURCE_LOCALE, say
from bot.i18n.catalogue import shipped_catalogues
from bot.render import (
    CHOICES_LIMIT,
    Navigation,
    Reply,
    about_reply,
    addressee_name,
    article_cite_reply,
    article_label,
    article_reply,
    article_text,
    choice_name,
    cite_reply,
    document_choice_name,
    help_reply,
    library_reply,
    preview,
    reference_in,
    refs_content,
    refs_reply,
    search_reply,
    summary_pages,
    summary_reply,
    unit_embed,
)

log = logging.getLogger(__name__)

SEARCH_RESULTS = 5
CUSTOM_ID_ROOM = 70  # of Discord's 100 characters for a custom_id, what a source may use

# A source names its document by symbol ("p:A/RES/62/152:OP4"). Buttons sent before the bot held a
# library named none ("p:OP4"): those mean the bot's default document, as they did then.
_SOURCE = re.compile(
    r"^(?P<kind>[pcs]):(?:(?P<doc>[^:]*/[^:]*):)?(?P<what>[^:/]+)(?::(?P<a>[^:]*))?(?::(?P<b>[^:]*))?$"
)


def _compact(refs: Sequence[Ref]) -> str:
    return references.format_refs(refs, sep=",")


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclasses.dataclass(frozen=True)
class _Quoted:
    """What a quoted message cites: an article (`article`), or `refs` of `doc`; the header's parts
    before and after the link to the message."""

    doc: Document
    refs: tuple[Ref, ...]
    article: tuple[Document, Annex, references.ArticlePoint] | None
    title: str
    after: str


class _Kept(Generic[K, V]):
    """The last `size` answers asked for, kept to be sent again (least recently used goes first)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, make: Callable[[], V]) -> V:
        try:
            self._items.move_to_end(key)
            return self._items[key]
        except KeyError:
            value = self._items[key] = make()
            if len(self._items) > self.size:
                self._items.popitem(last=False)
            return value


class Answers:
    """The reading commands over a loaded library; pure functions of their arguments.

    Being pure, answers are built once and kept: each paragraph's and footnote's embed (at
    most one per unit of the library, built on first use), and the last replies asked for
    (a bounded number; they share the units' embeds, so each costs little more than its text).
    """

    # How many of each kind are kept: enough for what a server asks again and again, few enough
    # that a stream of distinct requests (random text) adds little memory.
    KEPT_REPLIES = 256  # /paragraph, /footnote and /cite replies (their embeds are shared)
    KEPT_LARGE = 64  # summaries, searches, what quoted messages (up to 4,000 characters) refer to
    KEPT_CHOICES = 128  # autocomplete lists

    def __init__(self, library: Library) -> None:
        self.library = library
        # Every kept answer is keyed by its interface locale too (`locale`: the reader's catalogue), as
        # its titles, notes and buttons are written in it.
        self._units: dict[tuple[str, str, str, Ref], tuple[discord.Embed, int]] = {}
        self._shown: _Kept[tuple[str, tuple[Ref, ...], str, str], Reply] = _Kept(self.KEPT_REPLIES)
        self._cited: _Kept[tuple[str, tuple[Ref, ...], str, bool, str, str], Reply] = _Kept(self.KEPT_REPLIES)
        self._summaries: _Kept[tuple[str, str | None, str], list[Reply]] = _Kept(self.KEPT_LARGE)
        self._searched: _Kept[tuple[str, str | None, str], Reply] = _Kept(self.KEPT_LARGE)
        self._found: _Kept[tuple[str, str], references.Found] = _Kept(self.KEPT_LARGE)
        self._choices: _Kept[tuple[str, str, str, str, str], list[tuple[str, str]]] = _Kept(self.KEPT_CHOICES)
        # The same request typed the same way (a command's options, a button's source): its reply
        # without parsing the reference again. Replies are shared with the kept ones above; the
        # keys are short (options are at most 200 characters), and errors are never kept.
        self._asked: _Kept[tuple[str | bool | None, ...], Reply] = _Kept(self.KEPT_REPLIES)
        self._quoted: _Kept[tuple[str | None, ...], _Quoted] = _Kept(self.KEPT_LARGE)  # messages: up to 4,000 chars

    # -- commands -------------------------------------------------------------

    def document(self, document: str | None = None, text: str = "", fallback: str | None = None) -> Document:
        """The document a command answers from: the one its `document` option names, else the one its
        reference names ("A/RES/78/216 para 5"), else the server's default (`fallback`), else the bot's."""
        named = references.named_documents(text, self.library.documents) if text else []
        if document is not None and document.strip():
            chosen = self.library.entry(document).document
            if len(named) == 1 and named[0] is not chosen:
                raise UserError(
                    "err-document-conflict", text=text.strip()[:60], named=named[0].symbol, chosen=chosen.symbol
                )
            return chosen
        if len(named) == 1:
            return named[0]
        if fallback:
            return self.library.document_or_default(fallback)
        return self.library.default

    def paragraph(
        self,
        ref: str,
        document: str | None = None,
        *,
        fallback: str | None = None,
        language: str | None = None,
        locale: str = SOURCE_LOCALE,
    ) -> Reply:
        """`language`: the UN language the reader wants the text in (their locale's, or the one they chose);
        `locale`: the interface language the reply's own words and buttons are in."""
        return self._asked.get(
            ("paragraph", ref, document, fallback, language, locale),
            lambda: self._paragraph(ref, document, fallback, language, locale),
        )

    def _paragraph(
        self, ref: str, document: str | None, fallback: str | None, language: str | None, locale: str
    ) -> Reply:
        article = references.parse_article(ref)
        if article is not None:
            doc, annex = self.annex(article, document, fallback)
            return self.show_article(doc, annex, article.point, language=language, locale=locale)
        doc = self.document(document, ref, fallback)
        return self.show(doc, references.parse_refs(ref, doc), language=language, locale=locale)

    @staticmethod
    def version(doc: Document, language: str | None) -> tuple[Document, str | None]:
        """The text to show: `doc` in `language` when the library has it, else the original with the
        one line that says so (in the language asked for)."""
        if language is None or language not in LANGUAGES:
            return doc, None
        found = doc.in_language(language)
        if found is not None:
            return found, None
        return doc, not_available(language, doc.meta.language)

    def annex(
        self, ref: references.ArticleRef, document: str | None = None, fallback: str | None = None
    ) -> tuple[Document, Annex]:
        """The resolution and annexed declaration an article reference is to, checked to have that article:
        the resolution it names ("53/144 art 12"), else the chosen document, else the server's or the
        bot's default if it has articles, else the one document of the library that has."""
        having = [d for d in self.library.documents if any(a.articles for a in d.annexes)]
        if ref.number is not None:
            named = [d for d in self.library.documents if d.meta.number == ref.number]
            if not named:
                raise UserError(
                    "err-resolution-not-in-library", number=ref.number, symbols=", ".join(self.library.symbols)
                )
            doc = named[0]
        elif document is not None and document.strip():
            doc = self.library.entry(document).document
        else:
            current = self.document(None, "", fallback)
            if any(d is current for d in having):
                doc = current
            elif having:
                doc = having[0]
            else:
                raise UserError("err-no-articles-anywhere")
        annex = next((a for a in doc.annexes if a.articles), None)
        if annex is None:
            if having:
                raise UserError(
                    "err-no-articles-elsewhere",
                    symbol=doc.symbol,
                    declaration=having[0].symbol,
                    **references.outline(doc),
                )
            raise UserError("err-no-articles", symbol=doc.symbol, **references.outline(doc))
        _check_article(annex, ref.point)
        return doc, annex

    def show_article(
        self,
        doc: Document,
        annex: Annex,
        point: references.ArticlePoint,
        *,
        language: str | None = None,
        locale: str = SOURCE_LOCALE,
    ) -> Reply:
        text_doc, note = self.version(doc, language)
        if text_doc is not doc:
            annex = text_doc.annexes[doc.annexes.index(annex)]
        reply = _noted(article_reply(text_doc, annex, point, locale=locale), note)
        numbers = [a.number for a in annex.articles]
        at = numbers.index(point.article)
        nav = Navigation(
            source=f"p:{doc.symbol}:{point.compact}",
            paged=True,
            previous=f"p:{doc.symbol}:art{numbers[at - 1]}" if at > 0 else None,
            next=f"p:{doc.symbol}:art{numbers[at + 1]}" if at + 1 < len(numbers) else None,
            cite=f"c:{doc.symbol}:{point.compact}:-:0",
            link=doc.meta.url,
            locale=locale,
        )
        return _with(reply, nav)

    def footnote(
        self,
        number: str,
        document: str | None = None,
        *,
        fallback: str | None = None,
        language: str | None = None,
        locale: str = SOURCE_LOCALE,
    ) -> Reply:
        def make() -> Reply:
            doc = self.document(document, number, fallback)
            return self.show(doc, references.parse_footnotes(number, doc), language=language, locale=locale)

        return self._asked.get(("footnote", number, document, fallback, language, locale), make)

    def cite(
        self,
        ref: str,
        style: str | None = None,
        quote: bool = False,
        document: str | None = None,
        *,
        fallback: str | None = None,
        language: str | None = None,
        locale: str = SOURCE_LOCALE,
    ) -> Reply:
        """A citation; `language` words the `un` style as the UN's texts in that language cite, and picks
        the text a quote is taken from; `locale` is the language of the reply's own words."""
        return self._asked.get(
            ("cite", ref, style, quote, document, fallback, language, locale),
            lambda: self._cite_asked(ref, style, quote, document, fallback, language, locale),
        )

    def _cite_asked(
        self,
        ref: str,
        style: str | None,
        quote: bool,
        document: str | None,
        fallback: str | None,
        language: str | None,
        locale: str,
    ) -> Reply:
        key = check_style(style or DEFAULT_STYLE)
        article = references.parse_article(ref)
        if article is not None:
            doc, annex = self.annex(article, document, fallback)
            point = article.point
            text_doc, note = self.version(doc, language)  # the quote's text, and the official link's language
            shown = text_doc.annexes[doc.annexes.index(annex)] if text_doc is not doc else annex
            cited = article_citation(doc, annex, point, key)
            reply = _noted(
                article_cite_reply(text_doc, shown, point, cited, quote, locale=locale), note if quote else None
            )
            source = f"c:{doc.symbol}:{point.compact}:{key}:{int(quote)}"
            return _with(reply, Navigation(source=source, link=text_doc.meta.url, locale=locale))
        doc = self.document(document, ref, fallback)
        refs = references.parse_refs(ref, doc, whole=True)
        return self._cited.get(
            (doc.symbol, refs, key, quote, language or "", locale),
            lambda: self._cite(doc, refs, key, quote, language, locale),
        )

    def _cite(
        self, doc: Document, refs: Sequence[Ref], key: str, quote: bool, language: str | None, locale: str
    ) -> Reply:
        text_doc, note = self.version(doc, language)  # the quote's text, and the official link's language
        cited = citation(doc, refs, key, language=language)
        reply = _noted(cite_reply(text_doc, refs, cited, quote, locale=locale), note if quote else None)
        source = f"c:{doc.symbol}:{_compact(refs) or 'all'}:{key}:{int(quote)}"
        return _with(reply, Navigation(source=source, link=text_doc.meta.url, locale=locale))

    def quote_message(
        self,
        text: str,
        where: str | None = None,
        document: str | None = None,
        *,
        fallback: str | None = None,
        language: str | None = None,
        locale: str = SOURCE_LOCALE,
    ) -> Reply:
        """The paragraphs a chat message refers to, and a line citing them.

        References with no document named are to the chosen (or default) document; references the
        message ties to another document of the library ("78/216, para 5") are to that one."""
        scanned = text[: references.MAX_SCAN]
        # What the message cites is kept by its text; only the link to the message (a new one for
        # each message quoted, even of the same text) is added to the kept answer each time.
        quoted = self._quoted.get(
            (scanned, document, fallback, locale), lambda: self._quoted_refs(scanned, document, fallback, locale)
        )
        title = say(locale, "read-quoted-where", title=quoted.title, where=where) if where else quoted.title
        header = title + quoted.after
        if quoted.article is not None:
            return _with_header(self.show_article(*quoted.article, language=language, locale=locale), header)
        return self.show(quoted.doc, quoted.refs, header=header, language=language, locale=locale)

    def _quoted_refs(self, scanned: str, document: str | None, fallback: str | None, locale: str) -> _Quoted:
        doc = self.document(document, "", fallback)
        found = self._found.get((doc.symbol, scanned), lambda: references.find_refs(scanned, doc))
        elsewhere = [
            (other, hits)
            for other in self.library.documents
            if other is not doc and (hits := references.find_refs(scanned, other, untied=False)).refs
        ]
        articles = []
        for ref in references.find_articles(scanned):
            try:
                articles.append((*self.annex(ref, None, fallback), ref.point))
            except UserError:
                continue  # "Article 40 of the Declaration": not one it has
        others = [reference_in(o, f.refs, locale) for o, f in elsewhere] + [annex_reference(*a) for a in articles]
        if not found.refs and not elsewhere and articles:
            first, *rest = articles
            after = ""
            if rest:
                after = "\n" + say(locale, "read-also-cited", others="; ".join(annex_reference(*a) for a in rest[:3]))
            return _Quoted(doc, (), first, f"**{annex_reference(*first)}**", after)
        if elsewhere and not found.refs:
            doc, found = elsewhere.pop(0)
            others.pop(0)
        also = "\n" + say(locale, "read-also-cited", others="; ".join(others[:3])) if others else ""
        if not found.refs:
            if found.missing:
                raise UserError(
                    "err-finder-missing",
                    symbol=doc.symbol,
                    missing=", ".join(found.missing[:5]),
                    number=doc.meta.number,
                    **references.outline(doc),
                )
            raise UserError("err-finder-nothing", symbol=doc.symbol, number=doc.meta.number)
        after = also
        if found.missing:
            after += "\n" + say(locale, "read-not-in", symbol=doc.symbol, missing=", ".join(found.missing[:5]))
        return _Quoted(doc, tuple(found.refs), None, f"**{reference_in(doc, found.refs, locale)}**", after)

    def summary(
        self,
        addressee: str | None = None,
        document: str | None = None,
        page: int = 0,
        *,
        fallback: str | None = None,
        locale: str = SOURCE_LOCALE,
    ) -> Reply:
        doc = self.document(document, "", fallback)
        if addressee is not None and _means_everyone(addressee, locale):
            addressee = ALL
        ident = resolve_addressee(doc, addressee, [(i, addressee_name(doc, i, locale)) for i, _ in doc.addressees])
        pages = self._summaries.get((doc.symbol, ident, locale), lambda: self._summary_pages(doc, ident, locale))
        page = min(max(page, 0), len(pages) - 1)
        return pages[page]

    @staticmethod
    def _summary_pages(doc: Document, ident: str | None, locale: str = SOURCE_LOCALE) -> list[Reply]:
        # Opening words are quoted from the official text in the reader's language, where there is one.
        sections = summarize(doc, ident, reader_version(doc, locale))
        if not sections:
            if ident is None:
                raise UserError("err-nobody-addressed-anyone", symbol=doc.symbol)
            raise UserError("err-nobody-addressed", symbol=doc.symbol, addressee=addressee_name(doc, ident, locale))
        pages = summary_pages(doc, sections, everyone=ident is None, locale=locale)
        key = _addressee_key(doc, ident)
        replies = []
        for page in range(len(pages)):
            more = f"s:{doc.symbol}:{key}:{page + 1}" if page + 1 < len(pages) else None
            nav = Navigation(source=f"s:{doc.symbol}:{key}:{page}", more=more, link=doc.meta.url, locale=locale)
            replies.append(_with(summary_reply(pages, page, locale), nav))
        return replies

    def search(self, query: str, document: str | None = None, *, locale: str = SOURCE_LOCALE) -> Reply:
        """Search one document, or every document when none is named."""
        doc = self.library.entry(document).document
        return self._searched.get((query, document, locale), lambda: self._search(doc, query, document, locale))

    def _search(self, doc: Document, query: str, document: str | None, locale: str) -> Reply:
        result = self.library.index.search(query, limit=SEARCH_RESULTS, within=doc.symbol if document else None)
        return search_reply(doc, result, several=len(self.library.symbols) > 1, locale=locale)

    def about(
        self,
        document: str | None = None,
        *,
        in_server: bool = True,
        fallback: str | None = None,
        locale: str = SOURCE_LOCALE,
    ) -> Reply:
        """/about, as the Discord command gives it (`bot.cogs.info`): the console's too."""
        return about_reply(shipped_catalogues(), locale, self.document(document, "", fallback), here=in_server)

    def catalogue(self, fallback: str | None = None, *, locale: str = SOURCE_LOCALE) -> Reply:
        """/library: every loaded document, and which one answers here by default."""
        return library_reply(self.library.documents, self.document(None, "", fallback), locale)

    def help(self, document: str | None = None, *, in_server: bool = True, locale: str = SOURCE_LOCALE) -> Reply:
        """/help, as the Discord command gives it (`bot.cogs.info`): the console's too."""
        return help_reply(shipped_catalogues(), locale, self.library.entry(document).document, here=in_server)

    # -- showing references, with where the buttons lead ------------------------

    def show(
        self,
        doc: Document,
        refs: Sequence[Ref],
        header: str | None = None,
        *,
        language: str | None = None,
        locale: str = SOURCE_LOCALE,
    ) -> Reply:
        text_doc, note = self.version(doc, language)
        key = (doc.symbol, tuple(sorted(set(refs))), text_doc.meta.language or "", locale)
        kept = self._shown.get(key, lambda: self._show(doc, text_doc, key[1], locale))
        if header is not None:
            # A quoted message's own header: the same embeds and buttons, another text above them.
            content = refs_content(
                text_doc, key[1], len(kept.embeds), header, more=lambda left: _more(doc, left), locale=locale
            )
            kept = dataclasses.replace(kept, content=content)
        return _noted(kept, note)

    def _unit(self, doc: Document, ref: Ref, locale: str = SOURCE_LOCALE) -> tuple[discord.Embed, int]:
        """A unit's embed and its size, built on first use and kept (never changed once built)."""
        key = (doc.symbol, doc.meta.language or "", locale, ref)
        kept = self._units.get(key)
        if kept is None:
            embed = unit_embed(doc, ref, locale)
            kept = self._units[key] = (embed, len(embed))
        return kept

    def _show(self, doc: Document, text_doc: Document, refs: Sequence[Ref], locale: str = SOURCE_LOCALE) -> Reply:
        """`refs` of `doc` shown in `text_doc` (the same document in the reader's language, or itself)."""
        reply = refs_reply(
            text_doc,
            refs,
            more=lambda left: _more(doc, left),
            unit=lambda r: self._unit(text_doc, r, locale),
            locale=locale,
        )
        ordered = sorted(set(refs))
        shown, left = ordered[: len(reply.embeds)], ordered[len(reply.embeds) :]
        more = _more(doc, left)
        # Previous leads back from the first unit shown, Next on from the last, each through its
        # own part: the paragraphs (PP1… then OP1…), or the footnotes.
        before, after = _sequence(doc, shown[0].kind), _sequence(doc, shown[-1].kind)
        first, last = before.index(shown[0]), after.index(shown[-1])
        cited = sorted(
            {Ref(Kind.FOOTNOTE, n) for r in shown if r.kind is not Kind.FOOTNOTE for n in doc.paragraph(r).footnotes}
        )
        nav = Navigation(
            source=_fit(f"p:{doc.symbol}:{_compact(shown)}"),
            paged=True,
            previous=f"p:{doc.symbol}:{_compact([before[first - 1]])}" if first > 0 else None,
            next=f"p:{doc.symbol}:{_compact([after[last + 1]])}" if last + 1 < len(after) else None,
            more=f"p:{doc.symbol}:{_compact(more)}" if more else None,
            footnotes=_fit(f"p:{doc.symbol}:{_compact(cited)}") if cited else None,
            cite=_fit(f"c:{doc.symbol}:{_compact(shown)}:-:0"),
            link=doc.meta.url,
            library=self._footnote_links(
                doc, [r.number for r in shown if r.kind is Kind.FOOTNOTE] + [r.number for r in cited], locale
            ),
            locale=locale,
        )
        return _with(reply, nav)

    def _footnote_links(
        self, doc: Document, footnotes: Sequence[int], locale: str = SOURCE_LOCALE
    ) -> tuple[tuple[str, str], ...]:
        """A button for each other document of the library that a shown footnote points to
        ("Resolution 53/144, annex." -> the Declaration in 53/144): (label, source)."""
        out: dict[str, str] = {}
        others = [d for d in self.library.documents if d is not doc]
        for number in dict.fromkeys(footnotes):
            text = doc.footnote(number).text
            for other in references.named_documents(text, others):
                annexed = "annex" in text.lower() and any(a.articles for a in other.annexes)
                label = say(
                    locale, "read-button-open-annex" if annexed else "read-button-open", number=other.meta.number
                )
                target = "art1" if annexed else _compact([_first(other)])
                out.setdefault(label, f"p:{other.symbol}:{target}")
        return tuple(out.items())[:3]

    @staticmethod
    def needs_style(source: str) -> bool:
        """Whether `replay` needs the default style for this source: a citation that names none."""
        match = _SOURCE.match(source)
        return match is not None and match["kind"] == "c" and match["a"] in (None, "", "-")

    def replay(
        self, source: str, *, style: str | None = None, language: str | None = None, locale: str = SOURCE_LOCALE
    ) -> Reply:
        """Rebuild the reply a source describes. `style` is the default for a cite source that names none;
        `language` the reader's (texts are shown, and citations worded, in it where the library has it);
        `locale` the language of the reply's own words and buttons."""
        return self._asked.get(
            ("replay", source, style, language, locale), lambda: self._replay(source, style, language, locale)
        )

    def _replay(self, source: str, style: str | None, language: str | None, locale: str) -> Reply:
        match = _SOURCE.match(source)
        if match is None:
            raise UserError("err-old-button")
        doc = self.library.entry(match["doc"]).document if match["doc"] else self.library.default
        kind, what = match["kind"], match["what"]
        if kind == "p" and what.startswith("art"):
            return self.paragraph(what, doc.symbol, language=language, locale=locale)
        if kind == "p":
            return self.show(doc, references.parse_refs(what, doc), language=language, locale=locale)
        if kind == "c":
            chosen = match["a"] if match["a"] not in (None, "", "-") else (style or DEFAULT_STYLE)
            quote = match["b"] == "1"
            what = "all" if what == "all" else what
            return self.cite(what, chosen, quote, doc.symbol, language=language, locale=locale)
        page = int(match["a"]) if match["a"] and match["a"].isascii() and match["a"].isdigit() else 0
        if what.startswith("#"):  # an addressee by position, where its id is too long for a button
            index = what[1:]
            if not (index.isascii() and index.isdigit() and int(index) < len(doc.addressees)):
                raise UserError("err-old-button")
            what = doc.addressees[int(index)][0]
        return self.summary(what, doc.symbol, page, locale=locale)

    # -- autocomplete ---------------------------------------------------------
    # Autocomplete answers on every keystroke and must never fail: any input gets a list.

    def document_choices(self, current: str) -> list[tuple[str, str]]:
        """The documents typed so far names (a symbol, a number, a year, title words); all when blank."""
        entries = self.library.entries if not current.strip() else self.library.matching(current[:100])
        return [(document_choice_name(e.document), e.document.symbol) for e in entries][:CHOICES_LIMIT]

    def paragraph_choices(
        self, current: str, document: str | None = None, *, fallback: str | None = None, locale: str = SOURCE_LOCALE
    ) -> list[tuple[str, str]]:
        """Up to 25 (name, value) choices: references typed so far, or paragraphs matching words. The
        values are what people type, in every language; `locale` words the rest of the names."""
        return list(
            self._choices.get(
                ("paragraph", current, document or "", fallback or "", locale),
                lambda: self._paragraph_choices(current, document, fallback, locale),
            )
        )

    def _paragraph_choices(
        self, current: str, document: str | None, fallback: str | None, locale: str = SOURCE_LOCALE
    ) -> list[tuple[str, str]]:
        articles = self._article_choices(current, document, fallback, locale)
        if articles is not None:
            return articles
        try:
            doc = self.document(document, current, fallback)
        except UserError:
            return []
        entry = self.library.entry(doc.symbol)
        text = references.normalise(current)[: references.MAX_INPUT]
        choices: list[tuple[str, str]] = []
        try:
            found = references.parse_refs(text, doc) if text else ()
        except UserError:
            found = ()
        shown = reader_version(doc, locale)  # previews in the reader's official text, where there is one
        if len(found) > 1:
            items = say(locale, "read-choice-items", count=len(found))
            choices.append((choice_name(references.format_refs(found), items), _value(found)))
        elif found:
            choices.append(self._choice(shown, found[0]))
        values = {value for _, value in choices}
        for ref, language in self._candidates(entry, text, found):
            # a paragraph found by words of another language shows its opening in that language
            choice = self._choice(doc.in_language(language) or doc if language else shown, ref)
            if choice[1] not in values:
                values.add(choice[1])
                choices.append(choice)
        return choices[:CHOICES_LIMIT]

    def _article_choices(
        self, current: str, document: str | None, fallback: str | None, locale: str = SOURCE_LOCALE
    ) -> list[tuple[str, str]] | None:
        """Articles, while what is typed reads as the start of an article reference ("art", "Article 1",
        "53/144 art 12(2)"); None when it does not."""
        text = references.normalise(current)[: references.MAX_INPUT]
        typed = re.fullmatch(
            r"(?P<pre>.*?)\b(?:art(?:icles?|s?\.?)?|annex|declaration)\s*(?P<digits>\d{0,3})\b.*", text
        )
        if typed is None or (typed["pre"].strip() and not re.search(r"\d{2}/\d{1,4}", typed["pre"])):
            return None
        exact = references.parse_article(current)
        probe = exact or references.parse_article(f"{typed['pre']} art 1")
        if probe is None:
            return None
        try:
            doc, annex = self.annex(
                references.ArticleRef(references.ArticlePoint(1), probe.number, False), document, fallback
            )
        except UserError:
            return []
        choices: list[tuple[str, str]] = []
        if exact is not None:
            try:
                _check_article(annex, exact.point)
            except UserError:
                exact = None
        if exact is not None and (exact.point.clause or exact.point.item):
            text_of = article_text(annex.article(exact.point.article), exact.point)
            label = article_label(exact.point, locale)
            choices.append((choice_name(label, _plain(text_of)), _article_value(doc, exact.point)))
        for article in annex.articles:
            if str(article.number).startswith(typed["digits"]):
                point = references.ArticlePoint(article.number)
                label = article_label(point, locale)
                choices.append((choice_name(label, _plain(article.full_text)), _article_value(doc, point)))
        return choices[:CHOICES_LIMIT]

    def _candidates(self, entry: Entry, text: str, found: Sequence[Ref]) -> list[tuple[Ref, str | None]]:
        """What to offer for `text`, each with the language of the text its words were found in."""
        doc = entry.document
        paragraphs: list[tuple[Ref, str | None]] = [(p.ref, None) for p in (*doc.operative, *doc.preamble)]
        if not text:
            return paragraphs
        typed = re.fullmatch(r"(?P<kind>[^\d]*?)\s*(?P<digits>\d*)", text)
        if typed is not None:
            kind = _typed_kind(typed["kind"])
            digits = typed["digits"]
            if kind is not None or (digits and not typed["kind"].strip()):
                footnotes: list[tuple[Ref, str | None]] = [(Ref(Kind.FOOTNOTE, f.number), None) for f in doc.footnotes]
                pool: list[tuple[Ref, str | None]] = footnotes if kind is Kind.FOOTNOTE else paragraphs
                if kind is not None and kind is not Kind.FOOTNOTE:
                    pool = [(r, x) for r, x in pool if r.kind is kind]
                return [(r, x) for r, x in pool if str(r.number).startswith(digits)]
        if found or len(text) < 2 or len(text) > MAX_QUERY:
            return []
        try:
            hits = self.library.index.search(text, limit=CHOICES_LIMIT, within=doc.symbol, snippets=False).hits
        except UserError:
            return []
        return [(h.ref, h.language) for h in hits if h.ref.kind is not Kind.ARTICLE]  # articles: their own choices

    @staticmethod
    def _choice(doc: Document, ref: Ref) -> tuple[str, str]:
        if ref.kind is Kind.FOOTNOTE:
            text = doc.footnote(ref.number).text.replace("*", "")
            return choice_name(ref.label, text), _value([ref])
        return choice_name(ref.label, preview(doc.paragraph(ref), 100)), _value([ref])

    def footnote_choices(
        self, current: str, document: str | None = None, *, fallback: str | None = None, locale: str = SOURCE_LOCALE
    ) -> list[tuple[str, str]]:
        return list(
            self._choices.get(
                ("footnote", current, document or "", fallback or "", locale),
                lambda: self._footnote_choices(current, document, fallback, locale),
            )
        )

    def _footnote_choices(
        self, current: str, document: str | None, fallback: str | None, locale: str = SOURCE_LOCALE
    ) -> list[tuple[str, str]]:
        try:
            doc = self.document(document, "", fallback)
        except UserError:
            return []
        digits = "".join(c for c in current if c in "0123456789")[:4]
        words = fold(references.normalise(current))[: references.MAX_INPUT]
        choices = []
        for f in reader_version(doc, locale).footnotes:
            citing = ", ".join(p.ref.label for p in doc.citing(f.number))
            name = choice_name(
                str(f.number), say(locale, "read-choice-footnote", text=f.text.replace("*", ""), where=citing)
            )
            if (digits and str(f.number).startswith(digits)) or (not digits and words in fold(name)):
                choices.append((name, str(f.number)))
        return choices[:CHOICES_LIMIT]

    def addressee_choices(
        self, current: str, document: str | None = None, *, fallback: str | None = None, locale: str = SOURCE_LOCALE
    ) -> list[tuple[str, str]]:
        return list(
            self._choices.get(
                ("addressee", current, document or "", fallback or "", locale),
                lambda: self._addressee_choices(current, document, fallback, locale),
            )
        )

    def _addressee_choices(
        self, current: str, document: str | None, fallback: str | None, locale: str = SOURCE_LOCALE
    ) -> list[tuple[str, str]]:
        try:
            doc = self.document(document, "", fallback)
        except UserError:
            return []
        # Matched as /summary matches what it is given: punctuation aside ("droits de l'homme" is
        # "l’homme", "haut commissariat" "Haut-Commissariat"), not as the folded text stands.
        words = addressee_key(references.normalise(current[:100]))
        options = [(addressee_name(doc, ident, locale), ident) for ident, _ in doc.addressees]
        options.append((say(locale, "read-choice-everyone"), ALL))
        return [(n, v) for n, v in options if words in addressee_key(n) or words in addressee_key(v)][:CHOICES_LIMIT]

    @staticmethod
    def style_choices() -> list[tuple[str, str]]:
        return [(description[:100], key) for key, description in STYLES.items()]


def _first(doc: Document) -> Ref:
    """Where a document opens: its first operative paragraph (its first paragraph if it has none)."""
    return next(iter(doc.operative or doc.preamble)).ref


def _plain(text: str) -> str:
    return " ".join(FOOTNOTE_MARKER.sub("", text).replace("*", "").split())


def _article_value(doc: Document, point: references.ArticlePoint) -> str:
    """What an article choice puts in the option: it names its resolution, so any document option agrees."""
    return f"{doc.meta.number} {point.label.replace('Article', 'art.')}"


def _check_article(annex: Annex, point: references.ArticlePoint) -> None:
    """`UserError` unless the annex has that article, paragraph and sub-paragraph."""
    numbers = [a.number for a in annex.articles]
    try:
        article = annex.article(point.article)
    except KeyError:
        raise UserError(
            "err-no-such-article", article=str(point.article), first=str(numbers[0]), last=str(numbers[-1])
        ) from None
    clauses = [c.number for c in article.clauses if c.number is not None]
    if point.clause is not None and point.clause not in clauses:
        raise UserError(
            "err-no-such-clause",
            article=str(point.article),
            clause=str(point.clause),
            clauses=clauses[-1] if clauses else 0,
        )
    if point.item is not None:
        clause = article.clause(point.clause) if point.clause is not None else article.clauses[0]
        labels = [i.label for i in clause.items]
        if point.item not in labels:
            raise UserError(
                "err-no-such-item",
                article=str(point.article),
                clause=str(point.clause) if point.clause else "none",
                first=labels[0] if labels else "none",
                last=labels[-1] if labels else "none",
                item=point.item,
            )


def _sequence(doc: Document, kind: Kind) -> list[Ref]:
    """What Previous/Next walk through: every paragraph in document order, or the footnotes."""
    if kind is Kind.FOOTNOTE:
        return [f.ref for f in doc.footnotes]
    return [p.ref for p in doc.paragraphs()]


def _typed_kind(prefix: str) -> Kind | None:
    """The part a partly typed reference names: "pp", "op ", "fn", "footnote", "¶"."""
    word = prefix.strip().rstrip(".")
    if not word:
        return None
    for kind, words in (
        (Kind.PREAMBLE, ("pp", "p", "pmbl", "preamble", "preambular", "preambular para", "preambular paragraph")),
        (Kind.FOOTNOTE, ("fn", "f", "footnote", "footnotes", "note", "n")),
        (Kind.OPERATIVE, ("op", "o", "operative", "para", "paras", "paragraph", "paragraphs", "¶", "¶¶", "op para")),
    ):
        if word in words:
            return kind
    return None


def _value(refs: Sequence[Ref]) -> str:
    return references.format_refs(refs)[:100]


def _means_everyone(typed: str, locale: str) -> bool:
    """ "Tout le monde", "все", "所有人": the reader's word for everyone, as the autocomplete choice
    names it (with or without what follows it in brackets), besides `all`."""
    everyone = say(locale, "read-choice-everyone")
    return addressee_key(typed) in {addressee_key(everyone), addressee_key(re.split(r"[(（]", everyone)[0])}


def _addressee_key(doc: Document, ident: str | None) -> str:
    """How a summary source names its addressee: the id, or its position when the id would not
    leave a page number room in a button's custom_id (or holds the source's separator)."""
    if ident is None:
        return ALL
    if ":" in ident or ident.startswith("#") or len(f"s:{doc.symbol}:{ident}:999") > CUSTOM_ID_ROOM:
        return f"#{[i for i, _ in doc.addressees].index(ident)}"
    return ident


def _more(doc: Document, left: Sequence[Ref]) -> list[Ref]:
    """What More shows of the units left out: as many from the start as its custom_id can name."""
    shown = list(left)
    while shown and len(f"p:{doc.symbol}:{_compact(shown)}") > CUSTOM_ID_ROOM:
        shown.pop()
    return shown


def _fit(source: str) -> str | None:
    """A source short enough for a button's custom_id, else None (the button is left out)."""
    return source if len(source) <= CUSTOM_ID_ROOM else None


def _with_header(reply: Reply, header: str) -> Reply:
    return Reply(content=header, embeds=reply.embeds, ephemeral=reply.ephemeral, nav=reply.nav)


def _noted(reply: Reply, note: str | None) -> Reply:
    """`reply` with `note` (the text is not in the reader's language) as its first line."""
    if note is None:
        return reply
    content = f"*{note}*" + (f"\n{reply.content}" if reply.content else "")
    return Reply(content=content, embeds=reply.embeds, ephemeral=reply.ephemeral, nav=reply.nav)


def _with(reply: Reply, nav: Navigation) -> Reply:
    return Reply(content=reply.content, embeds=reply.embeds, ephemeral=reply.ephemeral, nav=nav)
