"""Fixtures: one real server per backend (SQLite, PostgreSQL when installed) shared by the session, plus users."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .servers import PG_BIN, Api, PostgresCluster, ServerProcess, add_user_via_cli

BACKENDS = ["sqlite", "postgresql"]
ADMIN_PASSWORD = "admin-password-123"
USER_PASSWORD = "clinician-pass-123"
# Low per-user limit so the 429 test is quick; per-IP limit high enough for the whole suite on one address.
LOGIN_LIMIT_ARGS = ("--login-failures-per-user", "5", "--login-failures-per-ip", "40")


@pytest.fixture(scope="session")
def exchange_tmp() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="cdss-exchange-test-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster | None]:
    if not (PG_BIN / "initdb").exists():
        yield None
        return
    cluster = PostgresCluster()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def new_db_url(exchange_tmp: Path, pg_cluster: PostgresCluster | None) -> Callable[[str], str]:
    def make(backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{exchange_tmp / ('ex-' + uuid.uuid4().hex[:8] + '.sqlite3')}"
        if pg_cluster is None:
            pytest.skip(f"PostgreSQL 15 binaries not found in {PG_BIN} (install postgresql-15 to run these)")
        return pg_cluster.new_database_url()

    return make


@dataclass
class LiveServer:
    backend: str
    server: ServerProcess
    api: Api
    admin_token: str

    def new_user(self, prefix: str = "doc") -> tuple[str, str]:
        """Invite and approve a clinician through the admin API; returns (name, access token)."""
        name = self.api.invite(self.admin_token, USER_PASSWORD, prefix)
        return name, self.api.login(name, USER_PASSWORD)["access_token"]


def start_server(db_url: str, log_path: Path, *extra: str) -> ServerProcess:
    return ServerProcess(db_url=db_url, log_path=log_path, extra_args=(*LOGIN_LIMIT_ARGS, *extra)).start()


@pytest.fixture(scope="session", params=BACKENDS)
def live(request, new_db_url, exchange_tmp: Path) -> Iterator[LiveServer]:
    backend = request.param
    db_url = new_db_url(backend)
    created = add_user_via_cli(db_url, "admin", ADMIN_PASSWORD, admin=True)
    assert created.returncode == 0, created.stderr
    server = start_server(db_url, exchange_tmp / f"server-{backend}.log")
    api = Api(server.base_url)
    try:
        yield LiveServer(backend, server, api, api.login("admin", ADMIN_PASSWORD)["access_token"])
    finally:
        api.close()
        server.stop()
        log_text = (exchange_tmp / f"server-{backend}.log").read_text(errors="replace")
        # Every 500 logs "unhandled error"; none may have happened during the whole session.
        assert "unhandled error" not in log_text, log_text[-3000:]
