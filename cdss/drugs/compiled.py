"""The knowledge pack in compiled form: parsed, validated, with pinyin and rule sides computed, kept as a pickle.

Parsing and validating some megabytes of hand-written JSON, computing pinyin (pypinyin's phrase dictionary alone
takes ~0.4 s to import) and matching every drug against every rule would be paid at each start and each
``cdss check``. The compiled form is rebuilt whenever a pack file, the code that reads it or the app version
changes (a fingerprint over all of them names the cache file), so it can never disagree with the JSON.

The cache lives in the user's cache folder (``XDG_CACHE_HOME`` or the platform's); a cache that cannot be read or
written is simply rebuilt in memory: it only makes loading faster.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path

from cdss.drugs.catalog import DEFAULT_PACK_DIR, Catalog

log = logging.getLogger(__name__)

#: Bump when the pickled layout changes in a way the module fingerprints would not show.
FORMAT = 1
_KEEP = 3  # compiled packs kept per cache folder (the newest), so switching branches or versions stays fast


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    from cdss.paths import APP_SLUG

    return Path(user_cache_dir(APP_SLUG, appauthor=False)) / "drug-pack"


def fingerprint(pack_dir: Path) -> str:
    """SHA-256 over the app version, the pack reader's code and every file of the pack, in name order."""
    import cdss
    from cdss.drugs import catalog, dose_limits, models, rules, vocab

    digest = hashlib.sha256(f"format {FORMAT}\nversion {cdss.__version__}\n".encode())
    for module in (catalog, dose_limits, models, rules, vocab):
        source = Path(module.__file__ or "")
        if source.is_file():  # a frozen build has no sources: its version string stands for them
            digest.update(source.read_bytes())
    files = [pack_dir / "pack.json", *sorted((pack_dir / "catalog").glob("*.json")),
             *sorted(pack_dir.glob("interactions*.json")), *sorted((pack_dir / "dose_limits").glob("*.json"))]
    for path in files:
        if path.is_file():
            digest.update(f"\n{path.relative_to(pack_dir).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def compile_catalog(pack_dir: Path) -> Catalog:
    """Load the pack from JSON and compute everything derived from it (rules, rule sides, pinyin of every name)."""
    catalog = Catalog.load(pack_dir)
    catalog.rules  # noqa: B018 - computes and caches the per-drug rule sides
    catalog.dose_limits  # noqa: B018
    for drug in catalog:
        for name in drug.all_names():
            catalog.pinyin_of(name)
    return catalog


def load_catalog(pack_dir: Path | None = None, *, folder: Path | None = None) -> Catalog:
    """The pack at ``pack_dir`` (default: the shipped one), from the compiled cache when it is current."""
    pack_dir = Path(pack_dir) if pack_dir is not None else DEFAULT_PACK_DIR
    key = fingerprint(pack_dir)
    try:
        folder = folder or cache_dir()
    except Exception:  # noqa: BLE001 - no cache folder on this system: load from JSON
        return compile_catalog(pack_dir)
    path = folder / f"{key}.pickle"
    try:
        with path.open("rb") as fh:
            catalog = pickle.load(fh)  # noqa: S301 - our own file in the user's private cache folder
        if isinstance(catalog, Catalog) and catalog.fingerprint == key:
            catalog.pack_dir = pack_dir
            return catalog
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign cache file is rebuilt, never trusted
        log.warning("compiled drug pack %s unreadable (%s); rebuilding", path, exc)
    catalog = compile_catalog(pack_dir)
    catalog.fingerprint = key
    _store(folder, path, catalog)
    return catalog


def _store(folder: Path, path: Path, catalog: Catalog) -> None:
    from cdss.files import write_atomic

    try:
        write_atomic(path, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
        stale = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[_KEEP:]
        for old in stale:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not keep the compiled drug pack in %s: %s", folder, exc)
