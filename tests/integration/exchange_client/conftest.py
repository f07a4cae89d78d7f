"""A real SQLite exchange server (the server suite's helpers), clinicians on it, and client workspaces."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from exchange.conftest import ADMIN_PASSWORD, USER_PASSWORD, start_server
from exchange.servers import Api, ServerProcess, add_admin_in_process

from cdss.exchange.client.http import ExchangeClient
from cdss.workspace import Workspace

ClientPair = tuple[Workspace, ExchangeClient]


@dataclass
class ClientServer:
    db_url: str
    tmp: Path
    server: ServerProcess
    api: Api
    admin_token: str

    def new_user(self) -> str:
        return self.api.invite(self.admin_token, USER_PASSWORD)

    def restart(self) -> None:
        """Start the server again on the same port and database (after kill())."""
        self.server = ServerProcess(db_url=self.db_url, log_path=self.tmp / "server.log",
                                    extra_args=self.server.extra_args, port=self.server.port).start()


@pytest.fixture
def exchange_server() -> Iterator[ClientServer]:
    # Function scope: some tests kill the server; a fresh SQLite server starts in about a second.
    tmp = Path(tempfile.mkdtemp(prefix="cdss-exchange-client-"))
    db_url = f"sqlite:///{tmp / 'exchange.sqlite3'}"
    add_admin_in_process(db_url, ADMIN_PASSWORD)
    server = start_server(db_url, tmp / "server.log")
    api = Api(server.base_url)
    holder = ClientServer(db_url, tmp, server, api, api.login("admin", ADMIN_PASSWORD)["access_token"])
    try:
        yield holder
    finally:
        api.close()
        holder.server.stop()
        log_text = (tmp / "server.log").read_text(errors="replace")
        shutil.rmtree(tmp, ignore_errors=True)
        assert "unhandled error" not in log_text, log_text[-3000:]


@pytest.fixture
def make_client(tmp_path: Path, exchange_server: ClientServer) -> Iterator[Callable[[], ClientPair]]:
    opened: list[tuple[Workspace, ExchangeClient]] = []

    def make() -> tuple[Workspace, ExchangeClient]:
        workspace = Workspace.open(tmp_path / f"ws-{len(opened)}")
        client = ExchangeClient(workspace, exchange_server.server.base_url)
        client.login(exchange_server.new_user(), USER_PASSWORD)
        opened.append((workspace, client))
        return workspace, client

    yield make
    for workspace, client in opened:
        client.close()
        workspace.close()

