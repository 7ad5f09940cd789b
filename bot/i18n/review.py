"""Print every message of a catalogue beside its English source, for review by reading.

python -m bot.i18n.review fr        (or: make i18n-review LANG=fr; every language: make translations)

The raw Fluent text is shown, variants and $arguments included, so a reviewer sees every form."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from fluent.syntax import FluentSerializer
from fluent.syntax import ast as ftl

from bot.i18n.catalogue import LOCALES, SOURCE_LOCALE, Catalogues, catalogue_locale, load_catalogues


def _source(pattern: ftl.Pattern) -> str:
    # Serialise a one-message resource, then keep what stands after "x = ".
    text = FluentSerializer().serialize(ftl.Resource([ftl.Message(ftl.Identifier("x"), pattern)]))
    return text.removeprefix("x =").strip()


def review(catalogues: Catalogues, locale: str) -> str:
    """Each message: its id and file:line, the English, then the translation (or MISSING)."""
    lines = [f"# {locale} beside {SOURCE_LOCALE}: {len(catalogues.entries(SOURCE_LOCALE))} messages", ""]
    found = catalogues.entries(locale)
    for key, english in catalogues.entries(SOURCE_LOCALE).items():
        entry = found.get(key)
        lines.append(f"{english.label}    ({entry.where if entry else 'not translated'})")
        lines.append(f"  en: {_indent(_source(english.pattern))}")
        lines.append(f"  {locale}: {_indent(_source(entry.pattern)) if entry else 'MISSING'}")
        lines.append("")
    return "\n".join(lines)


def _indent(text: str) -> str:
    return text.replace("\n", "\n      ")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    wanted = [catalogue_locale(a) for a in args] if args else [loc for loc in LOCALES if loc != SOURCE_LOCALE]
    if not all(wanted) or SOURCE_LOCALE in wanted:
        others = ", ".join(loc for loc in LOCALES if loc != SOURCE_LOCALE)
        print(f"usage: python -m bot.i18n.review [LANG…]   (LANG one of {others})", file=sys.stderr)
        return 2
    catalogues = load_catalogues()
    sys.stdout.write("\n".join(review(catalogues, locale) for locale in wanted if locale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
