"""The Exchange room: sign in, browse the shared cases, read and comment, sync the outbox, resolve conflicts.

Every network call runs on the task runner (reads on the pool, anything that writes the workspace on the single
writer), so a slow or dead server never freezes the window; its failures arrive as messages in place. When the
server is out of reach the feed falls back to the cases the last syncs received, and comments wait in the outbox.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cdss.errors import UserError
from cdss.exchange.client.outbox import OutboxItem
from cdss.exchange.client.service import ExchangeService
from cdss.exchange.client.session import SessionInfo
from cdss.exchange.client.sync import SyncReport
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.error_texts import user_error_text
from cdss.ui.exchange.feed_view import FeedView
from cdss.ui.exchange.outbox_panel import OutboxPanel
from cdss.ui.exchange.sign_in_dialog import SignInDialog
from cdss.ui.tasks import while_alive
from cdss.ui.widgets.empty_state import EmptyStatePage

translate = QCoreApplication.translate


class ExchangePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 service: ExchangeService | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_exchange")
        self.ctx = ctx
        self.service = service or ExchangeService(ctx.workspace)
        self.session: SessionInfo | None = None
        self.outbox_items: list[OutboxItem] = []
        self.last_report: SyncReport | None = None
        self.sync_message = ""
        self.sign_in_dialog: SignInDialog | None = None
        self.sync_handle = None

        self.account_label = QLabel(self)
        self.account_label.setObjectName("exchangeAccount")
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("exchangeSignIn")
        self.sign_in_button.clicked.connect(self.ask_sign_in)
        self.sign_out_button = QPushButton(self)
        self.sign_out_button.setObjectName("exchangeSignOut")
        self.sign_out_button.clicked.connect(self.sign_out)
        self.sign_out_button.setVisible(False)  # until the session is read and says someone is signed in
        self.sync_button = QPushButton(self)
        self.sync_button.setObjectName("exchangeSync")
        self.sync_button.clicked.connect(self.sync_now)
        self.sync_progress = QProgressBar(self)
        self.sync_progress.setObjectName("exchangeSyncProgress")
        self.sync_progress.setMaximumWidth(160)
        self.sync_progress.hide()
        self.sync_status = QLabel(self)
        self.sync_status.setObjectName("exchangeSyncStatus")
        self.sync_status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.account_label, 1)
        bar.addWidget(self.sign_in_button)
        bar.addWidget(self.sign_out_button)
        bar.addWidget(self.sync_progress)
        bar.addWidget(self.sync_button)

        # Signed out, the room says what it is for (and how to start) instead of showing an empty feed.
        self.intro = EmptyStatePage("exchangeIntro", lambda: (
            translate("Rooms", "Exchange"),
            translate(
                "Rooms",
                "Share de-identified cases with colleagues and discuss theirs. Nothing leaves this computer unless you "
                "share it, and only after identifiers are removed and the patient's consent is recorded."),
        ))
        self.intro_sign_in = QPushButton(self.intro)
        self.intro_sign_in.setObjectName("exchangeIntroSignIn")
        self.intro_sign_in.clicked.connect(self.ask_sign_in)
        self.intro.layout().insertWidget(3, self.intro_sign_in, 0, Qt.AlignmentFlag.AlignHCenter)
        self.feed = FeedView(ctx, self.service, on_outbox_changed=self.refresh_outbox, parent=self)
        self.cases_stack = QStackedWidget(self)
        self.cases_stack.addWidget(self.intro)
        self.cases_stack.addWidget(self.feed)
        self.outbox = OutboxPanel(ctx, self.service, self._outbox_changed, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("exchangeTabs")
        self.tabs.addTab(self.cases_stack, "")
        self.tabs.addTab(self.outbox, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.sync_status)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()
        self.refresh_session()
        self.refresh_outbox()

    # -- session ------------------------------------------------------------------------------------------------
    def refresh_session(self):
        handle = self.ctx.tasks.run(self.service.session, name="exchange-session")
        handle.finished.connect(while_alive(self, self._show_session))
        return handle

    def _show_session(self, session: SessionInfo) -> None:
        was_signed_in = self.session is not None and self.session.signed_in
        self.session = session
        self.sign_in_button.setVisible(not session.signed_in)
        self.sign_out_button.setVisible(session.signed_in)
        self.sync_button.setEnabled(session.signed_in)
        self.cases_stack.setCurrentWidget(self.feed if session.signed_in else self.intro)
        self._show_account()
        self._show_sync_status()
        if session.signed_in and not was_signed_in:
            self.feed.reload()

    def _show_account(self) -> None:
        session = self.session
        if session is None:
            self.account_label.setText("")
        elif session.signed_in:
            self.account_label.setText(self.tr("Signed in as {user} on {server}").format(
                user=session.username or "?", server=session.server_url or "?"))
        else:
            self.account_label.setText(self.tr("Not signed in to an exchange server."))

    def ask_sign_in(self) -> SignInDialog:
        session = self.session
        self.sign_in_dialog = SignInDialog(self.ctx, self.service, self.service.default_server_url() or "",
                                           (session.username if session else None) or "", self)
        self.sign_in_dialog.accepted.connect(self.refresh_session)
        self.sign_in_dialog.open()
        return self.sign_in_dialog

    def sign_out(self):
        handle = self.ctx.tasks.run_write(self.service.sign_out, name="exchange-sign-out",
                                          on_error=while_alive(self, self._sync_failed))
        handle.finished.connect(while_alive(self, self._signed_out))
        return handle

    def _signed_out(self, session: SessionInfo) -> None:
        self.feed.clear()
        self._show_session(session)

    # -- sync ---------------------------------------------------------------------------------------------------
    def sync_now(self):
        """Send the outbox and fetch the feed in the background; returns the task handle."""
        if self.sync_handle is not None and not self.sync_handle.is_done:
            return self.sync_handle
        self.sync_button.setEnabled(False)
        self.sync_progress.setRange(0, 0)
        self.sync_progress.show()
        self.sync_message = self.tr("Syncing…")
        self._show_sync_status()
        self.sync_handle = self.ctx.tasks.run_write(self.service.sync, name="exchange-sync",
                                                    on_error=while_alive(self, self._sync_failed))
        self.sync_handle.progressed.connect(while_alive(self, self._sync_progress))
        self.sync_handle.finished.connect(while_alive(self, self._synced))
        self.sync_handle.done.connect(while_alive(self, self._sync_done))
        return self.sync_handle

    def _sync_progress(self, done: int, total: int, _label: str) -> None:
        self.sync_progress.setRange(0, max(total, 1))
        self.sync_progress.setValue(done)

    def _synced(self, report: SyncReport) -> None:
        self.last_report = report
        if report.offline:
            self.sync_message = self.tr("The server could not be reached; queued actions wait for the next sync.")
        else:
            self.sync_message = self.tr("Sent {pushed}, received {received}.").format(pushed=report.pushed,
                                                                                       received=report.received)
        if report.failed or report.conflicts:
            self.sync_message += " " + self.tr("{failed} refused, {conflicts} in conflict: see the outbox.").format(
                failed=len(report.failed), conflicts=len(report.conflicts))
        self.feed.reload()

    def _sync_failed(self, error: BaseException) -> None:
        if not isinstance(error, UserError):
            self.ctx.errors.report(error)
            return
        self.sync_message = user_error_text(error)
        self._show_sync_status()
        if error.code == "exchange_login_required":
            self.refresh_session()

    def _sync_done(self) -> None:
        self.sync_progress.hide()
        self.refresh_session()
        self.refresh_outbox()

    # -- outbox -------------------------------------------------------------------------------------------------
    def refresh_outbox(self):
        return self.outbox.refresh()

    def _outbox_changed(self, items: list[OutboxItem]) -> None:
        self.outbox_items = items
        self._show_sync_status()
        self.tabs.setTabText(1, self._outbox_tab_text())

    def _outbox_tab_text(self) -> str:
        waiting = len(self.outbox_items)
        return self.tr("Outbox ({count})").format(count=waiting) if waiting else self.tr("Outbox")

    def _show_sync_status(self) -> None:
        counts = {state: sum(1 for i in self.outbox_items if i.state == state)
                  for state in ("pending", "failed", "conflict")}
        last = self.session.last_sync_at if self.session else None
        parts = [self.tr("Last sync: {when} (UTC)").format(when=f"{last:%Y-%m-%d %H:%M}") if last
                 else self.tr("Never synced.")]
        parts.append(self.tr("{pending} waiting, {failed} refused, {conflicts} in conflict.").format(
            pending=counts["pending"], failed=counts["failed"], conflicts=counts["conflict"]))
        if self.sync_message:
            parts.append(self.sync_message)
        self.sync_status.setText("  ".join(parts))
        palette.set_tone(self.sync_status, "danger" if counts["failed"] or counts["conflict"] else "muted")
        if self.sync_handle is None or self.sync_handle.is_done:
            self.sync_button.setEnabled(bool(self.session and self.session.signed_in))

    # -- text ---------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.sign_in_button.setText(self.tr("Sign in…"))
        self.intro_sign_in.setText(self.tr("Sign in to an exchange server…"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.sync_button.setText(self.tr("Sync"))
        self.tabs.setTabText(0, self.tr("Shared cases"))
        self.tabs.setTabText(1, self._outbox_tab_text())
        self._show_account()
        self._show_sync_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
