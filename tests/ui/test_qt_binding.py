"""Guards against a Qt binding regression that would crash the app at exit.

PySide6 6.12.0 released one reference to ``True``/``False`` too many whenever a bool went through a
``Signal(object)``; after enough emissions Python aborts ("deallocating True or False"). pyproject.toml excludes
that release; this test fails if a future binding brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    carried = Signal(object)


def test_bools_through_object_signals_keep_their_reference_counts(qapp):
    emitter = _Emitter()
    received = []
    emitter.carried.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):
        emitter.carried.emit(True)
        emitter.carried.emit(False)
    received.clear()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
