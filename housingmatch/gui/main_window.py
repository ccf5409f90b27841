"""The main window: side bar of workspaces, menus, status bar with counts and rule set."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from housingmatch import __version__
from housingmatch.domain.model import RequestStatus, UnitStatus
from housingmatch.gui.dashboard import DashboardPage
from housingmatch.gui.formats import french_int
from housingmatch.gui.import_dialog import ImportDialog
from housingmatch.gui.jobs import Job, JobRunner, show_error
from housingmatch.gui.matching_page import MatchingPage
from housingmatch.gui.proposals_page import ProposalsPage
from housingmatch.gui.requests_page import RequestsPage
from housingmatch.gui.units_page import UnitsPage
from housingmatch.gui.work import prepare_matching_work
from housingmatch.paths import resource
from housingmatch.services.matching import active_ruleset
from housingmatch.store import Store

DASHBOARD, REQUESTS, UNITS, MATCHING, PROPOSALS = range(5)
# From this many requests the candidate index is built ahead of the first ranking.
PREPARE_MATCHING_FROM = 5_000


class MainWindow(QMainWindow):
    """The application window over one open database."""

    def __init__(self, store: Store, settings: QSettings, parent: QWidget | None = None) -> None:
        """Show the workspaces of ``store``; ``settings`` keeps UI state only."""
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.jobs = JobRunner(self)
        self.resize(1280, 800)
        self.setMinimumSize(QSize(960, 600))

        self.side_bar = QListWidget(self)
        self.side_bar.setObjectName("side_bar")
        self.side_bar.setFixedWidth(150)
        self.side_bar.setSpacing(2)
        self.stack = QStackedWidget(self)
        self.dashboard_page = DashboardPage(self.jobs, self)
        self.requests_page = RequestsPage(self.jobs, self)
        self.units_page = UnitsPage(self.jobs, self)
        self.matching_page = MatchingPage(self.jobs, self)
        self.proposals_page = ProposalsPage(self.jobs, self)
        pages = (
            (self.tr("Tableau de bord"), self.dashboard_page),
            (self.tr("Demandes"), self.requests_page),
            (self.tr("Logements"), self.units_page),
            (self.tr("Rapprochement"), self.matching_page),
            (self.tr("Propositions"), self.proposals_page),
        )
        for title, page in pages:
            QListWidgetItem(title, self.side_bar)
            self.stack.addWidget(page)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.side_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.counts_label = QLabel(self)
        self.ruleset_label = QLabel(self)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.jobs.progress_widget)
        self.statusBar().addPermanentWidget(self.ruleset_label)

        self._build_menus(pages)

        self.side_bar.currentRowChanged.connect(self._on_side_bar_current_row_changed)
        for page in (self.requests_page, self.units_page):
            page.records_changed.connect(self._on_page_records_changed)
        self.requests_page.records_loaded.connect(self._on_requests_page_records_loaded)
        self.dashboard_page.open_unit_requested.connect(self._on_dashboard_open_unit_requested)
        self.matching_page.draft_saved.connect(self._on_proposals_changed)
        self.proposals_page.proposal_changed.connect(self._on_proposals_changed)
        self.units_page.rank_unit_requested.connect(self._on_dashboard_open_unit_requested)
        self.dashboard_page.open_request_requested.connect(
            self._on_dashboard_open_request_requested
        )

        self._dashboard_stale = True
        self._restore_state()
        self._load_store()

    # -- building ------------------------------------------------------------------------------
    def _build_menus(self, pages: tuple[tuple[str, QWidget], ...]) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Fichier"))
        self.open_action = file_menu.addAction(self.tr("&Ouvrir une base…"))
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.new_db_action = file_menu.addAction(self.tr("&Nouvelle base…"))
        file_menu.addSeparator()
        self.import_requests_action = file_menu.addAction(self.tr("Importer des &demandes…"))
        self.import_units_action = file_menu.addAction(self.tr("Importer des &logements…"))
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quitter"))
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))

        edit_menu = bar.addMenu(self.tr("&Édition"))
        self.new_request_action = edit_menu.addAction(self.tr("Nouvelle &demande"))
        self.new_request_action.setShortcut(QKeySequence(self.tr("Ctrl+N")))
        self.new_unit_action = edit_menu.addAction(self.tr("Nouveau &logement"))
        self.new_unit_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+N")))
        edit_menu.addSeparator()
        self.find_action = edit_menu.addAction(self.tr("&Rechercher…"))
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)

        view_menu = bar.addMenu(self.tr("&Affichage"))
        self.page_actions: list[QAction] = []
        for number, (title, _page) in enumerate(pages):
            action = view_menu.addAction(title)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _=False, n=number: self.show_page(n))
            self.page_actions.append(action)

        help_menu = bar.addMenu(self.tr("&Aide"))
        self.about_action = help_menu.addAction(self.tr("À &propos de HousingMatch"))

        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.new_db_action.triggered.connect(self._on_new_db_action_triggered)
        self.import_requests_action.triggered.connect(lambda: self.import_file("demandes"))
        self.import_units_action.triggered.connect(lambda: self.import_file("logements"))
        self.quit_action.triggered.connect(self.close)
        self.new_request_action.triggered.connect(self._on_new_request_action_triggered)
        self.new_unit_action.triggered.connect(self._on_new_unit_action_triggered)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)

    # -- public ----------------------------------------------------------------------------------
    def show_page(self, number: int) -> None:
        """Show one workspace (0 dashboard, 1 requests, 2 units, 3 matching)."""
        self.side_bar.setCurrentRow(number)

    def current_page(self) -> int:
        """Return the number of the workspace shown."""
        return self.stack.currentIndex()

    def open_database(self, path: Path) -> None:
        """Close the current database and open ``path`` (created if missing)."""
        try:
            store = Store.open(path)
        except Exception as exc:
            show_error(self, self.tr("Ouverture de la base"), exc)
            return
        self.jobs.cancel_all()
        self.jobs.wait()
        self.store.close()
        self.store = store
        self._load_store()

    def import_file(self, kind: str, path: Path | None = None) -> None:
        """Preview then import a file of requests or units (asks for the file if needed)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Importer des demandes")
                if kind == "demandes"
                else self.tr("Importer des logements"),
                self.settings.value("dialogs/last_folder", "", str),
                self.tr("Fichiers de données (*.csv *.xlsx);;Tous les fichiers (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
            self.settings.setValue("dialogs/last_folder", str(path.parent))
        dialog = ImportDialog(self.store, self.jobs, kind, path, self)
        dialog.imported.connect(lambda _report: self.reload())
        dialog.open()

    def refresh_status(self) -> None:
        """Update the counts and the active rule set in the status bar."""
        requests = self.store.requests.count()
        active = self.store.requests.count(RequestStatus.ACTIVE)
        units = self.store.units.count()
        open_units = self.store.units.count(UnitStatus.OUVERT)
        self.counts_label.setText(
            self.tr("{r} demandes ({a} actives) · {u} logements ({o} ouverts)").format(
                r=french_int(requests),
                a=french_int(active),
                u=french_int(units),
                o=french_int(open_units),
            )
        )
        self.ruleset_label.setText(self.tr("Règles : {name}").format(name=self._ruleset_name()))

    def _ruleset_name(self) -> str:
        rules = active_ruleset(self.store)
        return f"{rules.name} {rules.version}"

    def reload(self) -> None:
        """Reload every workspace from the database (after an import or a demo fill)."""
        self._load_store()

    # -- state ---------------------------------------------------------------------------------
    def _load_store(self) -> None:
        self.setWindowTitle(
            self.tr("HousingMatch — {name}").format(
                name=self.store.path.name if self.store.path else self.tr("base en mémoire")
            )
        )
        self.setWindowFilePath(str(self.store.path or ""))
        # The dashboard reads every request summary too: on a large database it waits for the
        # requests table (both in background jobs) instead of competing with it.
        self._dashboard_stale = True
        for page in (self.requests_page, self.units_page, self.matching_page):
            page.set_store(self.store)
        self.proposals_page.set_store(self.store)
        self.refresh_status()

    @Slot(int)
    def _on_requests_page_records_loaded(self, count: int) -> None:
        if self._dashboard_stale:
            self._dashboard_stale = False
            self.dashboard_page.set_store(self.store)
            self.prepare_matching(count)

    def prepare_matching(self, request_count: int) -> Job | None:
        """Build the candidate index in the background once the tables are shown.

        With a large pool the first ranking would otherwise wait for it (8 s at 100 000).
        """
        if self.store.path is None or request_count < PREPARE_MATCHING_FROM:
            return None
        return self.jobs.start(
            self.tr("Préparation du classement"),
            prepare_matching_work,
            self.store.path,
            show_progress=False,
        )

    def _restore_state(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        page = self.settings.value("main_window/page", REQUESTS)
        try:
            page = int(page)
        except (TypeError, ValueError):
            page = REQUESTS
        self.show_page(page if 0 <= page < self.stack.count() else REQUESTS)
        for page_widget in (self.requests_page, self.units_page, self.matching_page):
            page_widget.restore_state(self.settings)

    def save_state(self) -> None:
        """Remember geometry, splitters and the workspace shown (UI state only)."""
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/page", self.current_page())
        for page_widget in (self.requests_page, self.units_page, self.matching_page):
            page_widget.save_state(self.settings)
        self.settings.sync()

    def has_unsaved_work(self) -> bool:
        """Tell whether a job is still running."""
        return bool(self.jobs.running())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before quitting with a job running; remember the UI state."""
        if self.has_unsaved_work():
            answer = QMessageBox.question(
                self,
                self.tr("Quitter"),
                self.tr("Un traitement est en cours. L'annuler et quitter ?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.jobs.cancel_all()
        self.jobs.wait()
        self.save_state()
        event.accept()

    # -- slots -----------------------------------------------------------------------------------
    @Slot(int)
    def _on_side_bar_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    @Slot()
    def _on_page_records_changed(self) -> None:
        # The page that saved refreshed its own row; a request never changes the units
        # table nor a unit the requests table, so only the derived views are reloaded. The
        # matching page lists units: it rereads them only when a unit changed.
        self.dashboard_page.set_store(self.store)
        if self.sender() is self.units_page:
            self.matching_page.set_store(self.store)
        self.refresh_status()

    @Slot()
    def _on_proposals_changed(self) -> None:
        # A transition changes deadlines, unit statuses and the proposals list.
        self.proposals_page.refresh()
        self.dashboard_page.set_store(self.store)

    @Slot(str)
    def _on_dashboard_open_unit_requested(self, ref: str) -> None:
        self.show_page(MATCHING)
        self.matching_page.select_unit(ref)

    @Slot(str)
    def _on_dashboard_open_request_requested(self, ref: str) -> None:
        self.show_page(REQUESTS)
        self.requests_page.edit_request(ref)

    @Slot()
    def _on_open_action_triggered(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Ouvrir une base"),
            str(self.store.path.parent if self.store.path else ""),
            self.tr("Bases HousingMatch (*.sqlite *.db);;Tous les fichiers (*)"),
        )
        if chosen:
            self.open_database(Path(chosen))

    @Slot()
    def _on_new_db_action_triggered(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Nouvelle base"),
            str(self.store.path.parent if self.store.path else ""),
            self.tr("Bases HousingMatch (*.sqlite)"),
        )
        if chosen:
            path = Path(chosen)
            if path.suffix == "":
                path = path.with_suffix(".sqlite")
            self.open_database(path)

    @Slot()
    def _on_new_request_action_triggered(self) -> None:
        self.show_page(REQUESTS)
        self.requests_page.new_request()

    @Slot()
    def _on_new_unit_action_triggered(self) -> None:
        self.show_page(UNITS)
        self.units_page.new_unit()

    @Slot()
    def _on_find_action_triggered(self) -> None:
        if self.current_page() not in (REQUESTS, UNITS):
            self.show_page(REQUESTS)
        page = self.requests_page if self.current_page() == REQUESTS else self.units_page
        page.focus_search()

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("À propos de HousingMatch"), self.about_text())

    def about_text(self) -> str:
        """Return the "about" text: version, purpose and data sources."""
        sources = ""
        path = resource("SOURCES.md")
        if path.is_file():
            lines = [
                line.strip("-* ").strip()
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip().startswith(("-", "*"))
            ]
            sources = "".join(f"<li>{line}</li>" for line in lines if line)
        if not sources:
            sources = self.tr(
                "<li>Code officiel géographique et zonages : INSEE, ministère du Logement</li>"
                "<li>Plafonds de ressources : arrêtés du ministère du Logement</li>"
            )
        return self.tr(
            "<h3>HousingMatch {version}</h3>"
            "<p>Rapprochement des demandes de logement des salariés et des logements réservés "
            "Action Logement, avec un classement expliqué des candidats.</p>"
            "<p><b>Sources des données de référence :</b></p><ul>{sources}</ul>"
        ).format(version=__version__, sources=sources)
