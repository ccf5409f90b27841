"""Table rows of the *Contrôle* workspace: the proposals of a period with their flags, and the
ranking of the day of one proposal with its chosen candidates highlighted."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from housingmatch.domain.review import Flag, RankedLine, ReviewFilter, ReviewRow, SignOff, Verdict
from housingmatch.gui.communes import commune_name
from housingmatch.gui.formats import french_date
from housingmatch.gui.models import PAYLOAD_ROLE, SORT_ROLE, Row, RowsModel
from housingmatch.matching.results import PART_LABELS
from housingmatch.rules.groups import GROUP_LABELS

_Index = QModelIndex | QPersistentModelIndex

# The core gives parts and groups by their French labels; colours and badges go by code.
_PART_CODES = {label: part.value for part, label in PART_LABELS.items()}
_GROUP_CODES = {label: group.value for group, label in GROUP_LABELS.items()}

# Row tints: a proposal still to be looked at, one sent back, one validated; a chosen candidate.
FLAGGED = "#fdecea"
SENT_BACK = "#fff4d6"
VALIDATED = "#e8f5e9"
CHOSEN = "#dcedc8"

# Columns of the proposals table, the review's own first (titles translated in
# ``review_headers``).
(
    COL_ID,
    COL_UNIT,
    COL_FLAGS,
    COL_VERDICT,
    COL_STATE,
    COL_LANDLORD,
    COL_COMMUNE,
    COL_ADVISOR,
    COL_CREATED,
    COL_SENT,
    COL_CANDIDATES,
    COL_GROUPS,
) = range(12)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewModels", text)


def review_headers() -> list[str]:
    """Return the translated titles of the proposals table."""
    titles = {
        COL_ID: _tr("N°"),
        COL_UNIT: _tr("Logement"),
        COL_FLAGS: _tr("Écarts"),
        COL_VERDICT: _tr("Contrôle"),
        COL_STATE: _tr("État"),
        COL_LANDLORD: _tr("Bailleur"),
        COL_COMMUNE: _tr("Commune"),
        COL_ADVISOR: _tr("Conseiller"),
        COL_CREATED: _tr("Créée le"),
        COL_SENT: _tr("Envoyée le"),
        COL_CANDIDATES: _tr("Candidats"),
        COL_GROUPS: _tr("Groupes"),
    }
    return [titles[c] for c in sorted(titles)]


def _label(value: Any) -> str:
    """Return the French label of an enum member (or the text of a plain value)."""
    if value is None:
        return ""
    label = getattr(value, "label", None)
    return str(label if label is not None else value)


def flag_text(flag: Flag) -> str:
    """Return one flag as a sentence: its label, then its detail."""
    label = _label(flag.kind)
    return f"{label} : {flag.detail}" if flag.detail else label


def flags_summary(flags: Sequence[Flag]) -> str:
    """Return the compact text of a row's flags (labels only, in order)."""
    return " · ".join(_label(f.kind) for f in flags)


def verdict_text(sign_off: SignOff | None) -> str:
    """Return the table text of a sign-off: the verdict, or nothing when not yet reviewed."""
    return _label(sign_off.verdict).capitalize() if sign_off is not None else ""


def group_codes(groups: Sequence[str]) -> tuple[str, ...]:
    """Return the codes of priority groups given by code or by French label (for badges)."""
    return tuple(_GROUP_CODES.get(g, g) for g in groups)


def sign_off_line(sign_off: SignOff) -> str:
    """Return one sign-off as the line an advisor or supervisor reads."""
    line = _tr("Contrôle : {verdict} par {by} le {at}").format(
        verdict=_label(sign_off.verdict).lower(), by=sign_off.by, at=when(sign_off.at)
    )
    return f"{line} — {sign_off.comment}" if sign_off.comment else line


def latest_sign_off(found: SignOff | Sequence[SignOff] | None) -> SignOff | None:
    """Return the newest sign-off of a proposal (``sign_offs_for`` gives one or several)."""
    if found is None or isinstance(found, SignOff):
        return found
    return max(found, key=lambda s: str(s.at), default=None)


