"""The main window: side bar of workspaces, menus, status bar with counts and rule set."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Slot
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
from housingmatch.domain.session import Session
from housingmatch.gui.aids_dialog import AidsDialog
from housingmatch.gui.audit_dialog import AuditDialog
from housingmatch.gui.backups_dialog import BackupsDialog, offer_latest_backup
from housingmatch.gui.bilan_page import BilanPage
from housingmatch.gui.dashboard import DashboardPage
from housingmatch.gui.formats import french_int
from housingmatch.gui.forum_page import ForumPage
from housingmatch.gui.guide import GuideDialog
from housingmatch.gui.import_dialog import ImportDialog
from housingmatch.gui.jobs import Job, JobRunner, show_error
from housingmatch.gui.map_dialog import MapDialog
from housingmatch.gui.matching_page import MatchingPage
from housingmatch.gui.merge_dialog import MergeDialog
from housingmatch.gui.proposals_page import ProposalsPage
from housingmatch.gui.quartile_dialog import QuartileDialog
from housingmatch.gui.requests_page import RequestsPage
from housingmatch.gui.review_page import ReviewPage
from housingmatch.gui.units_page import UnitsPage
from housingmatch.rules.permissions import Action, allowed
from housingmatch.services import about, records
from housingmatch.services.background import prepare_matching_work
from housingmatch.services.backups import restore
from housingmatch.services.database import DatabaseDamagedError, Store, open_store
from housingmatch.services.matching import current_ruleset

DASHBOARD, REQUESTS, UNITS, MATCHING, PROPOSALS, REVIEW, BILAN, FORUM = range(8)
# From this many requests the candidate index is built ahead of the first ranking.
PREPARE_MATCHING_FROM = 5_000


class MainWindow(QMainWindow):
    """The application window over one open database."""

    def __init__(
        self,
        store: Store,
        session: Session,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        """Show the workspaces of ``store`` to ``session``; ``settings`` keeps UI state only."""
        super().__init__(parent)
        self.store = store
        self.session = session
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
        self.review_page = ReviewPage(self.jobs, self)
        self.bilan_page = BilanPage(self.jobs, self)
        self.forum_page = ForumPage(self.jobs, self)
        pages = (
            (self.tr("Tableau de bord"), self.dashboard_page),
            (self.tr("Demandes"), self.requests_page),
            (self.tr("Logements"), self.units_page),
            (self.tr("Rapprochement"), self.matching_page),
            (self.tr("Propositions"), self.proposals_page),
            (self.tr("Contrôle"), self.review_page),
            (self.tr("Bilan"), self.bilan_page),
            (self.tr("Forum"), self.forum_page),
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
        self.session_label = QLabel(self)
        self.session_label.setObjectName("session_label")
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.jobs.progress_widget)
        self.statusBar().addPermanentWidget(self.ruleset_label)
        self.statusBar().addPermanentWidget(self.session_label)

        self._build_menus(pages)

        self.side_bar.currentRowChanged.connect(self._on_side_bar_current_row_changed)
        for page in (self.requests_page, self.units_page):
            page.records_changed.connect(self._on_page_records_changed)
        self.requests_page.records_loaded.connect(self._on_requests_page_records_loaded)
        self.dashboard_page.open_unit_requested.connect(self._on_dashboard_open_unit_requested)
        self.matching_page.draft_saved.connect(self._on_proposals_changed)
        self.proposals_page.proposal_changed.connect(self._on_proposals_changed)
        self.review_page.signed.connect(self._on_review_page_signed)
        self.forum_page.intake_saved.connect(self._on_forum_page_intake_saved)
        self.units_page.rank_unit_requested.connect(self._on_dashboard_open_unit_requested)
        self.dashboard_page.open_request_requested.connect(
            self._on_dashboard_open_request_requested
        )

        # "Par demande" finds a request by name with the requests table's own search.
        self.matching_page.request_finder = self.requests_page.find_requests

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
        self.backups_action = file_menu.addAction(self.tr("&Sauvegardes…"))
        self.backups_action.setObjectName("backups_action")
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

        reference_menu = bar.addMenu(self.tr("&Référence"))
        self.quartile_action = reference_menu.addAction(self.tr("Seuils du premier &quartile…"))
        self.reference_menu = reference_menu

        self.audit_menu = bar.addMenu(self.tr("A&udit"))
        self.audit_action = self.audit_menu.addAction(self.tr("&Journal d'audit et vérification…"))
        self.audit_action.triggered.connect(self.open_audit)

        self.admin_menu = bar.addMenu(self.tr("A&dministration"))
        self.accounts_action = self.admin_menu.addAction(self.tr("&Comptes…"))
        forum_menu = bar.addMenu(self.tr("F&orum"))
        self.intake_action = forum_menu.addAction(self.tr("&Saisie rapide"))
        self.intake_action.triggered.connect(self.show_forum)
        self.merge_action = forum_menu.addAction(self.tr("&Doublons des paquets importés…"))
        self.merge_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.merge_action.triggered.connect(self.open_merge_review)
        self.aids_action = forum_menu.addAction(self.tr("Vérifier les &aides…"))
        self.aids_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.aids_action.triggered.connect(self._on_aids_action_triggered)

        view_menu.addSeparator()
        self.map_action = view_menu.addAction(self.tr("&Carte du territoire…"))
        self.map_action.setShortcut(QKeySequence("Ctrl+M"))
        self.map_action.triggered.connect(self._on_map_action_triggered)

        help_menu = bar.addMenu(self.tr("&Aide"))
        self.guide_action = help_menu.addAction(self.tr("&Guide de l'utilisateur"))
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        help_menu.addSeparator()
        self.about_action = help_menu.addAction(self.tr("À &propos de HousingMatch"))

        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.new_db_action.triggered.connect(self._on_new_db_action_triggered)
        self.import_requests_action.triggered.connect(lambda: self.import_file("demandes"))
        self.import_units_action.triggered.connect(lambda: self.import_file("logements"))
        self.backups_action.triggered.connect(self.show_backups)
        self.quit_action.triggered.connect(self.close)
        self.new_request_action.triggered.connect(self._on_new_request_action_triggered)
        self.new_unit_action.triggered.connect(self._on_new_unit_action_triggered)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        self.guide_action.triggered.connect(self._on_guide_action_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.accounts_action.triggered.connect(self._on_accounts_action_triggered)
        self.quartile_action.triggered.connect(self.open_quartile_dialog)

    # -- public ----------------------------------------------------------------------------------
    def show_page(self, number: int) -> None:
        """Show one workspace (0 dashboard, 1 requests, … 5 review); a hidden one is refused."""
        item = self.side_bar.item(number)
        if item is None or item.isHidden():
            return
        self.side_bar.setCurrentRow(number)

    def show_forum(self) -> None:
        """Show the Forum workspace with the cursor in the quick intake (``--forum``)."""
        self.show_page(FORUM)
        self.forum_page.focus_intake()

    def open_merge_review(self) -> MergeDialog:
        """Open the review queue of the imported forum packages (read in the background)."""
        dialog = MergeDialog(self.store, self.session, self.jobs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self._on_page_records_changed_by_merge)
        dialog.show()
        dialog.load()
        return dialog

    def open_audit(self) -> AuditDialog:
        """Open the audit screen (entries, verification, checkpoints) over this database."""
        dialog = AuditDialog(self.store, self.jobs, self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.load()
        return dialog

    def current_page(self) -> int:
        """Return the number of the workspace shown."""
        return self.stack.currentIndex()

    def open_database(self, path: Path) -> None:
        """Close the current database and open ``path`` (created if missing).

        A database with accounts asks who is working first; cancelling keeps the current one.
        """
        from housingmatch.gui.login_dialog import ask_session
        from housingmatch.gui.passphrase_dialog import unlock_if_encrypted

        if not unlock_if_encrypted(path, self):
            return
        try:
            store = open_store(path, check=True)
        except DatabaseDamagedError:
            if offer_latest_backup(self, path, self.session):
                self.open_database(path)
            return
        except Exception as exc:
            show_error(self, self.tr("Ouverture de la base"), exc)
            return
        session = ask_session(store, self)
        if session is None:
            store.close()
            return
        self.jobs.cancel_all()
        self.jobs.wait()
        self.store.close()
        self.store = store
        self.session = session
        self._load_store()

    def open_quartile_dialog(self) -> QuartileDialog:
        """Open the first-quartile thresholds form; a saved threshold re-ranks the unit shown."""
        dialog = QuartileDialog(self.store, self.session, self)
        dialog.saved.connect(self.reload)
        dialog.open()
        return dialog

    def restore_backup(self, source: Path) -> bool:
        """Close the base, replace it by the backup ``source`` and reopen it; True on success."""
        path = self.store.path
        if path is None:
            return False
        self.jobs.cancel_all()
        self.jobs.wait()
        self.store.close()
        try:
            restore(path, self.session, source)
        except Exception as exc:
            show_error(self, self.tr("Restaurer une sauvegarde"), exc)
            return False
        finally:
            self.store = open_store(path)
            self._load_store()
        return True

    def show_backups(self) -> BackupsDialog | None:
        """Open the *Sauvegardes* dialog (returned for tests; it is modal to the window)."""
        if self.store.path is None:
            return None
        dialog = BackupsDialog(self.store.path, self.session, self.jobs, self.restore_backup, self)
        dialog.open()
        return dialog

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
        dialog = ImportDialog(self.store, self.session, self.jobs, kind, path, self)
        dialog.imported.connect(lambda _report: self.reload())
        dialog.open()

    def refresh_status(self) -> None:
        """Update the counts, the active rule set and who is working in the status bar."""
        counts = records.counts(self.store, self.session)
        by_status = records.request_counts(self.store, self.session, date.today())
        self.counts_label.setText(
            self.tr(
                "{r} demandes ({a} actives, {x} expirées) · {u} logements ({o} ouverts)"
            ).format(
                r=french_int(counts.requests),
                a=french_int(by_status[records.DayStatus.ACTIVE]),
                x=french_int(by_status[records.DayStatus.EXPIREE]),
                u=french_int(counts.units),
                o=french_int(counts.units_open),
            )
        )
        self.ruleset_label.setText(self.tr("Règles : {name}").format(name=self._ruleset_name()))
        if self.session.authenticated:
            self.session_label.setText(self.tr("Connecté : {who}").format(who=self.session.label))
        else:
            self.session_label.setText(
                self.tr("Poste de {user} (base sans comptes)").format(user=self.session.user)
            )

    def _ruleset_name(self) -> str:
        rules = current_ruleset(self.store, self.session)
        return f"{rules.name} {rules.version}"

    def apply_permissions(self) -> None:
        """Hide what the session's role may not do (the services refuse it anyway)."""
        edit = allowed(self.session, Action.EDIT_RECORDS)
        imports = allowed(self.session, Action.IMPORT_DATA)
        self.new_request_action.setVisible(edit)
        self.new_unit_action.setVisible(edit)
        self.import_requests_action.setVisible(imports)
        self.import_units_action.setVisible(imports)
        manage = allowed(self.session, Action.MANAGE_USERS)
        self.accounts_action.setVisible(manage)
        self.merge_action.setVisible(allowed(self.session, Action.FORUM_PACKAGE))
        self.admin_menu.menuAction().setVisible(manage)
        self.audit_menu.menuAction().setVisible(allowed(self.session, Action.AUDIT_READ))
        self.reference_menu.menuAction().setVisible(allowed(self.session, Action.REFERENCE_EDIT))
        # A workspace the role cannot use is hidden (its shortcut too); the services refuse
        # anyway. Hidden items keep their place, so Ctrl+1 … Ctrl+8 never change meaning.
        for number, action, fallback in (
            (MATCHING, Action.RANK, REQUESTS),
            (REVIEW, Action.REVIEW_READ, PROPOSALS),
            (BILAN, Action.REPORTS, DASHBOARD),
        ):
            usable = allowed(self.session, action)
            self.side_bar.item(number).setHidden(not usable)
            self.page_actions[number].setVisible(usable)
            self.page_actions[number].setEnabled(usable)
            if not usable and self.current_page() == number:
                self.show_page(fallback)
        self.bilan_page.setEnabled(allowed(self.session, Action.REPORTS))
        for page in (self.requests_page, self.units_page, self.matching_page):
            page.apply_permissions(self.session)

    def reload(self) -> None:
        """Reload every workspace from the database (after an import or a demo fill)."""
        self._load_store()

    # -- state ---------------------------------------------------------------------------------
    def _load_store(self) -> None:
        # Ends with the application's name, so that Qt does not append it a second time.
        self.setWindowTitle(
            self.tr("{name} — HousingMatch").format(
                name=self.store.path.name if self.store.path else self.tr("base en mémoire")
            )
        )
        self.setWindowFilePath(str(self.store.path or ""))
        # The dashboard reads every request summary too: on a large database it waits for the
        # requests table (both in background jobs) instead of competing with it.
        self._dashboard_stale = True
        self.apply_permissions()
        for page in (self.requests_page, self.units_page):
            page.set_store(self.store, self.session)
        if allowed(self.session, Action.RANK):
            self.matching_page.set_store(self.store, self.session)
        self.proposals_page.set_store(self.store, self.session)
        self.review_page.set_store(self.store, self.session)
        self.bilan_page.set_store(self.store, self.session)
        self.forum_page.set_store(self.store, self.session)
        self.refresh_status()

    @Slot(int)
    def _on_requests_page_records_loaded(self, count: int) -> None:
        if self._dashboard_stale:
            self._dashboard_stale = False
            self.dashboard_page.set_store(self.store, self.session)
            self.prepare_matching(count)

    def prepare_matching(self, request_count: int) -> Job | None:
        """Build the candidate index in the background once the tables are shown.

        With a large pool the first ranking would otherwise wait for it (8 s at 100 000).
        """
        if self.store.path is None or request_count < PREPARE_MATCHING_FROM:
            return None
        if not allowed(self.session, Action.RANK):
            return None
        return self.jobs.start(
            self.tr("Préparation du classement"),
            prepare_matching_work,
            self.store.path,
            self.session,
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
    def _on_review_page_signed(self, _proposal_id: int) -> None:
        # The advisor's view of the proposal shows the supervisor's comment.
        self.proposals_page.refresh()

    @Slot(int)
    def _on_side_bar_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    @Slot()
    def _on_page_records_changed(self) -> None:
        # The page that saved refreshed its own row; a request never changes the units
        # table nor a unit the requests table, so only the derived views are reloaded. The
        # matching page lists units: it rereads them only when a unit changed.
        self.dashboard_page.set_store(self.store, self.session)
        if self.sender() is self.units_page and allowed(self.session, Action.RANK):
            self.matching_page.set_store(self.store, self.session)
        self.refresh_status()

    @Slot(int)
    def _on_page_records_changed_by_merge(self, _pair_id: int) -> None:
        # A link rewrites an office request, a separation creates one: reload the requests.
        self.requests_page.set_store(self.store, self.session)
        self.dashboard_page.set_store(self.store, self.session)
        self.refresh_status()

    @Slot(str)
    def _on_forum_page_intake_saved(self, ref: str) -> None:
        self.requests_page.refresh_record(ref)
        self.dashboard_page.set_store(self.store, self.session)
        self.refresh_status()

    @Slot()
    def _on_proposals_changed(self) -> None:
        # A transition changes deadlines, unit statuses and the proposals list.
        self.proposals_page.refresh()
        self.dashboard_page.set_store(self.store, self.session)
        self.review_page.set_store(self.store, self.session)
        self.bilan_page.mark_stale()

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
    def _on_accounts_action_triggered(self) -> None:
        from housingmatch.gui.accounts_dialog import AccountsDialog

        AccountsDialog(self.store, self.session, self).open()

    @Slot()
    def _on_map_action_triggered(self) -> None:
        MapDialog(self.jobs, self.store.path, self.session, self).exec()

    @Slot()
    def _on_aids_action_triggered(self) -> None:
        AidsDialog(self).exec()

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("À propos de HousingMatch"), self.about_text())

    @Slot()
    def _on_guide_action_triggered(self) -> None:
        self.open_guide()

    def open_guide(self) -> GuideDialog:
        """Show the user guide (one window, raised again when already open)."""
        dialog = self.findChild(GuideDialog, "guide_dialog")
        if not isinstance(dialog, GuideDialog):
            dialog = GuideDialog(self)
        dialog.show()
        dialog.raise_()
        return dialog

    def about_text(self) -> str:
        """Return the "about" text: version, purpose, data sources with their dates, licence."""
        sources = "".join(
            f"<li><b>{escape(s.name)}</b> : {escape(s.text)}</li>" for s in about.data_sources()
        )
        if not sources:
            sources = "<li>{}</li>".format(self.tr("liste absente de cette installation"))
        return self.tr(
            "<h3>HousingMatch {version}</h3>"
            "<p>Rapprochement des demandes de logement des salariés et des logements réservés "
            "Action Logement, avec un classement expliqué et vérifiable des candidats. "
            "La commission d'attribution du bailleur décide ; HousingMatch prépare une liste "
            "ordonnée et motivée.</p>"
            "<p><b>Sources des données de référence</b> (livrées avec l'application, "
            "sans accès au réseau) :</p><ul>{sources}</ul>"
            "<p><b>Règles de classement actives :</b> {rules}</p>"
            "<p><b>Licence :</b> GNU GPL version 3 ou ultérieure (GPL-3.0-or-later). Ce "
            "programme est fourni sans aucune garantie ; vous pouvez le redistribuer et le "
            "modifier selon les termes de cette licence.</p>"
        ).format(version=__version__, sources=sources, rules=escape(self._ruleset_name()))
