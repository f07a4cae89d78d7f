"""Tokens live in a private file outside the database: backups never carry them, old DB tokens move there once."""

from __future__ import annotations

import json
import sqlite3
import stat

from cdss.exchange.client.http import get_state, set_state
from cdss.exchange.client.session import forget_tokens, session_info, store_tokens
from cdss.exchange.client.token_file import read_tokens, token_path, update_tokens
from cdss.exchange.models import ExchangeStateRow
from cdss.exchange.schemas import TokenPair
from cdss.files import temp_prefix
from cdss.workspace import Workspace

PAIR = TokenPair(access_token="access-" + "a" * 24, refresh_token="refresh-" + "r" * 24, expires_in=900,
                 refresh_expires_in=30 * 86400)


def db_token_rows(workspace: Workspace) -> list[str]:
    with sqlite3.connect(workspace.db_path) as db:
        return [key for (key,) in db.execute("SELECT key FROM exchange_state WHERE key LIKE '%token%' "
                                             "OR key LIKE '%expires_at'")]


def test_tokens_go_to_a_private_file_and_never_into_the_database_or_its_backups(tmp_path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    store_tokens(workspace, PAIR, server_url="http://exchange.test", username="doc")
    path = token_path(workspace)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["refresh_token"] == PAIR.refresh_token
    assert get_state(workspace, "refresh_token") == PAIR.refresh_token and session_info(workspace).signed_in
    assert db_token_rows(workspace) == [] and get_state(workspace, "username") == "doc"
    backup = workspace.backup_now("manual")
    assert PAIR.refresh_token.encode() not in backup.path.read_bytes()
    assert not list(path.parent.glob(temp_prefix(path) + "*"))  # no temporary file left behind
    workspace.close()


def test_tokens_left_in_the_database_move_to_the_file_on_first_use(tmp_path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    with workspace.unit_of_work() as session:  # what an older version wrote
        session.add(ExchangeStateRow(key="access_token", value="old-access-" + "x" * 20))
        session.add(ExchangeStateRow(key="refresh_token", value="old-refresh-" + "y" * 20))
        session.add(ExchangeStateRow(key="username", value="doc"))
    assert not token_path(workspace).exists()
    assert session_info(workspace).signed_in
    assert read_tokens(workspace) == {"access_token": "old-access-" + "x" * 20,
                                      "refresh_token": "old-refresh-" + "y" * 20}
    assert db_token_rows(workspace) == [] and get_state(workspace, "username") == "doc"
    assert stat.S_IMODE(token_path(workspace).stat().st_mode) == 0o600
    assert b"old-refresh-" not in workspace.backup_now("manual").path.read_bytes()  # not even in free pages
    workspace.close()


def test_sign_out_deletes_the_file_and_a_damaged_file_is_a_lost_sign_in(tmp_path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    store_tokens(workspace, PAIR, server_url="http://exchange.test", username="doc")
    forget_tokens(workspace)
    assert not token_path(workspace).exists() and not session_info(workspace).signed_in
    assert get_state(workspace, "server_url") == "http://exchange.test"
    set_state(workspace, access_token="t" * 20)
    token_path(workspace).write_text("{not json")
    assert get_state(workspace, "access_token") is None and not session_info(workspace).signed_in
    workspace.close()


def test_with_an_os_keyring_the_tokens_move_there_and_the_file_goes(tmp_path, request) -> None:
    from cdss.exchange.client import token_file

    workspace = Workspace.open(tmp_path / "ws")
    update_tokens(workspace, access_token="A1", refresh_token="R1")  # no keyring yet: the file
    assert token_path(workspace).exists() and token_file.token_location(workspace) == "file"

    vault = request.getfixturevalue("memory_keyring")  # the keyring appears (e.g. a desktop session)
    assert read_tokens(workspace) == {"access_token": "A1", "refresh_token": "R1"}
    assert not token_path(workspace).exists()  # moved
    (entry,) = vault.entries.values()
    assert "R1" in entry and str(workspace.root) not in str(vault.entries)  # the account name hides the path
    update_tokens(workspace, refresh_token="R2")
    assert read_tokens(workspace)["refresh_token"] == "R2" and not token_path(workspace).exists()
    update_tokens(workspace, access_token=None, refresh_token=None)  # sign-out
    assert vault.entries == {} and read_tokens(workspace) == {}
    assert token_file.token_location(workspace) == "keyring"
