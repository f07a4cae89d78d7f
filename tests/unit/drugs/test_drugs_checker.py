"""Safety engine: clinically known positive and negative cases."""

from __future__ import annotations

import json

import pytest

from bench.peers import naive_pair_rules
from cdss.drugs.checker import PatientContext, check, check_names
from cdss.drugs.ratings import PairRating
from cdss.errors import UserError


def kinds(result, kind):
    return [a for a in result.alerts if a.kind == kind]


def interaction(result, a, b):
    found = [x for x in result.alerts if x.kind == "interaction" and set(x.drugs) == {a, b}]
    return found[0] if found else None


@pytest.mark.parametrize(("a", "b", "severity", "interruptive"), [
    ("warfarin", "aspirin", "major", False),
    ("simvastatin", "clarithromycin", "contraindicated", True),
    ("sildenafil", "isosorbide_mononitrate", "contraindicated", True),
    ("sildenafil", "glyceryl_trinitrate", "contraindicated", True),
    ("tizanidine", "ciprofloxacin", "contraindicated", True),
    ("phenelzine", "sertraline", "contraindicated", True),
    ("tranylcypromine", "tramadol", "contraindicated", True),
    ("azathioprine", "allopurinol", "major", True),
    ("azathioprine", "febuxostat", "contraindicated", True),
    ("simvastatin", "diltiazem", "major", True),
    ("clopidogrel", "omeprazole", "major", False),
    ("lisinopril", "spironolactone", "major", False),
    ("methotrexate", "sulfamethoxazole_trimethoprim", "major", False),
    ("digoxin", "amiodarone", "major", False),
])
def test_known_positive_pairs(catalog, a, b, severity, interruptive):
    alert = interaction(check([a, b], None, catalog), a, b)
    assert alert is not None, f"{a}+{b} should alert"
    assert alert.severity == severity
    assert alert.interruptive is interruptive
    assert alert.sources and alert.mechanism and alert.management


@pytest.mark.parametrize(("a", "b"), [
    ("amlodipine", "metoprolol"),
    ("paracetamol", "amoxicillin"),
    ("pravastatin", "clarithromycin"),  # pravastatin is not CYP3A4-dependent
    ("clopidogrel", "pantoprazole"),
    ("metformin", "atorvastatin"),
])
def test_known_negative_pairs(catalog, a, b):
    result = check([a, b], None, catalog)
    alert = interaction(result, a, b)
    assert alert is None or alert.severity in ("moderate", "minor")
    assert not result.interruptive


def test_macrolide_allergy_does_not_alert_on_amoxicillin(catalog):
    result = check(["amoxicillin"], PatientContext(allergies=["erythromycin"]), catalog)
    assert kinds(result, "allergy") == []


def test_penicillin_allergy_alerts_on_amoxicillin_and_lower_tier_for_cephalosporins(catalog):
    ctx = PatientContext(allergies=["penicillin"])
    amox = kinds(check(["amoxicillin"], ctx, catalog), "allergy")
    assert amox and amox[0].severity == "contraindicated" and amox[0].interruptive
    ceftriaxone = kinds(check(["ceftriaxone"], ctx, catalog), "allergy")
    assert ceftriaxone and ceftriaxone[0].severity == "minor" and not ceftriaxone[0].interruptive
    assert kinds(check(["azithromycin"], ctx, catalog), "allergy") == []


def test_amoxicillin_allergy_and_shared_r1_side_chain_cephalosporin(catalog):
    ctx = PatientContext(allergies=["阿莫西林"])
    cefadroxil = kinds(check(["cefadroxil"], ctx, catalog), "allergy")
    assert cefadroxil and cefadroxil[0].severity == "major"
    assert kinds(check(["ceftriaxone"], ctx, catalog), "allergy")[0].severity == "minor"


def test_unrecognised_allergy_is_reported_not_ignored(catalog):
    result = check(["amoxicillin"], PatientContext(allergies=["xyzzy-unknown"]), catalog)
    assert any("xyzzy-unknown" in n for n in result.notes)


