"""The benchmarks still import: they are run by hand (make bench*), so a name they import that
moved would otherwise be found only by the next person measuring."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCHMARKS = sorted(p.stem for p in (Path(__file__).parents[1] / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("name", BENCHMARKS)
def test_a_benchmark_imports(name: str) -> None:
    module = importlib.import_module(f"benchmarks.{name}")
    assert name == "results" or callable(getattr(module, "main", None))
