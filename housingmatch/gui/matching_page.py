"""The Rapprochement workspace: ranked candidates of a unit, exclusions, reverse view, allocation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from html import escape

from PySide6.QtCore import QByteArray, QDate, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from housingmatch.domain.model import Unit, UnitStatus
from housingmatch.domain.session import Session
from housingmatch.gui.columns import fit_columns
from housingmatch.gui.communes import commune_name
from housingmatch.gui.delegates import PART_COLOURS, BadgesDelegate, PartsBarDelegate
from housingmatch.gui.formats import edited_date, french_date
from housingmatch.gui.gauges import ObligationsLine
from housingmatch.gui.jobs import Job, JobRunner
from housingmatch.gui.matching_allocation import AllocationViewMixin
from housingmatch.gui.matching_by_request import RequestViewMixin
from housingmatch.gui.matching_common import (
    MAX_PROPOSED,
    CompareDialog,
    make_table,
    minutes_text,
    points_text,
    score_text,
    unit_text,
)
from housingmatch.gui.matching_draft import DraftMixin
from housingmatch.gui.models import Row, RowsModel, sorted_proxy
from housingmatch.gui.request_dialog import format_amount
from housingmatch.matching.results import EXCLUSION_LABELS, PART_LABELS, RankedCandidate
from housingmatch.rules.groups import GROUP_LABELS
from housingmatch.rules.permissions import Action, allowed
from housingmatch.services import local_session, proposals, records
from housingmatch.services.background import (
    SHOWN_CANDIDATES,
    UnitRankingView,
    rank_unit_work,
)
from housingmatch.services.database import Store
from housingmatch.services.facts import request_facts


class MatchingPage(DraftMixin, RequestViewMixin, AllocationViewMixin, QWidget):
    """Rank a unit's candidates, explain, compare, keep a draft proposal; reverse view; batch.

    Signals:
        candidates_ranked(unit_ref): the ranking of a unit is shown.
        draft_saved(unit_ref): a draft proposal was kept for a unit.
        units_found(request_ref): the reverse view of a request is shown.
        allocation_ready(): the batch suggestion is shown.
    """

    candidates_ranked = Signal(str)
    draft_saved = Signal(str)
    units_found = Signal(str)
    allocation_ready = Signal()

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Build the three views."""
        super().__init__(parent)
        self.jobs = jobs
        self.store: Store | None = None
        self.session: Session = local_session()
        self.view_data: UnitRankingView | None = None
        # (text) -> [(reference, name)], best first: the requests table's search (MainWindow).
        self.request_finder: Callable[[str], list[tuple[str, str]]] | None = None
        self.rank_job: Job | None = None
        self._rank_serial = 0  # the ranking asked last; an older job's result is dropped
        self._units: dict[str, Unit] = {}

        self.mode_tabs = QTabWidget(self)
        self.mode_tabs.addTab(self._build_unit_view(), self.tr("Par logement"))
        self.mode_tabs.addTab(self._build_request_view(), self.tr("Par demande"))
        self.mode_tabs.addTab(
            self._build_allocation_view(), self.tr("Répartition des logements ouverts")
        )
        # The year's legal shares over every view (computed in a job at each refresh).
        self.obligations_line = ObligationsLine(jobs, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.obligations_line)
        layout.addWidget(self.mode_tabs)

    # -- building ------------------------------------------------------------------------------
    def _build_unit_view(self) -> QWidget:
        page = QWidget(self)
        self.unit_combo = QComboBox(page)
        self.unit_combo.setEditable(True)
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_combo.setMinimumContentsLength(50)
        self.unit_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit_combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.on_edit = QDateEdit(QDate.currentDate(), page)
        self.on_edit.setCalendarPopup(True)
        self.on_edit.setDisplayFormat("dd/MM/yyyy")
        self.rank_button = QPushButton(self.tr("Classer"), page)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Logement"), page))
        top.addWidget(self.unit_combo, 1)
        top.addWidget(QLabel(self.tr("Date du classement"), page))
        top.addWidget(self.on_edit)
        top.addWidget(self.rank_button)
        self.summary_label = QLabel(page)
        self.summary_label.setWordWrap(True)

        self.result_tabs = QTabWidget(page)
        self.candidates_model = RowsModel(
            [
                self.tr("Rang"),
                self.tr("Demande"),
                self.tr("Demandeur"),
                self.tr("Score"),
                self.tr("Parties"),
                self.tr("Groupes"),
                self.tr("Trajet"),
            ],
            self,
            right_aligned=(0, 3, 6),
        )
        self.candidates_proxy = sorted_proxy(self.candidates_model, self)
        self.candidates_view = make_table(page, multi=True)
        self.candidates_view.setObjectName("candidates_view")
        self.candidates_view.setModel(self.candidates_proxy)
        self.parts_delegate = PartsBarDelegate(self.candidates_view)
        self.candidates_view.setItemDelegateForColumn(4, self.parts_delegate)
        self.candidates_view.setItemDelegateForColumn(5, BadgesDelegate(self.candidates_view))
        self.candidates_model.column_payloads = {
            4: lambda c: c.parts,
            5: lambda c: (
                tuple(str(g) for g in c.groups) + (("SOUS_OCCUPATION",) if c.under_occupied else ())
            ),
        }
        header = self.candidates_view.horizontalHeader()
        for column, width in ((0, 48), (1, 122), (2, 140), (3, 52), (4, 122), (5, 150), (6, 55)):
            header.resizeSection(column, width)

        excluded_page = QWidget(page)
        self.counts_model = RowsModel(
            [self.tr("Motif d'exclusion"), self.tr("Demandes")], self, right_aligned=(1,)
        )
        self.counts_view = make_table(excluded_page)
        self.counts_view.setModel(sorted_proxy(self.counts_model, self))
        self.counts_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts_view.horizontalHeader().setStretchLastSection(False)
        self.excluded_model = RowsModel(
            [self.tr("Demande"), self.tr("Demandeur"), self.tr("Motifs")], self
        )
        self.excluded_view = make_table(excluded_page)
        self.excluded_view.setObjectName("excluded_view")
        self.excluded_view.setModel(sorted_proxy(self.excluded_model, self))
        self.excluded_view.horizontalHeader().resizeSection(0, 135)
        self.excluded_view.horizontalHeader().resizeSection(1, 160)
        self.excluded_note = QLabel(excluded_page)
        excluded_split = QSplitter(Qt.Orientation.Vertical, excluded_page)
        excluded_split.addWidget(self.counts_view)
        excluded_split.addWidget(self.excluded_view)
        excluded_split.setSizes([200, 400])
        excluded_layout = QVBoxLayout(excluded_page)
        excluded_layout.addWidget(excluded_split, 1)
        excluded_layout.addWidget(self.excluded_note)
        self.result_tabs.addTab(self.candidates_view, self.tr("Candidats"))
        self.result_tabs.addTab(excluded_page, self.tr("Exclues"))

        detail = QWidget(page)
        # Keep the candidates table wide enough for every column at 1280 px.
        detail.setMaximumWidth(380)
        self.detail_browser = QTextBrowser(detail)
        self.detail_browser.setObjectName("detail_browser")
        self.compare_button = QPushButton(self.tr("Pourquoi pas plus haut ?"), detail)
        self.compare_button.setToolTip(
            self.tr(
                "Comparer le candidat choisi avec celui classé juste au-dessus, ou deux candidats choisis"
            )
        )
        self.draft_button = QPushButton(self.tr("Proposer (brouillon)"), detail)
        self.draft_button.setToolTip(
            self.tr(
                "Garder les candidats choisis (trois au plus, Ctrl+clic) comme proposition en brouillon"
            )
        )
        self.compare_button.setEnabled(False)
        self.draft_button.setEnabled(False)
        self._build_proposal_actions()
        self.draft_label = QLabel(detail)
        self.draft_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.draft_button)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_browser, 1)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.draft_label)

        self.unit_splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.unit_splitter.addWidget(self.result_tabs)
        self.unit_splitter.addWidget(detail)
        self.unit_splitter.setStretchFactor(0, 1)
        self.unit_splitter.setStretchFactor(1, 0)
        self.unit_splitter.setSizes([700, 330])

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.unit_splitter, 1)

        self.rank_button.clicked.connect(self._on_rank_button_clicked)
        self.unit_combo.activated.connect(self._on_unit_combo_activated)
        self.candidates_view.selectionModel().selectionChanged.connect(
            self._on_candidates_selection_changed
        )
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.draft_button.clicked.connect(self._on_draft_button_clicked)
        return page

    # -- store -----------------------------------------------------------------------------------
    def apply_permissions(self, session: Session) -> None:
        """Hide preparing proposals from a role that may not (the service refuses anyway)."""
        prepare = allowed(session, Action.PREPARE_PROPOSAL)
        self.draft_button.setVisible(prepare)
        self.save_allocation_button.setVisible(prepare)

    def set_store(self, store: Store, session: Session) -> None:
        """Fill the unit and request pickers from ``store``."""
        self.store = store
        self.session = session
        self.obligations_line.refresh(store, session)
        current = self.current_unit_ref()
        units = sorted(
            records.list_units(store, session), key=lambda u: (u.status != UnitStatus.OUVERT, u.ref)
        )
        self._units = {u.ref: u for u in units}
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for unit in units:
            self.unit_combo.addItem(unit_text(unit), unit.ref)
        self.unit_combo.setCurrentIndex(-1)
        self.unit_combo.blockSignals(False)
        if current and current in self._units:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(current))

    def current_unit_ref(self) -> str | None:
        """Return the reference of the unit picked, if any."""
        ref = self.unit_combo.currentData()
        return str(ref) if ref else None

    def ranking_date(self) -> date:
        """Return the date of the ranking."""
        return edited_date(self.on_edit)

    def select_unit(self, ref: str) -> Job | None:
        """Pick a unit and rank its candidates."""
        self.mode_tabs.setCurrentIndex(0)
        index = self.unit_combo.findData(ref)
        if index < 0:
            return None
        self.unit_combo.setCurrentIndex(index)
        return self.rank()

    def rank(self) -> Job | None:
        """Rank the candidates of the picked unit (in the background)."""
        ref = self.current_unit_ref()
        if ref is None or self.store is None or self.store.path is None:
            return None
        if self.rank_job is not None and not self.rank_job.done:
            self.rank_job.cancel()
        self._rank_serial += 1
        self.summary_label.setText(self.tr("Classement de {ref} en cours…").format(ref=ref))
        self.rank_button.setEnabled(False)
        self.rank_job = self.jobs.start(
            self.tr("Classement des candidats"),
            rank_unit_work,
            self.store.path,
            self.session,
            ref,
            self.ranking_date(),
            on_done=partial(self._on_rank_job_done, self._rank_serial),
            on_cancelled=partial(self._on_rank_job_stopped, self._rank_serial),
            on_failed=lambda _exc, serial=self._rank_serial: self._on_rank_job_stopped(serial),
        )
        return self.rank_job

    def _on_rank_job_done(self, serial: int, data: UnitRankingView) -> None:
        # A replaced ranking may still finish (its cancel comes too late), even after the
        # newer one: it must not put another unit's candidates under the picker.
        if serial == self._rank_serial:
            self.show_ranking(data)

    def _on_rank_job_stopped(self, serial: int) -> None:
        if serial == self._rank_serial:
            self._on_rank_job_ended()

    # -- showing a ranking ------------------------------------------------------------------------
    def show_ranking(self, data: UnitRankingView) -> None:
        """Show a prepared ranking in the candidates and excluded tabs."""
        self._on_rank_job_ended()
        self.view_data = data
        ranking = data.ranking
        people = data.people
        top = max((c.score for c in data.candidates), default=0.0)
        self.parts_delegate.scale = max(top, 1.0)
        rows = []
        for c in data.candidates:
            info = people.get(c.ref)
            rows.append(
                Row(
                    (
                        str(c.rank),
                        c.ref,
                        info.name if info else "",
                        score_text(c.score),
                        "",
                        "",
                        minutes_text(c.commute_minutes),
                    ),
                    (
                        c.rank,
                        c.ref,
                        info.name if info else "",
                        c.score,
                        c.score,
                        len(c.groups),
                        c.commute_minutes or 0.0,
                    ),
                    payload=c,
                    tooltips=(
                        None,
                        None,
                        info.employer if info else None,
                        None,
                        "\n".join(f"{PART_LABELS[p]} : {points_text(v)}" for p, v in c.parts),
                        ", ".join(c.group_labels)
                        + (
                            "\n" + self.tr("Sous-occupation : plus de pièces que de personnes + 1")
                            if c.under_occupied
                            else ""
                        ),
                        None,
                    ),
                )
            )
        self.candidates_model.set_rows(rows)
        self.candidates_proxy.sort(-1)
        fit_columns(self.candidates_view, (1, 2, 5))
        self.counts_model.set_rows(
            [
                Row((text, str(n)), (text, n), payload=code)
                for code, text, n in data.counts_by_reason
            ]
        )
        self.excluded_model.set_rows(
            [
                Row(
                    (
                        e.ref,
                        people[e.ref].name if e.ref in people else "",
                        " ; ".join(EXCLUSION_LABELS[c] for c in e.codes),
                    ),
                    payload=e,
                    tooltips=(None, None, "\n".join(EXCLUSION_LABELS[c] for c in e.codes)),
                )
                for e in data.excluded
            ]
        )
        fit_columns(self.excluded_view, (0, 1))
        shown = len(data.candidates)
        total = len(ranking.ranked)
        self.result_tabs.setTabText(0, self.tr("Candidats ({n})").format(n=total))
        self.result_tabs.setTabText(1, self.tr("Exclues ({n})").format(n=data.excluded_total))
        self.excluded_note.setText(
            self.tr("{shown} premières demandes exclues listées sur {total}.").format(
                shown=len(data.excluded), total=data.excluded_total
            )
            if len(data.excluded) < data.excluded_total
            else ""
        )
        unit = self._units.get(ranking.unit_ref)
        text = unit_text(unit) if unit else ranking.unit_ref
        summary = self.tr(
            "{unit} — {total} candidats éligibles, {excl} demandes exclues. Règles : {rules} ; "
            "{legal}."
        ).format(
            unit=text,
            total=total,
            excl=data.excluded_total,
            rules=f"{ranking.ruleset.name} {ranking.ruleset.version}",
            legal=ranking.ruleset.legal_priority_label,
        )
        if shown < total:
            summary += " " + self.tr("Les {n} premiers sont listés.").format(n=SHOWN_CANDIDATES)
        if ranking.warnings:
            summary += (
                "<br><span style='color:#a04000'>"
                + "<br>".join(escape(w) for w in ranking.warnings)
                + "</span>"
            )
        self.summary_label.setText(summary)
        self._show_draft()
        if rows:
            self.candidates_view.selectRow(0)
        else:
            self.detail_browser.setHtml(
                "<p>" + escape(self.tr("Aucun candidat éligible pour ce logement.")) + "</p>"
            )
        self.candidates_ranked.emit(ranking.unit_ref)

    def ranked_refs(self) -> list[str]:
        """Return the request references in the order shown in the candidates table."""
        return [
            self.candidates_proxy.index(row, 1).data()
            for row in range(self.candidates_proxy.rowCount())
        ]

    def selected_candidates(self) -> list[RankedCandidate]:
        """Return the selected candidates, best ranked first."""
        rows = self.candidates_view.selectionModel().selectedRows()
        found = [self.candidates_proxy.mapToSource(i) for i in rows]
        candidates = [self.candidates_model.row(i.row()).payload for i in found]
        return sorted(candidates, key=lambda c: c.rank)

    def _show_draft(self) -> None:
        ref = self.current_unit_ref()
        if self.store is None or ref is None:
            self.draft_label.setText("")
            return
        draft = proposals.open_proposal_for_unit(self.store, self.session, ref)
        if draft is None:
            self.draft_label.setText(self.tr("Pas de proposition en préparation pour ce logement."))
        else:
            names = ", ".join(
                self.tr("{ref} (rang {rank})").format(ref=c.request_ref, rank=c.engine_rank)
                if c.engine_rank
                else c.request_ref
                for c in draft.listed
            )
            self.draft_label.setText(
                self.tr("Proposition n° {n} ({state}, classement du {d}) : {names}").format(
                    n=draft.id,
                    state=draft.state.label.lower(),
                    d=french_date(draft.ranking_date),
                    names=names,
                )
            )

    def _show_candidate(self, candidate: RankedCandidate) -> None:
        data = self.view_data
        if data is None or self.store is None:
            return
        info = data.people.get(candidate.ref)
        parts_rows = "".join(
            f"<tr><td><span style='color:{PART_COLOURS.get(str(p), '#999')}'>■</span> "
            f"{escape(PART_LABELS[p])}</td><td align='right'><b>{points_text(v)}</b></td></tr>"
            for p, v in candidate.parts
        )
        html = [
            f"<h3>{escape(candidate.ref)} — {escape(info.name if info else '')}</h3>",
            "<p>"
            + escape(
                self.tr("Rang {r}, score {s} points").format(
                    r=candidate.rank, s=points_text(candidate.score)
                )
            )
            + "</p>",
            "<h4>" + escape(self.tr("Points par partie")) + "</h4>",
            f"<table cellspacing='2' width='100%'>{parts_rows}</table>",
            "<h4>" + escape(self.tr("Ce qui fonde ces points")) + "</h4><ul>",
        ]
        facts_lines = []
        if candidate.groups:
            facts_lines.append(
                self.tr("Groupes : {g}").format(
                    g=", ".join(GROUP_LABELS[g] for g in candidate.groups)
                )
            )
        else:
            facts_lines.append(self.tr("Aucun groupe prioritaire"))
        if candidate.commute_minutes is not None:
            facts_lines.append(
                self.tr("Trajet estimé logement → travail : {m}").format(
                    m=minutes_text(candidate.commute_minutes)
                )
            )
        for note in proposals.refusal_notes(self.store, self.session, [candidate.ref]).get(
            candidate.ref, []
        ):
            facts_lines.append(
                note[0].upper() + note[1:]
            )  # "A refusé un logement … : trajet 45 min"
        request = records.find_request(self.store, self.session, candidate.ref)
        if request is not None:
            facts = request_facts(self.store, self.session, request, data.ranking.on)
            facts_lines.append(self.tr("Employeur : {e}").format(e=request.employer.name))
            facts_lines.append(
                self.tr("Ménage : %n personne(s), {c}", "", request.household.persons).format(
                    c=facts.category_label
                )
            )
            facts_lines.append(
                self.tr("Revenu fiscal de référence : {r} €").format(
                    r=format_amount(request.household.fiscal_income)
                )
            )
            # Which income was compared with the ceiling (computed in the core).
            facts_lines.append(self.tr("Revenu retenu : {e}").format(e=facts.income_explanation))
            if candidate.under_occupied:
                facts_lines.append(
                    self.tr("Sous-occupation : plus de pièces que de personnes + 1 (signalée)")
                )
            facts_lines.append(
                self.tr("Ancienneté : {m} mois (dépôt le {d})").format(
                    m=facts.seniority_months, d=french_date(request.filing_date)
                )
            )
            facts_lines.append(self.tr("Expire le {d}").format(d=french_date(facts.expiry)))
            facts_lines.append(
                self.tr("Commune de travail : {c}").format(
                    c=commune_name(request.workplace.commune)
                )
            )
        html.extend(f"<li>{escape(line)}</li>" for line in facts_lines)
        html.append("</ul>")
        self.detail_browser.setHtml("".join(html))

    # -- slots: unit view -------------------------------------------------------------------------
    @Slot()
    def _on_rank_button_clicked(self) -> None:
        self.rank()

    @Slot(int)
    def _on_unit_combo_activated(self, _index: int) -> None:
        self.rank()

    def _on_rank_job_ended(self) -> None:
        self.rank_button.setEnabled(True)

    @Slot()
    def _on_candidates_selection_changed(self) -> None:
        chosen = self.selected_candidates()
        self.compare_button.setEnabled(
            len(chosen) == 2 or (len(chosen) == 1 and chosen[0].rank > 1)
        )
        self.draft_button.setEnabled(1 <= len(chosen) <= MAX_PROPOSED)
        # A disabled button says why (never a silent grey button).
        if not chosen:
            why = self.tr("Choisissez un ou plusieurs candidats dans le classement.")
        elif len(chosen) > MAX_PROPOSED:
            why = self.tr("Choisissez au plus {n} candidats à la fois.").format(n=MAX_PROPOSED)
        else:
            why = self.tr(
                "Ajouter les candidats choisis à la proposition du logement (créée au besoin ; "
                "une proposition existante n'est jamais remplacée)"
            )
        self.draft_button.setToolTip(why)
        if chosen:
            self._show_candidate(chosen[-1] if len(chosen) > 1 else chosen[0])

    def compare_dialog(self) -> CompareDialog | None:
        """Return the comparison dialog of the selected candidates (None if not applicable)."""
        data = self.view_data
        chosen = self.selected_candidates()
        if data is None or not chosen:
            return None
        if len(chosen) == 2:
            upper, lower = chosen
        elif len(chosen) == 1 and chosen[0].rank > 1:
            lower = chosen[0]
            upper = data.ranking.ranked[lower.rank - 2]
        else:
            return None
        return CompareDialog(upper, lower, data.people, self)

    @Slot()
    def _on_compare_button_clicked(self) -> None:
        dialog = self.compare_dialog()
        if dialog is not None:
            dialog.exec()

    # -- state -------------------------------------------------------------------------------------
    def restore_state(self, settings: QSettings) -> None:
        """Restore the splitter position."""
        state = settings.value("matching_page/splitter")
        if isinstance(state, QByteArray):
            self.unit_splitter.restoreState(state)

    def save_state(self, settings: QSettings) -> None:
        """Remember the splitter position."""
        settings.setValue("matching_page/splitter", self.unit_splitter.saveState())
