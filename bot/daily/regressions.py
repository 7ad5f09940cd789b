"""Test-only switches that bring a fixed defect of the daily posts back, one at a time.

The deterministic simulator (`tests/simulation/`) turns each one on in turn to show that it
finds that defect within its default seeds. Production never sets any: `ACTIVE` stays empty.
Each fix that has a switch checks `on("name")` at the one place the old behaviour lived.
"""

from __future__ import annotations

ACTIVE: set[str] = set()


def on(name: str) -> bool:
    """Whether the old, defective behaviour `name` is switched back on (tests only)."""
    return name in ACTIVE
