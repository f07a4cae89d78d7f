"""Share a case from Records: preview side by side, record the patient's consent, queue, then sync.

Nothing is sent until the doctor has seen exactly what leaves the machine and ticked that the patient gave separate
consent (PIPL); the consent is stored with its date and a digest of the payload in the same transaction that queues
the share. Sending happens afterwards in the background; offline, the share waits in the outbox.

The Records page calls :func:`open_share_dialog` from its "Share…" button. The Exchange room opens the same dialog in
update mode for one's own shared case ("Update from my record…"): an update can carry new text and new pictures, so it
is previewed and consented to like the first share, and queued as a new revision instead of a publish.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cdss.errors import UserError
from cdss.exchange.client.service import ExchangeService
from cdss.exchange.client.sync import SyncReport
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.error_texts import user_error_text
from cdss.ui.exchange.share_html import preview_html
from cdss.ui.tasks import while_alive


class ShareDialog(QDialog):
    #: (outbox id, delivered) once the first attempt to send the queued share or update is over
    send_attempted = Signal(int, bool)

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None,
                 service: ExchangeService | None = None, *, update: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeShareDialog")
        self.update_mode = update
        self.setWindowTitle(self.tr("Update the shared case") if update else self.tr("Share this case"))
        self.ctx, self.case_id = ctx, case_id
        self.service = service or ExchangeService(ctx.workspace)
        self.preview = None
        self.outbox_id: int | None = None
        self.sync_report: SyncReport | None = None
        intro = QLabel(self.tr("Left: the case as stored on this computer. Right: what will be shared. Struck-through "
                               "red text is removed or replaced; green is what replaces it. Fields marked \"not "
                               "shared\" never leave this computer."), self)
        intro.setWordWrap(True)
        self.view = QTextBrowser(self)
        self.view.setObjectName("exchangeSharePreview")
        self.view.setHtml(escape(self.tr("Preparing the de-identified preview…")))
        self.consent = QCheckBox(self)
        self.consent.setObjectName("exchangeShareConsent")
        self.consent.setEnabled(False)
        self.consent.toggled.connect(self._update_buttons)
        self.consent_text = QLabel(self)
        self.consent_text.setObjectName("exchangeShareConsentText")
        self.consent_text.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("exchangeShareStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.share_button: QPushButton = self.buttons.addButton(
            self.tr("Send update") if update else self.tr("Share"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.share_button.setObjectName("exchangeShareButton")
        self.share_button.setEnabled(False)
        self.share_button.clicked.connect(self.share)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.consent_text)
        layout.addWidget(self.consent)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(980, 720)
        server = self.service.default_server_url() or self.tr("the exchange server")
        self.consent_text.setText(self.tr(
            "What is shared: the case title, specialty and tags, a summary, the timeline text, labs, medications, "
            "allergies, sex and an age band, as shown on the right, with identifiers removed and dates shifted. It is "
            "shared with the clinicians who use {server}, who can read and comment on it. You can withdraw it later; "
            "copies others already saved cannot be recalled.").format(server=server))
        # Short, because a check box does not wrap: the label above says what the consent covers.
        self.consent.setText(self.tr("The patient's consent covers this update (recorded with today's date).")
                             if update else self.tr("The patient's separate consent to share was obtained (recorded "
                                                    "with today's date)."))
        self.preview_handle = ctx.tasks.run(self.service.preview_share, case_id, name="exchange-preview",
                                            on_error=while_alive(self, self._failed))
        self.preview_handle.finished.connect(while_alive(self, self._preview_ready))

    def _preview_ready(self, preview) -> None:
        self.preview = preview
        self.view.setHtml(preview_html(preview, self.ctx.workspace))
        if preview.images:
            # Removing metadata does not remove what the picture shows: the doctor must look before consenting.
            count = len(preview.images)
            pictures = self.tr("It also includes one picture with its metadata removed; check that no face, name or "
                               "ID number is visible in it.") if count == 1 else self.tr(
                "It also includes {count} pictures with their metadata removed; check that no face, name or ID "
                "number is visible in them.").format(count=count)
            self.consent_text.setText(self.consent_text.text() + " " + pictures)
        self.consent.setEnabled(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.share_button.setEnabled(self.preview is not None and self.consent.isChecked() and self.outbox_id is None)

    def share(self):
        """Record consent and queue (one transaction), then try to send; returns the queue task's handle."""
        if self.preview is None or not self.consent.isChecked():
            return None
        self.share_button.setEnabled(False)
        self.consent.setEnabled(False)
        self.status.setText(self.tr("Recording consent and queueing…"))
        queue = self.service.queue_update if self.update_mode else self.service.share
        handle = self.ctx.tasks.run_write(queue, self.case_id, True, name="exchange-share",
                                          on_error=while_alive(self, self._failed))
        handle.finished.connect(while_alive(self, self._queued))
        return handle

    def _queued(self, outbox_id: int) -> None:
        self.outbox_id = outbox_id
        self.status.setText(self.tr("Consent recorded and the case queued (outbox #{id}). Sending…").format(
            id=outbox_id))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        service = self.service

        def send() -> tuple[SyncReport, bool]:
            report = service.sync()
            return report, service.delivered(outbox_id)

        self.sync_handle = self.ctx.tasks.run_write(send, name="exchange-sync",
                                                    on_error=while_alive(self, self._not_sent))
        self.sync_handle.finished.connect(while_alive(self, self._sent))

    def _sent(self, result: tuple[SyncReport, bool]) -> None:
        report, delivered = result
        self.sync_report = report
        self.send_attempted.emit(self.outbox_id, delivered)
        if report.offline:
            self.status.setText(self.tr("Queued. The server could not be reached; the case is sent at the next "
                                        "sync."))
        elif report.failed or report.conflicts:
            self.status.setText(self.tr("Queued, but the server refused part of the outbox; see the Exchange room's "
                                        "outbox."))
        elif self.update_mode:
            self.status.setText(self.tr("Updated. Colleagues on the exchange now read the new revision."))
        else:
            self.status.setText(self.tr("Shared. Colleagues on the exchange can now read it."))

    def _not_sent(self, error: BaseException) -> None:
        self.send_attempted.emit(self.outbox_id, False)
        if isinstance(error, UserError):
            self.status.setText(self.tr("Queued, not sent yet: {reason}").format(reason=user_error_text(error)))
        else:
            self.ctx.errors.report(error)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self.view.setHtml(f"<p style='color:{palette.current().danger}'>{escape(user_error_text(error))}</p>")
            self.status.setText(user_error_text(error))
        else:
            self.ctx.errors.report(error)


def open_share_dialog(ctx: AppContext, case_id: int, parent: QWidget | None = None, *, update: bool = False,
                      service: ExchangeService | None = None) -> ShareDialog:
    """Open the share dialog for a local case (non-blocking; ``update``: a new revision of one's own shared case);
    returns it so the caller can keep a reference."""
    dialog = ShareDialog(ctx, case_id, parent, service, update=update)
    dialog.open()
    return dialog
