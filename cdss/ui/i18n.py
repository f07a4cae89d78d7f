"""Switching the interface language at run time (简体中文 / English) with Qt Linguist translations.

English is the source language, so it needs no translator. Switching installs or removes translators; Qt then sends
every widget a LanguageChange event and each widget re-reads its strings in ``retranslate_ui``.

Interface strings follow the installed translators; knowledge text (drug names, monographs, alert effects) follows
the *content language* (``zh`` for ``zh_CN``), with which :func:`cdss.i18n.pick` chooses the data's ``*_zh`` fields.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cdss.i18n import content_language
from cdss.paths import resource_path

log = logging.getLogger(__name__)

#: Language code → name shown in the language menu, written in that language so anyone can find their own.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


def translations_dir():
    return resource_path("translations")


def shown_language() -> str:
    """The content language of what is drawn now (``zh``, ``en``), for display code that has no app context.

    It is read from the default QLocale, which :meth:`LanguageManager.apply` sets together with the translators, so
    knowledge text follows a live language switch exactly as tr() strings do.
    """
    return content_language(QLocale().name())


class LanguageManager:
    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    @property
    def content_language(self) -> str:
        """The language code of knowledge text and of what is written into the record (``zh`` for ``zh_CN``)."""
        return content_language(self.language)

    def apply(self, language: str) -> bool:
        """Make ``language`` current; returns False (and stays in English) when its translation is missing."""
        if language not in LANGUAGE_NAMES:
            raise ValueError(f"unsupported language {language!r}")
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators.clear()
        self.language = "en"
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return True
        ours = QTranslator(self._app)
        if not ours.load(f"cdss_{language}", str(translations_dir())):
            log.warning("translation cdss_%s.qm not found in %s; run 'make translations'", language,
                        translations_dir())
            return False
        # Qt's own strings (standard buttons, file dialogs) come from the translations PySide6 ships.
        qt_base = QTranslator(self._app)
        if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._app.installTranslator(qt_base)
            self._translators.append(qt_base)
        self._app.installTranslator(ours)
        self._translators.append(ours)
        QLocale.setDefault(QLocale(language))
        self.language = language
        return True
