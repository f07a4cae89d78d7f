"""A Qt-free progress and cancel object that long operations accept.

Domain code calls :meth:`Progress.update` and :meth:`Progress.check_cancelled`; the UI subclasses nothing,
it just passes a callback that forwards to a signal. Tests and the CLI pass ``Progress()`` or ``None``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from cdss.errors import Cancelled

ProgressCallback = Callable[[int, int, str], None]


class Progress:
    """Reports ``done`` out of ``total`` with a short label, and carries a thread-safe cancel flag."""

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.label = ""

    def update(self, done: int, total: int = 0, label: str = "") -> None:
        self.done, self.total, self.label = done, total, label
        if self._callback is not None:
            self._callback(done, total, label)
        self.check_cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


def ensure_progress(progress: Progress | None) -> Progress:
    """Let callers pass ``None`` when they do not care about progress."""
    return progress if progress is not None else Progress()