def test_duplicate_therapy_same_class_and_same_ingredient(catalog):
    ppis = check(["omeprazole", "pantoprazole"], None, catalog)
    assert kinds(ppis, "duplicate")
    nsaids = check(["ibuprofen", "diclofenac"], None, catalog)
    assert kinds(nsaids, "duplicate")
    same = check(["clopidogrel", "clopidogrel"], None, catalog)
    assert kinds(same, "duplicate")[0].severity == "major"
    assert kinds(check(["aspirin", "clopidogrel"], None, catalog), "duplicate") == []  # DAPT is intended


def test_renal_thresholds_from_computed_egfr(catalog):
    # 70-year-old man, SCr 250 umol/L -> eGFR about 22: metformin contraindicated below 30
    ctx = PatientContext(age=70, sex="M", weight_kg=70, scr=250, scr_unit="umol/L")
    renal = kinds(check(["metformin"], ctx, catalog), "renal")
    assert renal and renal[0].severity == "contraindicated"
    assert kinds(check(["metformin"], PatientContext(egfr=80), catalog), "renal") == []


def test_pregnancy_and_lactation(catalog):
    preg = kinds(check(["warfarin"], PatientContext(pregnant=True), catalog), "pregnancy")
    assert preg and preg[0].severity == "contraindicated"
    assert kinds(check(["warfarin"], PatientContext(lactating=True), catalog), "lactation") == []


def test_additive_burdens(catalog):
    bleed = check(["warfarin", "aspirin", "clopidogrel"], None, catalog)
    assert kinds(bleed, "bleeding")
    k = check(["lisinopril", "spironolactone", "amiloride"], None, catalog)
    assert kinds(k, "hyperkalemia")
    qt = check(["amiodarone", "sotalol"], PatientContext(age=75, sex="F", potassium_mmol=3.2, qtc_ms=480), catalog)
    qt_alert = kinds(qt, "qt")
    assert qt_alert and qt_alert[0].severity == "major"
    assert any("Tisdale" in s for s in qt_alert[0].sources)
    assert kinds(check(["amlodipine"], None, catalog), "qt") == []


def test_alerts_sorted_most_severe_first(catalog):
    result = check(["simvastatin", "clarithromycin", "warfarin", "aspirin"], None, catalog)
    ranks = ["contraindicated", "major", "moderate", "minor"]
    severities = [ranks.index(a.severity) for a in result.alerts]
    assert severities == sorted(severities)
    assert result.alerts[0].severity == "contraindicated"


def test_extra_ratings_merge_and_disagreement(catalog):
    extra = {frozenset({"warfarin", "aspirin"}): [PairRating("DDInter", "moderate", None, None, "Monitor", None, None)],
             frozenset({"amlodipine", "metoprolol"}): [PairRating("DDInter", "minor", None, None, None, None, None)]}
    result = check(["warfarin", "aspirin", "amlodipine", "metoprolol"], None, catalog, extra_ratings=extra)
    merged = interaction(result, "warfarin", "aspirin")
    assert merged.severity == "major" and merged.disagreement
    assert {r.source for r in merged.ratings} == {"CDSS Desk rules", "DDInter"}
    imported_only = interaction(result, "amlodipine", "metoprolol")
    assert imported_only.severity == "minor" and [r.source for r in imported_only.ratings] == ["DDInter"]
    higher = {frozenset({"warfarin", "aspirin"}): [PairRating("X", "contraindicated", None, None, None, None, None)]}
    led = interaction(check(["warfarin", "aspirin"], None, catalog, higher), "warfarin", "aspirin")
    assert led.severity == "contraindicated" and led.interruptive


def test_pair_rating_rejects_unknown_severity():
    with pytest.raises(ValueError):
        PairRating("X", "severe", None, None, None, None, None)


