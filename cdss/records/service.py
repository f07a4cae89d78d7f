"""The records service: the one way the UI, the CLI and the importers read and change patient records.

It is a front door to one service per aggregate, each with the same habits (its own short unit of work per call,
frozen dataclasses out, an audit row per read and change, the search document rebuilt with every change, and
``update(id, changes)`` with a typed change set from :mod:`cdss.records.changes`):

- ``patients``    — demographics, identifiers, tags; whole imported records; the patient list (:mod:`.patients`);
- ``cases``       — cases and their timeline entries, attachment entries included (:mod:`.cases`);
- ``allergies``, ``medications``, ``labs``, ``follow_ups`` — the clinical lists (:mod:`.clinical_lists`);
- ``drafts``      — autosaved text being typed (:mod:`.drafts`).

Other packages that must write inside their own transaction use :mod:`cdss.records.access` instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from cdss.records.cases import CasesService
from cdss.records.clinical_lists import AllergiesService, FollowUpsService, LabsService, MedicationsService
from cdss.records.drafts import DraftsService
from cdss.records.patients import PatientsService
from cdss.workspace import Workspace


class RecordsService:
    def __init__(
        self, workspace: Workspace, *, actor: str | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        shared = (workspace, actor, today)
        self.patients = PatientsService(*shared)
        self.cases = CasesService(*shared)
        self.allergies = AllergiesService(*shared)
        self.medications = MedicationsService(*shared)
        self.labs = LabsService(*shared)
        self.follow_ups = FollowUpsService(*shared)
        self.drafts = DraftsService(*shared)
