"""CLI: `cdss drugs search` and `cdss check` JSON output and exit codes."""

from __future__ import annotations

import json

from cdss.cli import main


def test_search_json(capsys):
    assert main(["drugs", "search", "hfl", "--json", "--limit", "3"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0] == {**hits[0], "id": "warfarin", "name_zh": "华法林"}
    assert set(hits[0]) >= {"id", "name_en", "name_zh", "score"}


def test_check_json_schema_and_exit_zero(capsys):
    assert main(["check", "simvastatin", "克拉霉素", "--age", "70", "--sex", "M", "--weight", "70", "--scr", "250",
                 "--allergy", "penicillin", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data["resolved"]] == ["simvastatin", "clarithromycin"]
    top = data["alerts"][0]
    assert top["severity"] == "contraindicated" and top["kind"] == "interaction"
    assert set(top) >= {"kind", "severity", "drugs", "title", "mechanism", "effect", "management", "evidence",
                        "sources"}


def test_check_without_alerts_exits_zero(capsys):
    assert main(["check", "amlodipine"]) == 0
    assert "No alerts" in capsys.readouterr().out


def test_check_batch_json_lines(tmp_path, capsys):
    batch = tmp_path / "regimens.txt"
    batch.write_text("warfarin, aspirin\n\nsildenafil，硝酸甘油\n", encoding="utf-8")
    assert main(["check", "--batch", str(batch), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["line"] for line in lines] == [1, 3]
    assert lines[1]["alerts"][0]["severity"] == "contraindicated"


def test_check_usage_error_is_two(capsys):
    assert main(["check"]) == 2
