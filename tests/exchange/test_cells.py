from hypothesis import given
from hypothesis import strategies as st

from housingmatch.exchange.cells import neutralise, restore


def test_formula_cells_are_written_as_text():
    for cell in ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"]:
        assert neutralise(cell) == "'" + cell


def test_ordinary_cells_are_left_alone():
    for cell in ["Dupont", "12,5", "", "a=b", "l'ami"]:
        assert neutralise(cell) == cell


@given(st.text(alphabet=st.sampled_from("=+-@\t\r'a1 "), max_size=6) | st.text(max_size=20))
def test_restore_undoes_neutralise(cell):
    assert restore(neutralise(cell)) == cell
    assert not neutralise(cell).startswith(("=", "+", "-", "@", "\t", "\r"))
