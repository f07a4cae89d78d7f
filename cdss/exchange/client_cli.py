"""``cdss exchange …``: log in, preview, share, update or withdraw a case, sync the outbox and the feed, log out."""

from __future__ import annotations

import argparse
import json
import sys


def register_client_commands(subparsers: argparse._SubParsersAction) -> None:
    exchange = subparsers.add_parser("exchange", help="share de-identified cases with the peer exchange server")
    sub = exchange.add_subparsers(dest="exchange_command", required=True, metavar="ACTION")

    login = sub.add_parser("login", help="log in and keep the tokens in the workspace")
    login.add_argument("--server", default=None, metavar="URL", help="server URL (default: exchange.server_url)")
    login.add_argument("--user", required=True)
    login.add_argument("--password-stdin", action="store_true", required=True,
                       help="read the password from the first line of standard input")
    login.set_defaults(func=_cmd_login)

    preview = sub.add_parser("preview", help="print exactly what sharing CASE_ID would send (nothing is sent)")
    preview.add_argument("case_id", type=int)
    preview.add_argument("--json", action="store_true", help="only the payload, as JSON")
    preview.set_defaults(func=_cmd_preview)

    share = sub.add_parser("share", help="queue CASE_ID for publishing (sent by `cdss exchange sync`)")
    share.add_argument("case_id", type=int)
    share.add_argument("--consent-recorded", action="store_true",
                       help="confirm the patient's separate consent to share this case has been obtained")
    share.set_defaults(func=_cmd_share)

    update = sub.add_parser("update", help="queue a new revision of my shared CASE_ID built from the current record")
    update.add_argument("case_id", type=int)
    update.add_argument("--consent-recorded", action="store_true",
                        help="confirm the patient's consent covers this update (run `preview` first to see it)")
    update.set_defaults(func=_cmd_update)

    withdraw = sub.add_parser("withdraw", help="queue the withdrawal of my shared CASE_ID")
    withdraw.add_argument("case_id", type=int)
    withdraw.set_defaults(func=_cmd_withdraw)

    sync_cmd = sub.add_parser("sync", help="send the outbox and fetch the feed")
    sync_cmd.add_argument("--server", default=None, metavar="URL")
    sync_cmd.set_defaults(func=_cmd_sync)

    feed = sub.add_parser("feed", help="list the cases received by the last sync")
    feed.add_argument("--json", action="store_true")
    feed.set_defaults(func=_cmd_feed)

    outbox = sub.add_parser("outbox", help="list actions waiting to be sent, refused or in conflict")
    outbox.set_defaults(func=_cmd_outbox)

    retry = sub.add_parser("retry", help="put a refused outbox action back in the queue")
    retry.add_argument("outbox_id", type=int)
    retry.set_defaults(func=_cmd_retry)

    resolve = sub.add_parser("resolve", help="resolve a conflicting update (the server's revision moved on)")
    resolve.add_argument("outbox_id", type=int)
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep-mine", action="store_true", help="send my version as the next revision")
    choice.add_argument("--take-server", action="store_true", help="drop my queued edit, keep the server's")
    resolve.set_defaults(func=_cmd_resolve)

    save = sub.add_parser("save", help="save a received case into my records as a reference patient")
    save.add_argument("case_uuid")
    save.set_defaults(func=_cmd_save)

    logout = sub.add_parser("logout", help="end the session and forget the tokens")
    logout.set_defaults(func=_cmd_logout)


def _workspace(args: argparse.Namespace):
    from cdss.workspace import Workspace

    return Workspace.open(args.workspace)


def _cmd_login(args: argparse.Namespace) -> int:
    from cdss.exchange.client.http import ApiRefused, ExchangeClient, TransientError

    password = sys.stdin.readline().rstrip("\r\n")
    with ExchangeClient(_workspace(args), args.server) as client:
        try:
            client.login(args.user, password)
        except ApiRefused as exc:
            print(f"cdss exchange login: {exc.message} ({exc.code})", file=sys.stderr)
            return 1
        except TransientError as exc:
            print(f"cdss exchange login: {exc}", file=sys.stderr)
            return 1
        print(f"logged in to {client.server_url} as {args.user}")
    return 0


def _cmd_preview(args: argparse.Namespace) -> int:
    from cdss.exchange.client.share import build_share_preview

    preview = build_share_preview(_workspace(args), args.case_id)
    if args.json:
        print(preview.payload_json())
        return 0
    print("This is exactly what sharing would send (nothing has been sent):")
    print(preview.payload_json())
    print(f"\n{len(preview.changes)} identifier(s) removed or changed:")
    for change in preview.changes:
        # Original values are shown: this is the doctor's own screen, and they need them to check the result.
        print(f"  {change.field_path} [{change.kind}]: {change.original!r} -> {change.replacement!r}")
    return 0


