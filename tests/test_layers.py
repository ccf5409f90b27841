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
    "store": {"domain", "paths", "errors", "files"},
    "matching": {"domain", "rules", "geo", "paths", "errors"},
    "exchange": {"domain", "rules", "geo", "paths", "errors", "files"},
    "reports": {"domain", "rules", "matching", "geo", "paths", "errors", "files"},
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


def _front_ends():
    return [p for p in modules() if p.relative_to(PACKAGE).parts[0] in ("gui", "cli")]


@pytest.mark.parametrize("path", _front_ends(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_gui_and_the_cli_never_import_the_store(path):
    store = {
        n
        for n in imported_names(path)
        if n == "housingmatch.store" or n.startswith("housingmatch.store.")
    }
    assert not store, f"{path.name} imports {sorted(store)}: go through housingmatch.services"


REPOSITORIES = {
    "requests",
    "units",
    "accounts",
    "audit",
    "proposals",
    "rulesets",
    "reference",
    "db",
}


@pytest.mark.parametrize("path", _front_ends(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_gui_and_the_cli_never_reach_a_repository(path):
    # ``store.requests.count()`` in a widget would bypass the services' permission checks.
    tree = ast.parse(path.read_text(encoding="utf-8"))
    reached = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in REPOSITORIES:
            owner = node.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", None)
            if name == "store":
                reached.append(f"line {node.lineno}: store.{node.attr}")
    assert not reached, f"{path.name} reads repositories directly: {reached}"


def test_background_work_functions_live_in_the_core():
    gui = PACKAGE / "gui"
    for path in gui.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        opened = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and node.attr in ("open", "memory")
            and isinstance(node.value, ast.Name)
            and node.value.id == "Store"
        ]
        assert not opened, f"{path.name} opens a store itself (lines {opened})"
