"""The architecture rules of DESIGN.md, checked on the source tree."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "housingmatch"
SQL = re.compile(
    r"\b(SELECT\s.+\sFROM\s|INSERT INTO\s|DELETE FROM\s|CREATE TABLE\s|UPDATE\s+\w+\s+SET\s)"
)


def modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "_data" not in p.parts)


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_qt_is_imported_only_in_gui(path):
    if "gui" in path.relative_to(PACKAGE).parts:
        return
    qt = {n for n in imported_names(path) if n.split(".")[0] in ("PySide6", "shiboken6")}
    assert not qt, f"{path.name} imports Qt outside housingmatch/gui/"


def _strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_sql_lives_only_in_the_store(path):
    if "store" in path.relative_to(PACKAGE).parts:
        return
    sql = [s for s in _strings(path) if SQL.search(s)]
    assert not sql, f"{path.name} holds SQL outside housingmatch/store/: {sql[:2]}"


LOWER_LAYERS = {
    "domain": set(),
    "geo": {"paths"},
    "rules": {"domain", "paths", "errors"},
    "store": {"domain", "paths", "errors"},
    "matching": {"domain", "rules", "geo", "paths", "errors"},
    "exchange": {"domain", "rules", "geo", "paths", "errors"},
    "reports": {"domain", "rules", "matching", "geo", "paths", "errors"},
}


@pytest.mark.parametrize("layer", sorted(LOWER_LAYERS))
def test_lower_layers_import_only_what_design_allows(layer):
    allowed = LOWER_LAYERS[layer] | {layer}
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in imported_names(path):
            if not name.startswith("housingmatch."):
                continue
            inner = name.removeprefix("housingmatch.")
            ok = any(inner == a or inner.startswith(a + ".") for a in allowed)
            assert ok, f"{path.relative_to(PACKAGE)} imports {name}, outside its layer"
