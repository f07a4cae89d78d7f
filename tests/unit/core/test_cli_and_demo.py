from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cdss import demo
from cdss.cli import main
from cdss.workspace import Workspace


def test_help_lists_the_headless_commands():
    result = subprocess.run([sys.executable, "-m", "cdss.cli", "--help"], capture_output=True, text=True, check=True)
    for command in ("gui", "demo", "backup", "screenshot"):
        assert command in result.stdout
    assert "--workspace" in result.stdout


def test_backup_commands_work_on_a_given_workspace(tmp_path, capsys):
    root = tmp_path / "ws"
    assert main(["--workspace", str(root), "backup", "create"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert main(["--workspace", str(root), "backup", "list"]) == 0
    assert created["path"] in capsys.readouterr().out
    assert main(["--workspace", str(root), "backup", "restore", created["path"]]) == 0
    assert "previous state was saved" in capsys.readouterr().out


def test_restore_of_a_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["--workspace", str(tmp_path / "ws"), "backup", "restore", str(tmp_path / "nope.sqlite3")]) == 1
    assert "No backup file" in capsys.readouterr().err


def test_demo_contributors_run_once_and_a_failure_leaves_no_marker(tmp_path, monkeypatch):
    calls = []
    module = type(sys)("cdss_test_demo_contrib")
    module.seed_ok = lambda ws: calls.append(ws.root) or "3 things"

    def seed_fail(ws):
        raise RuntimeError("seed failed")

    module.seed_fail = seed_fail
    monkeypatch.setitem(sys.modules, "cdss_test_demo_contrib", module)
    ws = Workspace.open(tmp_path / "ws")
    with pytest.raises(RuntimeError):
        demo.seed_demo(ws, ("cdss_test_demo_contrib:seed_ok", "cdss_test_demo_contrib:seed_fail"))
    assert not demo.is_seeded(ws)
    assert demo.seed_demo(ws, ("cdss_test_demo_contrib:seed_ok",)) == ["3 things"]
    assert demo.is_seeded(ws)
    assert demo.seed_demo(ws, ("cdss_test_demo_contrib:seed_ok",)) == []
    assert len(calls) == 2
    ws.close()


def test_a_file_as_workspace_path_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "file"
    path.write_text("x")
    assert main(["--workspace", str(path), "backup", "list"]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
