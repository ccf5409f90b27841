"""Hypothesis strategies of hostile import files, shared by the fuzz test and the long run."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import strategies as st

from housingmatch.errors import UserError
from housingmatch.exchange.templates import REQUEST_COLUMNS, UNIT_COLUMNS
from housingmatch.services import local_session
from housingmatch.services.imports import preview_import

DATA = Path(__file__).resolve().parent.parent / "data"
NASTY = [
    "inf",
    "-inf",
    "nan",
    "1e400",
    "-0",
    "999",
    "-91",
    "1e-400",
    "0x10",
    "١٢",
    "NaN",
    "+",
    "-",
    "=1+1",
    "@SUM(A1)",
    "'",
    '"',
    "\x00",
    "\r",
    "\t",
    "é",
    "\ufeff",
    "T7",
    "T0",
    "31/02/2026",
    "0000-00-00",
    "9999-12-31",
    "1899-12-31",
    "Dijon",
    "21000",
    "21231",
    "X" * 300,
    "",
    " ",
    "oui",
    "non",
    "AUCUNE",
    "CDI",
    "PLUS",
    "HEBERGE|TROP_CHER",
    "47.32",
    "5.04",
    "47,32",
]
cell = st.one_of(st.sampled_from(NASTY), st.text(max_size=12))
row_count = st.integers(min_value=0, max_value=4)


@st.composite
def template_csv(draw: st.DrawFn) -> bytes:
    """A CSV in one of the templates with hostile cells, in a random encoding and separator."""
    columns = draw(st.sampled_from([REQUEST_COLUMNS, UNIT_COLUMNS]))
    names = [c.name for c in columns]
    if draw(st.booleans()):
        names = draw(st.permutations(names))[: draw(st.integers(1, len(names)))]
    sep = draw(st.sampled_from([";", ",", "\t"]))
    lines = [sep.join(names)]
    for _ in range(draw(row_count)):
        lines.append(sep.join(draw(cell).replace(sep, " ") for _ in names))
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    return text.encode(encoding, errors="replace")


def _template_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    lines = (DATA / "demandes_modele.csv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        wb.active.append(line.split(";"))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


XLSX = _template_xlsx()


@st.composite
def mutated_xlsx(draw: st.DrawFn) -> bytes:
    """A valid workbook with some bytes changed, a part rewritten or the archive cut short."""
    data = bytearray(XLSX)
    how = draw(st.sampled_from(["flip", "cut", "part"]))
    if how == "flip":
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if how == "cut":
        return bytes(data[: draw(st.integers(0, len(data)))])
    with zipfile.ZipFile(io.BytesIO(XLSX)) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    name = draw(st.sampled_from(sorted(parts)))
    parts[name] = draw(
        st.one_of(
            st.binary(max_size=200),
            st.sampled_from(
                [
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="s"><v>999</v></c>'
                    b"</row></sheetData></worksheet>",
                    b"<sst><si><t>" + b"a" * 1000 + b"</t></si></sst>",
                ]
            ),
        )
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for key, value in parts.items():
            dst.writestr(key, value)
    return out.getvalue()


def read_or_refuse(path: Path, kind: str) -> str:
    """Preview an import: return "report" or "refused"; any other exception propagates."""
    try:
        preview_import(None, local_session(), kind, path)
    except UserError:
        return "refused"
    return "report"
