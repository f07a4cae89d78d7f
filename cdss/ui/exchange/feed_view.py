"""The shared-case feed (paged, filtered by words, specialty and "mine") beside the open case and its comments.

Pages come from the server 30 at a time ("Load more" follows the cursor). If the server cannot be reached, the list
shows the cases received by earlier syncs instead and says so. A comment is queued first and sent at once when
possible, so writing one offline loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cdss.errors import UserError
from cdss.exchange.client.images import local_image
from cdss.exchange.client.service import ActionOutcome, CaseThread, CommentOutcome, ExchangeService
from cdss.exchange.schemas import CaseOut, CasePage, Specialty
from cdss.ui import palette
from cdss.ui.changes import PATIENTS, RECORD, RecordChange
from cdss.ui.context import AppContext
from cdss.ui.error_texts import user_error_text
from cdss.ui.exchange.case_html import case_html, comments_html
from cdss.ui.exchange.own_case_actions import OwnCaseActions
from cdss.ui.exchange.specialty_labels import specialty_label
from cdss.ui.tasks import while_alive

PAGE_SIZE = 30
FILTER_DELAY_MS = 300


class FeedView(QWidget):
    def __init__(self, ctx: AppContext, service: ExchangeService, *, on_outbox_changed: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeFeed")
        self.ctx, self.service, self._on_outbox_changed = ctx, service, on_outbox_changed
        self.cases: list[CaseOut] = []
        self.cursor: str | None = None
        self.offline = False
        self.current: CaseOut | None = None
        self.thread: CaseThread | None = None
        self.status_message = ""
        self._serial = 0

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("exchangeSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _t: self._filter_timer.start())
        self.specialty_combo = QComboBox(self)
        self.specialty_combo.setObjectName("exchangeSpecialty")
        self.specialty_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.mine_check = QCheckBox(self)
        self.mine_check.setObjectName("exchangeMine")
        self.mine_check.toggled.connect(lambda _c: self.reload())
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.specialty_combo)
        filters.addWidget(self.mine_check)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.feed_note = QLabel(left)
        self.feed_note.setObjectName("exchangeFeedNote")
        self.feed_note.setWordWrap(True)
        self.case_list = QListWidget(left)
        self.case_list.setObjectName("exchangeCaseList")
        self.case_list.setWordWrap(True)
        self.case_list.currentRowChanged.connect(self._row_changed)
        self.more_button = QPushButton(left)
        self.more_button.setObjectName("exchangeLoadMore")
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()
        left_layout.addWidget(self.feed_note)
        left_layout.addWidget(self.case_list, 1)
        left_layout.addWidget(self.more_button)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.case_view = QTextBrowser(right)
        self.case_view.setObjectName("exchangeCaseView")
        self.save_button = QPushButton(right)
        self.save_button.setObjectName("exchangeSaveToRecords")
        self.save_button.clicked.connect(self.save_to_records)
        self.save_button.setEnabled(False)
        self.comments_view = QTextBrowser(right)
        self.comments_view.setObjectName("exchangeComments")
        self.comment_edit = QPlainTextEdit(right)
        self.comment_edit.setObjectName("exchangeCommentEdit")
        self.comment_edit.setMaximumHeight(90)
        self.post_button = QPushButton(right)
        self.post_button.setObjectName("exchangePostComment")
        self.post_button.clicked.connect(self.post_comment)
        self.post_button.setEnabled(False)
        self.case_status = QLabel(right)
        self.case_status.setObjectName("exchangeCaseStatus")
        self.case_status.setWordWrap(True)
        self.own_actions = OwnCaseActions(ctx, service, on_status=self.case_status.setText,
                                          on_changed=self._own_case_changed, parent=right)
        actions = QHBoxLayout()
        actions.addWidget(self.case_status, 1)
        actions.addWidget(self.own_actions)
        actions.addWidget(self.save_button)
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment_edit, 1)
        comment_row.addWidget(self.post_button, 0, Qt.AlignmentFlag.AlignBottom)
        right_layout.addWidget(self.case_view, 3)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.comments_view, 2)
        right_layout.addLayout(comment_row)
        splitter.setSizes([330, 670])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload)
        self.retranslate_ui()

    # -- the list -----------------------------------------------------------------------------------------------
    def _filters(self) -> dict:
        """Words search the text; words written as #tag filter by tag (the server accepts up to five)."""
        words = self.search_box.text().split()
        tags = tuple(w[1:] for w in words if w.startswith("#") and len(w) > 1)[:5]
        query = " ".join(w for w in words if not w.startswith("#"))
        return {"query": query, "specialty": self.specialty_combo.currentData() or None, "tags": tags}

    def reload(self):
        """First page for the current filters; returns the task handle."""
        self._serial += 1
        serial = self._serial
        self.cursor = None
        filters, mine = self._filters(), self.mine_check.isChecked()
        handle = self.ctx.tasks.run(self.service.feed_page, mine=mine, limit=PAGE_SIZE, name="exchange-feed",
                                    on_error=while_alive(self, lambda exc: self._feed_failed(serial, exc)),
                                    **filters)
        handle.finished.connect(while_alive(self, lambda page: self._show_page(serial, page, reset=True)))
        return handle

    def load_more(self):
        if not self.cursor:
            return None
        serial = self._serial
        handle = self.ctx.tasks.run(self.service.feed_page, cursor=self.cursor, mine=self.mine_check.isChecked(),
                                    limit=PAGE_SIZE, name="exchange-feed",
                                    on_error=while_alive(self, lambda exc: self._feed_failed(serial, exc)),
                                    **self._filters())
        handle.finished.connect(while_alive(self, lambda page: self._show_page(serial, page, reset=False)))
        return handle

    def _show_page(self, serial: int, page: CasePage, *, reset: bool) -> None:
        if serial != self._serial:
            return  # the filters changed while this page was on its way
        self.offline = False
        self._fill(page.items, reset=reset)
        self.cursor = page.next_cursor
        self.more_button.setVisible(bool(self.cursor))
        self.feed_note.setText(self.tr("{count} cases shown").format(count=len(self.cases)) if self.cases
                               else self.tr("No shared cases match."))

    def _feed_failed(self, serial: int, error: BaseException) -> None:
        if not isinstance(error, UserError):
            self.ctx.errors.report(error)
            return
        if serial != self._serial:
            return
        if error.code != "exchange_unreachable":
            self.feed_note.setText(user_error_text(error))
            return
        # Offline: what earlier syncs brought in is still worth reading.
        self.offline = True
        filters = self._filters()
        handle = self.ctx.tasks.run(self.service.local_feed, name="exchange-local-feed", **filters)
        handle.finished.connect(while_alive(self, lambda cases: self._show_local(serial, cases)))

    def _show_local(self, serial: int, cases: list[CaseOut]) -> None:
        if serial != self._serial:
            return
        self._fill(cases, reset=True)
        self.cursor = None
        self.more_button.hide()
        self.feed_note.setText(self.tr("The server cannot be reached: showing {count} cases received at earlier "
                                       "syncs.").format(count=len(cases)))

    def _fill(self, cases: list[CaseOut], *, reset: bool) -> None:
        if reset:
            self.cases = []
            self.case_list.clear()
        for case in cases:
            self.cases.append(case)
            meta = " · ".join((specialty_label(case.specialty), case.author,
                               self.tr("{n} comments").format(n=case.comment_count)))
            item = QListWidgetItem(f"{case.title}\n{meta}")
            item.setToolTip(case.summary[:300])
            self.case_list.addItem(item)

    def clear(self) -> None:
        self._serial += 1
        self.cases, self.cursor, self.current, self.thread = [], None, None, None
        self.case_list.clear()
        self.case_view.clear()
        self.comments_view.clear()
        self.save_button.setEnabled(False)
        self.post_button.setEnabled(False)
        self.own_actions.show_for(None)

    # -- the open case ------------------------------------------------------------------------------------------
    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.cases):
            self.open_case(self.cases[row])

    def open_case(self, case: CaseOut):
        self.current, self.thread = case, None
        self.case_view.setHtml(case_html(case, self._local_image))
        self.comments_view.setHtml(escape(self.tr("Loading comments…")))
        self.save_button.setEnabled(True)
        self.post_button.setEnabled(case.status == "published")
        self.case_status.setText("")
        self.own_actions.show_for(None)  # until the thread says whose case it is
        return self.load_thread()

    def _local_image(self, sha256: str):
        return local_image(self.ctx.workspace, sha256)

    def load_thread(self):
        if self.current is None:
            return None
        case_uuid = str(self.current.case_uuid)
        handle = self.ctx.tasks.run(self.service.case_thread, case_uuid, name="exchange-case",
                                    on_error=while_alive(self, lambda exc: self._thread_failed(case_uuid, exc)))
        handle.finished.connect(while_alive(self, self._show_thread))
        return handle

    def _show_thread(self, thread: CaseThread) -> None:
        if self.current is None or thread.case.case_uuid != self.current.case_uuid:
            return
        self.thread, self.current = thread, thread.case
        self.case_view.setHtml(case_html(thread.case, self._local_image))
        self.comments_view.setHtml(comments_html(thread.comments, thread.pending_comments))
        self.save_button.setEnabled(thread.saved_patient_id is None)
        self.post_button.setEnabled(thread.case.status == "published")
        self.own_actions.show_for(thread)
        if thread.saved_patient_id is not None:
            self.case_status.setText(self.tr("Saved in your records as patient {id}.").format(
                id=thread.saved_patient_id))

    def _thread_failed(self, case_uuid: str, error: BaseException) -> None:
        if not isinstance(error, UserError):
            self.ctx.errors.report(error)
            return
        if self.current is not None and str(self.current.case_uuid) == case_uuid:
            problem = escape(user_error_text(error))
            self.comments_view.setHtml(f"<p style='color:{palette.current().danger}'>{problem}</p>")

    def save_to_records(self):
        if self.current is None:
            return None
        case = self.current
        name = self.tr("Exchange case {id}").format(id=str(case.case_uuid)[:8])
        handle = self.ctx.tasks.run_write(self.service.save_to_records, case, name, name="exchange-save",
                                          on_error=while_alive(self, self._action_failed))
        handle.finished.connect(while_alive(self, self._saved))
        return handle

    def _saved(self, patient_id: int) -> None:
        self.ctx.changes.publish(RecordChange(patient_id, parts=frozenset({PATIENTS, RECORD}), origin=self))
        self.save_button.setEnabled(False)
        self.case_status.setText(self.tr("Saved in your records as patient {id}.").format(id=patient_id))

    def post_comment(self):
        text = self.comment_edit.toPlainText().strip()
        if self.current is None or not text:
            return None
        self.post_button.setEnabled(False)
        handle = self.ctx.tasks.run_write(self.service.post_comment, str(self.current.case_uuid), text,
                                          name="exchange-comment", on_error=while_alive(self, self._action_failed))
        handle.finished.connect(while_alive(self, self._comment_posted))
        return handle

    def _comment_posted(self, outcome: CommentOutcome) -> None:
        self.comment_edit.clear()
        self.post_button.setEnabled(True)
        self.case_status.setText(self.tr("Comment sent.") if outcome.sent else self.tr(
            "Comment saved in the outbox; it is sent at the next sync."))
        self._on_outbox_changed()
        self.load_thread()

    def _own_case_changed(self, _action: str, _outcome: ActionOutcome) -> None:
        """After an update or withdrawal: the outbox count, the open case and the list all may have changed."""
        self._on_outbox_changed()
        self.load_thread()
        self.reload()

    def _action_failed(self, error: BaseException) -> None:
        self.post_button.setEnabled(self.current is not None)
        if isinstance(error, UserError):
            self.case_status.setText(user_error_text(error))
        else:
            self.ctx.errors.report(error)

    # -- text ---------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Search shared cases: words in the title, summary or text; #tag for a tag"))
        current = self.specialty_combo.currentData()
        self.specialty_combo.blockSignals(True)
        self.specialty_combo.clear()
        self.specialty_combo.addItem(self.tr("All specialties"), None)
        for specialty in Specialty:
            self.specialty_combo.addItem(specialty_label(specialty), specialty.value)
        self.specialty_combo.setCurrentIndex(max(0, self.specialty_combo.findData(current)))
        self.specialty_combo.blockSignals(False)
        self.mine_check.setText(self.tr("Only mine"))
        self.more_button.setText(self.tr("Load more"))
        self.save_button.setText(self.tr("Save to my records"))
        self.post_button.setText(self.tr("Post comment"))
        self.comment_edit.setPlaceholderText(self.tr("Write a comment (sent when online)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