def _cmd_share(args: argparse.Namespace) -> int:
    from cdss.exchange.client.share import share_case

    row_id = share_case(_workspace(args), args.case_id, args.consent_recorded)
    print(f"case {args.case_id} queued for publishing (outbox #{row_id}); run `cdss exchange sync` to send it")
    return 0


def _cmd_update(args: argparse.Namespace) -> int:
    from cdss.exchange.client.share import queue_update

    row_id = queue_update(_workspace(args), args.case_id, args.consent_recorded)
    print(f"a new revision of case {args.case_id} is queued (outbox #{row_id}); run `cdss exchange sync` to send it")
    return 0


def _cmd_withdraw(args: argparse.Namespace) -> int:
    from cdss.exchange.client.share import queue_withdraw

    row_id = queue_withdraw(_workspace(args), args.case_id)
    print(f"the withdrawal of case {args.case_id} is queued (outbox #{row_id}); run `cdss exchange sync` to send it")
    return 0


def _cmd_sync(args: argparse.Namespace) -> int:
    from cdss.exchange.client.http import ExchangeClient
    from cdss.exchange.client.sync import sync

    workspace = _workspace(args)
    with ExchangeClient(workspace, args.server) as client:
        report = sync(workspace, client)
    print(f"sent {report.pushed}, received {report.received}"
          + (", server unreachable: pending actions kept for the next sync" if report.offline else ""))
    for line in (*report.failed, *report.conflicts):
        print(f"  refused: {line}")
    return 1 if (report.offline or report.failed or report.conflicts) else 0


def _cmd_feed(args: argparse.Namespace) -> int:
    from cdss.exchange.client.sync import received_cases

    cases = received_cases(_workspace(args))
    if args.json:
        print(json.dumps([c.model_dump(mode="json") for c in cases], ensure_ascii=False, indent=2))
        return 0
    for case in cases:
        print(f"{case.case_uuid}  r{case.revision}  {case.specialty.value:<18} {case.author:<16} {case.title}")
    if not cases:
        print("no cases received yet; run `cdss exchange sync`")
    return 0


def _cmd_outbox(args: argparse.Namespace) -> int:
    from cdss.exchange.client.outbox import list_outbox

    for item in list_outbox(_workspace(args)):
        print(f"#{item.id} {item.action:<8} {item.case_uuid} {item.state}" +
              (f"  {item.last_error}" if item.last_error else ""))
    return 0


def _cmd_retry(args: argparse.Namespace) -> int:
    from cdss.exchange.client.outbox import list_outbox, retry_failed

    workspace = _workspace(args)
    retry_failed(workspace, args.outbox_id)
    if not any(i.id == args.outbox_id and i.state == "pending" for i in list_outbox(workspace)):
        print(f"outbox #{args.outbox_id} is not a refused action", file=sys.stderr)
        return 1
    print(f"outbox #{args.outbox_id} queued again; run `cdss exchange sync` to send it")
    return 0


def _cmd_resolve(args: argparse.Namespace) -> int:
    from cdss.exchange.client.conflicts import ConflictChoice
    from cdss.exchange.client.service import ExchangeService

    choice = ConflictChoice.KEEP_MINE if args.keep_mine else ConflictChoice.TAKE_SERVER
    revision = ExchangeService(_workspace(args)).resolve_conflict(args.outbox_id, choice)
    if choice is ConflictChoice.KEEP_MINE:
        print(f"my version is queued on top of revision {revision}; run `cdss exchange sync` to send it")
    else:
        print(f"kept the server's revision {revision}; my queued edit was dropped")
    return 0


def _cmd_save(args: argparse.Namespace) -> int:
    from cdss.exchange.client.save_received import received_case
    from cdss.exchange.client.service import ExchangeService

    workspace = _workspace(args)
    patient_id = ExchangeService(workspace).save_to_records(received_case(workspace, args.case_uuid))
    print(f"saved as patient {patient_id}")
    return 0


def _cmd_logout(args: argparse.Namespace) -> int:
    from cdss.exchange.client.http import ExchangeClient, get_state

    workspace = _workspace(args)
    if get_state(workspace, "server_url") is None:
        print("not logged in")
        return 0
    with ExchangeClient(workspace) as client:
        client.logout()
    print("logged out")
    return 0
