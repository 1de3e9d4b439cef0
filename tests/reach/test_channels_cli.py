"""`elchi channels`: an operator names, lists and removes the channels that mirror advisories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def elchi(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/c.db", **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", "channels", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_channels_are_added_listed_with_the_configured_ones_and_removed(tmp_path: Path) -> None:
    added = elchi(tmp_path, "add", "-1001234567890", "UZ", "uz")
    assert added.returncode == 0, added.stderr
    assert added.stdout == "-1001234567890: mirrors UZ in uz\n"
    listed = elchi(tmp_path, "list", CHANNELS="-1009876543210:KG:ky").stdout.splitlines()
    assert [line.split()[:3] for line in listed] == [
        ["-1009876543210", "KG", "ky"],
        ["-1001234567890", "UZ", "uz"],
    ]
    assert listed[0].endswith("(CHANNELS)")
    refused = elchi(tmp_path, "remove", "-1009876543210", CHANNELS="-1009876543210:KG:ky")
    assert refused.returncode == 2
    assert (
        refused.stderr
        == "elchi: channels remove: -1009876543210 is in CHANNELS; change it there\n"
    )
    assert (
        elchi(tmp_path, "remove", "-1001234567890").stdout == "-1001234567890: no longer mirrors\n"
    )
    bad = elchi(tmp_path, "add", "@elchi_uz", "UZ", "uz")
    assert bad.returncode == 2
    assert bad.stderr.startswith("elchi: channels add: bad entry '@elchi_uz:UZ:uz'")


def test_moving_a_channel_is_said_and_needs_yes(tmp_path: Path) -> None:
    assert elchi(tmp_path, "add", "-1001234567890", "UZ", "ru").returncode == 0
    moved = elchi(tmp_path, "add", "-1001234567890", "KG", "ky")
    assert moved.returncode == 2
    assert moved.stderr.splitlines()[-1] == (
        "elchi: channels add: -1001234567890 mirrors UZ in ru; add --yes to make it mirror KG "
        "in ky instead (from now on)"
    )
    assert elchi(tmp_path, "list").stdout.split()[:3] == ["-1001234567890", "UZ", "ru"]
    done = elchi(tmp_path, "add", "-1001234567890", "KG", "ky", "--yes")
    assert done.stdout == "-1001234567890: mirrors KG in ky from now on\n"
