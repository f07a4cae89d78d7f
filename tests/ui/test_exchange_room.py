"""The Exchange room and the share dialog, driven through their widgets against a real server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from cdss.exchange.client import sync as sync_module
from cdss.exchange.client.http import ExchangeClient, get_state, set_state
from cdss.exchange.client.outbox import list_outbox
from cdss.exchange.client.share import queue_update, share_case
from cdss.exchange.client.sync import sync
from cdss.exchange.client.token_file import token_path
from cdss.exchange.models import ExchangeConsentRow
from cdss.records.changes import CaseChanges
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, Sex
from cdss.ui.exchange.share_dialog import open_share_dialog
from cdss.ui.exchange.share_html import removed_style
from cdss.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from exchange.servers import Api, ServerProcess, add_admin_in_process  # noqa: E402

ADMIN_PASSWORD = "ui-admin-password-1"
USER_PASSWORD = "ui-clinician-pass-1"
WAIT_MS = 20000


class LiveServer:
    def __init__(self, tmp: Path) -> None:
        self.db_url = f"sqlite:///{tmp / 'exchange.sqlite3'}"
        add_admin_in_process(self.db_url, ADMIN_PASSWORD)
        self.process = ServerProcess(db_url=self.db_url, log_path=tmp / "server.log",
                                     extra_args=("--login-failures-per-ip", "1000")).start()
        self.url = self.process.base_url
        self.api = Api(self.url)
        self.admin_token = self.api.login("admin", ADMIN_PASSWORD)["access_token"]

    def new_user(self) -> str:
        return self.api.invite(self.admin_token, USER_PASSWORD)

    def close(self) -> None:
        self.api.close()
        self.process.stop()


@pytest.fixture(scope="module")
def server():  # one server for the module: every test signs in as its own new user
    tmp = Path(tempfile.mkdtemp(prefix="cdss-ui-exchange-"))
    live = LiveServer(tmp)
    yield live
    live.close()
    assert "unhandled error" not in (tmp / "server.log").read_text(errors="replace")


def add_case(workspace: Workspace, title: str = "Exertional chest pain") -> int:
    records = RecordsService(workspace)
    patient = records.patients.create("王小明", sex=Sex.MALE, birth_date=dt.date(1961, 4, 2), phone="13800001111")
    case = records.cases.create(patient.id, title, opened_on=dt.date(2025, 3, 2), tags=["cardiology"])
    records.cases.add_entry(case.id, EntryKind.COMPLAINT, "胸痛2天，王小明自述活动后加重，电话13800001111",
                      occurred_at=dt.datetime(2025, 3, 2, 9))
    return case.id


def wait_done(qtbot, handle) -> None:
    qtbot.waitUntil(lambda: handle.is_done, timeout=WAIT_MS)


# -- share dialog -------------------------------------------------------------------------------------------------
def test_share_dialog_shows_both_versions_and_needs_consent(qtbot, main_window, tmp_path):
    ctx = main_window.ctx
    case_id = add_case(ctx.workspace)
    dialog = open_share_dialog(ctx, case_id, main_window)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    html = dialog.view.toHtml()
    assert "王小明" in html and "13800001111" in html  # the original column, on the doctor's own screen …
    assert "line-through" in removed_style() and "line-through" in html  # … struck through …
    assert "not shared" in html  # … or never sent
    payload = dialog.preview.payload_json()
    assert "王小明" not in payload and "13800001111" not in payload
    assert dialog.preview.payload.title in html and "Exactly what will be sent" in html
    dialog.grab().save(str(tmp_path / "share.png"))

    assert not dialog.share_button.isEnabled()  # no consent, no share
    assert dialog.share() is None and list_outbox(ctx.workspace) == []
    assert "consent" in dialog.consent.text() and "What is shared" in dialog.consent_text.text()
    dialog.consent.setChecked(True)
    assert dialog.share_button.isEnabled()
    dialog.share_button.click()
    qtbot.waitUntil(lambda: dialog.outbox_id is not None, timeout=WAIT_MS)
    wait_done(qtbot, dialog.sync_handle)
    [queued] = list_outbox(ctx.workspace)
    assert queued.action == "publish" and queued.id == dialog.outbox_id
    with ctx.workspace.unit_of_work() as session:
        consent = session.query(ExchangeConsentRow).one()
        assert consent.case_id == case_id and consent.recorded_at.date() == dt.datetime.now(dt.UTC).date()
    # No server configured: the share waits in the outbox and the dialog says why, without a crash.
    qtbot.waitUntil(lambda: "not sent yet" in dialog.status.text(), timeout=WAIT_MS)
    assert not dialog.share_button.isEnabled()
    dialog.close()


# -- the room against a real server --------------------------------------------------------------------------------
def test_sign_in_browse_comment_save_and_sign_out(qtbot, main_window, server, tmp_path):
    # A colleague shares a case from their own workstation.
    colleague_ws = Workspace.open(tmp_path / "colleague")
    with ExchangeClient(colleague_ws, server.url) as colleague:
        colleague.login(server.new_user(), USER_PASSWORD)
        share_case(colleague_ws, add_case(colleague_ws, "Syncope in a runner"), consent_recorded=True)
        assert sync(colleague_ws, colleague, sleep=lambda _s: None).pushed == 1
    colleague_ws.close()

    page = main_window.room_pages["exchange"]
    qtbot.waitUntil(lambda: page.session is not None, timeout=WAIT_MS)
    assert page.cases_stack.currentWidget() is page.intro and not page.session.signed_in
    assert "Not signed in" in page.account_label.text()
    dialog = page.ask_sign_in()
    dialog.server.setText(server.url)
    dialog.username.setText(server.new_user())
    dialog.password.setText("wrong password!")
    wait_done(qtbot, dialog.submit())
    assert dialog.isVisible() and "Sign-in failed" in dialog.error.text()
    dialog.password.setText(USER_PASSWORD)
    wait_done(qtbot, dialog.submit())
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: page.session.signed_in, timeout=WAIT_MS)
    assert "Signed in as doc-" in page.account_label.text() and page.cases_stack.currentWidget() is page.feed
    assert get_state(main_window.ctx.workspace, "refresh_expires_at")  # expiry stored with the tokens

    feed = page.feed
    qtbot.waitUntil(lambda: feed.case_list.count() == 1, timeout=WAIT_MS)
    assert feed.cases[0].title == "Syncope in a runner"
    feed.case_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: feed.thread is not None, timeout=WAIT_MS)
    assert "No comments yet" in feed.comments_view.toPlainText() and "Syncope" in feed.case_view.toPlainText()
    assert not feed.own_actions.isVisibleTo(feed)  # a colleague's case: nothing to update or withdraw here

    feed.comment_edit.setPlainText("Was an echocardiogram done?")
    wait_done(qtbot, feed.post_comment())
    assert feed.case_status.text() == "Comment sent."
    qtbot.waitUntil(lambda: "echocardiogram" in feed.comments_view.toPlainText(), timeout=WAIT_MS)

    records_page = main_window.room_pages["records"]  # open since start-up, showing an empty list
    assert records_page.model.rowCount() == 0
    wait_done(qtbot, feed.save_to_records())
    assert "Saved in your records as patient" in feed.case_status.text()
    # The change notice reaches the Records room: the saved case is in its list without a new search.
    qtbot.waitUntil(lambda: records_page.model.rowCount() == 1, timeout=WAIT_MS)
    [saved] = [p for p in RecordsService(main_window.ctx.workspace).patients.page() if "exchange" in p.tags]
    record = RecordsService(main_window.ctx.workspace).patients.get(saved.id)
    assert record.source_ref == f"exchange:{feed.cases[0].case_uuid}" and record.cases[0].title == "Syncope in a runner"
    assert "王小明" not in record.cases[0].entries[0].text  # what arrived was de-identified
    wait_done(qtbot, feed.save_to_records())  # a second copy is refused with a message
    assert "already in your records" in feed.case_status.text()

    wait_done(qtbot, page.sync_now())
    qtbot.waitUntil(lambda: "Last sync" in page.sync_status.text(), timeout=WAIT_MS)
    # Posting the comment already synced (and received the case), so this sync has nothing new.
    assert "Sent 0, received 0" in page.sync_status.text()
    assert [c.title for c in sync_module.received_cases(main_window.ctx.workspace)] == ["Syncope in a runner"]
    page.grab().save(str(tmp_path / "room.png"))

    wait_done(qtbot, page.sign_out())
    assert page.cases_stack.currentWidget() is page.intro
    assert get_state(main_window.ctx.workspace, "refresh_token") is None
    assert get_state(main_window.ctx.workspace, "access_token") is None
    assert not token_path(main_window.ctx.workspace).exists()  # sign-out deletes the private token file


def test_conflict_is_resolved_from_the_outbox(qtbot, main_window, server):
    workspace = main_window.ctx.workspace
    page = main_window.room_pages["exchange"]
    page.service.sign_in(server.url, server.new_user(), USER_PASSWORD)
    case_id = add_case(workspace)
    share_case(workspace, case_id, consent_recorded=True)
    page.service.sync()
    [mine] = page.service.feed_page(mine=True).items
    edited = server.api.call("PUT", f"/v1/cases/{mine.case_uuid}", get_state(workspace, "access_token"),
                             json={"title": "Edited on the other computer", "specialty": "cardiology", "tags": [],
                                   "summary": "x", "body": "", "sex": "male", "base_revision": 1})
    assert edited.status_code == 200, edited.text
    queue_update(workspace, case_id, consent_recorded=True)
    assert len(page.service.sync().conflicts) == 1

    wait_done(qtbot, page.refresh_outbox())
    assert "1 in conflict" in page.sync_status.text() and page.tabs.tabText(1) == "Outbox (1)"
    page.outbox.tree.setCurrentItem(page.outbox.tree.topLevelItem(0))
    assert page.outbox.resolve_button.isEnabled() and not page.outbox.retry_button.isEnabled()
    dialog = page.outbox.resolve_selected()
    wait_done(qtbot, dialog.load_handle)
    assert "Edited on the other computer" in dialog.view.toPlainText()
    assert "Exertional chest pain" in dialog.view.toPlainText()
    wait_done(qtbot, dialog.choose(dialog_choice("keep_mine")))
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: "revision 2" in page.outbox.status.text(), timeout=WAIT_MS)
    assert page.service.sync().pushed == 1
    current = page.service.case_thread(str(mine.case_uuid)).case
    assert current.revision == 3 and current.title == "Exertional chest pain"


def dialog_choice(value: str):
    from cdss.exchange.client.conflicts import ConflictChoice

    return ConflictChoice(value)


def test_offline_room_shows_received_cases_and_queues_comments(qtbot, main_window, monkeypatch):
    monkeypatch.setattr(sync_module, "RETRY_DELAYS_S", (0.0,))
    workspace = main_window.ctx.workspace
    # A session on a server that is down, and one case an earlier sync received.
    set_state(workspace, server_url="http://127.0.0.1:9", username="doc-offline", access_token="a" * 24,
              refresh_token="r" * 24)
    case_uuid = str(uuid.uuid4())
    from cdss.exchange.schemas import CaseOut

    now = dt.datetime(2026, 1, 5, 8, 0)
    sync_module._store_page(workspace, [CaseOut(
        case_uuid=case_uuid, revision=1, author="colleague", title="Fever after travel", specialty="infectious_disease",
        tags=["travel"], summary="Fever for five days.", body="", age_band="30-39", sex="female", status="published",
        hidden=False, hidden_reason=None, comment_count=0, created_at=now, updated_at=now)])
    page = main_window.room_pages["exchange"]
    wait_done(qtbot, page.refresh_session())
    feed = page.feed
    qtbot.waitUntil(lambda: feed.offline and feed.case_list.count() == 1, timeout=WAIT_MS)
    assert "cannot be reached" in feed.feed_note.text()
    feed.case_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: "Cannot reach" in feed.comments_view.toPlainText(), timeout=WAIT_MS)

    feed.comment_edit.setPlainText("Malaria smear?")
    wait_done(qtbot, feed.post_comment())
    assert "outbox" in feed.case_status.text()
    [queued] = list_outbox(workspace)
    assert queued.action == "comment" and queued.payload["body"] == "Malaria smear?" and queued.state == "pending"

    wait_done(qtbot, page.sync_now())
    qtbot.waitUntil(lambda: "could not be reached" in page.sync_status.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Outbox (1)", timeout=WAIT_MS)
    assert "1 waiting" in page.sync_status.text()


def test_own_case_is_updated_from_the_record_and_withdrawn_after_confirmation(qtbot, main_window, server):
    workspace = main_window.ctx.workspace
    page = main_window.room_pages["exchange"]
    page.service.sign_in(server.url, server.new_user(), USER_PASSWORD)
    case_id = add_case(workspace)
    share_case(workspace, case_id, consent_recorded=True)
    page.service.sync()
    wait_done(qtbot, page.refresh_session())
    feed = page.feed
    assert feed.specialty_combo.itemText(feed.specialty_combo.findData("cardiology")) == "Cardiology"
    feed.mine_check.setChecked(True)  # the module's server also holds the other tests' cases
    qtbot.waitUntil(lambda: feed.case_list.count() == 1, timeout=WAIT_MS)
    assert "Cardiology · doc-" in feed.case_list.item(0).text()
    feed.case_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: feed.thread is not None, timeout=WAIT_MS)
    actions = feed.own_actions
    assert feed.thread.own_case_id == case_id and actions.isVisibleTo(feed)

    RecordsService(workspace).cases.update(case_id, CaseChanges(title="Exertional chest pain, troponin negative"))
    dialog = actions.update_from_record()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.share_button.text() == "Send update"
    payload = dialog.preview.payload_json()  # what will be sent, next to the original on the doctor's screen
    assert "troponin negative" in payload and "王小明" not in payload and "王小明" in dialog.view.toHtml()
    assert not dialog.share_button.isEnabled()  # the consent for the new content is asked again
    dialog.consent.setChecked(True)
    with qtbot.waitSignal(dialog.send_attempted, timeout=WAIT_MS):
        dialog.share_button.click()
    assert feed.case_status.text() == "Update sent." and list_outbox(workspace) == []
    assert "Updated." in dialog.status.text()
    with workspace.unit_of_work() as session:  # one consent for the share, one for the update
        assert session.query(ExchangeConsentRow).filter_by(case_id=case_id).count() == 2
    dialog.close()
    qtbot.waitUntil(lambda: feed.current is not None and feed.current.revision == 2, timeout=WAIT_MS)
    assert feed.current.title == "Exertional chest pain, troponin negative"

    # Withdrawing asks first; cancelling changes nothing.
    box = actions.ask_withdraw()
    assert "troponin negative" in box.text()
    box.reject()
    assert list_outbox(workspace) == [] and actions.withdraw_button.isEnabled()
    box = actions.ask_withdraw()
    actions.confirm_button.click()
    wait_done(qtbot, actions.handle)
    assert feed.case_status.text() == "Case withdrawn." and list_outbox(workspace) == []
    assert page.service.case_thread(str(feed.current.case_uuid)).case.status == "withdrawn"  # on the server
    qtbot.waitUntil(lambda: feed.thread is not None and feed.thread.case.status == "withdrawn", timeout=WAIT_MS)
    assert "Withdrawn by its author" in feed.case_view.toPlainText()
    assert not actions.isVisibleTo(feed) and not feed.post_button.isEnabled()
