"""The Forum workspace on the real window: an intake with keys only, refusals, offers."""

from PySide6.QtCore import Qt

from housingmatch.services import local_session, records


def _forum(app_window, qtbot):
    app_window.show_forum()
    page = app_window.forum_page
    qtbot.waitUntil(lambda: page.form.last_name.hasFocus())
    return page


def _type_intake(qtbot, page, birth="12041999"):
    """Type a whole intake as an advisor does: text, Tab, arrows; no mouse (QTest types ASCII)."""
    widget = page.form.last_name
    focused = lambda: page.window().focusWidget()  # noqa: E731
    for text in ("Dupre", "Lea", birth, "lea.dupre@example.org", "0601020304", "Brasserie du Lac"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "21231")  # the work commune, by its INSEE code
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # close the completion list, if shown
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)  # two persons
    for _ in range(7):  # income band, situation, contract, mobility, its date, wishes, T min
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert widget is not focused()
    return focused


def test_an_intake_typed_with_keys_only_is_saved_incomplete(app_window, qtbot):
    page = _forum(app_window, qtbot)
    before = records.request_count(app_window.store, local_session())
    focused = _type_intake(qtbot, page)
    with qtbot.waitSignal(page.intake_saved, timeout=2000) as saved:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    ref = saved.args[0]
    request = records.get_request(app_window.store, local_session(), ref)
    assert request.applicant.last_name == "Dupre" and request.household.persons == 2
    assert request.to_complete
    summary = records.request_summary(app_window.store, local_session(), ref)
    assert records.summary_status_label(summary, page.today) == "Incomplète"
    assert ref in page.message.text() and "incomplète" in page.message.text()
    assert records.request_count(app_window.store, local_session()) == before + 1
    # Enter again corrects the same intake; Ctrl+Enter saves and starts the next one.
    with qtbot.waitSignal(page.intake_saved, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert records.request_count(app_window.store, local_session()) == before + 1
    assert page.form.last_name.text() == "" and page.form.last_name.hasFocus()


def test_a_bad_birth_date_gives_a_french_message_and_saves_nothing(app_window, qtbot):
    page = _forum(app_window, qtbot)
    before = records.request_count(app_window.store, local_session())
    focused = _type_intake(qtbot, page, birth="31021990")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert "La date de naissance « 31021990 » n'est pas une date" in page.message.text()
    assert "border" in page.form.birth_date.styleSheet()
    assert records.request_count(app_window.store, local_session()) == before


def test_the_offers_follow_the_wishes(app_window, qtbot):
    page = _forum(app_window, qtbot)
    page.refresh_beside()
    assert {o.ref for o in page.offers.offers} == {"LOG-0001", "LOG-0002", "LOG-0003"}
    page.form.wished_communes.setFocus()
    qtbot.keyClicks(page.form.wished_communes, "chenove")
    qtbot.waitUntil(lambda: [o.ref for o in page.offers.offers] == ["LOG-0002"], timeout=2000)
    assert page.offers.item(0, 0).text() == "Chenôve"
    page.form.wished_communes.clear()
    page.form.max_rent.setFocus()
    qtbot.keyClicks(page.form.max_rent, "350")
    qtbot.waitUntil(lambda: [o.ref for o in page.offers.offers] == ["LOG-0003"], timeout=2000)


def test_the_aids_checker_is_prefilled_from_the_form(app_window, qtbot):
    page = _forum(app_window, qtbot)
    _type_intake(qtbot, page)
    page.refresh_beside()
    case = page.aids.case()
    assert case.birth_date is not None and case.birth_date.year == 1999
    assert case.contract is not None


def test_the_forum_flag_opens_the_window_on_the_forum_workspace(monkeypatch, tmp_path):
    import housingmatch.gui.app
    import housingmatch.gui.display
    from housingmatch.app import main

    monkeypatch.setattr(housingmatch.gui.display, "start_problem", lambda: None)
    opened: list[dict] = []
    monkeypatch.setattr(housingmatch.gui.app, "run_gui", lambda path, **k: opened.append(k) or 0)
    assert main(["--db", str(tmp_path / "portable.sqlite"), "--forum"]) == 0
    assert opened[0]["forum"] is True
    assert main(["--db", str(tmp_path / "portable.sqlite")]) == 0
    assert opened[1]["forum"] is False
