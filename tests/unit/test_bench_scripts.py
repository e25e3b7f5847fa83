"""Every benchmark script in bench/ still imports: they run by hand, so nothing else would
notice a name one of them takes from another going away."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from quizapp import ROOT

SCRIPTS = sorted(p.stem for p in (ROOT / "bench").glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("name", SCRIPTS)
def test_bench_script_imports(name):
    module = importlib.import_module(f"bench.{name}")
    assert Path(module.__file__).parent == ROOT / "bench"
