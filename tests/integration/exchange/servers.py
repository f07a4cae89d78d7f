"""Test helpers: a throwaway PostgreSQL cluster and the real exchange server run with uvicorn in a subprocess."""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

PG_BIN = Path("/usr/lib/postgresql/15/bin")
REPO_ROOT = Path(__file__).resolve().parents[3]
START_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cdss_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from cdss.cli import main; sys.exit(main(sys.argv[1:]))", *args]


class PostgresCluster:
    """initdb + pg_ctl in a temp dir on a random 127.0.0.1 port; as root, run as the ``postgres`` user."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="cdss-exchange-pg-"))
        self.port = free_port()
        self.data_dir = self.tmp / "data"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(self.tmp, entry.pw_uid, entry.pw_gid)
        self.user = "postgres" if self.as_postgres else pwd.getpwuid(os.geteuid()).pw_name

    def _run(self, *cmd: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        subprocess.run([*prefix, *cmd], check=True, capture_output=True, timeout=60, cwd=self.tmp)

    def start(self) -> None:
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data_dir), "-A", "trust", "-U", self.user, "-E", "UTF8",
                  "--no-sync")
        options = (f"-p {self.port} -k {self.tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-o", options, "-l", str(self.tmp / "pg.log"),
                  "-w", "-t", "30", "start")

    def stop(self) -> None:
        try:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def new_database_url(self) -> str:
        import psycopg

        name = "ex_" + uuid.uuid4().hex[:12]
        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.user, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{name}"


@dataclass
class ServerProcess:
    """``cdss serve`` in a subprocess on a random loopback port."""

    db_url: str
    log_path: Path
    extra_args: tuple[str, ...] = ()
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    tls_cert: Path | None = None  # with --certfile/--keyfile in extra_args: poll over https, trusting this cert

    @property
    def base_url(self) -> str:
        return f"{'https' if self.tls_cert else 'http'}://127.0.0.1:{self.port}"

    @property
    def verify(self) -> ssl.SSLContext | bool:
        return ssl.create_default_context(cafile=str(self.tls_cert)) if self.tls_cert else True

    def start(self) -> ServerProcess:
        log = self.log_path.open("ab")
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        self.process = subprocess.Popen(
            cdss_command("serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db_url,
                         *self.extra_args),
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO_ROOT)
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early: {self.log_path.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(self.base_url + "/health", timeout=1.0, verify=self.verify).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not start in {START_TIMEOUT_S} s: {self.log_path.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def kill(self) -> None:
        """Simulate a crash: SIGKILL, no graceful shutdown."""
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=10)


def add_user_via_cli(db_url: str, name: str, password: str, *, admin: bool = False) -> subprocess.CompletedProcess:
    args = ["server", "add-user", name, "--password-stdin", "--db", db_url] + (["--admin"] if admin else [])
    return subprocess.run(cdss_command(*args), input=password + "\n", capture_output=True, text=True, timeout=60,
                          cwd=REPO_ROOT, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})


class Api:
    """A small httpx wrapper for one server: log in as someone and call with their token."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = httpx.Client(base_url=base_url, timeout=15.0)

    def close(self) -> None:
        self.http.close()

    def login(self, name: str, password: str) -> dict:
        response = self.http.post("/v1/auth/login", json={"username": name, "password": password})
        assert response.status_code == 200, response.text
        return response.json()

    def invite(self, admin_token: str, password: str, prefix: str = "doc") -> str:
        """Create and approve a clinician with a fresh name through the admin API; returns the name."""
        name = f"{prefix}-{uuid.uuid4().hex[:8]}"
        created = self.call("POST", "/v1/users", admin_token,
                            json={"name": name, "password": password, "approve": True})
        assert created.status_code == 201, created.text
        return name

    def call(self, method: str, path: str, token: str | None = None, *, json: object = None,
             key: str | None = None, **kwargs) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if key:
            headers["Idempotency-Key"] = key
        return self.http.request(method, path, json=json, headers=headers, **kwargs)


def case_body(**overrides: object) -> dict:
    body = {"case_uuid": str(uuid.uuid4()), "title": "Synthetic case: persistent cough", "specialty": "pulmonology",
            "tags": ["synthetic"], "summary": "Synthetic test case, no real patient.", "body": "Free text.",
            "age_band": "40-49", "sex": "female"}
    body.update(overrides)
    return body


def content_of(case: dict, **overrides: object) -> dict:
    keys = ("title", "specialty", "tags", "summary", "body", "age_band", "sex")
    return {**{k: case[k] for k in keys}, **overrides}


def add_admin_in_process(db_url: str, password: str) -> None:
    """Faster than the CLI (no interpreter start-up) for fixtures that do not test the CLI itself."""
    from cdss.exchange.server.run import add_user

    add_user(db_url, "admin", password, is_admin=True)
