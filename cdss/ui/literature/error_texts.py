"""Translated messages for the literature library's error codes (registered when the Literature UI is imported)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from cdss.ui import error_texts

error_texts.register({
    "literature_not_found": QT_TRANSLATE_NOOP("UserErrors", "There is no paper with id {id} in the library."),
    "literature_empty_query": QT_TRANSLATE_NOOP("UserErrors", "Type some words to search for."),
    "literature_bad_query": QT_TRANSLATE_NOOP("UserErrors", "Nothing to search for in “{query}”."),
    "literature_store_damaged": QT_TRANSLATE_NOOP(
        "UserErrors", "The old literature store {path} is damaged; nothing was moved. Restore it from a backup or "
        "remove it."),
    "literature_notes_too_long": QT_TRANSLATE_NOOP(
        "UserErrors", "Notes are limited to {limit} characters; shorten them."),
    "literature_link_note_too_long": QT_TRANSLATE_NOOP("UserErrors", "A link note is limited to {limit} characters."),
    "literature_link_not_found": QT_TRANSLATE_NOOP("UserErrors", "That link no longer exists."),
    "literature_link_entry_invalid": QT_TRANSLATE_NOOP(
        "UserErrors", "That timeline entry is not part of this case (it may have been deleted)."),
})
