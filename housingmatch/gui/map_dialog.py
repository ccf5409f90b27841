"""A window over the offline map, with its legend; clicking a unit draws its ranking."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from housingmatch.domain.model import label
from housingmatch.domain.session import Session
from housingmatch.gui.jobs import JobRunner
from housingmatch.gui.map_view import COMMUTE_COLOURS, LONG_COMMUTE, UNIT_COLOURS, MapView
from housingmatch.services.maps import MapData, MapLine, map_data_work, ranking_lines_work


class MapDialog(QDialog):
    """The territory: communes, QPV, units by state, workplaces; a unit's ranking on click."""

    def __init__(
        self, jobs: JobRunner, db_path: object, session: Session, parent: QWidget | None = None
    ) -> None:
        """Load the map in the background from the database at ``db_path``."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carte du territoire"))
        self.resize(1100, 760)
        self.jobs = jobs
        self.db_path = db_path
        self.session = session
        self.map = MapView(self)
        self.map.setObjectName("map_view")
        self.status = QLabel(self.tr("Chargement de la carte…"), self)
        self.legend = QLabel(self._legend_html(), self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.legend.setFixedWidth(230)
        self.legend.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.map, 1)
        body.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self.map.unit_selected.connect(self._on_map_unit_selected)
        self.loaded = False
        self.jobs.start(
            self.tr("Carte"), map_data_work, db_path, session, on_done=self._on_map_data_loaded
        )

    def _legend_html(self) -> str:
        def dot(colour: str) -> str:
            return f"<span style='color:{colour}; font-size:14pt'>●</span>"

        units = "".join(
            f"<br>{dot(colour.name())} {label(status)}" for status, colour in UNIT_COLOURS.items()
        )
        lines, low = [], 0
        for limit, colour in COMMUTE_COLOURS:
            lines.append(f"<br><span style='color:{colour.name()}'>━━</span> {low}–{limit} min")
            low = limit
        lines.append(
            f"<br><span style='color:{LONG_COMMUTE.name()}'>━━</span> "
            + self.tr("plus de {n} min").format(n=low)
        )
        return (
            "<b>"
            + self.tr("Logements")
            + "</b>"
            + units
            + "<br><br><b>"
            + self.tr("Communes")
            + "</b><br>"
            + self.tr("teinte : demandes actives dont le lieu de travail est dans la commune")
            + "<br><span style='color:#b91c1c'>- - -</span> "
            + self.tr("commune avec un QPV")
            + "<br><br><b>"
            + self.tr("Classement d'un logement")
            + "</b><br>"
            + self.tr(
                "cliquez un logement : trajets vers le lieu de travail des 20 premiers candidats"
            )
            + "".join(lines)
            + "<br><br>"
            + self.tr("Molette ou +/- : zoom ; glisser : déplacer ; 0 : tout voir.")
        )

    def _on_map_data_loaded(self, data: MapData) -> None:
        self.map.show_data(data)
        self.loaded = True
        self.status.setText(
            self.tr(
                "{units} logements, {requests} demandes actives localisées par leur lieu de travail."
            ).format(units=len(data.units), requests=sum(data.workplaces.values()))
        )

    @Slot(str)
    def _on_map_unit_selected(self, ref: str) -> None:
        self.status.setText(self.tr("Classement de {ref}…").format(ref=ref))
        self.jobs.start(
            self.tr("Classement"),
            ranking_lines_work,
            self.db_path,
            self.session,
            ref,
            date.today(),
            on_done=lambda lines, ref=ref: self._on_lines_loaded(ref, lines),
        )

    def _on_lines_loaded(self, ref: str, lines: list[MapLine]) -> None:
        self.map.show_lines(lines)
        self.status.setText(
            self.tr("{ref} : trajets estimés vers le lieu de travail de {n} candidats.").format(
                ref=ref, n=len(lines)
            )
        )
