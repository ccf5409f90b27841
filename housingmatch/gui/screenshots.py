"""Render each workspace offscreen to PNG files at 1280×800 (for the README, the guide, reviews).

:class:`ScreenshotTour` walks the views one after another; the ``screenshots`` command saves
each, the user guide uses some of them (``GUIDE_IMAGES``), and a test checks that every
view it shows gives its reference columns room for whole references.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from housingmatch.domain.session import Session
from housingmatch.services import records
from housingmatch.services.database import open_store

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from housingmatch.gui.jobs import Job
    from housingmatch.gui.main_window import MainWindow

SIZE = (1280, 800)
# A typo'd name typed in the requests search box of the screenshot.
SEARCH_TEXT = "martn"
# Width of the guide's copies of the screenshots (the width the guide shows them at).
GUIDE_WIDTH = 860

# Every picture the tour takes, in order.
SHOTS = (
    "01_tableau_de_bord.png",
    "02_demandes_recherche.png",
    "03_editeur_demande.png",
    "03b_editeur_demande_menage.png",
    "04_logements.png",
    "05_rapprochement.png",
    "06_exclues.png",
    "07_par_demande.png",
    "08_repartition.png",
    "09_pourquoi_pas_plus_haut.png",
    "11_propositions.png",
    "12_controle.png",
    "13_jauges.png",
    "14_bilan.png",
    "15_carte.png",
    "16_forum.png",
    "17_aides.png",
    "18_fusion.png",
)
# The pictures of the user guide: at least one per workspace (keys are the side bar's titles).
GUIDE_IMAGES: dict[str, tuple[str, ...]] = {
    "Tableau de bord": ("01_tableau_de_bord.png",),
    "Demandes": ("02_demandes_recherche.png",),
    "Logements": ("04_logements.png",),
    "Rapprochement": (
        "05_rapprochement.png",
        "07_par_demande.png",
        "08_repartition.png",
        "09_pourquoi_pas_plus_haut.png",
    ),
    "Propositions": ("11_propositions.png",),
    "Contrôle": ("12_controle.png",),
    "Bilan": ("14_bilan.png",),
    "Forum": ("16_forum.png",),
}


class ScreenshotTour:
    """Show each view of a main window in turn, each ready to be looked at."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        """Walk the views of ``window`` (its data loaded in background jobs)."""
        self.app = app
        self.window = window

    def wait_for(self, job: Job | None, timeout_s: float = 120.0) -> None:
        """Process events until ``job`` is done."""
        from PySide6.QtCore import QEventLoop

        end = time.monotonic() + timeout_s
        while job is not None and not job.done and time.monotonic() < end:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        self.app.processEvents()

    def settle(self, timeout_s: float = 120.0) -> None:
        """Let background loads finish so that a picture shows their result."""
        from PySide6.QtCore import QEventLoop

        end = time.monotonic() + timeout_s
        while self.window.jobs.running() and time.monotonic() < end:
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        for _ in range(5):
            self.app.processEvents()

    def views(self) -> Iterator[tuple[str, QWidget]]:
        """Yield ``(file name, widget)`` for each view, shown and settled."""
        from housingmatch.gui.main_window import DASHBOARD, MATCHING, REQUESTS, UNITS
        from housingmatch.gui.request_dialog import RequestDialog

        window = self.window
        store = window.store
        window.show_page(DASHBOARD)
        self.settle()
        yield SHOTS[0], window

        window.show_page(REQUESTS)
        page = window.requests_page
        page.search_edit.setText(SEARCH_TEXT)
        page.apply_search_now()
        if page.model.rowCount():
            page.view.selectRow(0)
        self.settle()
        yield SHOTS[1], window

        if page.model.rowCount():
            request = records.find_request(store, window.session, page.model.record(0).ref)
            if request is not None:
                dialog = RequestDialog(store, window.session, request, window)
                dialog.resize(*SIZE)
                dialog.show()
                self.settle()
                yield SHOTS[2], dialog
                dialog.ui.sections_tabs.setCurrentIndex(1)
                self.settle()
                yield SHOTS[3], dialog
                dialog.hide()
                dialog.deleteLater()

        window.show_page(UNITS)
        self.settle()
        yield SHOTS[4], window

        window.show_page(MATCHING)
        matching = window.matching_page
        matching.mode_tabs.setCurrentIndex(0)
        ref = matching.unit_combo.itemData(0)
        if ref:
            self.wait_for(matching.select_unit(ref))
            if matching.candidates_proxy.rowCount() > 1:
                matching.candidates_view.selectRow(1)
        self.settle()
        yield SHOTS[5], window
        matching.result_tabs.setCurrentIndex(1)
        self.settle()
        yield SHOTS[6], window
        matching.result_tabs.setCurrentIndex(0)

        refs = matching.ranked_refs()
        if refs:
            self.wait_for(matching.find_units(refs[0]))
        matching.mode_tabs.setCurrentIndex(1)
        self.settle()
        yield SHOTS[7], window

        matching.mode_tabs.setCurrentIndex(2)
        self.wait_for(matching.start_allocation(), 600)
        self.settle()
        yield SHOTS[8], window

        matching.mode_tabs.setCurrentIndex(0)
        if matching.candidates_proxy.rowCount() > 1:
            matching.candidates_view.selectRow(1)
        compare = matching.compare_dialog()
        if compare is not None:
            compare.show()
            self.settle()
            yield SHOTS[9], compare
            compare.hide()
            compare.deleteLater()

        from housingmatch.gui.main_window import PROPOSALS

        window.show_page(PROPOSALS)
        window.proposals_page.refresh()
        self.settle()
        yield SHOTS[10], window

        from housingmatch.gui.main_window import REVIEW

        if not window.side_bar.item(REVIEW).isHidden():
            window.show_page(REVIEW)
            review = window.review_page
            self.wait_for(review.refresh())
            self.settle()
            # A skipped rank shows who was above the chosen candidates, and why.
            from housingmatch.domain.review import ReviewFlag

            row = review.first_flagged_row(ReviewFlag.RANG_SAUTE)
            if row < 0:
                row = review.first_flagged_row()
            if row >= 0:
                review.view.selectRow(row)
            self.settle()
            yield SHOTS[11], window
        # The year's legal shares where decisions are made (computed in a background job).
        window.show_page(DASHBOARD)
        self.wait_for(window.dashboard_page.obligations_box.refresh(store, window.session))
        self.settle()
        yield SHOTS[12], window
        yield from self._bilan_and_map()
        window.show_forum()
        forum = window.forum_page
        fill_intake(forum.form)
        forum.refresh_beside()
        forum.tabs.setCurrentIndex(1)
        self.settle()
        yield SHOTS[15], window
        forum.tabs.setCurrentIndex(0)
        self.settle()
        yield SHOTS[16], window

        review = sample_review(window)
        if review is not None:
            review.show()
            self.settle()
            yield SHOTS[17], review
            review.hide()
            review.deleteLater()

    def _bilan_and_map(self) -> Iterator[tuple[str, QWidget]]:
        """Yield the Bilan (to a supervisor) and the map with a unit's commute lines."""
        from housingmatch.gui.main_window import BILAN
        from housingmatch.gui.map_dialog import MapDialog
        from housingmatch.rules.permissions import Action, allowed

        window = self.window
        if allowed(window.session, Action.REPORTS):
            window.show_page(BILAN)
            self.settle()
            yield SHOTS[13], window
        if window.store.path is None:
            return
        dialog = MapDialog(window.jobs, window.store.path, window.session, window)
        dialog.resize(*SIZE)
        dialog.show()
        self.settle()
        units = dialog.map.unit_refs()
        if units and allowed(window.session, Action.RANK):
            dialog.map.select_unit(units[0])
            self.settle()
        yield SHOTS[14], dialog
        dialog.hide()
        dialog.deleteLater()


