"""Type the bot's commands in a terminal and read the replies as text: no token, no network.

Goes through the same `Answers` the slash commands use, so what you see
here is what Discord would be sent.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import TextIO

from bot.answers import Answers
from bot.content.errors import UserError
from bot.content.langs import LANGUAGES, parse_language, text_language
from bot.i18n import LOCALES, SOURCE_LOCALE, catalogue_locale
from bot.render import Reply, error_reply, to_text

PROMPT = "resolution-bot> "


def _required(text: str, what: str) -> str:
    """`text`, or the error saying what the command needs (`what`: a variant of err-console-needs)."""
    if not text.strip():
        raise UserError("err-console-needs", what=what)
    return text


_OPTION = re.compile(r"\b(style|quote|language):(\S+)")


def _options(args: str) -> tuple[str, dict[str, str]]:
    """ "4 language:fr style:un" -> ("4", {"language": "fr", "style": "un"})."""
    return _OPTION.sub("", args).strip(), dict(_OPTION.findall(args))


def _language(options: dict[str, str], locale: str = SOURCE_LOCALE) -> str | None:
    """The `language` option; without it, the text in the interface language where the library has it
    (as a Discord client in that locale gets it), the original in English."""
    if "language" not in options:
        return text_language(locale) if locale != SOURCE_LOCALE else None
    try:
        return parse_language(options.get("language"))
    except ValueError:
        raise UserError(
            "err-console-language", language=options["language"][:30], languages=", ".join(LANGUAGES)
        ) from None


def _cite(answers: Answers, args: str, document: str | None, locale: str = SOURCE_LOCALE) -> Reply:
    """`/cite 4 style:bluebook quote:true language:fr`, as the slash command's options."""
    ref, options = _options(args)
    quote = options.get("quote", "false").casefold() in ("true", "yes", "1")
    what = _required(ref, "cite")
    language = _language(options, locale)
    return answers.cite(what, options.get("style"), quote, document, language=language, locale=locale)


def _read(show: Callable[..., Reply], args: str, what: str, document: str | None, locale: str = SOURCE_LOCALE) -> Reply:
    """`/paragraph 4 language:ar`."""
    ref, options = _options(args)
    return show(_required(ref, what), document, language=_language(options, locale), locale=locale)


def _locale(args: str) -> tuple[str, str]:
    """`locale:fr` anywhere in the line: the interface language the replies are in (as a Discord
    client's locale), English without it."""
    found = re.search(r"\blocale:(\S+)", args)
    if found is None:
        return args, SOURCE_LOCALE
    served = catalogue_locale(found[1])
    if served is None:
        raise UserError("read-console-no-locale", typed=found[1][:30], locales=", ".join(LOCALES))
    return (args[: found.start()] + args[found.end() :]).strip(), served


def _document(args: str) -> tuple[str, str | None]:
    """`document:78/216` (or `document:"defenders 2023"`) anywhere in the line, as the slash command's option."""
    found = re.search(r'\bdocument:(?:"([^"]*)"|(\S+))', args)
    if found is None:
        return args, None
    return (args[: found.start()] + args[found.end() :]).strip(), found[1] or found[2]


def dispatch(answers: Answers, line: str) -> Reply:
    """Answer one command line such as `/paragraph 4` or `/search "freedom of expression"`."""
    name, _, rest = line.strip().partition(" ")
    name = name.lstrip("/").casefold()
    rest, doc = _document(rest.strip())
    locale = SOURCE_LOCALE

    def search(a: str) -> Reply:
        return answers.search(_required(a, "search"), doc, locale=locale)

    table: dict[str, Callable[[str], Reply]] = {
        "paragraph": lambda a: _read(answers.paragraph, a, "paragraph", doc, locale),
        "footnote": lambda a: _read(answers.footnote, a, "footnote", doc, locale),
        "cite": lambda a: _cite(answers, a, doc, locale),
        "summary": lambda a: answers.summary(a or None, doc, locale=locale),
        "search": search,
        "about": lambda a: answers.about(doc, locale=locale),
        "library": lambda a: answers.catalogue(locale=locale),
        "help": lambda a: answers.help(doc, locale=locale),
    }
    command = table.get(name)
    try:
        rest, locale = _locale(rest)
        if command is None:
            raise UserError("err-console-command", name=name, commands=", ".join("/" + n for n in table))
        return command(rest)
    except UserError as exc:
        return error_reply(exc.text(locale))


def show(answers: Answers, words: list[str]) -> str:
    """One reply: `show 4`, `show pp3`, or `show /search impunity`."""
    line = " ".join(words)
    if not line.startswith("/"):
        line = f"/paragraph {line}"
    return to_text(dispatch(answers, line))


def repl(answers: Answers, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    interactive = stdin.isatty()
    if interactive:
        stdout.write(
            "Type a command such as /paragraph 4, /search impunity or /summary; /help lists them; quit to leave.\n"
        )
    while True:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        line = line.strip()
        if not line:
            continue
        if line in ("quit", "exit", "/quit", "/exit"):
            break
        stdout.write(to_text(dispatch(answers, line)) + "\n")
        stdout.flush()
