"""Every operator mistake of the command line is one line `elchi: what: why`, a non-zero exit,
never a traceback, and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import elchi

ID_PROBLEM = "is not a Telegram user id (a whole number from 1 to 4503599627370495"


@pytest.fixture
def place(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/e.db", "LOG_LEVEL": "WARNING"}
    assert elchi("import", env=env, cwd=tmp_path).returncode == 0
    (tmp_path / "exists.xml").write_text("x")
    (tmp_path / "old.gz").write_text("kept")
    (tmp_path / "nul.yaml").write_bytes(b"id: x\x00\n")
    (tmp_path / "latin1.yaml").write_bytes(b"\x80\x81 bad")
    (tmp_path / "at.yaml").write_text("id: [\n  @x\n")
    (tmp_path / "list.yaml").write_text("- a\n- b\n")
    return tmp_path, env


CASES = [
    (["validate", "nul.yaml"], {}, "nul.yaml:1: (file): an invisible control character (U+0000)"),
    (["validate", "latin1.yaml"], {}, "latin1.yaml:1: (file): not UTF-8 text (byte 0x80)"),
    (["validate", "at.yaml"], {}, "at.yaml:2: (yaml): a character YAML cannot read"),
    (["validate", "list.yaml"], {}, "list.yaml:1: (file): the file must be one advisory"),
    (["export-cap", "--out", "exists.xml"], {}, "elchi: export-cap: --out exists.xml is a file"),
    (["backup", "e.db"], {}, "elchi: backup: e.db is the database itself"),
    (["backup", "no/such/b.gz"], {}, "elchi: backup: the folder no/such does not exist"),
    (["backup", "old.gz"], {}, "elchi: backup: old.gz exists; give another name, or --force"),
    (["admins", "add", "99999999999999999999999", "UZ"], {}, "elchi: admins add: '9999"),
    (["admins", "add", "-5", "UZ"], {}, f"elchi: admins add: '-5' {ID_PROBLEM}"),
    (["admins", "add", "0", "UZ"], {}, f"elchi: admins add: '0' {ID_PROBLEM}"),
    (["admins", "list"], {"ADMINS": "123:UZ,123:KG"}, "elchi: ADMINS: 123 is given twice"),
    (["admins", "list"], {"METRICS_LISTEN": "0.0.0.0:70000"}, "elchi: METRICS_LISTEN: must be"),
    (["admins", "list"], {"HEALTH_PORT": "0"}, "elchi: HEALTH_PORT: replaced"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "env", "said"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_a_mistake_is_one_line_and_changes_nothing(
    place: tuple[Path, dict[str, str]], args: list[str], env: dict[str, str], said: str
) -> None:
    folder, base = place
    before = (folder / "e.db").read_bytes()
    done = elchi(*args, env={**base, **env}, cwd=folder)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert any(line.startswith(said) for line in lines), lines
    assert (folder / "e.db").read_bytes() == before  # the database is untouched
    assert (folder / "old.gz").read_text() == "kept"


def test_moving_an_admin_to_another_country_is_said_and_needs_yes(
    place: tuple[Path, dict[str, str]],
) -> None:
    folder, env = place
    assert elchi("admins", "add", "123", "UZ", env=env, cwd=folder).returncode == 0
    moved = elchi("admins", "add", "123", "KG", env=env, cwd=folder)
    assert moved.returncode == 2
    assert moved.stderr.splitlines()[-1] == (
        "elchi: admins add: 123 is an admin of UZ; add --yes to make them an admin of KG instead"
    )
    listed = elchi("admins", "list", env=env, cwd=folder).stdout
    assert listed == "123\tUZ\tdatabase\n"
    assert elchi("admins", "add", "123", "KG", "--yes", env=env, cwd=folder).returncode == 0
    assert elchi("admins", "list", env=env, cwd=folder).stdout == "123\tKG\tdatabase\n"


def test_export_cap_of_one_id_writes_into_the_folder_given(
    place: tuple[Path, dict[str, str]],
) -> None:
    folder, env = place
    done = elchi("export-cap", "uz-legal-warning", "--out", "caps", env=env, cwd=folder)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in (folder / "caps").iterdir()] == ["uz-legal-warning.xml"]
