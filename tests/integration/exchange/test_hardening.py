"""TLS through uvicorn, the generic 500 body, and refusals of bad server options."""

from __future__ import annotations

import asyncio
import shutil
import subprocess

import httpx
import pytest

from .servers import ServerProcess


def test_unexpected_error_returns_generic_body_with_error_id(tmp_path, caplog):
    from cdss.exchange.server.app import create_app
    from cdss.exchange.server.settings import ServerSettings

    app = create_app(ServerSettings(database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}"))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/boom")

    response = asyncio.run(call())
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "internal_error" and len(error["error_id"]) == 12
    assert "secret" not in response.text and "Traceback" not in response.text
    # The details go to the server log under the same id.
    assert any(error["error_id"] in record.getMessage() and record.exc_info for record in caplog.records)
    app.state.db.dispose()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is needed to make a self-signed certificate")
def test_tls_with_certfile_and_keyfile(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    server = ServerProcess(db_url=f"sqlite:///{tmp_path / 'tls.sqlite3'}", log_path=tmp_path / "tls.log",
                           extra_args=("--certfile", str(cert), "--keyfile", str(key)), tls_cert=cert).start()
    try:
        assert httpx.get(server.base_url + "/health", verify=server.verify, timeout=5).json()["status"] == "ok"
        with pytest.raises(httpx.TransportError):  # plain HTTP is not spoken on the TLS port
            httpx.get(f"http://127.0.0.1:{server.port}/health", timeout=2.0)
    finally:
        server.stop()


def test_serve_refuses_half_tls_and_bad_db_url(tmp_path, capsys):
    from cdss.cli import main

    assert main(["serve", "--db", f"sqlite:///{tmp_path / 'a.sqlite3'}", "--certfile", str(tmp_path / "c.pem")]) == 1
    assert "--keyfile" in capsys.readouterr().err
    assert main(["serve", "--db", "mysql://x@y/z"]) == 1
    assert "Unsupported database" in capsys.readouterr().err
