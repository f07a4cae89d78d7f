"""The app lock of an encrypted workspace: after some idle minutes (setting ``security.lock_minutes``) or on "Lock
now", every window is hidden and only the passphrase prompt shows, until the right passphrase is entered.

A doctor walks away from a ward computer with a record open; the lock keeps the next person out. It only exists for
encrypted workspaces, because only they have a passphrase to check. What it does not do: the database key stays in
memory while locked (background work — a sync, a backup — goes on), so it guards the screen, not the memory.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from cdss.ui.context import AppContext

#: events that count as the doctor being there
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}
CHECK_EVERY_MS = 15_000


class AppLock(QObject):
    locked_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_activity = time.monotonic()
        self.locked = False
        self.prompt: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check_idle)
        self._watching = False
        self.refresh()

    def refresh(self) -> None:
        """Start watching for idleness once the workspace is encrypted (at start, or after Encrypt in Settings)."""
        if self.available and not self._watching:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._timer.start()
            self._watching = True
            self.last_activity = time.monotonic()

    @property
    def available(self) -> bool:
        """Only an encrypted workspace has a passphrase to ask for."""
        return self.ctx.workspace.key is not None

    def idle_limit_s(self) -> float | None:
        minutes = int(self.ctx.settings.get("security.lock_minutes") or 0)
        return minutes * 60 if minutes > 0 else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY and not self.locked:
            self.last_activity = time.monotonic()
        return False

    def check_idle(self, now: float | None = None) -> bool:
        """Lock when the doctor has been away longer than the setting; returns whether it locked."""
        limit = self.idle_limit_s()
        if not self.available or self.locked or limit is None:
            return False
        if (now if now is not None else time.monotonic()) - self.last_activity >= limit:
            self.lock()
            return True
        return False

    def lock(self) -> None:
        if not self.available or self.locked:
            return
        from cdss.ui.unlock_dialog import UnlockDialog

        self.locked = True
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        prompt = UnlockDialog(self.ctx.workspace.root, locked=True)
        prompt.accepted.connect(self.unlocked)
        prompt.rejected.connect(prompt.show)  # no way around it but the passphrase: cancel keeps it on screen
        self.prompt = prompt
        prompt.show()
        self.locked_changed.emit(True)

    def unlocked(self) -> None:
        self.locked = False
        self.last_activity = time.monotonic()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self.prompt is not None:
            self.prompt.deleteLater()
            self.prompt = None
        self.locked_changed.emit(False)
