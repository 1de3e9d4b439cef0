"""Fixtures for content tests: a translator and a writable copy of the shipped content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.i18n import Translator

SHIPPED = PROJECT_ROOT / "advisories"


@pytest.fixture(scope="session")
def translator() -> Translator:
    return Translator()


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of advisories/ to break."""
    target = tmp_path / "advisories"
    shutil.copytree(SHIPPED, target)
    return target
