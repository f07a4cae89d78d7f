"""The main window: a navigation rail for the four rooms, the room pages, a menu bar and a status bar."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtCore import QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cdss import __version__
from cdss.paths import APP_NAME, APP_SLUG, resource_path
from cdss.ui.context import AppContext
from cdss.ui.i18n import LANGUAGE_NAMES
from cdss.ui.rooms import ROOMS, RoomSpec


class RoomPages(Mapping[str, QWidget]):
    """The room pages, each built the first time it is shown or asked for.

    A room's page pulls in its own stack (the exchange client and httpx, the literature index, the drug catalog
    widgets); building all four at start-up would make the window open later for rooms the doctor may not visit.
    Until then the stack holds an empty placeholder at the room's index.
    """

    def __init__(self, ctx: AppContext, stack: QStackedWidget) -> None:
        self._ctx = ctx
        self._stack = stack
        self._built: dict[str, QWidget] = {}
        for _room in ROOMS:
            stack.addWidget(QWidget(stack))

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            index = self._index(key)
            page = ROOMS[index].build(self._ctx)
            placeholder = self._stack.widget(index)
            current = self._stack.currentIndex()
            self._stack.insertWidget(index, page)
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._stack.setCurrentIndex(current)
            self._built[key] = page
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(room.key for room in ROOMS)

    def __len__(self) -> int:
        return len(ROOMS)

    def built(self) -> dict[str, QWidget]:
        """The pages that exist so far (nothing is built by asking)."""
        return dict(self._built)

    @staticmethod
    def _index(key: str) -> int:
        return [room.key for room in ROOMS].index(key)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(960, 640))
        self.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.rail = QWidget(central)
        self.rail.setObjectName("navRail")
        rail_layout = QVBoxLayout(self.rail)
        rail_layout.setContentsMargins(6, 12, 6, 12)
        rail_layout.setSpacing(6)
        self.pages = QStackedWidget(central)
        self.pages.setObjectName("roomPages")
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: dict[str, QToolButton] = {}
        self.room_pages = RoomPages(ctx, self.pages)
        ctx.open_room = self.open_room
        for index, room in enumerate(ROOMS):
            button = self._make_nav_button(room)
            rail_layout.addWidget(button)
            self.nav_group.addButton(button, index)
            self.nav_buttons[room.key] = button
        rail_layout.addStretch(1)
        self.nav_group.idClicked.connect(lambda index: self.show_room(ROOMS[index].key))
        layout.addWidget(self.rail)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.workspace_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.statusBar().addWidget(self.workspace_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        ctx.tasks.busy_changed.connect(self._show_busy)

        from cdss.ui.app_lock import AppLock

        self.app_lock = AppLock(ctx, self)
        self._build_menus()
        self.retranslate_ui()
        self.show_room("records")
        self._restore_geometry()

    # -- navigation ----------------------------------------------------------------------------------------------
    def show_room(self, key: str) -> None:
        page = self.room_pages[key]
        self.nav_buttons[key].setChecked(True)
        self.pages.setCurrentWidget(page)

    def open_room(self, key: str):
        """Show room ``key`` and return its page (the app context's navigator)."""
        self.show_room(key)
        return self.room_pages[key]

    def current_room(self) -> str:
        return ROOMS[self.pages.currentIndex()].key

    def _make_nav_button(self, room: RoomSpec) -> QToolButton:
        button = QToolButton(self.rail)
        button.setObjectName(f"nav_{room.key}")
        button.setCheckable(True)
        button.setIcon(QIcon(str(resource_path("icons", room.icon))))
        button.setIconSize(QSize(28, 28))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setFixedSize(QSize(84, 68))
        return button

    # -- menus ---------------------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("action_settings")
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("action_lock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.app_lock.lock)
        self.lock_action.setEnabled(self.app_lock.available)  # only an encrypted workspace has a passphrase
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"action_language_{code}")
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions[self.ctx.languages.language].setChecked(True)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._show_about)
        self.help_menu.addAction(self.about_action)

    def set_language(self, code: str) -> None:
        """Switch the interface language now and remember it for the next start."""
        if self.ctx.languages.apply(code):
            self.ctx.settings.set("language", code)
        self.language_actions[self.ctx.languages.language].setChecked(True)

    def open_settings(self) -> None:
        from cdss.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.language_chosen.connect(self.set_language)
        dialog.security.changed.connect(self._security_changed)
        dialog.finished.connect(lambda _result: self.settings_changed())
        dialog.open()

    def _security_changed(self) -> None:
        """The workspace was just encrypted (or re-keyed): the lock applies from now on."""
        self.app_lock.refresh()
        self.lock_action.setEnabled(self.app_lock.available)

    def settings_changed(self) -> None:
        """Let the rooms built so far follow settings that change what they show (e.g. hiding minor alerts)."""
        for page in self.room_pages.built().values():
            follow = getattr(page, "settings_changed", None)
            if follow is not None:
                follow()

    def _show_about(self) -> None:
        QMessageBox.about(self, self.tr("About CDSS Desk"), self.tr(
            "CDSS Desk {version}\nClinical decision support for doctors: records, drugs, literature and case "
            "exchange, offline first.\n\nDecision support does not replace clinical judgement.").format(
                version=__version__))

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("CDSS Desk"))
        for room in ROOMS:
            self.nav_buttons[room.key].setText(room.title())
            self.nav_buttons[room.key].setToolTip(room.title())
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.lock_action.setText(self.tr("&Lock now"))
        self.lock_action.setToolTip(self.tr("Hide patient data until the workspace's passphrase is entered"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About CDSS Desk"))
        self.workspace_label.setText(self.tr("Workspace: {path}").format(path=self.ctx.workspace.root))
        self._show_busy(self.ctx.tasks.pending)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_busy(self, pending: int) -> None:
        self.busy_label.setText(self.tr("Working… ({count})").format(count=pending) if pending else self.tr("Ready"))

    # -- geometry (kept in QSettings, apart from preferences) ----------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = QSettings(APP_SLUG, APP_NAME).value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        QSettings(APP_SLUG, APP_NAME).setValue("mainWindow/geometry", self.saveGeometry())
        super().closeEvent(event)
