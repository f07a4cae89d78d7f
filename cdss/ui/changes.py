"""Change notices: after a write, one message that tells every open view what changed.

A view that shows records (the Records page's list, its patient, the due follow-ups; later the Drugs room's patient
link) subscribes to :attr:`ChangeNotices.changed` on the app context instead of being called by every place that
writes — the exchange saving a shared case into the records, an import, a prescription from the Drugs room. The
writer says what it changed; each view decides what to redraw (the idea of Anki's OpChanges).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

#: parts of the records a change can touch
PATIENTS = "patients"  # patients added, removed or renamed: lists and counts
RECORD = "record"  # something in one patient's record (entries, labs, medications, allergies, follow-ups)


@dataclass(frozen=True)
class RecordChange:
    patient_id: int | None
    case_id: int | None = None
    parts: frozenset[str] = field(default_factory=lambda: frozenset({RECORD}))
    origin: object | None = None  # the view that made the change (it has already redrawn itself)


class ChangeNotices(QObject):
    changed = Signal(object)  # a RecordChange

    def publish(self, change: RecordChange) -> None:
        self.changed.emit(change)
