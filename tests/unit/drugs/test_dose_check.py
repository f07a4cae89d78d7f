"""Dose-range checking: reading doses as doctors write them, and each kind of excess it must catch."""

from __future__ import annotations

import json
import shutil

import pytest

from cdss.drugs.catalog import DEFAULT_PACK_DIR, Catalog
from cdss.drugs.dose_check import check_dose, parse_dose
from cdss.drugs.dose_limits import DoseLimit, RenalDoseCap, limits_for_route
from cdss.errors import UserError


@pytest.mark.parametrize(("text", "amount", "unit", "per_day", "route"), [
    ("500 mg bid", 500, "mg", 2, None),
    ("0.5 g tid po", 500, "mg", 3, "oral"),
    ("1 g q8h iv", 1000, "mg", 3, "iv"),
    ("10 mg 每周1次", 10, "mg", 1 / 7, None),
    ("每日2次 每次0.25g 口服", 250, "mg", 2, "oral"),
    ("100 mcg qd", 100, "ug", 1, None),
    ("5000 U sc q12h", 5000, "IU", 2, "sc"),
    ("10mg 3 times daily", 10, "mg", 3, None),
    ("2 tabs bid", None, None, 2, None),
    ("", None, None, None, None),
])
def test_doses_are_read_as_written(text, amount, unit, per_day, route):
    dose = parse_dose(text)
    assert (dose.amount, dose.unit, dose.route) == (amount, unit, route)
    assert dose.per_day == pytest.approx(per_day) if per_day is not None else dose.per_day is None


def _limit(**changes) -> DoseLimit:
    base = dict(drug_id="x", route="oral", unit="mg", max_single=10.0, max_daily=10.0, max_weekly=None,
                per_kg=False, renal=(), hepatic_max_daily=None, source="Label, 2 Dosage", notes=None)
    base.update(changes)
    return DoseLimit(**base)


def _check(limit, text, **context):
    drug = Catalog.default()["loratadine"]
    return check_dose(drug, parse_dose(text), [limit], **context)


def test_within_range_is_silent_and_a_hundredfold_slip_interrupts():
    assert _check(_limit(), "10 mg qd").alerts == ()
    (alert,) = _check(_limit(), "0.5 g bid").alerts[:1]
    assert alert.kind == "dose" and alert.severity == "contraindicated" and alert.interruptive
    assert "50× the adult maximum 10 mg" in alert.title and "check the unit" in alert.title


def test_single_and_daily_excess_are_major():
    alerts = _check(_limit(max_single=1000, max_daily=4000), "1000 mg q4h").alerts
    assert [(a.severity, a.title_message.code) for a in alerts] == [("major", "dose_daily_above_max")]
    alerts = _check(_limit(max_single=1000, max_daily=4000), "1500 mg bid").alerts
    assert {a.title_message.code for a in alerts} == {"dose_single_above_max"}


def test_weekly_drug_given_daily_is_caught():
    limit = _limit(max_single=25, max_daily=None, max_weekly=25)
    assert _check(limit, "15 mg qw").alerts == ()
    codes = {a.title_message.code: a.severity for a in _check(limit, "10 mg qd").alerts}
    assert codes["dose_weekly_drug_daily"] == "contraindicated" and codes["dose_weekly_above_max"] == "major"


def test_renal_cap_uses_the_patients_band():
    limit = _limit(max_single=1200, max_daily=3600, renal=(RenalDoseCap("crcl", 60, None, 1400),
                                                           RenalDoseCap("crcl", 30, None, 700)))
    assert _check(limit, "600 mg tid", crcl=70).alerts == ()
    (alert,) = _check(limit, "600 mg tid", crcl=25).alerts
    assert alert.title_message.code == "dose_renal_above_max" and "700 mg" in alert.title and "CrCl 25" in alert.title


def test_units_are_converted_or_refused_and_gaps_are_notes():
    assert _check(_limit(unit="ug", max_single=200, max_daily=200), "0.1 mg qd").alerts == ()
    (alert,) = _check(_limit(), "5000 IU qd").alerts
    assert alert.title_message.code == "dose_unit_mismatch"
    assert [n.code for n in _check(_limit(per_kg=True), "10 mg qd").notes] == ["note_dose_needs_weight"]
    assert [n.code for n in _check(_limit(), "1 tablet bid").notes] == ["note_dose_unread"]
    assert [n.code for n in _check(_limit(), "5 mg").notes] == ["note_dose_no_frequency"]
    drug = Catalog.default()["loratadine"]
    assert [n.code for n in check_dose(drug, parse_dose("10 mg qd"), []).notes] == ["note_dose_no_limit"]


def test_route_choice():
    oral, iv = _limit(route="oral"), _limit(route="iv")
    assert limits_for_route([oral, iv], None) is oral and limits_for_route([oral, iv], "iv") is iv
    assert limits_for_route([iv], "oral") is None and limits_for_route([iv], None) is iv


def test_malformed_limits_fail_with_file_drug_and_field(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK_DIR, pack)
    folder = pack / "dose_limits"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    good = {"drug": "loratadine", "route": "oral", "unit": "mg", "max_single": 10, "max_daily": 10,
            "source": "Claritin US FDA prescribing information, 2 Dosage and Administration"}
    (folder / "a.json").write_text(json.dumps({"limits": [good]}), encoding="utf-8")
    assert Catalog.load(pack).dose_limits["loratadine"][0].max_daily == 10
    for bad, field in (({**good, "max_single": -1}, "max_single"), ({**good, "drug": "no_such_drug"}, "drug"),
                       ({**good, "unit": "tablets"}, "unit"), ({**good, "max_single": 20}, "max_single")):
        (folder / "a.json").write_text(json.dumps({"limits": [bad]}), encoding="utf-8")
        with pytest.raises(UserError) as info:
            Catalog.load(pack).dose_limits  # noqa: B018
        assert info.value.code == "drug_dose_limits_invalid" and f"'{field}'" in str(info.value)
