"""The shell shared by the small record forms (entry, lab, follow-up, allergy): a form, an error line and
Save/Cancel, where Save keeps the dialog open and says what is wrong until the form is valid."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from cdss.ui import palette


class FormDialog(QDialog):
    """Subclasses build their fields, call :meth:`finish_form` with their form layout and override
    :meth:`validation_error` with their checks."""

    def __init__(self, parent: QWidget | None = None, *, error_name: str) -> None:
        super().__init__(parent)
        self.error = QLabel(self)
        self.error.setObjectName(error_name)
        palette.set_tone(self.error, "danger")
        self.error.setWordWrap(True)

    def finish_form(self, form: QFormLayout) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def validation_error(self) -> str | None:
        """A sentence saying what to correct, or None when the form can be saved. Each form overrides this with its
        own checks; the shell itself has none."""
        return None

    def accept(self) -> None:
        problem = self.validation_error()
        if problem is not None:
            self.error.setText(problem)
            return
        super().accept()
