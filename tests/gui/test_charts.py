"""The QPainter bar chart: round steps, an empty chart, the bars of each series drawn."""

import pytest

from housingmatch.gui.charts import BarChart, nice_step
from housingmatch.reports.indicators import Chart

pytestmark = pytest.mark.gui


def test_an_empty_chart_says_so_and_steps_are_round(qtbot):
    chart = BarChart(Chart("vide", "Rien", (), ()))
    qtbot.addWidget(chart)
    assert chart.render_image(300, 200).pixelColor(5, 5).name() == "#ffffff"
    assert [nice_step(v) for v in (7, 43, 0.9, 180)] == [2.0, 10.0, 0.2, 50.0]


def test_a_horizontal_chart_draws_every_series_colour(qtbot):
    chart = BarChart(
        Chart("h", "Refus", ("Loyer", "Trajet"), (("Refus", (3.0, 1.0)),), horizontal=True)
    )
    qtbot.addWidget(chart)
    image = chart.render_image(600, 300)
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 5) for y in range(0, 300, 5)}
    assert "#1f4e79" in colours
