"""One-time move of the interim JSON-lines store (``<workspace>/literature/references.jsonl``) into SQLite.

Before the library lived in the workspace database, references were kept one per line as
``{"id": int, "ref": {...}}`` after a first ``{"next_id": int}`` line. On first open of such a workspace every paper
is copied into ``lit_reference`` with its id kept (links, exports and notes may cite ids), in one transaction, and
the file is then renamed to ``references.jsonl.migrated`` so it is never read again but stays as a safety copy.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from cdss.errors import UserError
from cdss.literature.reference import Reference
from cdss.literature.store import LiteratureStore

log = logging.getLogger(__name__)

LEGACY_DIR = "literature"
LEGACY_FILENAME = "references.jsonl"
MIGRATED_SUFFIX = ".migrated"


def legacy_store_path(workspace_root: Path) -> Path:
    return workspace_root / LEGACY_DIR / LEGACY_FILENAME


def read_legacy_store(path: Path) -> tuple[list[tuple[int, Reference]], int]:
    """Every ``(id, Reference)`` in the file and the next id it would have handed out."""
    refs: list[tuple[int, Reference]] = []
    next_id = 1
    number = 0
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                number += 1
                if not line.strip():
                    continue
                row = json.loads(line)
                if "next_id" in row:
                    next_id = max(next_id, int(row["next_id"]))
                    continue
                refs.append((int(row["id"]), Reference.from_dict(row["ref"])))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise UserError("literature_store_damaged",
                        f"The old literature store {path} is damaged near line {number}; nothing was moved. Restore "
                        "it from a backup or remove it.", path=str(path)) from exc
    return refs, max([next_id, *(ref_id + 1 for ref_id, _ref in refs)])


def migrate_legacy_store(workspace, store: LiteratureStore) -> int:
    """Move a JSON-lines store into SQLite if one is present; returns how many papers were copied (0 if none).

    All or nothing: the whole file is read first and inserted in a single transaction; the file is renamed only
    after that transaction committed. A crash in between leaves the file in place, and the next run skips the ids
    already copied, so nothing is lost or doubled.
    """
    path = legacy_store_path(workspace.root)
    if not path.is_file():
        return 0
    refs, next_id = read_legacy_store(path)
    with workspace.unit_of_work() as session:
        inserted = store.insert_with_ids(session, refs, next_id)
    target = path.with_name(path.name + MIGRATED_SUFFIX)
    counter = 1
    while target.exists():  # never overwrite an earlier safety copy
        counter += 1
        target = path.with_name(f"{path.name}{MIGRATED_SUFFIX}.{counter}")
    path.rename(target)
    log.info("moved %d papers from %s into the workspace database (file kept as %s)", inserted, path, target.name)
    return inserted
