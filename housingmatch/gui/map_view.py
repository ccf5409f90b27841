"""The offline map: communes drawn from the shipped polygons, no tiles from any network.

Communes are shaded by the number of active requests whose workplace is there (a density of
where employees work), QPV communes are outlined in red, units are dots coloured by state,
and a ranking draws lines from its unit to the candidates' workplaces coloured by commute.
Wheel or +/- to zoom, drag to pan, click a unit to select it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from housingmatch.domain.model import UnitStatus
from housingmatch.services.maps import MapData, MapLine, Projection

UNIT_COLOURS = {
    UnitStatus.OUVERT: QColor("#1b7f3b"),
    UnitStatus.PROPOSE: QColor("#d97706"),
    UnitStatus.ATTRIBUE: QColor("#4b5563"),
    UnitStatus.RETIRE: QColor("#9ca3af"),
}
#: Commute classes of the ranking lines: (up to minutes, colour).
COMMUTE_COLOURS = ((15, QColor("#15803d")), (30, QColor("#ca8a04")), (45, QColor("#ea580c")))
LONG_COMMUTE = QColor("#b91c1c")
_SCALE = 40.0  # scene units per km
_UNIT_ROLE = 0


def commute_colour(minutes: float | None) -> QColor:
    """Return the colour of a commute of ``minutes``."""
    if minutes is None:
        return QColor("#6b7280")
    for limit, colour in COMMUTE_COLOURS:
        if minutes <= limit:
            return colour
    return LONG_COMMUTE


def density_colour(count: int, top: int) -> QColor:
    """Return the fill of a commune from white (no request) to deep blue (the most)."""
    if top <= 0 or count <= 0:
        return QColor("#f8fafc")
    t = (count / top) ** 0.5
    return QColor.fromRgbF(0.93 - 0.75 * t, 0.95 - 0.6 * t, 1.0 - 0.35 * t)


class MapView(QGraphicsView):
    """A zoomable, pannable map of the territory."""

    unit_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        """Create an empty map; :meth:`show_data` fills it."""
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#e5ecf3"))
        self._projection: Projection | None = None
        self._units: dict[str, QGraphicsEllipseItem] = {}
        self._lines: list[QGraphicsLineItem] = []
        self.scene().selectionChanged.connect(self._on_scene_selection_changed)

    def _point(self, lon: float, lat: float) -> QPointF:
        assert self._projection is not None
        east, north = self._projection.to_km(lon, lat)
        return QPointF(east * _SCALE, -north * _SCALE)

    def show_data(self, data: MapData) -> None:
        """Draw the communes, the QPV, the workplace density and the units."""
        scene = self.scene()
        scene.clear()
        self._units.clear()
        self._lines.clear()
        self._projection = Projection.around(data.shapes)
        top = max((data.workplaces.get(s.code_insee, 0) for s in data.shapes), default=0)
        label_font = QFont()
        label_font.setPointSizeF(8)
        for shape in data.shapes:
            path = QPainterPath()
            for ring in shape.rings:
                points = [self._point(lon, lat) for lon, lat in ring]
                path.moveTo(points[0])
                for p in points[1:]:
                    path.lineTo(p)
                path.closeSubpath()
            count = data.workplaces.get(shape.code_insee, 0)
            item = QGraphicsPathItem(path)
            item.setBrush(QBrush(density_colour(count, top)))
            qpv = shape.code_insee in data.qpv_communes
            pen = QPen(QColor("#b91c1c") if qpv else QColor("#64748b"))
            pen.setCosmetic(True)
            pen.setWidthF(2.2 if qpv else 0.8)
            if qpv:
                pen.setStyle(Qt.PenStyle.DashLine)
            item.setPen(pen)
            qpv_text = "\n" + self.tr("commune avec un QPV") if qpv else ""
            item.setToolTip(
                self.tr("{name} : {n} demande(s) dont le lieu de travail est ici").format(
                    name=shape.name, n=count
                )
                + qpv_text
            )
            item.setZValue(0)
            scene.addItem(item)
            label = QGraphicsSimpleTextItem(shape.name)
            label.setFont(label_font)
            label.setBrush(QColor("#1f2937"))
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            centre = path.boundingRect().center()
            label.setPos(centre)
            label.setZValue(1)
            scene.addItem(label)
        for unit in data.units:
            dot = QGraphicsEllipseItem(-4, -4, 8, 8)
            dot.setPos(self._point(unit.longitude, unit.latitude))
            dot.setBrush(QBrush(UNIT_COLOURS.get(unit.status, QColor("black"))))
            pen = QPen(QColor("white"))
            pen.setCosmetic(True)
            dot.setPen(pen)
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            dot.setData(_UNIT_ROLE, unit.ref)
            dot.setToolTip(f"{unit.label} ({unit.status.value.lower()})")
            dot.setZValue(3)
            scene.addItem(dot)
            self._units[unit.ref] = dot
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.fit()

    def show_lines(self, lines: list[MapLine]) -> None:
        """Draw a ranking: lines from its unit to the candidates' workplaces."""
        for line in self._lines:
            self.scene().removeItem(line)
        self._lines.clear()
        if self._projection is None:
            return
        for line in sorted(lines, key=lambda item: -item.rank):
            a, b = self._point(*line.from_point), self._point(*line.to_point)
            item = QGraphicsLineItem(a.x(), a.y(), b.x(), b.y())
            pen = QPen(commute_colour(line.minutes))
            pen.setCosmetic(True)
            pen.setWidthF(2.5 if line.rank <= 3 else 1.2)
            item.setPen(pen)
            minutes = "?" if line.minutes is None else f"{line.minutes:.0f}"
            item.setToolTip(
                self.tr("Rang {rank} : {ref}, {minutes} min").format(
                    rank=line.rank, ref=line.request_ref, minutes=minutes
                )
            )
            item.setZValue(2)
            self.scene().addItem(item)
            self._lines.append(item)

    def unit_refs(self) -> list[str]:
        """Return the references of the units drawn."""
        return list(self._units)

    def line_count(self) -> int:
        """Return the number of ranking lines drawn."""
        return len(self._lines)

    def select_unit(self, ref: str) -> None:
        """Select the dot of a unit (as a click does)."""
        self.scene().clearSelection()
        dot = self._units.get(ref)
        if dot is not None:
            dot.setSelected(True)
            self.centerOn(dot)

    def fit(self) -> None:
        """Show the whole territory."""
        self.resetTransform()
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        """Zoom in (factor > 1) or out."""
        self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom around the cursor."""
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """+ and - zoom, 0 shows everything."""
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def _on_scene_selection_changed(self) -> None:
        selected = set(self.scene().selectedItems())
        for dot in self._units.values():
            pen = QPen(QColor("black") if dot in selected else QColor("white"))
            pen.setCosmetic(True)
            pen.setWidthF(2.5 if dot in selected else 1.0)
            dot.setPen(pen)
            dot.setScale(1.6 if dot in selected else 1.0)
            dot.setZValue(4 if dot in selected else 3)
        for item in selected:
            ref = item.data(_UNIT_ROLE)
            if ref:
                self.unit_selected.emit(str(ref))
                return
