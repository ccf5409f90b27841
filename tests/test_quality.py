"""House rules run with the tests: ruff (lint and format) and mypy over the core."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = [
    "domain",
    "geo",
    "rules",
    "store",
    "matching",
    "exchange",
    "reports",
    "services",
    "cli",
    "files.py",
]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_lint_is_clean():
    result = _run(
        "ruff", "check", "--output-format", "concise", "housingmatch", "tests", "benchmarks"
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_format_is_clean():
    result = _run("ruff", "format", "--check", "housingmatch", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_on_the_core_is_clean():
    pytest.importorskip("mypy")
    paths = [f"housingmatch/{p}" for p in CORE if (ROOT / "housingmatch" / p).exists()]
    result = _run(sys.executable, "-m", "mypy", "--no-error-summary", *paths, "housingmatch/app.py")
    assert result.returncode == 0, result.stdout + result.stderr
