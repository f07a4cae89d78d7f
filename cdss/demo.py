"""The demo workspace that ``make run`` opens: each room contributes its own synthetic content.

A contributor is a function ``seed(workspace) -> str`` (returning a one-line summary) registered in
:data:`CONTRIBUTORS` by module path. Seeding runs once: a marker file records that it happened, so a doctor's edits
to the demo are never overwritten, and a failed seed leaves no marker (the next start tries again).
"""

from __future__ import annotations

import importlib
import json
import logging
from pathlib import Path

from cdss.workspace import Workspace

log = logging.getLogger(__name__)

MARKER = "demo-seeded.json"

#: "module:function" of each room's demo contributor, in the order they run (records before things that link to them).
CONTRIBUTORS: tuple[str, ...] = ("cdss.records.demo:seed",)


def is_seeded(workspace: Workspace) -> bool:
    return (workspace.root / MARKER).exists()


def seed_demo(workspace: Workspace, contributors: tuple[str, ...] | None = None) -> list[str]:
    """Run every contributor once on a fresh workspace; returns their summaries (empty if already seeded)."""
    if is_seeded(workspace):
        return []
    summaries = []
    for target in contributors if contributors is not None else CONTRIBUTORS:
        module_name, _, func_name = target.partition(":")
        seed = getattr(importlib.import_module(module_name), func_name)
        summary = seed(workspace)
        log.info("demo: %s", summary)
        summaries.append(summary)
    _write_marker(workspace.root / MARKER, summaries)
    return summaries


def _write_marker(path: Path, summaries: list[str]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"contributors": summaries}, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