def fill_intake(form: Any) -> None:
    """Type a plausible intake into the Forum workspace's form (the tour's picture)."""
    form.last_name.setText("Garnier")
    form.first_name.setText("Inès")
    form.birth_date.setText("14/03/2002")
    form.email.setText("ines.garnier@example.org")
    form.phone.setText("06 45 12 78 90")
    form.employer.setText("Laboratoires Bourgogne Santé")
    form.work_commune.setText("Dijon (21231)")
    form.persons.setValue(1)
    form.income_band.setCurrentIndex(1)
    form.situation.setCurrentIndex(max(form.situation.findData("HEBERGE_FAMILLE"), 0))
    form.contract.setCurrentIndex(max(form.contract.findData("CDD"), 0))
    form.mobility.setCurrentIndex(max(form.mobility.findData("EMBAUCHE"), 0))
    form.mobility_date.setText("01/10/2026")
    form.wished_communes.setText("Dijon, Chenôve, Talant")
    form.typology_min.setCurrentIndex(1)
    form.typology_max.setCurrentIndex(3)
    form.max_rent.setText("650")


def sample_review(window: MainWindow) -> QWidget | None:
    """Return the review queue over a throw-away office copy of a few requests (in memory).

    A laptop copy of three of the window's requests is changed as forums change them (a name
    typed without its accent, a new e-mail, a move), packed and imported: the window's own
    database is not touched.
    """
    from dataclasses import replace

    from housingmatch.gui.merge_dialog import MergeDialog
    from housingmatch.services import identity, local_session, merge
    from housingmatch.services.database import memory_store

    session = local_session()
    summaries = records.request_summaries(window.store, window.session)[:3]
    if len(summaries) < 3:
        return None
    originals = [records.get_request(window.store, window.session, s.ref) for s in summaries]
    office, laptop = memory_store(), memory_store()
    office.requests.save_many(
        [replace(r, id=None, uuid=None) for r in originals], session.user, "exemple"
    )
    identity.mark_forum_device(laptop, session)
    changed = []
    for number, request in enumerate(originals):
        applicant = request.applicant
        unique, housing = request.unique_number, request.housing
        if number == 0:  # typed in capitals, a new e-mail address, the unique number kept
            applicant = replace(
                applicant,
                last_name=applicant.last_name.upper(),
                email="nouvelle.adresse@example.org",
            )
        if number == 1:  # first and last names swapped, no unique number at the stand
            applicant = replace(
                applicant, last_name=applicant.first_name, first_name=applicant.last_name
            )
            unique = None
        if number == 2:  # moved house, one more person, a typo in the first name
            applicant = replace(applicant, first_name=applicant.first_name[:-1])
            housing = replace(housing, commune="21166", rent=None)
            unique = None
        household = replace(request.household, persons=request.household.persons + (number == 2))
        changed.append(
            replace(
                request,
                id=None,
                uuid=None,
                ref=identity.next_request_ref(laptop, session),
                unique_number=unique,
                applicant=applicant,
                household=household,
                housing=housing,
            )
        )
        laptop.requests.save(changed[-1], session.user)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "forum.hmpkg"
        merge.export_package(laptop, session, path, "phrase du forum de démonstration")
        merge.import_package(office, session, path, "phrase du forum de démonstration")
    dialog = MergeDialog(office, session, window.jobs, window)
    dialog.resize(*SIZE)
    dialog.load()
    if dialog.pairs:  # the pair with the most to decide: a move and a larger household
        dialog.pairs_table.selectRow(len(dialog.pairs) - 1)
    return dialog


