"""The indicators' pure counting: periods, medians and means, empty periods, charts."""

from datetime import date

from housingmatch.reports.indicators import (
    UNKNOWN,
    AttributionRecord,
    Breakdown,
    ProposalRecord,
    RefusalRecord,
    RequestRecord,
    Stat,
    UnitKeys,
    charts,
    compute_indicators,
    month_label,
    tables,
)

U = UnitKeys("Dijon", "Habitat A", "T2", False)
Q = UnitKeys("Chenôve", "", "T3", True)


def test_median_and_mean_ignore_unknown_values():
    assert Stat.of([10, None, 40, 1]) == Stat(3, 10.0, 17.0)
    assert Stat.of([None]) == Stat(0, None, None)


def test_only_what_falls_within_the_period_counts_both_days_included():
    got = compute_indicators(
        date(2026, 3, 1),
        date(2026, 3, 31),
        [
            RequestRecord("a", date(2026, 3, 1), None, "Dijon", "T2"),
            RequestRecord("b", date(2026, 2, 28), date(2026, 3, 31), "Dijon", "T2"),
            RequestRecord("c", date(2026, 4, 1), None, "Dijon", "T2"),
        ],
        [ProposalRecord(1, "L1", U, date(2026, 3, 31), date(2026, 3, 1), 3),
         ProposalRecord(2, "L2", Q, date(2026, 4, 1), None, 3)],
        [AttributionRecord("L1", "a", U, date(2026, 3, 15), date(2026, 1, 14))],
        [RefusalRecord("L2", Q, date(2026, 3, 2), "LOYER", "Loyer", "candidat")],
    )  # fmt: skip
    t = got.total
    assert (t.new_requests, t.renewed_requests, t.proposals, t.attributions, t.refusals) == (
        1, 1, 1, 1, 1,
    )  # fmt: skip
    assert t.vacancy_to_proposal.median == 30 and t.filing_to_lease.mean == 60
    assert [m.month for m in got.months] == ["2026-03"]
    assert got.qpv[0].refusals == 1 and got.qpv[1].proposals == 1


def test_a_landlord_without_a_name_is_grouped_apart_and_last():
    got = compute_indicators(
        date(2026, 1, 1), date(2026, 12, 31), [],
        [ProposalRecord(1, "L1", Q, date(2026, 5, 1), None, 2),
         ProposalRecord(2, "L2", U, date(2026, 5, 2), None, 2)],
        [], [], Breakdown.BAILLEUR,
    )  # fmt: skip
    assert [g.group for g in got.groups] == ["Habitat A", UNKNOWN]


def test_an_empty_period_has_no_delay_and_empty_charts():
    got = compute_indicators(date(2026, 1, 1), date(2026, 2, 28), [], [], [], [])
    assert got.total.filing_to_lease.median is None
    assert all(chart.empty for chart in charts(got))
    assert tables(got)[0].rows[0] == ("Demandes nouvelles", 0)
    assert month_label("2026-02") == "févr. 26"


def test_charts_compare_the_most_active_groups_only():
    units = [UnitKeys(f"Commune {i:02d}", "B", "T2", False) for i in range(20)]
    proposals = [
        ProposalRecord(i, f"L{i}", units[i % 15], date(2026, 5, 1), None, 3) for i in range(40)
    ]
    requests = [RequestRecord(f"r{i}", date(2026, 2, 1), None, f"Commune {i:02d}", "T2")
                for i in range(20)]  # fmt: skip
    got = compute_indicators(
        date(2026, 1, 1), date(2026, 12, 31), requests, proposals, [], [], Breakdown.COMMUNE
    )
    assert len(got.groups) == 20  # every commune stays in the tables
    compared = next(c for c in charts(got) if c.key == "attributions")
    assert len(compared.categories) == 12 and compared.categories[0] == "Commune 00"
    assert compared.series[0][1][0] == 3  # proposals of the most active commune
