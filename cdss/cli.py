"""The ``cdss`` command: starts the GUI by default and offers headless subcommands for every room.

Each room adds its subcommands through ``register(subparsers)`` in ``cdss.<room>.cli``; handlers import their heavy
dependencies themselves so that ``cdss --help`` stays quick.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from cdss import __version__
from cdss.errors import UserError

#: Room modules that contribute subcommands. A room whose module does not exist yet is skipped.
ROOM_CLI_MODULES = ("cdss.records.cli", "cdss.drugs.cli", "cdss.literature.cli", "cdss.exchange.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cdss",
        description="CDSS Desk: clinical decision support workstation. Without a command, starts the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"CDSS Desk {__version__}")
    parser.add_argument("--workspace", type=Path, default=None,
                        help="workspace folder (default: the per-user data folder, or $CDSS_WORKSPACE)")
    parser.add_argument("--selftest", action="store_true",
                        help="check this installation in a temporary workspace, without a window (drug check, "
                             "literature search, PDF export, main window); exit code 0 when all work")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", help="start the desktop app (the default)")
    gui.add_argument("--demo", action="store_true", help="open the demo workspace, seeding it on first use")
    gui.set_defaults(func=_cmd_gui)

    demo = sub.add_parser("demo", help="create (seed) the demo workspace without starting the app")
    demo.set_defaults(func=_cmd_demo)

    backup = sub.add_parser("backup", help="list, create or restore database backups")
    backup_sub = backup.add_subparsers(dest="backup_command", required=True, metavar="ACTION")
    backup_sub.add_parser("list", help="list backups, newest first").set_defaults(func=_cmd_backup_list)
    backup_sub.add_parser("create", help="back up the database now").set_defaults(func=_cmd_backup_create)
    restore = backup_sub.add_parser("restore", help="replace the database with a backup (current state saved first)")
    restore.add_argument("backup", type=Path, help="the backup file (see 'cdss backup list')")
    restore.set_defaults(func=_cmd_backup_restore)

    space = sub.add_parser("workspace", help="encrypt the workspace, or show whether it is encrypted")
    space_sub = space.add_subparsers(dest="workspace_command", required=True, metavar="ACTION")
    space_sub.add_parser("status", help="say whether the workspace is encrypted").set_defaults(
        func=_cmd_workspace_status)
    space_sub.add_parser(
        "encrypt", help="encrypt the database and every backup with a passphrase (asked twice, or taken from "
        "$CDSS_NEW_PASSPHRASE); a plain backup is taken first and converted once the encrypted copy is checked",
    ).set_defaults(func=_cmd_workspace_encrypt)
    space_sub.add_parser(
        "passphrase", help="change an encrypted workspace's passphrase (old and new asked at the terminal, or "
        "$CDSS_PASSPHRASE and $CDSS_NEW_PASSPHRASE); the database and every backup are re-encrypted",
    ).set_defaults(func=_cmd_workspace_passphrase)

    shot = sub.add_parser("screenshot", help="render the main window on each room to PNG files, offscreen")
    shot.add_argument("out_dir", type=Path)
    shot.add_argument("--language", choices=("zh_CN", "en"), default=None)
    shot.add_argument("--demo", action="store_true", help="use the demo workspace")
    shot.set_defaults(func=_cmd_screenshot)

    for module_name in ROOM_CLI_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.selftest:
        from cdss.selftest import run_selftest

        return run_selftest()
    func = getattr(args, "func", None)
    if func is None:  # no command: the desktop app
        args.demo = False
        func = _cmd_gui
    try:
        try:
            return int(func(args) or 0)
        except UserError as exc:
            if exc.code != "workspace_locked" or not sys.stdin.isatty():
                raise
            _ask_passphrase(Path(exc.params["path"]))
            return int(func(args) or 0)
    except UserError as exc:
        print(f"cdss: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _workspace_root(args: argparse.Namespace) -> Path | None:
    from cdss.paths import demo_workspace

    if getattr(args, "demo", False) and args.workspace is None:
        return demo_workspace()
    return args.workspace


def _cmd_gui(args: argparse.Namespace) -> int:
    from cdss.app import run_gui

    return run_gui(_workspace_root(args), demo=args.demo)


def _cmd_demo(args: argparse.Namespace) -> int:
    from cdss.demo import seed_demo
    from cdss.paths import demo_workspace
    from cdss.workspace import Workspace

    workspace = Workspace.open(args.workspace or demo_workspace())
    summaries = seed_demo(workspace)
    print(f"demo workspace: {workspace.root}")
    for line in summaries or ["already seeded"]:
        print(f"  {line}")
    return 0


def _cmd_backup_list(args: argparse.Namespace) -> int:
    from cdss.db.backup import list_backups
    from cdss.workspace import Workspace

    workspace = Workspace.open(args.workspace)
    for info in list_backups(workspace.backups_dir):
        print(f"{info.taken_at:%Y-%m-%d %H:%M:%S}Z  {info.reason:<15} {info.size:>10}  {info.path}")
    return 0


def _cmd_backup_create(args: argparse.Namespace) -> int:
    from cdss.workspace import Workspace

    info = Workspace.open(args.workspace).backup_now("manual")
    print(json.dumps({"path": str(info.path), "size": info.size}))
    return 0


def _cmd_backup_restore(args: argparse.Namespace) -> int:
    from cdss.workspace import Workspace

    if not args.backup.is_file():
        raise UserError("backup_missing", f"No backup file at {args.backup}.", path=str(args.backup))
    safety = Workspace.open(args.workspace).restore(args.backup)
    print(f"restored {args.backup}; the previous state was saved as {safety.path}")
    return 0


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from cdss.app import take_screenshots

    paths = take_screenshots(_workspace_root(args), args.out_dir, language=args.language, demo=args.demo)
    for path in paths:
        print(path)
    return 0



def _ask_passphrase(root: Path) -> None:
    """At a terminal: ask for an encrypted workspace's passphrase once (three tries); the key stays in memory."""
    import getpass

    from cdss.db import crypto

    for attempt in range(3):
        try:
            crypto.remember(root, crypto.unlock(root, getpass.getpass(f"Passphrase for {root}: ")))
            return
        except UserError as exc:
            if exc.code != "workspace_passphrase_wrong" or attempt == 2:
                raise


