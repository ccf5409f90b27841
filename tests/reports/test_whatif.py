"""The what-if comparison of two rankings per unit, on hand-made rankings."""

from housingmatch.reports.obligations import ObligationKind, Quartile
from housingmatch.reports.whatif import Entry, UnitComparison, compare

Q1, AUTRES, INCONNU = Quartile.PREMIER, Quartile.AUTRES, Quartile.INCONNU


def _entries(*items):
    return tuple(Entry(ref, rank, frozenset(publics), q) for rank, (ref, publics, q) in
                 enumerate(items, start=1))  # fmt: skip


A = ("A", {"DALO"}, Q1)
B = ("B", set(), AUTRES)
C = ("C", {"JEUNE"}, INCONNU)
D = ("D", {"JEUNE"}, Q1)


def test_the_same_rankings_show_no_shift():
    ranking = _entries(A, B, C, D)
    result = compare([UnitComparison("LOG-1", False, ranking, ranking)])
    assert result.unchanged and result.changes == ()
    assert all(s.mean_shift in (None, 0.0) for s in result.shifts)
    dalo = next(e for e in result.shares if e.kind is ObligationKind.DALO_PRIORITAIRES)
    assert dalo.current == dalo.draft == (1, 3, 0)


def test_a_public_moving_up_enters_the_top_three_and_pushes_another_out():
    before = _entries(A, B, C, D)
    after = _entries(D, C, A, B)
    result = compare([UnitComparison("LOG-1", False, before, after)])
    jeune = next(s for s in result.shifts if s.public == "JEUNE")
    # C: 3 → 2 (+1), D: 4 → 1 (+3)
    assert (jeune.candidates, jeune.mean_shift, jeune.moved_up, jeune.moved_down) == (2, 2.0, 2, 0)
    assert jeune.entering_top == 1
    assert [(c.ref, c.entering, c.rank_current, c.rank_draft) for c in result.changes] == [
        ("D", True, 4, 1),
        ("B", False, 2, 4),
    ]
    dalo = next(s for s in result.shifts if s.public == "DALO")
    assert dalo.mean_shift == -2.0 and dalo.moved_down == 1
    q1 = next(e for e in result.shares if e.kind is ObligationKind.PREMIER_QUARTILE_HORS_QPV)
    # top three A, B, C (C unknown) → D, C, A (C unknown): first quartile 1 of 2 → 2 of 2
    assert q1.current == (1, 2, 1) and q1.draft == (2, 2, 1)
    assert q1.current_share == 0.5 and q1.draft_share == 1.0


def test_units_in_qpv_count_the_other_quartiles_and_new_eligibles_are_counted_apart():
    before = _entries(A, B)
    after = _entries(A, B, C)
    result = compare([UnitComparison("LOG-Q", True, before, after)])
    inside = next(e for e in result.shares if e.kind is ObligationKind.AUTRES_QUARTILES_EN_QPV)
    assert inside.current == (1, 2, 0) and inside.draft == (1, 2, 1)
    assert result.entered_ranking == 1 and result.left_ranking == 0 and not result.unchanged
