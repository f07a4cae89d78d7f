"""The drug knowledge decision support checks against: the shipped catalog plus ratings from packs imported into the
workspace (DDInter, ANSM), loaded once per workspace and kept (loading takes about a second) until the workspace's
packs change."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from cdss.drugs.catalog import Catalog
from cdss.drugs.ratings import ExtraRatings
from cdss.workspace import Workspace

_CACHE: dict[Path, tuple[tuple, DrugKnowledge]] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class DrugKnowledge:
    catalog: Catalog
    extra_ratings: ExtraRatings | None = None

    @classmethod
    def load(cls, workspace: Workspace | None) -> DrugKnowledge:
        catalog = Catalog.default()
        if workspace is None:
            return cls(catalog)
        from cdss.drugs.packs import PackStore, resolve_pack_ratings

        packs, _errors = PackStore(workspace.subdir("drug-packs")).load_readable()
        extra = resolve_pack_ratings(packs, catalog.resolve_name) if packs else None
        return cls(catalog, extra)

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> DrugKnowledge:
        """The cached knowledge of ``workspace``, reloaded when a pack file was added, replaced or removed."""
        signature = _packs_signature(workspace)
        with _LOCK:
            cached = _CACHE.get(workspace.root)
            if cached is None or cached[0] != signature:
                cached = _CACHE[workspace.root] = (signature, cls.load(workspace))
            return cached[1]


def _packs_signature(workspace: Workspace) -> tuple:
    folder = workspace.subdir("drug-packs")
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.iterdir() if p.is_file()))


def forget(workspace: Workspace) -> None:
    with _LOCK:
        _CACHE.pop(workspace.root, None)
