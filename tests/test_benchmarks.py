"""benchmarks/run_all.py rewrites only the README's Speed block (no timing is checked)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run_all():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "benchmarks" / "run_all.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_has_the_block_run_all_rewrites():
    run_all = _run_all()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count(run_all.BEGIN) == 1 and text.count(run_all.END) == 1
    assert text.index(run_all.BEGIN) < text.index(run_all.END)


def test_write_readme_replaces_the_block_and_keeps_the_rest(tmp_path):
    run_all = _run_all()
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# Title\n\n## Speed\n{run_all.BEGIN}\nold table\n{run_all.END}\n\n## Layout\n",
        encoding="utf-8",
    )
    block = run_all._markdown([dict.fromkeys(run_all.COLUMNS, "x")], "Measured on a test machine.")
    run_all.write_readme(block, readme)
    text = readme.read_text(encoding="utf-8")
    assert "old table" not in text
    assert "| x | x | x | x | x | x |" in text
    assert text.startswith("# Title\n\n## Speed\n") and text.endswith("\n\n## Layout\n")
    run_all.write_readme(block, readme)  # twice: the same file
    assert readme.read_text(encoding="utf-8") == text
