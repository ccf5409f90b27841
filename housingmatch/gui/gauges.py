"""Gauges of the legal shares of attributions: on the dashboard, and one line over rankings.

The figures come from :func:`housingmatch.services.evaluation.obligations_report`, computed
in a background job (:func:`housingmatch.services.background.obligations_work`); these
widgets only paint them. A gauge shows the share over the known attributions as a bar, the
target as a mark, the range the households of unknown quartile could give as a lighter band,
and turns red when the share is below its target.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from housingmatch.domain.session import Session
from housingmatch.gui.jobs import Job, JobRunner
from housingmatch.reports.obligations import Obligation, ObligationKind
from housingmatch.services.background import obligations_work
from housingmatch.services.database import Store

BEHIND = QColor("#c62828")
ON_TARGET = QColor("#2e7d32")
UNKNOWN = QColor("#b0bec5")
TRACK = QColor("#eceff1")


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


class GaugeBar(QWidget):
    """The painted bar of one share: fill, unknown band, target mark (0 to 100 %)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Start empty (no attribution known)."""
        super().__init__(parent)
        self.share: float | None = None
        self.band: tuple[float, float] | None = None
        self.target = 0.25
        self.behind = False
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        """Return a bar of a few hundred pixels."""
        return QSize(260, 22)

    def set_values(
        self, share: float | None, band: tuple[float, float] | None, target: float
    ) -> None:
        """Show a share (None: nothing known), the unknown-quartile band and the target."""
        self.share, self.band, self.target = share, band, target
        self.behind = share is not None and share < target
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the track, the band, the fill and the target mark."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(1, 4, self.width() - 2, self.height() - 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, 3, 3)
        if self.band is not None:
            low, high = self.band
            painter.setBrush(UNKNOWN)
            painter.drawRect(
                QRectF(track.left() + track.width() * low, track.top(),
                       track.width() * max(high - low, 0.0), track.height())
            )  # fmt: skip
        if self.share is not None:
            painter.setBrush(BEHIND if self.behind else ON_TARGET)
            painter.drawRoundedRect(
                QRectF(track.left(), track.top(), track.width() * min(self.share, 1.0),
                       track.height()), 3, 3,
            )  # fmt: skip
        x = track.left() + track.width() * self.target
        painter.setPen(QPen(QColor("#263238"), 2))
        painter.drawLine(int(x), 0, int(x), self.height())
        painter.end()


class ObligationGauge(QWidget):
    """One share: its title, numerator / denominator, the bar, the gap and the unknowns."""

    def __init__(self, kind: ObligationKind, parent: QWidget | None = None) -> None:
        """Build the labels and the bar of one obligation."""
        super().__init__(parent)
        self.kind = kind
        self.title = QLabel(kind.label, self)
        self.title.setStyleSheet("font-weight: 600;")
        self.figures = QLabel(self)
        self.bar = GaugeBar(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.title.setWordWrap(True)
        self.figures.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.figures)
        layout.addWidget(self.bar)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.show_obligation(None)

    def show_obligation(self, item: Obligation | None) -> None:
        """Fill the gauge from an obligation (None: not computed yet)."""
        if item is None:
            self.figures.setText("…")
            self.bar.set_values(None, None, self.bar.target)
            self.note.setText("")
            return
        self.figures.setText(
            self.tr("{n} / {d} = {share} (objectif {target})").format(
                n=item.numerator, d=item.denominator, share=_percent(item.share),
                target=_percent(item.target),
            )
        )  # fmt: skip
        band = None
        if item.unknown and item.share_range is not None:
            band = item.share_range
        self.bar.set_values(item.share, band, item.target)
        notes = []
        if item.share is None:
            notes.append(self.tr("aucune attribution connue cette année"))
        elif item.gap:
            notes.append(
                self.tr("il en faut encore %n d'ici décembre au rythme actuel", "", item.gap)
            )
        else:
            notes.append(self.tr("objectif tenu au rythme actuel"))
        if item.unknown and item.share_range is not None:
            low, high = item.share_range
            notes.append(
                self.tr("%n au quartile inconnu, compté(s) à part (entre {low} et {high})", "",
                        item.unknown).format(low=_percent(low), high=_percent(high))
            )  # fmt: skip
        if item.kind is ObligationKind.DALO_PRIORITAIRES and item.detail:
            notes.append(item.detail)
        self.note.setText(" ; ".join(notes))
        color = "#c62828" if self.bar.behind else "palette(text)"
        self.figures.setStyleSheet(f"color: {color}; font-weight: 600;")


class _LatestShares:
    """The year's shares computed in a background job; only the newest request's result is
    delivered (an older computation finishing late is dropped)."""

    def __init__(self, jobs: JobRunner) -> None:
        self.jobs = jobs
        self.job: Job | None = None
        self._generation = 0

    def start(
        self,
        store: Store,
        session: Session,
        today: date,
        deliver: Callable[[list[Obligation]], None],
    ) -> Job | None:
        """Cancel the running computation and start one for ``today`` (none in memory)."""
        if self.job is not None and not self.job.done:
            self.job.cancel()
        self.job = None
        self._generation += 1
        if store.path is None:
            return None
        generation = self._generation

        def done(result: list[Obligation]) -> None:
            if generation != self._generation:
                return
            self.job = None
            deliver(result)

        self.job = self.jobs.start(
            QCoreApplication.translate("ObligationsBox", "Obligations d'attribution"),
            obligations_work,
            store.path,
            session,
            today.year,
            today,
            on_done=done,
            show_progress=False,
        )
        return self.job


class ObligationsBox(QGroupBox):
    """The three gauges of the civil year, computed in the background.

    Signals:
        shown(): the gauges show a computation's result.
    """

    shown = Signal()

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Build the three gauges side by side."""
        super().__init__(parent)
        self.jobs = jobs
        self._shares = _LatestShares(jobs)
        self.obligations: list[Obligation] = []
        self.gauges = {kind: ObligationGauge(kind, self) for kind in ObligationKind}
        layout = QGridLayout(self)
        for column, gauge in enumerate(self.gauges.values()):
            layout.addWidget(gauge, 0, column, Qt.AlignmentFlag.AlignTop)
            layout.setColumnStretch(column, 1)
        self.setTitle(self.tr("Obligations d'attribution de l'année"))

    def refresh(self, store: Store, session: Session, today: date | None = None) -> Job | None:
        """Compute the year's shares in a background job (nothing for an in-memory base)."""
        today = today or date.today()
        job = self._shares.start(
            store, session, today, lambda result: self.show_obligations(result, today)
        )
        if job is not None:
            self.setTitle(
                self.tr("Obligations d'attribution {year} : calcul en cours…").format(
                    year=today.year
                )
            )
        return job

    def show_obligations(self, items: Sequence[Obligation], today: date) -> None:
        """Fill the gauges from computed obligations."""
        self.obligations = list(items)
        by_kind = {item.kind: item for item in items}
        for kind, gauge in self.gauges.items():
            gauge.show_obligation(by_kind.get(kind))
        total = items[0].denominator if items else 0
        self.setTitle(
            self.tr("Obligations d'attribution {year} (%n attribution(s) au {day})", "", total)
            .format(year=today.year, day=f"{today:%d/%m/%Y}")
        )  # fmt: skip
        self.shown.emit()


