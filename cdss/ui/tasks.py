"""The one way to run work off the GUI thread.

``TaskRunner.run`` sends a function to a thread pool for reads and computations; ``TaskRunner.run_write`` sends it to a
single-thread pool, so every database or index write happens one at a time and in submission order. Results, errors
and progress come back to the GUI thread as signals of a :class:`TaskHandle`. Cancelling is cooperative: the function
receives a :class:`cdss.progress.Progress` (when it takes a ``progress`` argument) and stops at its next check.
"""

from __future__ import annotations

import inspect
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from cdss.errors import Cancelled
from cdss.progress import Progress

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


class TaskHandle(QObject):
    """Lives in the GUI thread; its signals deliver the outcome of one task there."""

    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception (with .__traceback__); Cancelled when the user cancelled
    progressed = Signal(int, int, str)  # done, total, label
    done = Signal()  # after finished or failed, whichever happened

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.progress = Progress(callback=self._forward_progress)
        self.is_done = False
        self.result: Any = None
        self.error: BaseException | None = None
        #: False sends failures to the runner's default handler (message box or crash dialog) as well.
        self.handles_errors = False

    def cancel(self) -> None:
        self.progress.cancel()

    def _forward_progress(self, done: int, total: int, label: str) -> None:
        # Called on the worker thread; the signal is queued to the GUI thread because this object lives there.
        self.progressed.emit(done, total, label)


class _Relay(QObject):
    """Carries a worker's outcome across threads; emitted from the worker, received in the GUI thread.

    The outcome travels as a Python attribute and the signal carries nothing: queued signals that marshal Python
    objects have had reference-counting bugs in some PySide6 releases, and an argument-free signal sidesteps them.
    """

    succeeded = Signal()
    raised = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.result: Any = None
        self.error: BaseException | None = None


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, relay: _Relay) -> None:
        super().__init__()
        self._fn, self._args, self._kwargs, self._relay = fn, args, kwargs, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread, not vanish here
            if not isinstance(exc, Cancelled):
                log.error("task failed:\n%s", "".join(traceback.format_exception(exc)))
            self._relay.error = exc
            self._relay.raised.emit()
        else:
            self._relay.result = result
            self._relay.succeeded.emit()


class TaskRunner(QObject):
    """Owns the read pool and the single writer; tracks running tasks for the status bar."""

    busy_changed = Signal(int)  # number of tasks not yet done

    def __init__(self, parent: QObject | None = None, max_readers: int | None = None) -> None:
        super().__init__(parent)
        self._readers = QThreadPool(self)
        if max_readers:
            self._readers.setMaxThreadCount(max_readers)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._live: set[TaskHandle] = set()
        self._relays: dict[TaskHandle, _Relay] = {}
        self.default_error_handler: ErrorHandler | None = None

    # -- submitting ----------------------------------------------------------------------------------------------
    def run(self, fn: Callable[..., Any], *args: Any, name: str = "", on_done: Callable[[Any], None] | None = None,
            on_error: ErrorHandler | None = None, **kwargs: Any) -> TaskHandle:
        """Run ``fn(*args, **kwargs)`` on the read pool."""
        return self._submit(self._readers, fn, args, kwargs, name, on_done, on_error)

    def run_write(self, fn: Callable[..., Any], *args: Any, name: str = "",
                  on_done: Callable[[Any], None] | None = None, on_error: ErrorHandler | None = None,
                  **kwargs: Any) -> TaskHandle:
        """Run ``fn`` on the single writer thread, after every write submitted before it."""
        return self._submit(self._writer, fn, args, kwargs, name, on_done, on_error)

    @property
    def pending(self) -> int:
        return len(self._live)

    def wait_all(self, timeout_ms: int = 30_000) -> bool:
        """Block until both pools are idle (used at shutdown and in tests); signals still need the event loop."""
        return self._writer.waitForDone(timeout_ms) and self._readers.waitForDone(timeout_ms)

    # -- internals -----------------------------------------------------------------------------------------------
    def _submit(self, pool: QThreadPool, fn, args, kwargs, name, on_done, on_error) -> TaskHandle:
        handle = TaskHandle(name or getattr(fn, "__name__", "task"), self)
        if _accepts_progress(fn) and "progress" not in kwargs:
            kwargs = {**kwargs, "progress": handle.progress}
        relay = _Relay()  # created here, so it lives in the GUI thread and its slots run there
        relay.succeeded.connect(lambda h=handle, r=relay: self._on_succeeded(h, r.result))
        relay.raised.connect(lambda h=handle, r=relay: self._on_raised(h, r.error))
        if on_done is not None:
            handle.finished.connect(on_done)
        if on_error is not None:
            handle.failed.connect(on_error)
            handle.handles_errors = True
        self._live.add(handle)
        self._relays[handle] = relay
        self.busy_changed.emit(len(self._live))
        pool.start(_Job(fn, args, kwargs, relay))
        return handle

    def _on_succeeded(self, handle: TaskHandle, result: Any) -> None:
        handle.result = result
        handle.finished.emit(result)
        self._close(handle)

    def _on_raised(self, handle: TaskHandle, exc: BaseException) -> None:
        handle.error = exc
        handle.failed.emit(exc)
        if not handle.handles_errors and not isinstance(exc, Cancelled) and self.default_error_handler is not None:
            self.default_error_handler(exc)
        self._close(handle)

    def _close(self, handle: TaskHandle) -> None:
        handle.is_done = True
        handle.done.emit()
        self._live.discard(handle)
        relay = self._relays.pop(handle, None)
        if relay is not None:
            relay.deleteLater()
        self.busy_changed.emit(len(self._live))


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """Wrap a result callback so it does nothing once ``owner`` has been destroyed.

    The runner outlives windows: a task started by a page that has since closed still finishes, and a plain lambda
    over that page would touch deleted widgets. Bound methods of QObjects are disconnected by Qt automatically;
    lambdas and partials are not, so connect them through this.
    """
    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call


def _accepts_progress(fn: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
