"""The legal shares on constructed years."""

from datetime import date, timedelta

from housingmatch.reports.obligations import Attribution, ObligationKind, Quartile, obligations

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def lease(n: int, *, day=date(2026, 3, 1), qpv=False, dalo=False, l441=False, q=Quartile.AUTRES):
    return Attribution(f"LOG-{n}", f"DEM-{n}", day, qpv, dalo, l441, q)


def by_kind(items):
    return {o.kind: o for o in items}


def test_dalo_then_l441_each_household_counted_once():
    leases = [
        lease(1, dalo=True, l441=True),
        lease(2, dalo=True),
        lease(3, l441=True),
        *[lease(n) for n in range(4, 13)],
    ]
    o = by_kind(obligations(leases, *YEAR, today=date(2026, 12, 31)))[
        ObligationKind.DALO_PRIORITAIRES
    ]
    assert (o.numerator, o.denominator) == (3, 12)
    assert o.share == 0.25 and o.met
    assert o.detail == "dont 2 DALO et 1 prioritaires L441-1"
    assert set(o.counted) == {"LOG-1", "LOG-2", "LOG-3"}
    assert o.gap == 0


def test_unknown_quartiles_are_counted_apart_never_guessed():
    leases = [
        lease(1, q=Quartile.PREMIER),
        lease(2, q=Quartile.AUTRES),
        lease(3, q=Quartile.AUTRES),
        lease(4, q=Quartile.INCONNU),
        lease(5, q=Quartile.INCONNU),
    ]
    o = by_kind(obligations(leases, *YEAR, today=date(2026, 12, 31)))[
        ObligationKind.PREMIER_QUARTILE_HORS_QPV
    ]
    assert (o.numerator, o.denominator, o.unknown) == (1, 3, 2)
    assert o.share == 1 / 3
    assert o.share_range == (1 / 5, 3 / 5)
    assert "LOG-4" not in o.basis and "comptée(s) à part" in o.detail


def test_qpv_units_have_their_own_share():
    leases = [
        lease(1, qpv=True, q=Quartile.PREMIER),
        lease(2, qpv=True, q=Quartile.AUTRES),
        lease(3, qpv=True, q=Quartile.PREMIER),
        lease(4, qpv=False, q=Quartile.PREMIER),
    ]
    result = by_kind(obligations(leases, *YEAR, today=date(2026, 12, 31)))
    inside = result[ObligationKind.AUTRES_QUARTILES_EN_QPV]
    outside = result[ObligationKind.PREMIER_QUARTILE_HORS_QPV]
    assert (inside.numerator, inside.denominator) == (1, 3) and inside.met is False
    assert (outside.numerator, outside.denominator) == (1, 1) and outside.met
    assert inside.gap == 1  # half of 3 rounds up to 2


def test_gap_at_the_current_pace():
    # By 30 June (181 of 365 days), 50 leases of which 4 count: ~101 expected in the year,
    # 26 should count, 22 more are needed.
    leases = [lease(n, day=date(2026, 1, 5) + timedelta(days=n * 3), dalo=n < 4) for n in range(50)]
    o = by_kind(obligations(leases, *YEAR, today=date(2026, 6, 30)))[
        ObligationKind.DALO_PRIORITAIRES
    ]
    assert (o.numerator, o.denominator) == (4, 50)
    assert o.projected_total == 101 and o.gap == 22
    assert o.sentence() == "8 % DALO/prioritaires, il en faut 22 de plus d'ici la fin de la période"


def test_leases_outside_the_period_or_after_today_do_not_count():
    leases = [
        lease(1, day=date(2025, 12, 31), dalo=True),
        lease(2, day=date(2026, 7, 1), dalo=True),
        lease(3),
    ]
    o = by_kind(obligations(leases, *YEAR, today=date(2026, 6, 30)))[
        ObligationKind.DALO_PRIORITAIRES
    ]
    assert (o.numerator, o.denominator) == (0, 1)


def test_an_empty_year_says_so():
    o = by_kind(obligations([], *YEAR, today=date(2026, 2, 1)))[ObligationKind.DALO_PRIORITAIRES]
    assert o.share is None and o.met is None
    assert o.sentence() == "DALO/prioritaires : aucune attribution pour l'instant"
