"""The house rules that are not style: the exchange server runs without the desktop's libraries, and its base
install does not pull them in."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DESKTOP_ONLY = ("PySide6", "pandas", "whoosh", "reportlab", "jieba", "pypinyin", "rapidfuzz", "openpyxl", "pypdf")


def test_base_install_is_the_server_and_the_desktop_is_an_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = " ".join(project["dependencies"]).lower()
    assert not any(name.lower() in base for name in DESKTOP_ONLY)
    desktop = " ".join(project["optional-dependencies"]["desktop"])
    assert "PySide6" in desktop and "server" in project["optional-dependencies"]


def test_the_exchange_server_starts_with_the_desktop_libraries_missing(tmp_path):
    blocker = f"""
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in {DESKTOP_ONLY!r}:
            raise ImportError('blocked for this test: ' + name)
sys.meta_path.insert(0, Block())
from cdss.exchange.server.app import create_app
from cdss.exchange.server.settings import ServerSettings
from fastapi.testclient import TestClient
app = create_app(ServerSettings(database_url="sqlite:///" + sys.argv[1]))
with TestClient(app) as client:
    print('server answers', client.get('/health').status_code)
from cdss.cli import main
try:
    main(["serve", "--help"])  # the command line of a server-only install
except SystemExit as exit:
    print('cli exit', exit.code)
"""
    done = subprocess.run([sys.executable, "-c", blocker, str(tmp_path / "server.sqlite3")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "server answers 200" in done.stdout and "cli exit 0" in done.stdout


def test_the_type_check_baseline_ignores_moved_lines_but_not_new_errors():
    import importlib.util

    spec = importlib.util.spec_from_file_location("typecheck", ROOT / "tools" / "typecheck.py")
    typecheck = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(typecheck)
    before = typecheck.parse(['cdss/a.py:10:5: error: Missing type arguments for generic type "dict"  [type-arg]',
                              "cdss/a.py:12: note: a note, not an error"])
    moved = typecheck.parse(['cdss/a.py:40:5: error: Missing type arguments for generic type "dict"  [type-arg]'])
    assert before == moved and not typecheck.new_errors(moved, before)
    twice = typecheck.parse(['cdss/a.py:40:5: error: Missing type arguments for generic type "dict"  [type-arg]',
                             'cdss/a.py:41:5: error: Missing type arguments for generic type "dict"  [type-arg]'])
    assert sum(typecheck.new_errors(twice, before).values()) == 1