def when(at: Any) -> str:
    """Return a moment in French: ``JJ/MM/AAAA`` (``à HH:MM`` for a datetime or ISO text)."""
    if hasattr(at, "hour"):
        return f"{french_date(at)} à {at.hour:02d}:{at.minute:02d}"
    if hasattr(at, "year"):
        return french_date(at)
    text = str(at or "")
    if len(text) >= 16 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]} à {text[11:16]}"
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"
    return text


def _count(candidates: Any) -> int:
    if isinstance(candidates, int):
        return candidates
    return len(tuple(candidates or ()))


def needs_review(row: ReviewRow) -> bool:
    """Tell whether a row is still to be looked at: flagged and not validated, or sent back."""
    verdict = row.sign_off.verdict if row.sign_off is not None else None
    if verdict is Verdict.A_REVOIR:
        return True
    return bool(row.flags) and verdict is not Verdict.VALIDEE


def review_row(row: ReviewRow) -> Row:
    """Return the table row of one proposal (display texts, sort keys, tooltips, payload)."""
    created = row.created_on
    sent = row.sent_on
    flags = tuple(row.flags)
    count = _count(row.candidates)
    groups = tuple(row.priority_groups or ())
    commune = commune_name(row.commune or "")
    groups_text = " ".join(group_codes(groups))
    cells: dict[int, tuple[str, Any]] = {
        COL_ID: (str(row.proposal_id), row.proposal_id),
        COL_UNIT: (row.unit_ref, row.unit_ref),
        COL_FLAGS: (flags_summary(flags), len(flags)),
        COL_VERDICT: (verdict_text(row.sign_off), verdict_text(row.sign_off)),
        COL_STATE: (_label(row.state), _label(row.state)),
        COL_LANDLORD: (row.landlord or "", row.landlord or ""),
        COL_COMMUNE: (commune, commune),
        COL_ADVISOR: (row.advisor or "", row.advisor or ""),
        COL_CREATED: (french_date(created), created.isoformat() if created else ""),
        COL_SENT: (french_date(sent), sent.isoformat() if sent else ""),
        COL_CANDIDATES: (str(count), count),
        COL_GROUPS: (groups_text, groups_text),
    }
    values = tuple(cells[c][0] for c in sorted(cells))
    sort_keys = tuple(cells[c][1] for c in sorted(cells))
    tooltips: list[str | None] = [None] * len(cells)
    if flags:
        tooltips[COL_FLAGS] = "\n".join(flag_text(f) for f in flags)
    if row.sign_off is not None:
        tooltips[COL_VERDICT] = sign_off_line(row.sign_off)
    if groups:
        tooltips[COL_GROUPS] = "\n".join(groups)
    return Row(values, sort_keys, payload=row, tooltips=tuple(tooltips))


def review_rows(rows: Iterable[ReviewRow]) -> list[Row]:
    """Return the table rows of the proposals of a period."""
    return [review_row(r) for r in rows]


def _row_tint(row: Row) -> str | None:
    found = row.payload
    if not isinstance(found, ReviewRow):
        return None
    verdict = found.sign_off.verdict if found.sign_off is not None else None
    if verdict is Verdict.VALIDEE:
        return VALIDATED
    if verdict is Verdict.A_REVOIR:
        return SENT_BACK
    return FLAGGED if found.flags else None


def _parts(parts: Any) -> tuple[tuple[str, float], ...]:
    """Return the score parts of a ranked line as ``(label, points)`` pairs."""
    if isinstance(parts, dict):
        items: Iterable[Any] = parts.items()
    else:
        items = parts or ()
    out = []
    for item in items:
        if isinstance(item, tuple | list) and len(item) == 2:
            out.append((str(item[0]), float(item[1])))
        else:
            name = getattr(item, "name", None) or getattr(item, "part", "")
            out.append((str(name), float(getattr(item, "points", 0.0))))
    return tuple(out)


# Columns of a receipt's ranking.
RANK_COL_REF, RANK_COL_CHOSEN, RANK_COL_PARTS, RANK_COL_NOTE = 1, 3, 4, 5


