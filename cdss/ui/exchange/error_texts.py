"""Translated messages for the exchange client's error codes (registered when the Exchange UI is first imported)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from cdss.ui import error_texts

error_texts.register({
    "exchange_server_unset": QT_TRANSLATE_NOOP(
        "UserErrors", "No exchange server is set. Sign in with the server's address, or set it in the settings."),
    "exchange_login_required": QT_TRANSLATE_NOOP(
        "UserErrors", "Your exchange session has ended. Sign in again; queued actions are kept."),
    "exchange_unreachable": QT_TRANSLATE_NOOP(
        "UserErrors", "Cannot reach the exchange server {server}. Check the network; queued actions are kept and "
        "sent at the next sync."),
    "exchange_refused": QT_TRANSLATE_NOOP("UserErrors", "The exchange server refused: {reason}"),
    "exchange_sign_in_failed": QT_TRANSLATE_NOOP(
        "UserErrors", "Sign-in failed: {reason} Check the user name and password, or ask the server's administrator "
        "to approve the account."),
    "exchange_bad_url": QT_TRANSLATE_NOOP(
        "UserErrors", "The server address must start with http:// or https:// (got {url})."),
    "exchange_conflict_gone": QT_TRANSLATE_NOOP("UserErrors", "This conflict was already resolved."),
    "exchange_case_already_saved": QT_TRANSLATE_NOOP(
        "UserErrors", "This shared case is already in your records (patient {patient_id})."),
    "exchange_case_not_received": QT_TRANSLATE_NOOP("UserErrors", "This case has not been received yet; sync first."),
    "exchange_comment_empty": QT_TRANSLATE_NOOP("UserErrors", "Write a comment first."),
    "consent_required": QT_TRANSLATE_NOOP(
        "UserErrors", "Record the patient's separate consent to share this case before sharing it."),
    "case_not_shared": QT_TRANSLATE_NOOP("UserErrors", "This case has not reached the exchange yet: share it and "
                                                       "sync first."),
    "case_not_found": QT_TRANSLATE_NOOP("UserErrors", "There is no case {case_id} in this workspace."),
})
