"""The systemd unit stays hardened: exposure under 3 by systemd's own measure, secrets as credentials."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

UNIT = ROOT / "deploy" / "resolution-bot@.service"


def test_the_unit_passes_secrets_as_credentials_not_environment() -> None:
    text = UNIT.read_text(encoding="utf-8")
    settings = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert "LoadCredential=discord-token:/etc/resolution-bot/discord-token" in settings
    assert not [line for line in settings if line.startswith(("EnvironmentFile=", "Environment=DISCORD_TOKEN"))]
    assert "StateDirectory=resolution-bot" in settings and "UMask=0077" in settings
    assert "RestartPreventExitStatus=2" in settings


def test_systemd_scores_the_unit_under_3() -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    result = subprocess.run(
        ["systemd-analyze", "security", "--offline=yes", str(UNIT)], capture_output=True, text=True, timeout=60
    )
    found = re.search(r"Overall exposure level for .*: (\d+\.\d)", result.stdout)
    assert found is not None, result.stdout + result.stderr
    assert float(found.group(1)) < 3.0, result.stdout
