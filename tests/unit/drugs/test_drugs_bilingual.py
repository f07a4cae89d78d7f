"""Chinese rule text, coded titles and notes, and the class-level fixes of ONC high-priority recall gaps."""

from __future__ import annotations

import json
import shutil

import pytest

from cdss.drugs.catalog import DEFAULT_PACK_DIR, Catalog
from cdss.drugs.checker import PatientContext, check
from cdss.drugs.messages import TEMPLATES, Message, message
from cdss.drugs.rules import load_rules
from cdss.errors import UserError


def interaction(catalog, a, b):
    alerts = [x for x in check([a, b], None, catalog).alerts if x.kind == "interaction"]
    return alerts[0] if alerts else None


def test_every_shipped_rule_has_chinese_text(catalog):
    for rule in catalog.rules.rules:
        for key in ("mechanism", "effect", "management"):
            zh = getattr(rule, f"{key}_zh")
            assert zh and any("\u4e00" <= ch <= "\u9fff" for ch in zh), (rule.id, key)


@pytest.mark.parametrize(("zh", "problem"), [("", "non-empty"), ("停用他汀。", "lacks number")])
def test_loader_refuses_empty_or_number_dropping_translation(tmp_path, catalog, zh, problem):
    pack = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, pack)
    path = pack / "interactions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    rule = next(r for r in data["rules"] if r["id"] == "statin_3a4_amiodarone")  # "simvastatin 20 mg/day ..."
    rule["management_zh"] = zh
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError, match=problem):
        load_rules(pack, catalog)


def test_translation_is_optional_in_an_added_rules_file(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, pack)
    data = json.loads((pack / "interactions.json").read_text(encoding="utf-8"))
    extra = dict(data["rules"][0], id="local_rule_without_zh")
    for key in ("mechanism_zh", "effect_zh", "management_zh"):
        extra.pop(key)
    (pack / "interactions_local.json").write_text(json.dumps({"rules": [extra]}), encoding="utf-8")
    rules = Catalog.load(pack).rules
    added = next(r for r in rules.rules if r.id == "local_rule_without_zh")
    assert added.mechanism_zh is None and added.text("mechanism", "zh") == added.mechanism


def test_interaction_alert_carries_coded_title_and_chinese_text(catalog):
    alert = interaction(catalog, "simvastatin", "clarithromycin")
    assert alert.severity == "contraindicated"
    assert alert.title == "Simvastatin + Clarithromycin: Myopathy and rhabdomyolysis"  # unchanged English
    assert alert.title_message.code == "interaction" and alert.title_message.text == alert.title
    params = alert.title_message.param_dict
    assert params["a_zh"] == "辛伐他汀" and params["b_zh"] == "克拉霉素" and params["effect_zh"] == "肌病和横纹肌溶解"
    assert alert.management_zh.startswith("禁忌合用") and "普伐他汀" in alert.management_zh
    out = alert.to_dict()
    assert {"title", "mechanism", "effect", "management"} <= set(out)  # old keys kept
    assert out["title_code"] == "interaction" and out["effect_zh"] == alert.effect_zh


def test_notes_are_coded_with_the_same_english(catalog):
    ctx = PatientContext(age=70, sex="F", weight_kg=60, scr=250, allergies=("xyzzy",))
    result = check(["metformin"], ctx, catalog)
    codes = [m.code for m in result.note_messages]
    assert codes == ["note_allergy_unrecognised", "note_egfr_computed", "note_crcl_computed"]
    assert result.notes[1].startswith("eGFR ") and result.notes[1].endswith("computed by CKD-EPI 2021 (race-free).")
    assert list(result.notes) == [m.text for m in result.note_messages]
    out = result.to_dict()
    assert out["notes"] == list(result.notes) and out["note_codes"][0]["params"] == {"name": "xyzzy"}
    renal = next(a for a in result.alerts if a.kind == "renal")
    assert renal.title_message.code == "renal_threshold" and renal.title.startswith("Metformin: contraindicated at")
    assert renal.mechanism_zh.startswith("二甲双胍")


def test_burden_and_allergy_titles_are_coded(catalog):
    ctx = PatientContext(age=70, sex="F", allergies=("penicillin",))
    result = check(["warfarin", "aspirin", "ibuprofen", "amoxicillin"], ctx, catalog)
    by_kind = {a.kind: a for a in result.alerts}
    bleeding = by_kind["bleeding"]
    assert bleeding.title_message.code == "burden_bleeding" and bleeding.title.startswith("Bleeding-risk load: 3 drugs")
    assert "华法林" in bleeding.title_message.param_dict["names_zh"] and bleeding.effect_zh
    allergy = by_kind["allergy"]
    assert allergy.title_message.code == "allergy_class" and allergy.title == (
        "Amoxicillin: penicillin allergy recorded (penicillin)")
    assert allergy.mechanism_zh and allergy.management_zh


def test_every_template_renders():
    samples = {"a": "A", "b": "B", "effect": "E", "drug": "D", "action": "reduce_dose", "measure": "eGFR",
               "below": 30.0, "used": "eGFR", "value": 17.2, "kind": "pregnancy", "group": "penicillin",
               "known": 1, "other": 2, "score": 9, "band": "moderate", "count": 3, "names": "x, y, z", "total": 4,
               "label": "pcn", "egfr": 41.6, "crcl": 35.2, "name": "xyzzy", "dose": "0.5 g", "max": "10 mg",
               "factor": "50", "unit": "mg", "text": "2 tabs", "what": "single"}
    for code in TEMPLATES:
        text = Message(code, tuple(samples.items())).text
        assert "{" not in text and text, code
    assert message("clinical_note", drug="D", action="reduce_dose", kind="hepatic").text == "D: reduce dose in hepatic"
    with pytest.raises(KeyError):
        message("no_such_code")


# -- ONC recall gaps fixed by class (FDA inducer/inhibitor classification, product labels) --------------------------
@pytest.mark.parametrize("inducer", ["rifabutin", "rifapentine"])
@pytest.mark.parametrize("protease_inhibitor", ["atazanavir", "darunavir", "ritonavir"])
def test_rifabutin_and_rifapentine_are_moderate_inducers_for_protease_inhibitors(catalog, inducer,
                                                                                 protease_inhibitor):
    alert = interaction(catalog, inducer, protease_inhibitor)
    assert alert.rule_id == "protease_inhibitor_moderate_inducer"
    assert alert.severity == "major" and alert.interruptive


@pytest.mark.parametrize("victim", ["simvastatin", "lovastatin", "ergotamine", "dihydroergotamine", "irinotecan"])
def test_darunavir_as_used_boosted_is_a_strong_cyp3a4_inhibitor(catalog, victim):
    alert = interaction(catalog, "darunavir", victim)
    assert alert.severity == "contraindicated" and alert.interruptive


def test_mao_b_inhibitor_with_nefazodone_or_trazodone(catalog):
    for antidepressant in ("nefazodone", "trazodone"):
        alert = interaction(catalog, "selegiline", antidepressant)
        assert alert.rule_id == "maob_antidepressant" and alert.severity == "major"


def test_moderate_inducers_do_not_fire_strong_inducer_rules(catalog):
    # Rules for CYP3A4 substrates need a strong inducer; rifabutin must not be promoted to one.
    assert interaction(catalog, "rifabutin", "atorvastatin") is None
    assert interaction(catalog, "rifapentine", "apixaban") is None
