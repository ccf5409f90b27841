"""One proposal under review: the ranking of the day beside the choice, the replay, the timeline,
the audit entries, and the supervisor's sign-off dialog."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.proposal import ProposalEvent
from housingmatch.domain.review import ReviewDetail, ReviewFlag, Verdict
from housingmatch.domain.session import Session
from housingmatch.gui.communes import commune_name
from housingmatch.gui.delegates import PartsBarDelegate
from housingmatch.gui.formats import french_date
from housingmatch.gui.jobs import show_error
from housingmatch.gui.models import Row, RowsModel
from housingmatch.gui.review_models import (
    RANK_COL_NOTE,
    RANK_COL_PARTS,
    flag_text,
    ranking_model,
    ranking_row,
    sign_off_line,
    when,
)
from housingmatch.services import review as svc
from housingmatch.services.audit import AuditRow
from housingmatch.services.database import Store


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _event_line(event: ProposalEvent) -> str:
    """Return one event of the proposal's timeline."""
    line = f"{french_date(event.on)}  {event.kind.label} — {event.summary}"
    return f"{line} ({event.actor})" if event.actor else line


def _audit_row(entry: AuditRow) -> Row:
    """Return one audit entry about the proposal (moment, person, action, what changed)."""
    return Row(
        (when(entry.at), entry.actor, entry.action, entry.summary),
        (entry.at, entry.actor, entry.action, entry.summary),
        payload=entry,
        tooltips=(None, None, None, entry.summary or None),
    )


