"""`elchi export-cap`: one well-formed CAP document an alert, and a clear word if there is none."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from tests.support.cli import elchi

CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"


def test_export_cap_writes_one_document_per_alert_and_says_when_there_is_none(
    tmp_path: Path,
) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/e.db"}
    empty = elchi("export-cap", "--out", str(tmp_path / "cap"), env=env, cwd=tmp_path)
    assert empty.returncode == 1
    assert empty.stdout == (
        "nothing to export: no advisory in the database (run `elchi import` first)\n"
    )
    assert elchi("import", env=env, cwd=tmp_path).returncode == 0
    result = elchi("export-cap", "--out", str(tmp_path / "cap"), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "cap").glob("*.xml"))
    assert len(files) >= 7
    assert result.stdout == f"wrote {len(files)} CAP alert(s) to {tmp_path / 'cap'}\n"
    for file in files:  # each one well-formed document, one alert
        root = ET.parse(file).getroot()
        assert root.tag == f"{CAP}alert"
        assert root.findtext(f"{CAP}identifier", "").endswith(file.stem)
    one = elchi("export-cap", "uz-legal-warning", env=env, cwd=tmp_path)
    assert one.returncode == 0
    assert ET.fromstring(one.stdout.encode()).tag == f"{CAP}alert"
    neither = elchi("export-cap", env=env, cwd=tmp_path)
    assert neither.returncode == 2
    assert neither.stderr == "elchi: export-cap: give an advisory id, or --out FOLDER for all\n"
