"""One Qt-free entry point for everything the Exchange room does, each call short and self-contained.

Every method opens its own HTTP client and closes it, so calls can run on any worker thread. Network trouble and
server refusals come back as :class:`cdss.errors.UserError` with stable codes (the room shows them as messages):
``exchange_unreachable``, ``exchange_refused``, ``exchange_sign_in_failed``, ``exchange_login_required`` and
``exchange_server_unset``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select

from cdss.errors import UserError
from cdss.exchange.client import conflicts, images, outbox, save_received, share
from cdss.exchange.client.http import ApiRefused, ExchangeClient, TransientError, get_state
from cdss.exchange.client.session import SessionInfo, session_info
from cdss.exchange.client.sync import SyncReport, received_cases, sync
from cdss.exchange.models import ExchangeCaseLinkRow
from cdss.exchange.schemas import CaseOut, CasePage, CommentOut
from cdss.progress import Progress
from cdss.workspace import Workspace

T = TypeVar("T")


@dataclass(frozen=True)
class CaseThread:
    case: CaseOut
    comments: tuple[CommentOut, ...]
    pending_comments: tuple[outbox.OutboxItem, ...]  # written here, not yet on the server
    saved_patient_id: int | None  # set when this case was saved into the records
    # The local case it was shared from, when it is the signed-in user's own case shared from this workspace: only
    # then can it be updated from the record or withdrawn here.
    own_case_id: int | None = None


@dataclass(frozen=True)
class CommentOutcome:
    outbox_id: int
    sent: bool  # False: kept in the outbox (offline or refused), sent by a later sync


ActionOutcome = CommentOutcome  # an update or withdrawal of one's own case: queued, and sent at once when possible


class ExchangeService:
    def __init__(self, workspace: Workspace, *, client_factory: Callable[[str | None], ExchangeClient] | None = None
                 ) -> None:
        self.workspace = workspace
        self._client_factory = client_factory or (lambda url: ExchangeClient(workspace, url))

    # -- session ------------------------------------------------------------------------------------------------
    def session(self) -> SessionInfo:
        return session_info(self.workspace)

    def default_server_url(self) -> str:
        from cdss.settings import SettingsService

        return get_state(self.workspace, "server_url") or SettingsService(self.workspace).get("exchange.server_url")

    def sign_in(self, server_url: str, username: str, password: str) -> SessionInfo:
        url = server_url.strip()
        if not url.startswith(("http://", "https://")):
            raise UserError("exchange_bad_url", "The server address must start with http:// or https://.", url=url)
        with self._client(url) as client:
            try:
                client.login(username.strip(), password)
            except ApiRefused as exc:
                if exc.code in ("bad_credentials", "account_not_active", "too_many_login_attempts"):
                    raise UserError("exchange_sign_in_failed", exc.message, reason=exc.message) from None
                raise
        return self.session()

    def sign_out(self) -> SessionInfo:
        if get_state(self.workspace, "server_url"):
            with self._client(None) as client:
                client.logout()
        return self.session()

    # -- reading ------------------------------------------------------------------------------------------------
    def feed_page(self, *, cursor: str | None = None, mine: bool = False, query: str = "",
                  specialty: str | None = None, tags: tuple[str, ...] = (), limit: int = 30) -> CasePage:
        with self._client(None) as client:
            return client.feed(cursor=cursor, mine=mine, query=query, specialty=specialty, tags=tags, limit=limit)

    def local_feed(self, *, query: str = "", specialty: str | None = None, tags: tuple[str, ...] = ()
                   ) -> list[CaseOut]:
        """The cases the last syncs received, filtered here: what the room shows when the server is out of reach."""
        words = query.lower().split()
        return [case for case in received_cases(self.workspace)
                if (specialty is None or case.specialty.value == specialty) and set(tags) <= set(case.tags)
                and all(w in f"{case.title} {case.summary} {case.body}".lower() for w in words)]

    def case_thread(self, case_uuid: str) -> CaseThread:
        with self._client(None) as client:
            case = client.get_case(case_uuid)
            # The server closes a withdrawn case's thread (it refuses to list its comments): show the case alone.
            comments = () if case.status == "withdrawn" else tuple(client.comments(case_uuid).items)
            # Pictures not downloaded yet are fetched now, so the case view can show them.
            images.fetch_case_images(client, self.workspace, case)
        pending = tuple(item for item in outbox.list_outbox(self.workspace)
                        if item.action == "comment" and item.case_uuid == case_uuid)
        own = self._own_case_id(case)
        return CaseThread(case, comments, pending, save_received.saved_patient_id(self.workspace, case_uuid), own)

    def _own_case_id(self, case: CaseOut) -> int | None:
        if case.author != get_state(self.workspace, "username"):
            return None
        with self.workspace.unit_of_work() as session:
            return session.scalar(select(ExchangeCaseLinkRow.case_id)
                                  .where(ExchangeCaseLinkRow.case_uuid == str(case.case_uuid)))

    # -- writing ------------------------------------------------------------------------------------------------
    def post_comment(self, case_uuid: str, body: str, parent_id: int | None = None) -> CommentOutcome:
        """Queue the comment, then try to send the outbox at once; offline it simply waits for the next sync."""
        text = body.strip()
        if not text:
            raise UserError("exchange_comment_empty", "Write a comment first.")
        return self._send_now(share.queue_comment(self.workspace, case_uuid, text, parent_id))

    def queue_update(self, case_id: int, consent_recorded: bool) -> int:
        """Record consent and queue a new revision of one's own shared case built (and de-identified) from the
        current record; nothing is sent here. A revision changed elsewhere meanwhile comes back as a conflict."""
        return share.queue_update(self.workspace, case_id, consent_recorded)

    def withdraw_shared(self, case_id: int) -> ActionOutcome:
        """Queue the withdrawal of one's own shared case, then try to send it (offline it waits in the outbox)."""
        return self._send_now(share.queue_withdraw(self.workspace, case_id))

    def _send_now(self, outbox_id: int) -> ActionOutcome:
        try:
            self.sync()
        except UserError:
            pass  # offline or signed out: the action is safe in the outbox
        return CommentOutcome(outbox_id, sent=self.delivered(outbox_id))

    def delivered(self, outbox_id: int) -> bool:
        """Whether a queued action has left the outbox (the server accepted it)."""
        return not any(item.id == outbox_id for item in outbox.list_outbox(self.workspace))

    def sync(self, progress: Progress | None = None) -> SyncReport:
        with self._client(None) as client:
            return sync(self.workspace, client, progress=progress)

    def outbox(self) -> list[outbox.OutboxItem]:
        return outbox.list_outbox(self.workspace)

    def retry(self, item_id: int) -> None:
        outbox.retry_failed(self.workspace, item_id)

    def discard(self, item_id: int) -> bool:
        return outbox.discard(self.workspace, item_id)

    def conflict(self, item_id: int) -> conflicts.ConflictDetails:
        with self._client(None) as client:
            return conflicts.conflict_details(self.workspace, client, item_id)

    def resolve_conflict(self, item_id: int, choice: conflicts.ConflictChoice) -> int:
        with self._client(None) as client:
            return conflicts.resolve_conflict(self.workspace, client, item_id, choice)

    def save_to_records(self, case: CaseOut, patient_name: str | None = None) -> int:
        return save_received.save_received_case(self.workspace, case, server_url=get_state(self.workspace,
                                                                                             "server_url"),
                                                patient_name=patient_name)

    def preview_share(self, case_id: int) -> share.SharePreview:
        return share.build_share_preview(self.workspace, case_id)

    def share(self, case_id: int, consent_recorded: bool) -> int:
        return share.share_case(self.workspace, case_id, consent_recorded)

    # -- internals ----------------------------------------------------------------------------------------------
    @contextmanager
    def _client(self, url: str | None) -> Iterator[ExchangeClient]:
        client = self._client_factory(url)
        try:
            with translate_network_errors(client.server_url):
                yield client
        finally:
            client.close()


@contextmanager
def translate_network_errors(server_url: str) -> Iterator[None]:
    """TransientError/ApiRefused → UserError with a code the UI translates; UserErrors pass unchanged."""
    try:
        yield
    except TransientError as exc:
        raise UserError("exchange_unreachable", f"Cannot reach the exchange server {server_url} ({exc}). Queued "
                        "actions are kept and sent at the next sync.", server=server_url) from None
    except ApiRefused as exc:
        raise UserError("exchange_refused", f"The exchange server refused: {exc.message} ({exc.code})",
                        reason=exc.message, server_code=exc.code) from None
