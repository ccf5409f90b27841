"""The user guide (*Aide → Guide de l'utilisateur*): French HTML shipped in ``resources/guide/``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from housingmatch.paths import resource


def guide_path() -> Path:
    """Return the guide's HTML file (its images sit beside it in ``images/``)."""
    return resource("guide", "guide.html")


class GuideDialog(QDialog):
    """A window showing the user guide, with its screenshots and working links between parts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Open the guide shipped with the application."""
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("Guide de l'utilisateur"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_browser")
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        else:
            self.browser.setPlainText(
                self.tr("Le guide n'a pas été trouvé dans cette installation ({path}).").format(
                    path=path
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(980, 720)