def render_screenshots(
    db_path: Path, out_dir: Path, session: Session, guide_dir: Path | None = None
) -> list[Path]:
    """Open the window on ``db_path`` offscreen and save one PNG per view in ``out_dir``.

    With ``guide_dir``, the user guide's pictures are also written there, scaled down.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from housingmatch.gui.app import install_translators, start_demo
    from housingmatch.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    install_translators(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    guide_names = {name for names in GUIDE_IMAGES.values() for name in names}
    if guide_dir is not None:
        guide_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    with tempfile.TemporaryDirectory() as settings_dir:
        settings = QSettings(str(Path(settings_dir) / "ui.ini"), QSettings.Format.IniFormat)
        store = open_store(db_path)
        window = MainWindow(store, session, settings)
        window.resize(*SIZE)
        window.show()
        tour = ScreenshotTour(app, window)
        tour.wait_for(start_demo(window), 600)
        window.resize(*SIZE)
        tour.settle()
        for name, widget in tour.views():
            picture = widget.grab()
            path = out_dir / name
            picture.save(str(path))
            written.append(path)
            if guide_dir is not None and name in guide_names:
                # A 256-colour copy, a third of the size: the guide ships in the package.
                small = (
                    picture.toImage()
                    .scaledToWidth(
                        min(GUIDE_WIDTH, picture.width()),
                        Qt.TransformationMode.SmoothTransformation,
                    )
                    .convertToFormat(
                        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither
                    )
                )
                small.save(str(guide_dir / name), "PNG", 0)
                written.append(guide_dir / name)

        window.jobs.wait()
        window.close()
        window.deleteLater()
        store.close()
        app.processEvents()
    return written
