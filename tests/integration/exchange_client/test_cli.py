"""`cdss exchange …` end to end in-process: login, preview (nothing sent), share, sync, feed, update, withdraw,
logout."""

from __future__ import annotations

import datetime as dt
import io
import json

from exchange.conftest import USER_PASSWORD

from cdss.cli import main
from cdss.exchange.client.http import get_state
from cdss.records.changes import CaseChanges
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, Sex
from cdss.workspace import Workspace


def test_cli_round_trip(tmp_path, exchange_server, monkeypatch, capsys) -> None:
    root = tmp_path / "ws"
    workspace = Workspace.open(root)
    records = RecordsService(workspace)
    patient = records.patients.create("李建国", sex=Sex.MALE, birth_date=dt.date(1960, 1, 9), phone="13700002222")
    case = records.cases.create(patient.id, "Fever after travel", opened_on=dt.date(2025, 8, 1))
    records.cases.add_entry(case.id, EntryKind.COMPLAINT, "发热5天", occurred_at=dt.datetime(2025, 8, 1, 10))
    ws_args = ["--workspace", str(root)]
    user = exchange_server.new_user()

    monkeypatch.setattr("sys.stdin", io.StringIO(USER_PASSWORD + "\n"))
    assert main([*ws_args, "exchange", "login", "--server", exchange_server.server.base_url, "--user", user,
                 "--password-stdin"]) == 0
    capsys.readouterr()

    assert main([*ws_args, "exchange", "preview", str(case.id), "--json"]) == 0
    previewed = json.loads(capsys.readouterr().out)
    assert previewed["title"] == "Fever after travel" and "李建国" not in json.dumps(previewed, ensure_ascii=False)
    assert exchange_server.api.call("GET", "/v1/cases", exchange_server.admin_token).json()["items"] == []

    assert main([*ws_args, "exchange", "share", str(case.id)]) == 1
    assert "consent" in capsys.readouterr().err
    assert main([*ws_args, "exchange", "share", str(case.id), "--consent-recorded"]) == 0
    assert main([*ws_args, "exchange", "sync"]) == 0
    assert "sent 1, received 1" in capsys.readouterr().out
    assert main([*ws_args, "exchange", "feed", "--json"]) == 0
    [shared] = json.loads(capsys.readouterr().out)
    assert shared["case_uuid"] == previewed["case_uuid"] and shared["author"] == user

    # Saving one's own shared case back is allowed (it is a de-identified reference copy); a second copy is not.
    assert main([*ws_args, "exchange", "save", shared["case_uuid"]]) == 0
    assert "saved as patient" in capsys.readouterr().out
    assert main([*ws_args, "exchange", "save", shared["case_uuid"]]) == 1
    assert "already in your records" in capsys.readouterr().err
    assert main([*ws_args, "exchange", "retry", "999"]) == 1
    capsys.readouterr()

    # A new revision needs the consent confirmed again; withdrawing then closes the case for everyone.
    RecordsService(workspace).cases.update(case.id, CaseChanges(title="Fever after travel: malaria"))
    assert main([*ws_args, "exchange", "update", str(case.id)]) == 1
    assert "consent" in capsys.readouterr().err
    assert main([*ws_args, "exchange", "update", str(case.id), "--consent-recorded"]) == 0
    assert main([*ws_args, "exchange", "sync"]) == 0
    assert main([*ws_args, "exchange", "withdraw", str(case.id)]) == 0
    assert main([*ws_args, "exchange", "sync"]) == 0
    server_case = exchange_server.api.call("GET", f"/v1/cases/{shared['case_uuid']}",
                                           exchange_server.admin_token).json()
    assert (server_case["title"], server_case["revision"], server_case["status"]) == (
        "Fever after travel: malaria", 2, "withdrawn")

    assert main([*ws_args, "exchange", "logout"]) == 0
    assert get_state(Workspace.open(root), "access_token") is None
