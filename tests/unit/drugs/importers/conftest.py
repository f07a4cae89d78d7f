"""Session-scoped imports of the real shared sources: each big file is parsed once for the whole folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from cdss.drugs.importers import import_pack
from cdss.drugs.packs import ImportedPack

STAMP = "2026-01-01T00:00:00+00:00"


@pytest.fixture(scope="session")
def ddinter_files(shared_data: Path) -> list[Path]:
    files = sorted((shared_data / "ddinter").glob("ddinter_downloads_code_*.csv"))
    if not files:
        pytest.skip("DDInter files not found in the shared data")
    return [*files, shared_data / "ddinter" / "ddinter_drug_xref.csv"]


@pytest.fixture(scope="session")
def ddinter_pack(ddinter_files: list[Path]) -> ImportedPack:
    return import_pack("ddinter", ddinter_files, imported_at=STAMP)


@pytest.fixture(scope="session")
def ansm_fr_pack(shared_data: Path) -> ImportedPack:
    # Only the thesaurus is named: the substances index and RxNorm table are found beside it.
    return import_pack("ansm", [shared_data / "ansm-thesaurus" / "thesaurus_2020-10_fr.json"], imported_at=STAMP)


@pytest.fixture(scope="session")
def ansm_en_pack(shared_data: Path) -> ImportedPack:
    folder = shared_data / "ansm-thesaurus" / "english_2016_worldvista"
    return import_pack("ansm", [folder / "interactions_en_2016.tsv", folder / "class_members_en_2016.tsv",
                                folder / "atc_codes_en_2016.tsv"], imported_at=STAMP)


@pytest.fixture(scope="session")
def atc_pack(shared_data: Path) -> ImportedPack:
    return import_pack("atc", [shared_data / "atc-who" / "who_atc_ddd_2026-04-25.csv"], imported_at=STAMP)
