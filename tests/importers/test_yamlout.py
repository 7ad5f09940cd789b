"""The YAML writer: any text comes back exactly, however it is folded."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.importers.yamlout import WIDTH, quoted

texts = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00\ufeff"), max_size=400
) | st.lists(st.sampled_from(["word", " ", "  ", "\\", '"', "“x”", "\t", "\n", "é", "[^1]", "*it*"]), max_size=120).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(text=texts, indent=st.integers(min_value=2, max_value=12))
def test_a_quoted_scalar_reads_back_as_the_same_text(text: str, indent: int) -> None:
    document = f"{' ' * (indent - 2)}key: {quoted(text, indent)}\n"
    assert yaml.safe_load(document) == {"key": text}


def test_long_text_is_folded_to_the_width() -> None:
    text = " ".join(["defenders"] * 60)
    lines = quoted(text, 4).split("\n")
    assert len(lines) > 3
    assert all(len(line) <= WIDTH for line in lines)
