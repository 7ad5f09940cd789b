"""What must hold before a catalogue reaches Discord: run by the tests and by `python -m bot sync`.

Each check returns every problem it finds, one line each, naming the file and line to fix."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.i18n.catalogue import SOURCE_LOCALE, Catalogues, texts, variables

GLOSSARY_FILE = Path(__file__).resolve().parent / "glossary.yaml"


def check_catalogues(catalogues: Catalogues) -> list[str]:
    """Every catalogue has every English message and no other; each uses exactly English's $arguments."""
    problems: list[str] = []
    source = catalogues.entries(SOURCE_LOCALE)
    for locale in catalogues.locales:
        if locale == SOURCE_LOCALE:
            continue
        found = catalogues.entries(locale)
        for key, english in source.items():
            entry = found.get(key)
            if entry is None:
                problems.append(f"{locale}: {english.label}: missing (English at {english.where})")
                continue
            wanted, used = variables(english.pattern), variables(entry.pattern)
            if wanted != used:
                detail = []
                if wanted - used:
                    detail.append("lacks " + ", ".join(f"${v}" for v in sorted(wanted - used)))
                if used - wanted:
                    detail.append(
                        "uses " + ", ".join(f"${v}" for v in sorted(used - wanted)) + " which English has not"
                    )
                problems.append(f"{entry.where}: {entry.label}: {'; '.join(detail)} (English at {english.where})")
        for key, entry in found.items():
            if key not in source:
                problems.append(f"{entry.where}: {entry.label}: not in the English catalogue (a leftover?)")
    return problems


@dataclass(frozen=True)
class Term:
    """One thing the UN's texts name, as each language's official texts write it."""

    concept: str
    english: tuple[str, ...]
    forms: Mapping[str, tuple[str, ...]]
    sources: Mapping[str, str]


def load_glossary(path: Path = GLOSSARY_FILE) -> list[Term]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms: list[Term] = []
    for concept, entry in data.items():
        languages = {k: v for k, v in entry.items() if k != "en"}
        terms.append(
            Term(
                concept,
                tuple(entry["en"]),
                {lang: tuple(v["forms"]) for lang, v in languages.items()},
                {lang: str(v["source"]) for lang, v in languages.items()},
            )
        )
    return terms


def check_glossary(catalogues: Catalogues, terms: list[Term]) -> list[str]:
    """Wherever an English message names a glossary concept, its translation uses the UN's own term."""
    problems: list[str] = []
    source = catalogues.entries(SOURCE_LOCALE)
    for key, english in source.items():
        english_text = " ".join(texts(english.pattern)).lower()
        for term in terms:
            if not any(word.lower() in english_text for word in term.english):
                continue
            for locale in catalogues.locales:
                if locale == SOURCE_LOCALE or locale not in term.forms:
                    continue
                entry = catalogues.entries(locale).get(key)
                if entry is None:
                    continue  # reported by check_catalogues
                text = " ".join(texts(entry.pattern)).lower()
                if not any(_says(text, form) for form in term.forms[locale]):
                    problems.append(
                        f"{entry.where}: {entry.label}: says “{term.english[0]}” in English but not the UN's "
                        f"{locale} term ({' / '.join(term.forms[locale])}; see glossary.yaml, {term.concept})"
                    )
    return problems


def _says(text: str, form: str) -> bool:
    """Whether `text` contains `form`; "A … B" means A, then B further on (a date may stand between)."""
    at = 0
    for piece in form.lower().split(" … "):
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True
