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
from bot.render import Reply, error_reply, to_text

PROMPT = "resolution-bot> "


def _required(text: str, what: str) -> str:
    if not text.strip():
        raise UserError(f"This command needs {what}.")
    return text


def _cite(answers: Answers, args: str, document: str | None) -> Reply:
    """`/cite 4 style:bluebook quote:true`, as the slash command's options."""
    options = dict(re.findall(r"\b(style|quote):(\S+)", args))
    ref = re.sub(r"\b(?:style|quote):\S+", "", args).strip()
    quote = options.get("quote", "false").casefold() in ("true", "yes", "1")
    what = _required(ref, "what to cite, e.g. `/cite 4` or `/cite all`")
    return answers.cite(what, options.get("style"), quote, document)


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
    table: dict[str, Callable[[str], Reply]] = {
        "paragraph": lambda a: answers.paragraph(_required(a, "a paragraph reference, e.g. `/paragraph 4`"), doc),
        "footnote": lambda a: answers.footnote(_required(a, "a footnote number, e.g. `/footnote 5`"), doc),
        "cite": lambda a: _cite(answers, a, doc),
        "summary": lambda a: answers.summary(a or None, doc),
        "search": lambda a: answers.search(_required(a, "something to search for, e.g. `/search impunity`"), doc),
        "about": lambda a: answers.about(doc),
        "library": lambda a: answers.catalogue(),
        "help": lambda a: answers.help(),
    }
    command = table.get(name)
    try:
        if command is None:
            raise UserError(f"There is no command /{name}. Commands: {', '.join('/' + n for n in table)}.")
        return command(rest)
    except UserError as exc:
        return error_reply(exc.message)


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
