"""PackStore: JSON round trip, listing with counts, replace on re-import, delete, atomic saves."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from cdss.drugs.packs import AtcEntry, ImportedPack, PackDrugName, PackInteraction, PackStore
from cdss.errors import UserError


def _pack(name: str = "demo", version: str = "1", pairs: int = 2) -> ImportedPack:
    interactions = tuple(
        PackInteraction(drug_a=f"drug{i}", drug_b="warfarin", severity="major", mechanism=None, effect="bleeding",
                        management="monitor INR", evidence="level: Major", reference="ref", drug_a_id=f"X{i}")
        for i in range(pairs)
    )
    return ImportedPack(
        name=name, format="ddinter", version=version, source="test source", licence="CC BY-NC-SA 4.0",
        imported_at="2026-01-01T00:00:00+00:00", interactions=interactions,
        atc=(AtcEntry("B01AA03", "warfarin", 7.5, "mg", "O"), AtcEntry("B01AA03", "warfarin", None, None, "P", "n")),
        drug_names=(PackDrugName("warfarin", "X9", "B01AA03", ("drugbank:DB00682",)), PackDrugName("aspirin")),
        notes=("a note",),
    )


def test_round_trip_and_listing(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "packs")
    assert store.list() == []
    pack = _pack()
    path = store.save(pack)
    assert path == tmp_path / "packs" / "demo.json"
    assert store.load("demo") == pack
    (summary,) = store.list()
    assert (summary.name, summary.pairs, summary.drugs, summary.atc_codes) == ("demo", 2, 2, 1)
    assert (summary.source, summary.licence, summary.imported_at) == ("test source", "CC BY-NC-SA 4.0",
                                                                       "2026-01-01T00:00:00+00:00")
    assert store.load_all() == [pack]


def test_real_pack_round_trip(tmp_path: Path, ansm_en_pack: ImportedPack) -> None:
    store = PackStore(tmp_path)
    store.save(ansm_en_pack)
    assert store.load(ansm_en_pack.name) == ansm_en_pack


def test_reimport_replaces_same_source(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    store.save(_pack(version="1", pairs=2))
    store.save(_pack(version="2", pairs=5))
    store.save(_pack(name="other"))
    summaries = {s.name: s for s in store.list()}
    assert set(summaries) == {"demo", "other"}
    assert (summaries["demo"].version, summaries["demo"].pairs) == ("2", 5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.json", "other.json"]


def test_delete(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    store.save(_pack())
    assert store.delete("demo") is True
    assert store.delete("demo") is False
    assert store.list() == []
    with pytest.raises(UserError) as caught:
        store.load("demo")
    assert caught.value.code == "pack_not_found"


class _FailingHalfway(io.BufferedWriter):
    """Writes half of what it is given, then fails like a full disk."""

    def write(self, data: bytes) -> int:
        super().write(data[: len(data) // 2])
        super().flush()
        raise OSError(28, "No space left on device")


def test_crash_midway_keeps_previous_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = PackStore(tmp_path)
    old = _pack(version="old")
    store.save(old)
    before = (tmp_path / "demo.json").read_bytes()
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FailingHalfway(real_fdopen(fd, "wb", buffering=0)))
    with pytest.raises(OSError):
        store.save(_pack(version="new", pairs=50))
    monkeypatch.undo()
    assert (tmp_path / "demo.json").read_bytes() == before
    assert store.load("demo") == old
    assert [p.name for p in tmp_path.iterdir()] == ["demo.json"]  # no temp file left behind


def test_failure_before_rename_keeps_previous_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = PackStore(tmp_path)
    store.save(_pack(version="old"))

    def no_fsync(fd: int) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "fsync", no_fsync)
    with pytest.raises(OSError):
        store.save(_pack(version="new"))
    monkeypatch.undo()
    assert store.load("demo").version == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["demo.json"]


def test_corrupt_file_is_a_user_error(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    store.save(_pack())
    (tmp_path / "demo.json").write_text('{"meta": {"name": "demo"', encoding="utf-8")
    assert store.list() == []  # skipped in the listing...
    with pytest.raises(UserError) as caught:  # ...and reported clearly when loaded
        store.load("demo")
    assert caught.value.code == "pack_corrupt"


def test_unusable_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        PackStore(tmp_path).path_for("../..")


def test_load_readable_reports_bad_files_and_keeps_the_rest(tmp_path: Path) -> None:
    store = PackStore(tmp_path)
    store.save(_pack(name="good"))
    store.save(_pack(name="bad"))
    text = (tmp_path / "bad.json").read_text(encoding="utf-8").replace('"major"', '"catastrophic"')
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    packs, errors = store.load_readable()
    assert [p.name for p in packs] == ["good"]
    assert [e.code for e in errors] == ["pack_corrupt"] and "bad.json" in errors[0].message
