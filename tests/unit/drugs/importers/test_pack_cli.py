"""``cdss drugs import-pack`` / ``packs`` / ``delete-pack`` through an argparse tree like the drugs room's."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from cdss.drugs.importers.cli import register_pack_commands
from cdss.errors import ImportRejected, UserError


def _run(workspace: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="cdss")
    parser.add_argument("--workspace", type=Path)
    drugs = parser.add_subparsers(dest="command").add_parser("drugs").add_subparsers(dest="drugs_command")
    register_pack_commands(drugs)
    args = parser.parse_args(["--workspace", str(workspace), "drugs", *argv])
    return args.func(args)


def test_import_list_delete(tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = tmp_path / "ws"
    atc_file = shared_data / "atc-who" / "who_atc_ddd_2026-04-25.csv"
    assert _run(workspace, "import-pack", "--format", "atc", str(atc_file), "--json") == 0
    imported = json.loads(capsys.readouterr().out)
    assert (imported["name"], imported["atc_codes"], imported["pairs"]) == ("who-atc", 6_996, 0)
    assert "WHOCC" in imported["licence"]
    assert (workspace / "drug-packs" / "who-atc.json").is_file()

    ddinter = tmp_path / "ddinter_downloads_code_A.csv"
    ddinter.write_text("DDInterID_A,Drug_A,DDInterID_B,Drug_B,Level\nDDInter1,Abacavir,DDInter1263,Naltrexone,"
                       "Moderate\n", encoding="utf-8")
    assert _run(workspace, "import-pack", "--format", "ddinter", str(ddinter)) == 0
    assert capsys.readouterr().out.startswith("imported ddinter")

    assert _run(workspace, "packs", "--json") == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert set(listed) == {"who-atc", "ddinter"}
    assert (listed["ddinter"]["pairs"], listed["ddinter"]["drugs"]) == (1, 2)
    assert {"source", "licence", "imported_at", "atc_codes"} <= set(listed["ddinter"])

    assert _run(workspace, "packs") == 0
    assert "who-atc" in capsys.readouterr().out

    assert _run(workspace, "delete-pack", "ddinter") == 0
    with pytest.raises(UserError):
        _run(workspace, "delete-pack", "ddinter")


def test_rejected_import_raises_user_error_and_stores_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("nothing,useful\n1,2\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        _run(tmp_path / "ws", "import-pack", "--format", "ddinter", str(bad))
    assert "bad.csv" in str(caught.value)
    assert not any((tmp_path / "ws" / "drug-packs").iterdir())
