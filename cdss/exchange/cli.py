"""``cdss serve`` and ``cdss server add-user``: run the case-exchange server and manage its accounts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser("serve", help="run the peer case-exchange server (FastAPI + uvicorn)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="TCP port (default 8765)")
    _add_db_option(serve)
    serve.add_argument("--certfile", type=Path, default=None, help="TLS certificate (PEM); needs --keyfile")
    serve.add_argument("--keyfile", type=Path, default=None, help="TLS private key (PEM)")
    serve.add_argument("--max-body-bytes", type=int, default=None, help="request body limit (default 2 MiB)")
    serve.add_argument("--login-failures-per-user", type=int, default=None,
                       help="failed logins per user name from one client IP per 15 minutes before 429 (default 10)")
    serve.add_argument("--login-failures-per-ip", type=int, default=None,
                       help="failed logins per client IP per 15 minutes before 429 (default 50)")
    serve.add_argument("--trust-forwarded-for", action="store_true",
                       help="behind a reverse proxy on this machine (127.0.0.1/::1): read the client IP from "
                            "X-Forwarded-For sent by it")
    serve.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDRESS",
                       help="a reverse proxy's address or network (repeatable): X-Forwarded-For is read only from "
                            "these, from the right")
    serve.set_defaults(func=_cmd_serve)

    server = subparsers.add_parser("server", help="manage the case-exchange server's accounts")
    server_sub = server.add_subparsers(dest="server_command", required=True, metavar="ACTION")
    add_user = server_sub.add_parser("add-user", help="create an active account (password read from stdin)")
    add_user.add_argument("name")
    add_user.add_argument("--admin", action="store_true", help="make the account an administrator")
    add_user.add_argument("--password-stdin", action="store_true", required=True,
                          help="read the password from the first line of standard input")
    _add_db_option(add_user)
    add_user.set_defaults(func=_cmd_add_user)

    from cdss.exchange.client_cli import register_client_commands

    register_client_commands(subparsers)


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=None, metavar="URL",
                        help="database URL (default: exchange-server/exchange.sqlite3 in the workspace; "
                             "postgresql+psycopg://USER@HOST/DB for several server processes)")


def _database_url(args: argparse.Namespace) -> str:
    if args.db:
        return args.db
    from cdss.exchange.server.storage import sqlite_url
    from cdss.workspace import Workspace

    workspace = Workspace.open(args.workspace, migrate=False)
    return sqlite_url(workspace.subdir("exchange-server") / "exchange.sqlite3")


def _cmd_serve(args: argparse.Namespace) -> int:
    from cdss.exchange.server.run import serve
    from cdss.exchange.server.settings import ServerSettings

    if not 0 < args.port < 65536:
        print("cdss serve: --port must be 1-65535", file=sys.stderr)
        return 2
    settings = ServerSettings.from_env(_database_url(args), max_body_bytes=args.max_body_bytes,
                                       login_failures_per_user=args.login_failures_per_user,
                                       login_failures_per_ip=args.login_failures_per_ip,
                                       trust_forwarded_for=args.trust_forwarded_for or None,
                                       trusted_proxies=",".join(args.trusted_proxy) or None)
    try:
        settings.proxy_networks()
    except ValueError as exc:
        print(f"cdss serve: --trusted-proxy: {exc}", file=sys.stderr)
        return 2
    serve(settings, args.host, args.port, certfile=args.certfile, keyfile=args.keyfile)
    return 0


def _cmd_add_user(args: argparse.Namespace) -> int:
    from cdss.exchange.server.run import add_user

    password = sys.stdin.readline().rstrip("\r\n")
    user_id = add_user(_database_url(args), args.name, password, is_admin=args.admin)
    print(f"created user {args.name} (id {user_id}{', admin' if args.admin else ''})")
    return 0