class SignOffDialog(QDialog):
    """*Valider* or *À revoir*: a comment and the supervisor's password (signs a checkpoint).

    Signals:
        signed(sign_off): the sign-off was recorded (a :class:`SignOff`).
    """

    signed = Signal(object)

    def __init__(
        self,
        store: Store,
        session: Session,
        proposal_id: int,
        verdict: Verdict,
        parent: QWidget | None = None,
    ) -> None:
        """Ask for the comment and password of one verdict on one proposal."""
        super().__init__(parent)
        self.store = store
        self.session = session
        self.proposal_id = proposal_id
        self.verdict = verdict
        self.setObjectName("sign_off_dialog")
        self.setWindowTitle(
            self.tr("Contrôle de la proposition n° {n} : {v}").format(
                n=proposal_id, v=verdict.label.lower()
            )
        )
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setPlaceholderText(
            self.tr("Ce que le conseiller lira sur sa proposition")
            if verdict is Verdict.A_REVOIR
            else self.tr("Commentaire (facultatif)")
        )
        self.comment_edit.setMinimumHeight(90)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        explain = QLabel(
            self.tr(
                "Votre mot de passe signe un point de contrôle du journal d'audit : la "
                "décision ne pourra plus être modifiée sans que la vérification le signale."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(
            self.tr("Valider") if verdict is Verdict.VALIDEE else self.tr("Renvoyer à revoir")
        )
        form = QFormLayout()
        form.addRow(self.tr("Commentaire :"), self.comment_edit)
        form.addRow(self.tr("Mot de passe :"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(self.buttons)
        self.resize(460, 280)
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)

    @Slot()
    def sign(self) -> bool:
        """Record the sign-off; a refusal (wrong password, …) is said and the dialog stays."""
        # Opening the signing key takes a few tenths of a second (key derivation).
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            made = svc.sign_off(
                self.store,
                self.session,
                self.proposal_id,
                self.verdict,
                self.comment_edit.toPlainText().strip(),
                self.password_edit.text(),
            )
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, self.windowTitle(), exc)
            self.password_edit.selectAll()
            return False
        QApplication.restoreOverrideCursor()
        self.signed.emit(made)
        self.accept()
        return True


class ReviewDetailPanel(QWidget):
    """The detail of one proposal under review, with the sign-off buttons.

    Signals:
        sign_off_requested(verdict): a sign-off button was pressed.
    """

    sign_off_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the title, the flags, the tabs and the buttons."""
        super().__init__(parent)
        self.detail: ReviewDetail | None = None
        self._can_sign = False
        self.title = QLabel(self)
        self.title.setObjectName("review_title")
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("review_facts")
        self.facts_label.setWordWrap(True)
        self.flags_label = QLabel(self)
        self.flags_label.setObjectName("review_flags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setTextFormat(Qt.TextFormat.RichText)
        self.sign_off_label = QLabel(self)
        self.sign_off_label.setObjectName("review_sign_off")
        self.sign_off_label.setWordWrap(True)
        self.validate_button = QPushButton(self.tr("Valider…"), self)
        self.send_back_button = QPushButton(self.tr("À revoir…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.validate_button)
        buttons.addWidget(self.send_back_button)
        buttons.addStretch(1)

        self.ranking_model: RowsModel = ranking_model(self)
        self.ranking_view = _table(self)
        self.ranking_view.setObjectName("review_ranking")
        self.ranking_view.setModel(self.ranking_model)
        self.parts_delegate = PartsBarDelegate(self.ranking_view)
        self.ranking_view.setItemDelegateForColumn(RANK_COL_PARTS, self.parts_delegate)
        self.ranking_view.horizontalHeader().setSectionResizeMode(
            RANK_COL_PARTS, QHeaderView.ResizeMode.Fixed
        )
        self.ranking_view.horizontalHeader().resizeSection(RANK_COL_PARTS, 110)
        # The note fills what is left (elided; its tooltip holds it whole).
        self.ranking_view.horizontalHeader().setSectionResizeMode(
            RANK_COL_NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.above_text = QTextBrowser(self)
        self.above_text.setObjectName("review_above")
        ranking_tab = QWidget(self)
        ranking_box = QVBoxLayout(ranking_tab)
        ranking_box.setContentsMargins(2, 2, 2, 2)
        ranking_box.addWidget(self.ranking_view, 3)
        ranking_box.addWidget(QLabel(self.tr("Qui était au-dessus des retenus, et pourquoi"), self))
        ranking_box.addWidget(self.above_text, 2)

        self.replay_text = QTextBrowser(self)
        self.replay_text.setObjectName("review_replay")
        self.timeline = QListWidget(self)
        self.timeline.setObjectName("review_timeline")
        self.audit_model = RowsModel(
            [self.tr("Le"), self.tr("Par"), self.tr("Action"), self.tr("Détail")], self
        )
        self.audit_view = _table(self)
        self.audit_view.setObjectName("review_audit")
        self.audit_view.setModel(self.audit_model)
        self.audit_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.sign_offs_list = QListWidget(self)
        self.sign_offs_list.setObjectName("review_sign_offs")

        self.tabs = QTabWidget(self)
        self.tabs.addTab(ranking_tab, self.tr("Classement du jour"))
        self.tabs.addTab(self.replay_text, self.tr("Rejeu"))
        self.tabs.addTab(self.timeline, self.tr("Historique"))
        self.tabs.addTab(self.audit_view, self.tr("Audit"))
        self.tabs.addTab(self.sign_offs_list, self.tr("Contrôles"))
        self.tabs.setTabToolTip(3, self.tr("Les entrées du journal d'audit sur la proposition"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.flags_label)
        layout.addWidget(self.sign_off_label)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

        self.validate_button.clicked.connect(self._on_validate_button_clicked)
        self.send_back_button.clicked.connect(self._on_send_back_button_clicked)
        self.show_detail(None)

    def set_can_sign(self, can: bool) -> None:
        """Enable the sign-off buttons for a supervisor with a proposal shown."""
        shown = self.detail is not None
        for button in (self.validate_button, self.send_back_button):
            button.setEnabled(can and shown)
            button.setToolTip(
                ""
                if can and shown
                else (
                    self.tr("Choisissez une proposition dans la liste.")
                    if not shown
                    else self.tr("Seul un superviseur valide un contrôle.")
                )
            )

    def show_detail(self, detail: ReviewDetail | None) -> None:
        """Show one proposal's review (or the invitation to choose one)."""
        self.detail = detail
        self.timeline.clear()
        self.sign_offs_list.clear()
        if detail is None:
            self.title.setText(self.tr("Choisissez une proposition dans la liste."))
            self.facts_label.setText("")
            self.flags_label.setText("")
            self.sign_off_label.setText("")
            self.ranking_model.set_rows([])
            self.audit_model.set_rows([])
            self.above_text.clear()
            self.replay_text.clear()
            self.set_can_sign(self._can_sign)
            return
        row = detail.row
        self.title.setText(
            self.tr("Proposition n° {n} — logement {unit} — {landlord}, {commune}").format(
                n=row.proposal_id,
                unit=row.unit_ref,
                landlord=row.landlord,
                commune=commune_name(row.commune),
            )
        )
        facts = [
            self.tr("{state}, créée le {created} par {advisor}").format(
                state=row.state, created=french_date(row.created_on), advisor=row.advisor
            )
        ]
        if detail.ranking_date is not None:
            facts.append(
                self.tr("classement du {day}, règles {hash}").format(
                    day=french_date(detail.ranking_date), hash=detail.ruleset_hash[:12]
                )
            )
        if row.deviation and ReviewFlag.RANG_SAUTE not in row.flag_kinds:
            # (a skipped rank's flag already gives the reason)
            facts.append(self.tr("motif de l'écart : {m}").format(m=row.deviation))
        self.facts_label.setText(" · ".join(facts))
        if row.flags:
            items = "".join(f"<li>{escape(flag_text(f))}</li>" for f in row.flags)
            self.flags_label.setText(
                '<span style="color:#a30000; font-weight:600;">{}</span>'
                '<ul style="margin:0; color:#a30000;">{}</ul>'.format(
                    escape(self.tr("Écarts relevés")), items
                )
            )
        else:
            self.flags_label.setText(
                '<span style="color:#2e7d32;">{}</span>'.format(
                    escape(self.tr("Aucun écart relevé."))
                )
            )
        self.sign_off_label.setText(
            sign_off_line(row.sign_off)
            if row.sign_off is not None
            else self.tr("Pas encore contrôlée.")
        )
        lines = list(detail.ranking)
        self.ranking_model.set_rows([ranking_row(line) for line in lines])
        top = max((float(line.score) for line in lines), default=0.0)
        self.parts_delegate.scale = top if top > 0 else 100.0
        above = list(detail.above_chosen or ())
        if above:
            self.above_text.setHtml(
                "<ul>" + "".join(f"<li>{escape(str(s))}</li>" for s in above) + "</ul>"
            )
        else:
            self.above_text.setPlainText(
                self.tr("Les candidats retenus sont les premiers du classement du jour.")
            )
        self.replay_text.setHtml(self._replay_html(detail.replay))
        for event in detail.timeline or ():
            self.timeline.addItem(_event_line(event))
        self.audit_model.set_rows([_audit_row(e) for e in detail.audit or ()])
        for sign_off in detail.sign_offs or ():
            self.sign_offs_list.addItem(sign_off_line(sign_off))
        self.set_can_sign(self._can_sign)

    def allow_sign(self, can: bool) -> None:
        """Remember whether the person may sign off, and update the buttons."""
        self._can_sign = can
        self.set_can_sign(can)

    def _replay_html(self, replay: Any) -> str:
        if replay is None:
            return escape(self.tr("Pas de reçu de classement : rien à rejouer."))
        if isinstance(replay, str):
            return f"<p>{escape(replay)}</p>"
        differences = list(getattr(replay, "differences", ()) or ())
        causes = list(getattr(replay, "causes", ()) or ())
        identical = getattr(replay, "identical", not differences)
        if identical:
            return '<p style="color:#2e7d32; font-weight:600;">{}</p>'.format(
                escape(
                    self.tr(
                        "Rejeu identique : le reçu redonne le même classement, "
                        "aux mêmes points près."
                    )
                )
            )
        html = '<p style="color:#a30000; font-weight:600;">{}</p><ul>{}</ul>'.format(
            escape(self.tr("Le rejeu diffère du classement du jour :")),
            "".join(f"<li>{escape(str(d))}</li>" for d in differences),
        )
        if causes:
            html += "<p>{}</p><ul>{}</ul>".format(
                escape(self.tr("Causes :")),
                "".join(f"<li>{escape(str(c))}</li>" for c in causes),
            )
        return html

    @Slot()
    def _on_validate_button_clicked(self) -> None:
        self.sign_off_requested.emit(Verdict.VALIDEE)

    @Slot()
    def _on_send_back_button_clicked(self) -> None:
        self.sign_off_requested.emit(Verdict.A_REVOIR)
