"""Painting of the score parts as a stacked bar, and of priority groups as badges."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from housingmatch.gui.models import PAYLOAD_ROLE

# One colour per score part, in the engine's part order (colour-blind friendly palette).
PART_COLOURS = {
    "groups": "#4e79a7",
    "legal_priority": "#e15759",
    "proximity": "#59a14f",
    "commute_gain": "#8cd17d",
    "seniority": "#f28e2b",
    "fit": "#b07aa1",
    "employer": "#9c755f",
}

# Short badge text (translated when painted) and colour of each priority group.
GROUP_BADGES = {
    "DALO": (QT_TRANSLATE_NOOP("GroupBadges", "DALO"), "#c0392b"),
    "PRIORITAIRE_L441": (QT_TRANSLATE_NOOP("GroupBadges", "L441"), "#d35400"),
    "JEUNE": (QT_TRANSLATE_NOOP("GroupBadges", "Jeune"), "#2471a3"),
    "MOBILITE": (QT_TRANSLATE_NOOP("GroupBadges", "Mobil."), "#138d75"),
    "DIFFICULTE": (QT_TRANSLATE_NOOP("GroupBadges", "Diffic."), "#7d3c98"),
    # Not a group: the flag of a candidate the unit would leave under-occupied.
    "SOUS_OCCUPATION": (QT_TRANSLATE_NOOP("GroupBadges", "Sous-occ."), "#7f8c8d"),
}


def group_badge(group: str, default_colour: str = "#555555") -> tuple[str, str]:
    """Return the translated badge text and the colour of a priority group."""
    text, colour = GROUP_BADGES.get(group, (group, default_colour))
    return QCoreApplication.translate("GroupBadges", text), colour


_Index = QModelIndex | QPersistentModelIndex


class PartsBarDelegate(QStyledItemDelegate):
    """Draw the parts of a score (payload: tuple of (part, points)) as one stacked bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Start with a scale of 100 points for the full width."""
        super().__init__(parent)
        self.scale = 100.0

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Paint the selection background then the bar."""
        parts = index.data(PAYLOAD_ROLE) or ()
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = QRectF(option.rect).adjusted(3, 5, -3, -5)
        if rect.width() <= 0 or self.scale <= 0:
            return
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        x = rect.left()
        for part, points in parts:
            if points <= 0:
                continue
            width = rect.width() * points / self.scale
            painter.setBrush(QColor(PART_COLOURS.get(str(part), "#999999")))
            painter.drawRect(QRectF(x, rect.top(), width, rect.height()))
            x += width
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Ask for a comfortable width."""
        return QSize(160, 22)


class BadgesDelegate(QStyledItemDelegate):
    """Draw priority groups (payload: tuple of group codes) as small coloured badges."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """Paint the selection background then one badge per group."""
        groups = index.data(PAYLOAD_ROLE) or ()
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        font = painter.font()
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        x = option.rect.left() + 3
        height = metrics.height() + 2
        top = option.rect.top() + (option.rect.height() - height) / 2
        for group in groups:
            text, colour = group_badge(str(group))
            width = metrics.horizontalAdvance(text) + 10
            if x + width > option.rect.right():
                break
            box = QRectF(x, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QPen(QColor("white")))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            x += width + 4
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """Ask for room for the badges."""
        groups = index.data(PAYLOAD_ROLE) or ()
        metrics = QFontMetrics(option.font)
        width = sum(metrics.horizontalAdvance(group_badge(str(g))[0]) + 14 for g in groups)
        return QSize(max(width, 40), 22)