def test_indexed_pair_lookup_equals_naive_loop(catalog):
    rules = catalog.rules
    drugs = list(catalog)[::7]
    for i, a in enumerate(drugs):
        for b in drugs[i + 1:]:
            assert [r.id for r in rules.pair_rules(a, b)] == [r.id for r in naive_pair_rules(rules, a, b)]


def test_unknown_id_is_user_error(catalog):
    with pytest.raises(UserError):
        check(["not_a_drug"], None, catalog)


def test_check_names_json_schema(catalog, search):
    result = check_names(["波立维", "Plavix", "warfrin", "华法林"], None, catalog, search)
    data = json.loads(result.to_json())
    assert set(data) >= {"resolved", "unresolved", "alerts"}
    assert [r["id"] for r in data["resolved"]] == ["clopidogrel", "clopidogrel", "warfarin"]
    assert set(data["resolved"][0]) == {"query", "id", "name_en", "name_zh"}
    assert data["unresolved"] == [{"query": "warfrin", "suggestions": data["unresolved"][0]["suggestions"]}]
    assert data["unresolved"][0]["suggestions"][0] == "warfarin"
    for alert in data["alerts"]:
        assert {"kind", "severity", "drugs", "title", "mechanism", "effect", "management", "evidence",
                "sources"} <= set(alert)


def test_more_burdens_and_hepatic(catalog):
    acb = kinds(check(["amitriptyline", "chlorphenamine"], PatientContext(age=80), catalog), "anticholinergic")
    assert acb and acb[0].severity == "major"
    sero = kinds(check(["sertraline", "tramadol", "sumatriptan"], None, catalog), "serotonergic")
    assert sero and set(sero[0].drugs) == {"sertraline", "tramadol", "sumatriptan"}
    cns = kinds(check(["morphine", "diazepam", "zolpidem"], None, catalog), "cns_depression")
    assert cns and cns[0].severity == "major"
    k = kinds(check(["lisinopril"], PatientContext(potassium_mmol=5.8), catalog), "hyperkalemia")
    assert k and k[0].severity == "major"
    hep = kinds(check(["simvastatin"], PatientContext(hepatic_impairment=True), catalog), "hepatic")
    assert hep and hep[0].severity == "contraindicated"


def test_renal_uses_other_estimate_when_only_one_is_known(catalog):
    # dabigatran's threshold is CrCl; with only an eGFR the engine says which estimate it used
    alert = kinds(check(["dabigatran"], PatientContext(egfr=20), catalog), "renal")[0]
    assert alert.severity == "contraindicated" and "eGFR used in place of CrCl" in alert.mechanism


def test_resolve_queries_pinyin_and_suggestions(catalog, search):
    from cdss.drugs.checker import resolve_queries

    resolved, unresolved = resolve_queries(["huafalin", "Zocor", "clopidogrle", ""], catalog, search)
    assert [r.id for r in resolved] == ["warfarin", "simvastatin"]
    assert unresolved[0].query == "clopidogrle" and unresolved[0].suggestions[0] == "clopidogrel"


def test_one_rating_per_source_keeps_the_most_severe(catalog):
    extra = {frozenset({"warfarin", "aspirin"}): [
        PairRating("ANSM", "moderate", None, None, "low dose", None, None),
        PairRating("ANSM", "contraindicated", None, None, "high dose", None, None)]}
    alert = interaction(check(["warfarin", "aspirin"], None, catalog, extra), "warfarin", "aspirin")
    ansm = [r for r in alert.ratings if r.source == "ANSM"]
    assert len(ansm) == 1 and ansm[0].severity == "contraindicated"
    assert alert.severity == "contraindicated" and alert.disagreement


def test_sulfonamide_antibiotic_allergy_spares_non_antibiotic_sulfonamides(catalog):
    ctx = PatientContext(allergies=["磺胺"])
    smx = kinds(check(["sulfamethoxazole_trimethoprim"], ctx, catalog), "allergy")
    assert smx and smx[0].severity == "contraindicated"
    assert kinds(check(["furosemide", "hydrochlorothiazide"], ctx, catalog), "allergy") == []