def _cmd_workspace_status(args: argparse.Namespace) -> int:
    from cdss.db import crypto
    from cdss.paths import default_workspace

    root = (args.workspace or default_workspace()).expanduser()
    state = "encrypted (SQLCipher database and backups, sealed attachments)" if crypto.is_encrypted(root) else \
        "not encrypted"
    print(f"{root}: {state}")
    return 0


def _cmd_workspace_encrypt(args: argparse.Namespace) -> int:
    import getpass
    import os

    from cdss.db.encrypt import encrypt_workspace
    from cdss.workspace import Workspace

    workspace = Workspace.open(args.workspace)  # brings a plain workspace to the current schema first
    workspace.close()
    passphrase = os.environ.get("CDSS_NEW_PASSPHRASE")
    if not passphrase:
        passphrase = getpass.getpass("New passphrase (at least 8 characters): ")
        if getpass.getpass("Repeat it: ") != passphrase:
            raise UserError("passphrase_mismatch", "The two passphrases differ; nothing was changed.")
    report = encrypt_workspace(workspace.root, passphrase)
    print(f"{workspace.root}: encrypted — {report.tables} tables, {report.rows} rows; {report.backups_converted} "
          f"backups converted; {report.attachments_sealed} attachment files sealed. Without the passphrase the records "
          "cannot be read: keep it safe.")
    return 0



def _cmd_workspace_passphrase(args: argparse.Namespace) -> int:
    import getpass
    import os

    from cdss.db.encrypt import change_passphrase
    from cdss.paths import default_workspace

    root = (args.workspace or default_workspace()).expanduser().resolve()
    old = os.environ.get("CDSS_PASSPHRASE") or getpass.getpass(f"Current passphrase for {root}: ")
    new = os.environ.get("CDSS_NEW_PASSPHRASE")
    if not new:
        new = getpass.getpass("New passphrase (at least 8 characters): ")
        if getpass.getpass("Repeat it: ") != new:
            raise UserError("passphrase_mismatch", "The two passphrases differ; nothing was changed.")
    count = change_passphrase(root, old, new)
    print(f"{root}: passphrase changed; the database and {count - 1} backups re-encrypted under the new key.")
    return 0

if __name__ == "__main__":
    sys.exit(main())
