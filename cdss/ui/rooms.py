"""The four rooms of the main window. A room's page is built by its factory; rooms whose UI has not landed yet show
an empty state that says what will be there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cdss.ui.context import AppContext

translate = QCoreApplication.translate


@dataclass(frozen=True)
class RoomSpec:
    key: str  # stable id used in object names and settings
    icon: str  # file in resources/icons
    title: Callable[[], str]  # translated on every call, so a language switch shows at once
    build: Callable[[AppContext], QWidget]


def _records_page(ctx: AppContext) -> QWidget:
    from cdss.ui.records.page import RecordsPage

    return RecordsPage(ctx)


def _drugs_page(ctx: AppContext) -> QWidget:
    from cdss.ui.drugs.page import DrugsPage

    return DrugsPage(ctx)


def _literature_page(ctx: AppContext) -> QWidget:
    from cdss.ui.literature.page import LiteraturePage

    return LiteraturePage(ctx)


def _exchange_page(ctx: AppContext) -> QWidget:
    from cdss.ui.exchange.page import ExchangePage

    return ExchangePage(ctx)


ROOMS: tuple[RoomSpec, ...] = (
    RoomSpec("records", "records.svg", lambda: translate("Rooms", "Records"), _records_page),
    RoomSpec("drugs", "drugs.svg", lambda: translate("Rooms", "Drugs"), _drugs_page),
    RoomSpec("literature", "literature.svg", lambda: translate("Rooms", "Literature"), _literature_page),
    RoomSpec("exchange", "exchange.svg", lambda: translate("Rooms", "Exchange"), _exchange_page),
)
