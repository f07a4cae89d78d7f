"""The outbox: actions waiting to be sent, refused ones with the server's reason, conflicts to resolve.

A refused row can be retried (after fixing what the server objected to) or discarded; a conflict opens a dialog with
both versions side by side and the choice "keep mine (overwrite)" or "take the server's".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cdss.errors import UserError
from cdss.exchange.client.conflicts import ConflictChoice
from cdss.exchange.client.outbox import OutboxItem
from cdss.exchange.client.service import ExchangeService
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.error_texts import user_error_text
from cdss.ui.exchange.case_html import conflict_html
from cdss.ui.tasks import while_alive


class OutboxPanel(QWidget):
    def __init__(self, ctx: AppContext, service: ExchangeService, on_changed: Callable[[list[OutboxItem]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeOutbox")
        self.ctx, self.service, self._on_changed = ctx, service, on_changed
        self.items: list[OutboxItem] = []
        self.status_message = ""  # the outcome of the user's last action here
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("exchangeOutboxTree")
        self.tree.setRootIsDecorated(False)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("exchangeRetry")
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button = QPushButton(self)
        self.discard_button.setObjectName("exchangeDiscard")
        self.discard_button.clicked.connect(self.discard_selected)
        self.resolve_button = QPushButton(self)
        self.resolve_button.setObjectName("exchangeResolve")
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.status = QLabel(self)
        self.status.setObjectName("exchangeOutboxStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.discard_button, self.resolve_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.conflict_dialog: ConflictDialog | None = None
        self.retranslate_ui()

    def refresh(self):
        handle = self.ctx.tasks.run(self.service.outbox, name="exchange-outbox")
        handle.finished.connect(while_alive(self, self._show))
        return handle

    def _show(self, items: list[OutboxItem]) -> None:
        self.items = items
        self.tree.clear()
        for item in items:
            row = QTreeWidgetItem([f"#{item.id}", self._action_text(item.action), item.case_uuid[:8],
                                   self._state_text(item.state), str(item.attempts), item.last_error or ""])
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(5, item.last_error or "")
            self.tree.addTopLevelItem(row)
        empty = self.tr("Nothing waiting to be sent.") if not items else ""
        self.status.setText(" ".join(t for t in (self.status_message, empty) if t))
        self._update_buttons()
        self._on_changed(items)

    def selected(self) -> OutboxItem | None:
        current = self.tree.currentItem()
        if current is None:
            return None
        item_id = current.data(0, Qt.ItemDataRole.UserRole)
        return next((item for item in self.items if item.id == item_id), None)

    def _update_buttons(self) -> None:
        item = self.selected()
        self.retry_button.setEnabled(item is not None and item.state == "failed")
        self.discard_button.setEnabled(item is not None and item.state == "failed")
        self.resolve_button.setEnabled(item is not None and item.state == "conflict")

    def retry_selected(self):
        item = self.selected()
        if item is None:
            return None
        handle = self.ctx.tasks.run_write(self.service.retry, item.id, name="exchange-retry")
        handle.finished.connect(while_alive(self, lambda _r: self._after_change(
            self.tr("Queued again; it is sent at the next sync."))))
        return handle

    def discard_selected(self):
        item = self.selected()
        if item is None:
            return None
        handle = self.ctx.tasks.run_write(self.service.discard, item.id, name="exchange-discard")
        handle.finished.connect(while_alive(self, lambda _r: self._after_change(self.tr("Discarded."))))
        return handle

    def resolve_selected(self) -> ConflictDialog | None:
        item = self.selected()
        if item is None or item.state != "conflict":
            return None
        self.conflict_dialog = ConflictDialog(self.ctx, self.service, item.id, self)
        self.conflict_dialog.accepted.connect(lambda: self._after_change(self.conflict_dialog.outcome))
        self.conflict_dialog.open()
        return self.conflict_dialog

    def _after_change(self, message: str) -> None:
        self.status_message = message
        self.status.setText(message)
        self.refresh()

    def _action_text(self, action: str) -> str:
        return {"publish": self.tr("Share"), "update": self.tr("Update"), "withdraw": self.tr("Withdraw"),
                "comment": self.tr("Comment"), "image": self.tr("Image upload")}.get(action, action)

    def _state_text(self, state: str) -> str:
        return {"pending": self.tr("Waiting"), "failed": self.tr("Refused"),
                "conflict": self.tr("Conflict")}.get(state, state)

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels(["#", self.tr("Action"), self.tr("Case"), self.tr("State"), self.tr("Attempts"),
                                   self.tr("Server's answer")])
        self.retry_button.setText(self.tr("Retry"))
        self.discard_button.setText(self.tr("Discard"))
        self.resolve_button.setText(self.tr("Resolve conflict…"))
        if self.items:
            self._show(self.items)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ConflictDialog(QDialog):
    """Both versions side by side; the user keeps theirs (it becomes the next revision) or takes the server's."""

    def __init__(self, ctx: AppContext, service: ExchangeService, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeConflictDialog")
        self.setWindowTitle(self.tr("Resolve a conflict"))
        self.ctx, self.service, self.item_id = ctx, service, item_id
        self.outcome = ""
        self.details = None
        intro = QLabel(self.tr("This case was changed on the server (for example from another computer) after your "
                               "edit was made. Nothing was overwritten. Choose which version the exchange keeps."),
                       self)
        intro.setWordWrap(True)
        self.view = QTextBrowser(self)
        self.view.setObjectName("exchangeConflictView")
        self.view.setHtml(self.tr("Loading both versions…"))
        self.error = QLabel(self)
        self.error.setObjectName("exchangeConflictError")
        self.error.setWordWrap(True)
        palette.set_tone(self.error, "danger")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.keep_mine = self.buttons.addButton(self.tr("Keep mine (overwrite)"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_mine.setObjectName("exchangeKeepMine")
        self.take_server = self.buttons.addButton(self.tr("Take the server's"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_server.setObjectName("exchangeTakeServer")
        self.keep_mine.clicked.connect(lambda: self.choose(ConflictChoice.KEEP_MINE))
        self.take_server.clicked.connect(lambda: self.choose(ConflictChoice.TAKE_SERVER))
        self.buttons.rejected.connect(self.reject)
        self.keep_mine.setEnabled(False)
        self.take_server.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(860, 560)
        self.load_handle = ctx.tasks.run(service.conflict, item_id, name="exchange-conflict",
                                         on_error=while_alive(self, self._failed))
        self.load_handle.finished.connect(while_alive(self, self._loaded))

    def _loaded(self, details) -> None:
        self.details = details
        self.view.setHtml(conflict_html(details.mine, details.server))
        self.keep_mine.setEnabled(True)
        self.take_server.setEnabled(True)

    def choose(self, choice: ConflictChoice):
        self.keep_mine.setEnabled(False)
        self.take_server.setEnabled(False)
        handle = self.ctx.tasks.run_write(self.service.resolve_conflict, self.item_id, choice,
                                          name="exchange-resolve", on_error=while_alive(self, self._failed))
        handle.finished.connect(while_alive(self, lambda revision: self._resolved(choice, revision)))
        return handle

    def _resolved(self, choice: ConflictChoice, revision: int) -> None:
        if choice is ConflictChoice.KEEP_MINE:
            self.outcome = self.tr("Your version is queued on top of revision {n}; sync to send it.").format(
                n=revision)
        else:
            self.outcome = self.tr("Kept the server's revision {n}; your queued edit was dropped.").format(n=revision)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            self.ctx.errors.report(error)
            return
        self.error.setText(user_error_text(error))
        # After a failed choice (e.g. the network dropped) the user may try again; a failed load leaves nothing to
        # choose between.
        self.keep_mine.setEnabled(self.details is not None)
        self.take_server.setEnabled(self.details is not None)