def ranking_row(line: RankedLine) -> Row:
    """Return one line of the receipt's ranking (the chosen ones are marked)."""
    parts = _parts(line.parts)
    chosen = bool(line.chosen)
    position = (
        _tr("Position {n}").format(n=line.position)
        if chosen and line.position
        else (_tr("Retenu") if chosen else "")
    )
    values = (
        str(line.rank),
        line.request_ref,
        f"{line.score:.1f}".replace(".", ","),
        position,
        "",
        line.note or "",
    )
    detail = "\n".join(f"{p} : {v:.1f}".replace(".", ",") for p, v in parts if v)
    return Row(
        values,
        (line.rank, line.request_ref, line.score, line.position or 999, line.score, ""),
        payload=line,
        tooltips=(None, None, None, None, detail or None, line.note or None),
    )


class TintedRowsModel(RowsModel):
    """A :class:`RowsModel` whose rows may be tinted (and bold), decided from each row."""

    def __init__(
        self,
        headers: Sequence[str],
        tint: Callable[[Row], str | None],
        bold: Callable[[Row], bool] | None = None,
        parent: Any = None,
        right_aligned: Sequence[int] = (),
    ) -> None:
        """Create an empty table; ``tint(row)`` gives a background colour or None."""
        super().__init__(headers, parent, right_aligned)
        self._tint = tint
        self._bold = bold

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the cell's data, with the row's background and weight."""
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            colour = self._tint(self.row(index.row()))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and self._bold is not None and index.isValid():
            if self._bold(self.row(index.row())):
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


def proposals_model(parent: Any = None) -> TintedRowsModel:
    """Return the empty model of the proposals table (rows tinted by review status)."""
    model = TintedRowsModel(
        review_headers(), _row_tint, parent=parent, right_aligned=(COL_ID, COL_CANDIDATES)
    )
    # The priority groups are painted as badges from the row's payload.
    model.column_payloads[COL_GROUPS] = lambda r: group_codes(r.priority_groups or ()) if r else ()
    return model


def _chosen(row: Row) -> bool:
    return isinstance(row.payload, RankedLine) and bool(row.payload.chosen)


def ranking_model(parent: Any = None) -> TintedRowsModel:
    """Return the empty model of a receipt's ranking (chosen candidates tinted and bold)."""
    model = TintedRowsModel(
        [_tr("Rang"), _tr("Demande"), _tr("Score"), _tr("Retenu"), _tr("Points"), _tr("Note")],
        lambda r: CHOSEN if _chosen(r) else None,
        _chosen,
        parent=parent,
        right_aligned=(0, 2),
    )
    model.column_payloads[RANK_COL_PARTS] = lambda line: (
        tuple((_PART_CODES.get(p, p), v) for p, v in _parts(line.parts)) if line else ()
    )
    return model


def row_matches(row: ReviewRow, filt: ReviewFilter) -> bool:
    """Tell whether a row has the advisor, landlord, commune, flag and group of a filter.

    The period is the services' (rows are read for a period); None matches anything.
    """
    if filt.advisor and row.advisor != filt.advisor:
        return False
    if filt.landlord and row.landlord != filt.landlord:
        return False
    if filt.commune and row.commune != filt.commune:
        return False
    if filt.flag is not None and filt.flag not in row.flag_kinds:
        return False
    return not (filt.priority_group and filt.priority_group not in row.priority_groups)


class ReviewProxyModel(QSortFilterProxyModel):
    """Sorts the proposals by any column and keeps those of the filters chosen."""

    def __init__(self, parent: Any = None) -> None:
        """Sort by the rows' sort keys; show everything until a filter is set."""
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._filter = ReviewFilter()

    def set_filter(self, filt: ReviewFilter) -> None:
        """Keep only the rows matching ``filt`` (its period is ignored)."""
        self.beginFilterChange()
        self._filter = filt
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Accept a row when its proposal matches the filter."""
        model = self.sourceModel()
        found = model.index(source_row, 0, source_parent).data(PAYLOAD_ROLE)
        return not isinstance(found, ReviewRow) or row_matches(found, self._filter)
