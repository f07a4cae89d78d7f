"""Packs → catalog: pair ratings keyed by catalog ids, ATC names, extra search names."""

from __future__ import annotations

import pytest

from cdss.drugs.packs import (
    AtcEntry,
    ImportedPack,
    PackDrugName,
    PackInteraction,
    atc_names,
    pack_search_names,
    resolve_pack_ratings,
)
from cdss.drugs.ratings import PairRating


def _pack(name: str, interactions: tuple[PackInteraction, ...] = (), drug_names: tuple[PackDrugName, ...] = (),
          atc: tuple[AtcEntry, ...] = ()) -> ImportedPack:
    return ImportedPack(name=name, format="ddinter", version="1", source="s", licence="l",
                        imported_at="2026-01-01T00:00:00+00:00", interactions=interactions, atc=atc,
                        drug_names=drug_names)


CATALOG = {"warfarin": "warfarin", "amiodarone": "amiodarone", "acetylsalicylic acid": "aspirin",
           "aspirin": "aspirin", "warfarin sodium": "warfarin"}


def test_ratings_are_keyed_by_catalog_ids_and_keep_texts() -> None:
    pack = _pack("ddinter", (
        PackInteraction("amiodarone", "warfarin", "major", None, "bleeding", "monitor INR", "DDInter level: Major",
                        "DDInter 76-1951"),
        PackInteraction("acetylsalicylic acid", "warfarin", "moderate"),
        PackInteraction("unknowndrug", "warfarin", "major"),  # not in the catalog: left out
        PackInteraction("warfarin sodium", "warfarin", "minor"),  # same catalog drug twice: not a pair
    ))
    calls: list[str] = []

    def resolve(name: str) -> str | None:
        calls.append(name)
        return CATALOG.get(name)

    ratings = resolve_pack_ratings([pack], resolve)
    assert set(ratings) == {frozenset({"amiodarone", "warfarin"}), frozenset({"aspirin", "warfarin"})}
    assert ratings[frozenset({"warfarin", "amiodarone"})] == [
        PairRating(source="ddinter", severity="major", mechanism=None, effect="bleeding", management="monitor INR",
                   evidence="DDInter level: Major", reference="DDInter 76-1951")]
    assert len(calls) == len(set(calls))  # each name resolved once


def test_several_sources_and_grades_are_kept_most_severe_first() -> None:
    ddinter = _pack("ddinter", (PackInteraction("aspirin", "warfarin", "moderate"),))
    ansm = _pack("ansm-en-2016", (
        PackInteraction("acetylsalicylic acid", "warfarin", "minor", management="antiplatelet doses"),
        PackInteraction("acetylsalicylic acid", "warfarin", "contraindicated", management="anti-inflammatory doses"),
        PackInteraction("warfarin sodium", "aspirin", "contraindicated", management="anti-inflammatory doses"),
    ))
    found = resolve_pack_ratings([ddinter, ansm], CATALOG.get)[frozenset({"aspirin", "warfarin"})]
    assert [(r.source, r.severity) for r in found] == [
        ("ansm-en-2016", "contraindicated"), ("ddinter", "moderate"), ("ansm-en-2016", "minor")]


def test_atc_names_and_search_names() -> None:
    atc = _pack("who-atc", atc=(AtcEntry("B01AA03", "warfarin", 7.5, "mg", "O"),
                                AtcEntry("B01AA03", "warfarin", 7.5, "mg", "P"), AtcEntry("B", "BLOOD")))
    assert atc_names([atc]) == {"B01AA03": "warfarin", "B": "BLOOD"}
    drugs = _pack("ddinter", drug_names=(PackDrugName("warfarin", "DDInter1951"), PackDrugName("abacavir", "DDInter1"),
                                         PackDrugName("thing")))
    assert pack_search_names([drugs, atc]) == [
        ("ddinter:DDInter1951", ["warfarin"]), ("ddinter:DDInter1", ["abacavir"]), ("ddinter:thing", ["thing"])]


def test_real_ddinter_pack_resolves_and_offers_its_names(ddinter_pack: ImportedPack) -> None:
    names = {"simvastatin": "simvastatin", "clarithromycin": "clarithromycin", "cyclosporine": "ciclosporin",
             "atovaquone": "atovaquone"}
    ratings = resolve_pack_ratings([ddinter_pack], names.get)
    assert ratings[frozenset({"simvastatin", "clarithromycin"})][0].severity == "major"
    assert ratings[frozenset({"ciclosporin", "atovaquone"})][0].severity == "unknown"
    search = pack_search_names([ddinter_pack])
    assert len(search) == 1_939
    assert ("ddinter:DDInter1675", ["simvastatin"]) in search


def test_real_ddinter_pack_against_the_shipped_catalog(ddinter_pack: ImportedPack) -> None:
    from cdss.drugs.catalog import Catalog

    catalog = Catalog.default()
    simvastatin, clarithromycin = catalog.resolve_name("simvastatin"), catalog.resolve_name("clarithromycin")
    if simvastatin is None or clarithromycin is None:
        pytest.skip("the shipped catalog does not list simvastatin and clarithromycin")
    ratings = resolve_pack_ratings([ddinter_pack], catalog.resolve_name)
    catalog_ids = set(catalog.ids())
    assert all(len(key) == 2 and key <= catalog_ids for key in ratings)
    assert ratings[frozenset({simvastatin, clarithromycin})][0] == PairRating(
        source="ddinter", severity="major", evidence="DDInter level: Major", reference="DDInter DDInter393–DDInter1675")
