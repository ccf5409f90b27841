"""A bar chart drawn with QPainter from a report's :class:`~housingmatch.reports.indicators.Chart`.

Vertical (grouped bars, category labels turned when they would overlap) or horizontal (long
labels such as refusal reasons); a legend when there are several series; exported as PNG by
its context menu, rendered at a fixed size whatever the widget's size, written atomically.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QSizePolicy, QWidget

from housingmatch.errors import UserError
from housingmatch.files import atomic_output
from housingmatch.reports.indicators import Chart
from housingmatch.reports.indicators_export import SERIES_COLOURS

#: The size of an exported PNG (pixels).
EXPORT_SIZE = (1200, 700)


def nice_step(top: float, ticks: int = 5) -> float:
    """Return a round step (1, 2, 2.5, 5 × 10^n) giving about ``ticks`` intervals up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


class BarChart(QWidget):
    """One bar chart; right-click exports it as PNG.

    Signals:
        exported(path): the chart was written as a PNG file.
    """

    exported = Signal(str)

    def __init__(self, chart: Chart | None = None, parent: QWidget | None = None) -> None:
        """Show ``chart`` (or nothing until :meth:`set_chart`)."""
        super().__init__(parent)
        self.chart = chart
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.db_path: Path | None = None  # refused as a target of the export

    def set_chart(self, chart: Chart) -> None:
        """Draw another chart."""
        self.chart = chart
        self.setToolTip(self.tr("{title} — clic droit : exporter en PNG").format(title=chart.title))
        self.update()

    # -- export ----------------------------------------------------------------------------------
    def render_image(self, width: int = EXPORT_SIZE[0], height: int = EXPORT_SIZE[1]) -> QImage:
        """Return the chart drawn on a white image of this size."""
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            self._draw(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        return image

    def export_png(self, path: str | Path | None = None) -> Path | None:
        """Write the chart as PNG to ``path`` (asked with a file dialog when None)."""
        if path is None:
            stem = self.chart.key if self.chart else "graphique"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Exporter le graphique"), f"{stem}.png", self.tr("Image PNG (*.png)")
            )
            if not chosen:
                return None
            path = chosen
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.render_image().save(buffer, "PNG")
        with atomic_output(path, database=self.db_path, binary=True) as out:
            out.write(bytes(buffer.data().data()))
        self.exported.emit(str(path))
        return Path(path)

    def _on_context_menu_requested(self, pos: QPoint) -> None:
        menu = QMenu(self)
        action = menu.addAction(self.tr("Exporter en PNG…"))
        action.triggered.connect(lambda: self._export_asking())
        menu.exec(self.mapToGlobal(pos))

    def _export_asking(self) -> None:
        from housingmatch.gui.jobs import show_error

        try:
            self.export_png()
        except (OSError, UserError) as error:
            show_error(self, self.tr("Exporter le graphique"), error)

    # -- drawing ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the chart over the widget."""
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("white"))
            self._draw(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def _draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = self.chart
        base = QFont(self.font())
        scale = max(0.8, min(1.4, area.height() / 420))
        base.setPointSizeF(max(7.0, 8.5 * scale))
        title_font = QFont(base)
        title_font.setBold(True)
        title_font.setPointSizeF(base.pointSizeF() * 1.15)
        margin = 10.0
        painter.setFont(title_font)
        painter.setPen(QColor("#1f2937"))
        title_h = QFontMetrics(title_font).height()
        title = chart.title if chart else ""
        painter.drawText(
            QRectF(
                area.left() + margin, area.top() + margin / 2, area.width() - 2 * margin, title_h
            ),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(title_font).elidedText(
                title, Qt.TextElideMode.ElideRight, int(area.width() - 2 * margin)
            ),
        )
        painter.setFont(base)
        metrics = QFontMetrics(base)
        top = area.top() + margin + title_h
        if chart is None or chart.empty:
            painter.setPen(QColor("#6b7280"))
            painter.drawText(
                area.adjusted(0, title_h, 0, 0),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Aucune donnée sur la période."),
            )
            return
        if len(chart.series) > 1:
            top = self._legend(painter, chart, area, top, metrics) + 4
        plot = QRectF(
            area.left() + margin, top + 4, area.width() - 2 * margin, area.bottom() - top - margin
        )
        if chart.horizontal:
            self._horizontal(painter, chart, plot, metrics)
        else:
            self._vertical(painter, chart, plot, metrics)

    def _legend(
        self, painter: QPainter, chart: Chart, area: QRectF, top: float, metrics: QFontMetrics
    ) -> float:
        x = area.left() + 10
        y = top + 4
        box = metrics.height() * 0.7
        for i, (name, _values) in enumerate(chart.series):
            width = box + 6 + metrics.horizontalAdvance(name) + 18
            if x + width > area.right() - 10:
                x, y = area.left() + 10, y + metrics.height() + 2
            painter.fillRect(QRectF(x, y + (metrics.height() - box) / 2, box, box), _colour(i))
            painter.setPen(QColor("#374151"))
            painter.drawText(QPoint(int(x + box + 6), int(y + metrics.ascent())), name)
            x += width
        return y + metrics.height()

    def _vertical(
        self, painter: QPainter, chart: Chart, plot: QRectF, metrics: QFontMetrics
    ) -> None:
        values = [v for _, series in chart.series for v in series]
        step = nice_step(max(values))
        top_value = step * math.ceil(max(values) / step) or step
        axis_w = metrics.horizontalAdvance(_number(top_value)) + 8
        n = len(chart.categories)
        slot_w = (plot.width() - axis_w) / n
        widest = max(metrics.horizontalAdvance(c) for c in chart.categories)
        turned = widest > slot_w - 4
        label_h = (
            min(widest, plot.height() * 0.4) * 0.71 + metrics.height()
            if turned
            else metrics.height() + 4
        )
        inner = QRectF(
            plot.left() + axis_w,
            plot.top() + metrics.height() / 2,
            plot.width() - axis_w,
            plot.height() - label_h - metrics.height() / 2,
        )
        self._grid(painter, inner, top_value, step, metrics, vertical=True)
        series_n = len(chart.series)
        bar_w = slot_w * 0.8 / series_n
        for c, name in enumerate(chart.categories):
            x0 = inner.left() + c * slot_w + slot_w * 0.1
            for s, (_label, series) in enumerate(chart.series):
                value = series[c]
                h = inner.height() * value / top_value
                painter.fillRect(
                    QRectF(x0 + s * bar_w, inner.bottom() - h, bar_w * 0.92, h), _colour(s)
                )
            painter.setPen(QColor("#374151"))
            centre = inner.left() + (c + 0.5) * slot_w
            if turned:
                painter.save()
                painter.translate(centre + metrics.ascent() / 3, inner.bottom() + 6)
                painter.rotate(-45)
                text = metrics.elidedText(
                    name, Qt.TextElideMode.ElideRight, int(plot.height() * 0.4)
                )
                painter.drawText(QPoint(-metrics.horizontalAdvance(text), 0), text)
                painter.restore()
            else:
                painter.drawText(
                    QRectF(centre - slot_w / 2, inner.bottom() + 2, slot_w, metrics.height() + 2),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    name,
                )

    def _horizontal(
        self, painter: QPainter, chart: Chart, plot: QRectF, metrics: QFontMetrics
    ) -> None:
        values = [v for _, series in chart.series for v in series]
        step = nice_step(max(values))
        top_value = step * math.ceil(max(values) / step) or step
        label_w = min(
            max(metrics.horizontalAdvance(c) for c in chart.categories) + 8, plot.width() * 0.45
        )
        inner = QRectF(
            plot.left() + label_w,
            plot.top(),
            plot.width() - label_w - metrics.horizontalAdvance(_number(top_value)) / 2 - 4,
            plot.height() - metrics.height() - 4,
        )
        self._grid(painter, inner, top_value, step, metrics, vertical=False)
        n = len(chart.categories)
        slot_h = inner.height() / n
        series_n = len(chart.series)
        bar_h = min(slot_h * 0.75 / series_n, metrics.height() * 1.6)
        for c, name in enumerate(chart.categories):
            y0 = inner.top() + c * slot_h + (slot_h - bar_h * series_n) / 2
            for s, (_label, series) in enumerate(chart.series):
                w = inner.width() * series[c] / top_value
                painter.fillRect(QRectF(inner.left(), y0 + s * bar_h, w, bar_h * 0.92), _colour(s))
            painter.setPen(QColor("#374151"))
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(label_w - 8))
            painter.drawText(
                QRectF(plot.left(), inner.top() + c * slot_h, label_w - 6, slot_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )

    def _grid(
        self,
        painter: QPainter,
        inner: QRectF,
        top_value: float,
        step: float,
        metrics: QFontMetrics,
        vertical: bool,
    ) -> None:
        ticks = round(top_value / step)
        for i in range(ticks + 1):
            value = i * step
            painter.setPen(QColor("#e5e7eb") if i else QColor("#9ca3af"))
            if vertical:
                y = inner.bottom() - inner.height() * value / top_value
                painter.drawLine(int(inner.left()), int(y), int(inner.right()), int(y))
                painter.setPen(QColor("#6b7280"))
                painter.drawText(
                    QRectF(inner.left() - 200, y - metrics.height() / 2, 196, metrics.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    _number(value),
                )
            else:
                x = inner.left() + inner.width() * value / top_value
                painter.drawLine(int(x), int(inner.top()), int(x), int(inner.bottom()))
                painter.setPen(QColor("#6b7280"))
                painter.drawText(
                    QRectF(x - 40, inner.bottom() + 2, 80, metrics.height() + 2),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    _number(value),
                )


def _colour(index: int) -> QColor:
    return QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
