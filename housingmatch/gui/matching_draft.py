"""Rapprochement › Par logement: the proposal being built from a ranking (draft, context menu)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
)

from housingmatch.gui.jobs import show_error
from housingmatch.gui.matching_common import (
    MAX_PROPOSED,
)
from housingmatch.services import proposals
from housingmatch.services.background import (
    save_draft_work,
)

# A proposal's receipt takes about a second per 10 000 evaluated requests: beyond this pool
# it is kept in a background job.
BACKGROUND_RECEIPT_POOL = 5_000


class DraftMixin:
    """Keep the chosen candidates of :class:`MatchingPage` as a proposal in preparation."""

    def save_draft(self, deviation_reason: str | None = None) -> bool:
        """Keep the selected candidates (at most three) as the unit's draft proposal."""
        data = self.view_data
        chosen = self.selected_candidates()
        if data is None or self.store is None or not 1 <= len(chosen) <= MAX_PROPOSED:
            return False
        refs = [c.ref for c in chosen]
        pool = len(data.ranking.ranked) + len(data.ranking.excluded)
        if self.store.path is not None and pool > BACKGROUND_RECEIPT_POOL:
            self._save_draft_in_background(
                data.ranking.unit_ref, data.ranking.on, refs, deviation_reason
            )
            return True
        try:
            proposals.save_draft(self.store, self.session, data.ranking, refs, deviation_reason)
        except proposals.DeviationReasonNeeded as needed:
            reason, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("MatchingPage", "Écart au classement"),
                f"{needed}\n" + QCoreApplication.translate("MatchingPage", "Motif de l'écart :"),
            )
            if not ok or not reason.strip():
                return False
            return self.save_draft(reason)
        except Exception as exc:
            show_error(self, QCoreApplication.translate("MatchingPage", "Proposition"), exc)
            return False
        self._show_draft()
        self.draft_saved.emit(data.ranking.unit_ref)
        return True

    def _save_draft_in_background(
        self, unit_ref: str, on: date, refs: list[str], reason: str | None
    ) -> None:
        """Keep the proposal in a job: its receipt holds every evaluated request's inputs."""
        assert self.store is not None and self.store.path is not None

        def failed(exc: BaseException) -> None:
            if isinstance(exc, proposals.DeviationReasonNeeded):
                text, ok = QInputDialog.getText(
                    self,
                    QCoreApplication.translate("MatchingPage", "Écart au classement"),
                    f"{exc}\n" + QCoreApplication.translate("MatchingPage", "Motif de l'écart :"),
                )
                if ok and text.strip():
                    self._save_draft_in_background(unit_ref, on, refs, text)
                return
            show_error(self, QCoreApplication.translate("MatchingPage", "Proposition"), exc)

        def done(_: int) -> None:
            self._show_draft()
            self.draft_saved.emit(unit_ref)

        self.jobs.start(
            QCoreApplication.translate("MatchingPage", "Proposition"),
            save_draft_work,
            self.store.path,
            self.session,
            unit_ref,
            on,
            refs,
            reason,
            on_done=done,
            on_failed=failed,
        )

    @Slot()
    def _on_draft_button_clicked(self) -> None:
        self.save_draft()

    # -- the proposal being built: context menu and shortcuts on candidates ------------------
    def _build_proposal_actions(self) -> None:
        view = self.candidates_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        specs = (
            (
                QCoreApplication.translate("MatchingPage", "Ajouter à la proposition"),
                "Ins",
                self.save_draft,
            ),
            (
                QCoreApplication.translate("MatchingPage", "Retirer"),
                "Del",
                lambda: self.change_proposal("remove"),
            ),
            (
                QCoreApplication.translate("MatchingPage", "Monter"),
                "Ctrl+Up",
                lambda: self.change_proposal("up"),
            ),
            (
                QCoreApplication.translate("MatchingPage", "Descendre"),
                "Ctrl+Down",
                lambda: self.change_proposal("down"),
            ),
        )
        self.proposal_actions: list[QAction] = []
        for text, keys, slot in specs:
            action = QAction(text, view)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, f=slot: f())
            view.addAction(action)
            self.proposal_actions.append(action)

    def change_proposal(self, what: str) -> bool:
        """Remove the selected candidate from the unit's proposal, or move it up or down."""
        chosen = self.selected_candidates()
        ref = self.current_unit_ref()
        if self.store is None or ref is None or len(chosen) != 1:
            return False
        session = self.session
        draft = proposals.open_proposal_for_unit(self.store, session, ref)
        if draft is None:
            show_error(
                self,
                QCoreApplication.translate("MatchingPage", "Proposition"),
                ValueError(
                    QCoreApplication.translate(
                        "MatchingPage", "Ce logement n'a pas de proposition en cours."
                    )
                ),
            )
            return False
        try:
            if what == "remove":
                proposals.remove_candidate(self.store, session, draft.id or 0, chosen[0].ref)
            else:
                delta = -1 if what == "up" else 1
                proposals.move_candidate(self.store, session, draft.id or 0, chosen[0].ref, delta)
        except proposals.DeviationReasonNeeded as needed:
            reason, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("MatchingPage", "Écart au classement"),
                f"{needed}\n" + QCoreApplication.translate("MatchingPage", "Motif de l'écart :"),
            )
            if not ok or not reason.strip():
                return False
            proposals.remove_candidate(
                self.store, session, draft.id or 0, chosen[0].ref,
                deviation_code=proposals.DeviationCode.AUTRE, deviation_text=reason,
            )  # fmt: skip
        except Exception as exc:
            show_error(self, QCoreApplication.translate("MatchingPage", "Proposition"), exc)
            return False
        self._show_draft()
        self.draft_saved.emit(ref)
        return True
