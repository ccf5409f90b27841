"""The window's start is checked before Qt loads: one French sentence instead of an abort."""

import pytest

from housingmatch.app import main as app_main
from housingmatch.gui import display
from housingmatch.gui.display import XCB_LIBRARIES, platform_of, start_problem


def all_but(*absent: str):
    return lambda soname: soname not in absent


def test_platform_follows_the_environment():
    assert platform_of({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) == "offscreen"
    assert platform_of({"DISPLAY": ":0"}) == "xcb"
    assert platform_of({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == "wayland"
    assert platform_of({}) is None


def test_a_missing_xcb_library_is_named_with_its_packages():
    problem = start_problem({"DISPLAY": ":0"}, all_but("libxcb-icccm.so.4"))
    assert problem is not None
    assert "la bibliothèque système libxcb-icccm.so.4 manque" in problem
    assert "sudo apt install libxcb-icccm4" in problem
    assert "sudo dnf install xcb-util-wm" in problem
    assert "QT_QPA_PLATFORM=offscreen" in problem


def test_several_missing_libraries_are_one_sentence():
    problem = start_problem({"DISPLAY": ":0"}, all_but("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert problem is not None and "\n" not in problem and problem.endswith(".")
    assert "libxcb-icccm.so.4 et libxcb-keysyms.so.1 manquent" in problem


def test_nothing_to_say_when_everything_loads_or_offscreen_is_chosen():
    assert start_problem({"DISPLAY": ":0"}, lambda _soname: True) is None
    assert start_problem({"QT_QPA_PLATFORM": "offscreen"}, lambda _soname: False) is None


def test_no_screen_at_all_is_said_in_french():
    problem = start_problem({}, lambda _soname: True)
    assert problem is not None and "Aucun écran n'est disponible" in problem


def test_the_checked_libraries_include_those_a_fresh_debian_missed():
    sonames = {lib.soname for lib in XCB_LIBRARIES}
    assert {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= sonames


def test_app_exits_non_zero_before_creating_the_window(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(display, "loads", all_but("libxcb-keysyms.so.1"))
    import housingmatch.gui.app

    monkeypatch.setattr(
        housingmatch.gui.app, "run_gui", lambda *a, **k: pytest.fail("Qt must not start")
    )
    code = app_main(["--db", str(tmp_path / "x.sqlite")])
    err = capsys.readouterr().err
    assert code == 1
    assert "libxcb-keysyms.so.1 manque" in err and "libxcb-keysyms1" in err


def test_windows_and_macos_are_not_checked():
    assert start_problem({}, lambda _soname: False, system="win32") is None
    assert start_problem({}, lambda _soname: False, system="darwin") is None
    assert start_problem({}, lambda _soname: True, system="linux") is not None
