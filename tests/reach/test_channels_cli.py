"""`elchi channels`: an operator names, lists and removes the channels that mirror advisories."""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import Ran, elchi


def channels(tmp_path: Path, *args: str, **env: str) -> Ran:
    database = f"sqlite+aiosqlite:///{tmp_path}/c.db"
    return elchi("channels", *args, env={"DATABASE_URL": database, **env})


def test_channels_are_added_listed_with_the_configured_ones_and_removed(tmp_path: Path) -> None:
    added = channels(tmp_path, "add", "-1001234567890", "UZ", "uz")
    assert added.returncode == 0, added.stderr
    assert added.stdout == "-1001234567890: mirrors UZ in uz\n"
    listed = channels(tmp_path, "list", CHANNELS="-1009876543210:KG:ky").stdout.splitlines()
    assert [line.split()[:3] for line in listed] == [
        ["-1009876543210", "KG", "ky"],
        ["-1001234567890", "UZ", "uz"],
    ]
    assert listed[0].endswith("(CHANNELS)")
    refused = channels(tmp_path, "remove", "-1009876543210", CHANNELS="-1009876543210:KG:ky")
    assert refused.returncode == 2
    assert (
        refused.stderr
        == "elchi: channels remove: -1009876543210 is in CHANNELS; change it there\n"
    )
    assert (
        channels(tmp_path, "remove", "-1001234567890").stdout
        == "-1001234567890: no longer mirrors\n"
    )
    bad = channels(tmp_path, "add", "@elchi_uz", "UZ", "uz")
    assert bad.returncode == 2
    assert bad.stderr.startswith("elchi: channels add: bad entry '@elchi_uz:UZ:uz'")


def test_moving_a_channel_is_said_and_needs_yes(tmp_path: Path) -> None:
    assert channels(tmp_path, "add", "-1001234567890", "UZ", "ru").returncode == 0
    moved = channels(tmp_path, "add", "-1001234567890", "KG", "ky")
    assert moved.returncode == 2
    assert moved.stderr.splitlines()[-1] == (
        "elchi: channels add: -1001234567890 mirrors UZ in ru; add --yes to make it mirror KG "
        "in ky instead (from now on)"
    )
    assert channels(tmp_path, "list").stdout.split()[:3] == ["-1001234567890", "UZ", "ru"]
    done = channels(tmp_path, "add", "-1001234567890", "KG", "ky", "--yes")
    assert done.stdout == "-1001234567890: mirrors KG in ky from now on\n"