class ObligationsLine(QLabel):
    """The matching page's line: "Cette année : 9 % DALO/prioritaires, il en faut 11…".

    Signals:
        shown(): the line shows a computation's result.
    """

    shown = Signal()

    def __init__(self, jobs: JobRunner, parent: QWidget | None = None) -> None:
        """Start empty (the line appears once computed)."""
        super().__init__(parent)
        self.jobs = jobs
        self._shares = _LatestShares(jobs)
        self.setWordWrap(True)
        self.setObjectName("obligations_line")

    def refresh(self, store: Store, session: Session, today: date | None = None) -> Job | None:
        """Compute the year's shares in a background job (nothing for an in-memory base)."""
        return self._shares.start(store, session, today or date.today(), self.show_obligations)

    def show_obligations(self, items: Sequence[Obligation]) -> None:
        """Write the line from computed obligations (red when the DALO share is behind)."""
        by_kind = {item.kind: item for item in items}
        parts = []
        dalo = by_kind.get(ObligationKind.DALO_PRIORITAIRES)
        if dalo is not None:
            if dalo.share is None:
                parts.append(self.tr("aucune attribution DALO/prioritaires connue"))
            elif dalo.gap:
                parts.append(
                    self.tr("{share} DALO/prioritaires, il en faut {gap} de plus d'ici décembre")
                    .format(share=_percent(dalo.share), gap=dalo.gap)
                )  # fmt: skip
            else:
                parts.append(
                    self.tr("{share} DALO/prioritaires (objectif tenu)").format(
                        share=_percent(dalo.share)
                    )
                )
        for kind in (
            ObligationKind.PREMIER_QUARTILE_HORS_QPV,
            ObligationKind.AUTRES_QUARTILES_EN_QPV,
        ):
            item = by_kind.get(kind)
            if item is None or (item.share is None and not item.unknown):
                continue
            text = f"{kind.short} {_percent(item.share)}"
            if item.gap:
                text += self.tr(" (encore {gap})").format(gap=item.gap)
            if item.unknown:
                text += self.tr(", {n} au quartile inconnu").format(n=item.unknown)
            parts.append(text)
        self.setText(
            self.tr("Cette année : {parts}").format(parts=" · ".join(parts)) if parts else ""
        )
        behind = dalo is not None and dalo.share is not None and dalo.share < dalo.target
        self.setStyleSheet("color: #c62828;" if behind else "")
        self.shown.emit()
