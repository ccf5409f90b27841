"""Commune names for display and a type-ahead completer over the gazetteer."""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Slot
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from housingmatch.domain.text import fold

_COMPLETIONS = 15


@cache
def gazetteer() -> Any:
    """Return the shared gazetteer (loaded once; it is read-only, safe across threads)."""
    from housingmatch.geo import default_gazetteer

    return default_gazetteer()


@cache
def commune_name(code: str) -> str:
    """Return the name of a commune from its INSEE code (the code itself when unknown)."""
    if not code:
        return ""
    commune = gazetteer().get(code)
    return commune.nom if commune is not None else code


@cache
def commune_key(code: str) -> str:
    """Return the folded name of a commune, for quick search."""
    return fold(commune_name(code))


def commune_label(code: str) -> str:
    """Return "Nom (code INSEE)" for an editor field."""
    if not code:
        return ""
    name = commune_name(code)
    return f"{name} ({code})" if name != code else code


def resolve_commune(text: str) -> str:
    """Return the INSEE code typed in an editor field; raise the gazetteer's French error."""
    text = text.strip()
    if text.endswith(")") and "(" in text:
        code = text.rsplit("(", 1)[1].rstrip(")").strip()
        if gazetteer().get(code) is not None:
            return code
    return str(gazetteer().resolve(text).code_insee)


def show_understood(edit: QLineEdit) -> str | None:
    """Rewrite an approximate commune (« Dijn ») as the one understood; return the note.

    A typo the gazetteer reads with confidence is a warning, not an error: the field then
    shows "Dijon (21231)" and its tooltip says what was typed and how it was read.
    """
    text = edit.text().strip()
    if not text:
        return None
    try:
        code = resolve_commune(text)
    except ValueError:
        return None  # the editor's validation reports it
    commune = gazetteer().get(code)
    if commune is None or text == commune_label(code):
        return None
    note = gazetteer().reading_note(text, commune)
    if note is None:
        return None
    edit.setText(commune_label(code))
    edit.setToolTip(note)
    return str(note)


class CommuneCompleter(QCompleter):
    """A completer that asks the gazetteer for communes as the user types."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None) -> None:
        """Attach to ``edit``; completions are "Nom (code INSEE)"."""
        super().__init__(parent or edit)
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The gazetteer already filtered (accents, abbreviations): show what it returned.
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._edit = edit
        edit.setCompleter(self)
        edit.textEdited.connect(self._on_edit_text_edited)

    @Slot(str)
    def _on_edit_text_edited(self, text: str) -> None:
        prefix = text.strip()
        if len(prefix) < 2:
            self._model.setStringList([])
            return
        found = gazetteer().search(prefix, _COMPLETIONS)
        self._model.setStringList([f"{c.nom} ({c.code_insee})" for c in found])
        if found:
            self.complete()
