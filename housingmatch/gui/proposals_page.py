"""The *Propositions* workspace: every proposal with its next action, one proposal's timeline,
its candidates and the actions its state allows (each disabled one says why)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.proposal import (
    Candidate,
    ContactOutcome,
    Decision,
    ExceptionCode,
    NonAttributionCode,
    Proposal,
    RefusalReason,
    WithdrawalCode,
)
from housingmatch.domain.review import Verdict
from housingmatch.domain.session import Session
from housingmatch.gui.formats import french_date
from housingmatch.gui.jobs import JobRunner, show_error
from housingmatch.gui.models import PAYLOAD_ROLE, Row, RowsModel, sorted_proxy
from housingmatch.gui.review_models import latest_sign_off, sign_off_line
from housingmatch.rules.proposal_flow import ACTION_LABELS, FlowAction
from housingmatch.services import local_session
from housingmatch.services import proposals as svc
from housingmatch.services import review as review_svc
from housingmatch.services.database import Store
from housingmatch.services.sheets import write_proposal_pdf, write_proposals_workbook


def _deadline(p: Proposal) -> date | None:
    offeree = p.offeree
    if offeree is not None:
        return offeree.answer_deadline
    return p.commission_date if p.sent_on else None


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ProposalsPage(QWidget):
    """List of proposals; the selected one's candidates, timeline and allowed actions.

    Signals:
        proposal_changed(id): a transition was recorded on a proposal.
    """

    proposal_changed = Signal(int)

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Build the list, the detail panel and the action buttons."""
        super().__init__(parent)
        self.jobs = jobs
        self.store: Store | None = None
        self.session: Session = local_session()
        self.current: Proposal | None = None
        self.list_model = RowsModel(
            [self.tr("N°"), self.tr("Logement"), self.tr("État"), self.tr("Action suivante"),
             self.tr("Échéance"), self.tr("Conseiller")],
            self,
        )  # fmt: skip
        self.list_view = _table(self)
        self.list_view.setSortingEnabled(True)
        self.list_view.setModel(sorted_proxy(self.list_model, self))
        self.candidates_model = RowsModel(
            [self.tr("Position"), self.tr("Demande"), self.tr("Rang moteur"), self.tr("Contact"),
             self.tr("Décision CALEOL"), self.tr("Rang CALEOL"), self.tr("Réponse"),
             self.tr("Répondre avant le")],
            self,
        )  # fmt: skip
        self.candidates_view = _table(self)
        self.candidates_view.setModel(self.candidates_model)
        self.candidates_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.flag_label = QLabel(self)
        self.flag_label.setStyleSheet("color: #a30000;")
        self.flag_label.setWordWrap(True)
        # The supervisor's sign-off of the proposal, read by its advisor.
        self.review_label = QLabel(self)
        self.review_label.setObjectName("proposal_review")
        self.review_label.setWordWrap(True)
        self.next_label = QLabel(self)
        self.next_label.setWordWrap(True)
        self.timeline = QListWidget(self)
        self.send_button = QPushButton(self.tr("Envoyer à la CALEOL…"), self)
        self.adjourn_button = QPushButton(self.tr("Ajourner"), self)
        self.exception_button = QPushButton(self.tr("Exception R441-3…"), self)
        self.sheet_button = QPushButton(self.tr("Fiche PDF…"), self)
        self.export_button = QPushButton(self.tr("Exporter en XLSX…"), self)
        buttons = QHBoxLayout()
        for b in (
            self.send_button,
            self.exception_button,
            self.adjourn_button,
            self.sheet_button,
            self.export_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)

        detail = QWidget(self)
        box = QVBoxLayout(detail)
        box.addWidget(self.title)
        box.addWidget(self.flag_label)
        box.addWidget(self.review_label)
        box.addWidget(self.next_label)
        box.addLayout(buttons)
        box.addWidget(
            QLabel(self.tr("Candidats (clic droit : contact, décision, réponse, bail)"), detail)
        )
        box.addWidget(self.candidates_view, 2)
        box.addWidget(QLabel(self.tr("Historique"), detail))
        box.addWidget(self.timeline, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list_view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 800])
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Propositions à la CALEOL"), self)
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)

        self.list_view.selectionModel().selectionChanged.connect(self._on_list_selection_changed)
        self.candidates_view.customContextMenuRequested.connect(self._on_candidates_menu)
        self.send_button.clicked.connect(self._on_send_clicked)
        self.adjourn_button.clicked.connect(self._on_adjourn_clicked)
        self.exception_button.clicked.connect(self._on_exception_clicked)
        self.sheet_button.clicked.connect(self._on_sheet_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self._update_buttons()

    # -- data ----------------------------------------------------------------------------------
    def set_store(self, store: Store, session: Session) -> None:
        """Show the proposals of a database, for the person signed in."""
        self.store = store
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        """Reread the proposals (they are few) and keep the selected one."""
        if self.store is None:
            return
        keep = self.current.id if self.current else None
        today = date.today()
        rows = []
        for p in svc.list_proposals(self.store, self.session):
            due = _deadline(p)
            rows.append(
                Row(
                    (
                        str(p.id),
                        p.unit_ref,
                        p.state.label,
                        svc.next_action(self.store, p, today),
                        french_date(due) if due else "",
                        p.advisor,
                    ),
                    (
                        p.id or 0,
                        p.unit_ref,
                        p.state.value,
                        "",
                        due.isoformat() if due else "",
                        p.advisor,
                    ),
                    payload=p.id,
                )
            )
        self.list_model.set_rows(rows)
        if keep is not None:
            self.select_proposal(keep)
        else:
            self._show(None)

    def select_proposal(self, proposal_id: int) -> None:
        """Select a proposal in the list and show it."""
        proxy = self.list_view.model()
        for row in range(proxy.rowCount()):
            if proxy.index(row, 0).data(PAYLOAD_ROLE) == proposal_id:
                self.list_view.selectRow(row)
                break
        if self.store is not None:
            self._show(svc.get_proposal(self.store, self.session, proposal_id))

    def _show(self, p: Proposal | None) -> None:
        self.current = p
        self.timeline.clear()
        if p is None or self.store is None:
            self.title.setText(self.tr("Choisissez une proposition dans la liste."))
            self.flag_label.setText("")
            self.review_label.setText("")
            self.next_label.setText("")
            self.candidates_model.set_rows([])
            self._update_buttons()
            return
        self.title.setText(
            self.tr("Proposition n° {n} — logement {unit} — {state}").format(
                n=p.id, unit=p.unit_ref, state=p.state.label
            )
        )
        self.flag_label.setText(self.tr("À revoir : {f}").format(f=p.flag) if p.flag else "")
        self._show_review(p)
        self.next_label.setText(
            self.tr("Action suivante : {a}").format(a=svc.next_action(self.store, p, date.today()))
        )
        rows = []
        for c in sorted(p.candidates, key=lambda c: (c.position is None, c.position or 0)):
            out = c.release_code.label if c.release_code else ""
            rows.append(
                Row(
                    (
                        str(c.position or "—"),
                        c.request_ref,
                        str(c.engine_rank or ""),
                        c.contact.label if c.contact else "",
                        c.decision.label if c.decision else out,
                        str(c.caleol_rank or ""),
                        (c.answer.label + (f" : {c.refusal_code.label}" if c.refusal_code else ""))
                        if c.answer
                        else "",
                        french_date(c.answer_deadline) if c.offered and c.answer_deadline else "",
                    ),
                    payload=c.request_ref,
                )
            )
        self.candidates_model.set_rows(rows)
        for e in p.events:
            self.timeline.addItem(f"{french_date(e.on)}  {e.kind.label} — {e.summary} ({e.actor})")
        self._update_buttons()

    def _show_review(self, p: Proposal) -> None:
        found = (
            review_svc.sign_offs_for(self.store, self.session, [p.id or 0]) if self.store else {}
        )
        sign_off = latest_sign_off(found.get(p.id or 0))
        self.review_label.setText(sign_off_line(sign_off) if sign_off is not None else "")
        sent_back = sign_off is not None and sign_off.verdict is Verdict.A_REVOIR
        self.review_label.setStyleSheet(
            "color: #a30000; font-weight: 600;" if sent_back else "color: #2e7d32;"
        )

    def _update_buttons(self) -> None:
        p = self.current
        allowed = svc.allowed_actions(p) if p else ()
        problems = svc.problems_before_sending(self.store, p) if (p and self.store) else []
        can_send = FlowAction.SEND in allowed and not problems
        self.send_button.setEnabled(can_send)
        if p is None:
            self.send_button.setToolTip(self.tr("Choisissez une proposition."))
        elif not can_send:
            self.send_button.setToolTip(
                "\n".join(problems)
                or self.tr("La proposition est « {s} ».").format(s=p.state.label)
            )
        else:
            self.send_button.setToolTip(self.tr("Envoyer la liste à la commission d'attribution."))
        self.adjourn_button.setEnabled(FlowAction.ADJOURN in allowed)
        self.adjourn_button.setToolTip(
            "" if FlowAction.ADJOURN in allowed
            else self.tr("Seule une proposition envoyée, sans décision, peut être ajournée.")
        )  # fmt: skip
        self.exception_button.setEnabled(FlowAction.EDIT in allowed)
        self.exception_button.setToolTip(
            self.tr(
                "Moins de trois candidats : nombre insuffisant de candidats éligibles, candidat "
                "désigné par le préfet (DALO) ou logement financé en PLAI adapté (CCH R441-3)."
            )
            if FlowAction.EDIT in allowed
            else self.tr("L'exception s'enregistre pendant la préparation.")
        )
        self.sheet_button.setEnabled(p is not None)
        self.export_button.setEnabled(self.store is not None)

    # -- actions -------------------------------------------------------------------------------
    def run(self, fn: Callable[..., Proposal], *args: Any, **kwargs: Any) -> Proposal | None:
        """Call a workflow service on the shown proposal; show a refusal in French."""
        if self.store is None or self.current is None:
            return None
        try:
            result = fn(self.store, self.session, self.current.id, *args, **kwargs)
        except Exception as exc:
            show_error(self, self.tr("Proposition"), exc)
            return None
        self.refresh()
        self.proposal_changed.emit(result.id or 0)
        return result

    def selected_candidate(self) -> str | None:
        """Return the request reference of the selected candidate row."""
        found = self.candidates_view.selectionModel().selectedRows()
        return found[0].data(PAYLOAD_ROLE) if found else None

    def _candidate(self, ref: str) -> Candidate | None:
        return self.current.candidate(ref) if self.current else None

    def _pick(self, title: str, choices: list[Any]) -> Any | None:
        labels = [c.label for c in choices]
        text, ok = QInputDialog.getItem(self, title, title, labels, 0, False)
        return choices[labels.index(text)] if ok and text in labels else None

    def _rank(self) -> int | None:
        value, ok = QInputDialog.getInt(
            self, self.tr("Rang CALEOL"), self.tr("Rang donné par la CALEOL :"), 1, 1, 20
        )
        return value if ok else None

    def candidate_actions(self, ref: str) -> list[QAction]:
        """Return the menu actions for one candidate, each enabled only when its state allows."""
        allowed = svc.allowed_actions(self.current) if self.current else ()
        specs: list[tuple[str, FlowAction, Callable[[], object]]] = [
            (self.tr("Joint et intéressé"), FlowAction.CONTACT,
             lambda: self.run(svc.record_contact, ref, ContactOutcome.JOINT)),
            (self.tr("Injoignable"), FlowAction.CONTACT,
             lambda: self.run(svc.record_contact, ref, ContactOutcome.INJOIGNABLE)),
            (self.tr("Se désiste…"), FlowAction.CONTACT, lambda: self._withdraw(ref)),
            (self.tr("Retirer de la liste"), FlowAction.EDIT, lambda: self.run(svc.remove_candidate, ref)),
            (self.tr("Monter"), FlowAction.EDIT, lambda: self.run(svc.move_candidate, ref, -1)),
            (self.tr("Descendre"), FlowAction.EDIT, lambda: self.run(svc.move_candidate, ref, 1)),
            (self.tr("Attribué au rang…"), FlowAction.DECIDE, lambda: self._attribute(ref, Decision.ATTRIBUE)),
            (self.tr("Attribué sous condition au rang…"), FlowAction.DECIDE,
             lambda: self._attribute(ref, Decision.ATTRIBUE_SOUS_CONDITION)),
            (self.tr("Non attribué…"), FlowAction.DECIDE, lambda: self._not_attributed(ref)),
            (self.tr("Irrecevable"), FlowAction.DECIDE,
             lambda: self.run(svc.record_decision, ref, Decision.IRRECEVABLE)),
            (self.tr("Accepte l'offre"), FlowAction.ANSWER, lambda: self.run(svc.record_answer, ref, True)),
            (self.tr("Refuse l'offre…"), FlowAction.ANSWER, lambda: self._refuse(ref)),
            (self.tr("Bail signé"), FlowAction.LEASE, lambda: self.run(svc.record_lease, ref)),
        ]  # fmt: skip
        actions = []
        for text, needed, slot in specs:
            action = QAction(text, self)
            action.setEnabled(needed in allowed)
            if needed not in allowed and self.current is not None:
                action.setToolTip(
                    self.tr("« {a} » n'est pas possible : la proposition est « {s} ».").format(
                        a=ACTION_LABELS[needed], s=self.current.state.label
                    )
                )
            action.triggered.connect(slot)
            actions.append(action)
        return actions

    def _withdraw(self, ref: str) -> None:
        code = self._pick(self.tr("Motif du désistement"), list(WithdrawalCode))
        if code is not None:
            self.run(svc.record_contact, ref, ContactOutcome.DESISTE, code)

    def _attribute(self, ref: str, decision: Decision) -> None:
        rank = self._rank()
        if rank is not None:
            self.run(svc.record_decision, ref, decision, rank)

    def _not_attributed(self, ref: str) -> None:
        code = self._pick(self.tr("Motif de non-attribution"), list(NonAttributionCode))
        if code is not None:
            self.run(svc.record_decision, ref, Decision.NON_ATTRIBUE, None, code)

    def _refuse(self, ref: str) -> None:
        code = self._pick(self.tr("Motif du refus"), list(RefusalReason))
        if code is not None:
            self.run(svc.record_answer, ref, False, code)

    # -- slots ---------------------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _on_list_selection_changed(self, *_: object) -> None:
        found = self.list_view.selectionModel().selectedRows()
        if found and self.store is not None:
            pid = found[0].data(PAYLOAD_ROLE)
            if self.current is None or self.current.id != pid:
                self._show(svc.get_proposal(self.store, self.session, pid))

    @Slot(QPoint)
    def _on_candidates_menu(self, point: QPoint) -> None:
        index = self.candidates_view.indexAt(point)
        if not index.isValid():
            return
        ref = index.siblingAtColumn(0).data(PAYLOAD_ROLE)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        for action in self.candidate_actions(ref):
            menu.addAction(action)
        menu.exec(self.candidates_view.viewport().mapToGlobal(point))

    @Slot()
    def _on_send_clicked(self) -> None:
        default = (date.today() + timedelta(days=7)).isoformat()
        text, ok = QInputDialog.getText(
            self,
            self.tr("Envoi à la CALEOL"),
            self.tr("Date de la commission (AAAA-MM-JJ) :"),
            text=default,
        )
        if not ok:
            return
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            show_error(
                self,
                self.tr("Envoi"),
                ValueError(self.tr("Date invalide : « {t} ».").format(t=text)),
            )
            return
        self.run(svc.send_proposal, day)

    def record_exception(self, exception: ExceptionCode | None) -> Proposal | None:
        """Record (or lift, with None) the R441-3 exception of the shown proposal."""
        p = self.current
        if p is None:
            return None
        return self.run(svc.justify, exception, p.deviation_code, p.deviation_text)

    @Slot()
    def _on_exception_clicked(self) -> None:
        if self.current is None:
            return
        labels = [self.tr("Aucune exception"), *(c.label for c in ExceptionCode)]
        text, ok = QInputDialog.getItem(
            self, self.tr("Exception R441-3"), self.tr("Moins de trois candidats parce que :"),
            labels, 0, False,
        )  # fmt: skip
        if ok and text in labels:
            index = labels.index(text)
            self.record_exception(None if index == 0 else list(ExceptionCode)[index - 1])

    @Slot()
    def _on_adjourn_clicked(self) -> None:
        self.run(svc.adjourn_proposal)

    @Slot()
    def _on_sheet_clicked(self) -> None:
        if self.store is None or self.current is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Fiche de proposition"),
            f"fiche_{self.current.unit_ref}.pdf",
            "PDF (*.pdf)",
        )
        if name:
            try:
                write_proposal_pdf(self.store, self.session, self.current.id or 0, Path(name))
            except Exception as exc:
                show_error(self, self.tr("Fiche"), exc)

    @Slot()
    def _on_export_clicked(self) -> None:
        if self.store is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exporter les propositions"), "propositions.xlsx", "XLSX (*.xlsx)"
        )
        if name:
            try:
                write_proposals_workbook(self.store, self.session, Path(name))
            except Exception as exc:
                show_error(self, self.tr("Export"), exc)
