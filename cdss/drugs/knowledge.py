"""The drug knowledge of a workspace — the one service the Drugs room and decision support both check against: the
shipped catalog plus the ratings of packs imported into the workspace (DDInter, ANSM), loaded once per workspace
and kept (resolving packs takes about a second) until the workspace's packs change."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from cdss.drugs.catalog import Catalog
from cdss.drugs.ratings import ExtraRatings
from cdss.drugs.vocab import PACKS_SUBDIR
from cdss.workspace import Workspace

_CACHE: dict[Path, tuple[tuple[tuple[str, int, int], ...], DrugKnowledge]] = {}
_LOCK = threading.Lock()


def packs_dir(workspace: Workspace) -> Path:
    return workspace.subdir(PACKS_SUBDIR)


@dataclass(frozen=True)
class DrugKnowledge:
    catalog: Catalog
    extra_ratings: ExtraRatings | None = None
    pack_errors: tuple[str, ...] = ()  # packs that could not be read (named, so the room can say so)

    @classmethod
    def load(cls, workspace: Workspace | None) -> DrugKnowledge:
        catalog = Catalog.default()
        if workspace is None:
            return cls(catalog)
        from cdss.drugs.packs import PackStore, resolve_pack_ratings

        packs, errors = PackStore(packs_dir(workspace)).load_readable()
        extra = resolve_pack_ratings(packs, catalog.resolve_name) if packs else None
        return cls(catalog, extra, tuple(str(e) for e in errors))

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> DrugKnowledge:
        """The cached knowledge of ``workspace``, reloaded when a pack file was added, replaced or removed."""
        signature = _packs_signature(workspace)
        with _LOCK:
            cached = _CACHE.get(workspace.root)
            if cached is None or cached[0] != signature:
                cached = _CACHE[workspace.root] = (signature, cls.load(workspace))
            return cached[1]


def _packs_signature(workspace: Workspace) -> tuple[tuple[str, int, int], ...]:
    folder = packs_dir(workspace)
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()))
