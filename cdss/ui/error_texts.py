"""The one catalogue of translated messages for the stable codes of :class:`cdss.errors.UserError`.

Domain code raises a code, English text and parameters; the UI looks the code up here and shows the translation,
formatted with the error's parameters. A code without an entry (or whose parameters do not fit) falls back to the
English text, so a missing translation never hides an error. Every room's codes are listed here rather than
registered when the room's UI module is imported, so an error raised before its room was ever opened (a literature
error from the Records room's evidence panel, an exchange error at start-up) is still shown translated. The import
dialog keeps its own table (cdss/ui/records/import_texts.py) because generic codes such as ``file_unreadable`` carry
other parameters there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cdss.errors import UserError
from cdss.i18n import QT_TRANSLATE_NOOP  # Qt's marker, typed as returning str

CONTEXT = "UserErrors"

_TEXTS: dict[str, str] = {
    # the workspace, backups, screenshots
    "workspace_not_a_folder": QT_TRANSLATE_NOOP("UserErrors", "The workspace path {path} is a file, not a folder."),
    "workspace_not_writable": QT_TRANSLATE_NOOP(
        "UserErrors", "Cannot create the workspace at {path}. Check that the folder is writable."),
    "database_unreadable": QT_TRANSLATE_NOOP(
        "UserErrors", "The workspace database {path} cannot be read. Restore a backup from the backups folder."),
    "database_too_new": QT_TRANSLATE_NOOP(
        "UserErrors", "This workspace was written by a newer version of CDSS Desk. Update the app to open it."),
    "backup_unreadable": QT_TRANSLATE_NOOP("UserErrors", "The backup {name} is not a readable database."),
    "backup_corrupt": QT_TRANSLATE_NOOP("UserErrors", "The backup {name} failed its integrity check."),
    "backup_missing": QT_TRANSLATE_NOOP("UserErrors", "No backup file at {path}."),
    "screenshot_failed": QT_TRANSLATE_NOOP("UserErrors", "Could not write {path}."),
    # Records: attachments dropped or pasted onto a case (cdss.records.attachment_intake)
    "attachment_too_large": QT_TRANSLATE_NOOP(
        "UserErrors", "{filename} is {size_mb} MiB; attachments are limited to {limit_mb} MiB. Reduce the file size "
        "and try again."),
    "attachment_empty": QT_TRANSLATE_NOOP("UserErrors", "{filename} is empty."),
    "attachment_type_unsupported": QT_TRANSLATE_NOOP(
        "UserErrors", "{filename} is not a photo (JPEG, PNG, GIF, WebP) or a PDF, so it cannot be attached."),
    "attachment_damaged": QT_TRANSLATE_NOOP(
        "UserErrors", "{filename} is damaged or incomplete. Copy or download it again."),
    "attachment_is_folder": QT_TRANSLATE_NOOP(
        "UserErrors", "{filename} is a folder; drop the files inside it instead."),
    "attachment_unreadable": QT_TRANSLATE_NOOP("UserErrors", "Cannot read {filename}: {reason}."),
    # Records: PDF and FHIR export of a case
    "no_cjk_font": QT_TRANSLATE_NOOP(
        "UserErrors", "No Chinese TrueType font was found for the PDF. Install one (Windows: Microsoft YaHei or "
        "SimSun; macOS: STHeiti; Linux: fonts-wqy-microhei) or set CDSS_CJK_FONT to a .ttf/.ttc file, then try "
        "again."),
    "cjk_font_unusable": QT_TRANSLATE_NOOP(
        "UserErrors", "The font {path} cannot be embedded in a PDF. Choose a TrueType font (.ttf/.ttc) with Chinese "
        "characters."),
    "export_folder_missing": QT_TRANSLATE_NOOP(
        "UserErrors", "The folder to save the file in does not exist. Choose another folder."),
    "deid_secret_damaged": QT_TRANSLATE_NOOP(
        "UserErrors", "The de-identification secret {path} is damaged. Restore it from a backup; deleting it changes "
        "how shared cases are pseudonymised."),
    "export_write_failed": QT_TRANSLATE_NOOP("UserErrors", "Could not write {path}. Check the folder is writable."),
    # Records: decision support (overrides, monitoring, patient flags)
    "cds_override_reason_required": QT_TRANSLATE_NOOP("UserErrors", "An override reason is required for: {title}"),
    "cds_override_text_required": QT_TRANSLATE_NOOP("UserErrors", "Say why the alert is overridden."),
    "cds_follow_up_date_required": QT_TRANSLATE_NOOP("UserErrors", "A monitoring reason needs a follow-up date."),
    "cds_case_required": QT_TRANSLATE_NOOP("UserErrors",
                                           "Open a case first: the monitoring follow-up belongs to a case."),
    "cds_unknown_flag": QT_TRANSLATE_NOOP("UserErrors", "Unknown patient flag '{flag}'."),
    "cds_medication_not_active": QT_TRANSLATE_NOOP("UserErrors", "This medication is not active."),
    # Literature library
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
    # Drugs: knowledge packs
    "pack_no_files": QT_TRANSLATE_NOOP("UserErrors", "No files given to import."),
    "ddinter_no_interaction_file": QT_TRANSLATE_NOOP(
        "UserErrors", "No DDInter interaction file among the chosen files (e.g. ddinter_downloads_code_A.csv)."),
    "atc_one_file": QT_TRANSLATE_NOOP("UserErrors", "The WHO ATC import takes exactly one CSV file."),
    "ansm_no_thesaurus": QT_TRANSLATE_NOOP(
        "UserErrors", "No ANSM thesaurus among the chosen files: expected thesaurus_*.json (French) or "
                      "interactions_en_2016.tsv (English)."),
    "ansm_two_editions": QT_TRANSLATE_NOOP(
        "UserErrors", "Both ANSM editions were chosen; import the French 2020 and the English 2016 tables separately."),
    "pack_corrupt": QT_TRANSLATE_NOOP("UserErrors", "The stored pack {path} cannot be read; import it again."),
    "pack_not_found": QT_TRANSLATE_NOOP("UserErrors", "No imported pack named {name}."),
    # Exchange client
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
    # the records: patients, cases, timeline entries and their lists
    "patient_not_found": QT_TRANSLATE_NOOP("UserErrors", "There is no patient with id {id}; it may have been deleted."),
    "entry_not_found": QT_TRANSLATE_NOOP(
        "UserErrors", "There is no timeline entry with id {id}; it may have been deleted."),
    "allergy_not_found": QT_TRANSLATE_NOOP("UserErrors", "There is no allergy with id {id}; it may have been deleted."),
    "medication_not_found": QT_TRANSLATE_NOOP(
        "UserErrors", "There is no medication with id {id}; it may have been deleted."),
    "lab_not_found": QT_TRANSLATE_NOOP("UserErrors", "There is no lab result with id {id}; it may have been deleted."),
    "follow_up_not_found": QT_TRANSLATE_NOOP(
        "UserErrors", "There is no follow-up with id {id}; it may have been deleted."),
    "entry_deleted": QT_TRANSLATE_NOOP("UserErrors", "That timeline entry was deleted; restore it first."),
    "entry_empty": QT_TRANSLATE_NOOP("UserErrors", "A timeline entry needs some text, a file or a lab value."),
    "entry_kind_unknown": QT_TRANSLATE_NOOP("UserErrors", "Unknown timeline entry kind {kind}."),
    "case_title_required": QT_TRANSLATE_NOOP("UserErrors", "A case needs a title (e.g. the main problem)."),
    "case_of_other_patient": QT_TRANSLATE_NOOP("UserErrors", "That case belongs to another patient."),
    "patient_name_required": QT_TRANSLATE_NOOP(
        "UserErrors", "A patient needs a name. Type the patient's name and save again."),
    "patient_name_too_long": QT_TRANSLATE_NOOP("UserErrors", "The patient's name is longer than 200 characters."),
    "birth_date_in_future": QT_TRANSLATE_NOOP("UserErrors", "The birth date {birth_date} is in the future."),
    "sex_unknown": QT_TRANSLATE_NOOP("UserErrors", "Unknown sex {sex}; use male, female, other or unknown."),
    "icd10_invalid": QT_TRANSLATE_NOOP("UserErrors", "{value} is not an ICD-10 code (expected e.g. J18.9 or E11.9)."),
    "identifier_incomplete": QT_TRANSLATE_NOOP("UserErrors", "An identifier needs both a type and a value."),
    "identifier_taken": QT_TRANSLATE_NOOP("UserErrors", "Another patient already has the identifier {system} {value}."),
    "tag_too_long": QT_TRANSLATE_NOOP("UserErrors", "A tag is longer than 100 characters."),
    "allergy_substance_required": QT_TRANSLATE_NOOP(
        "UserErrors", "An allergy needs the substance the patient reacts to."),
    "allergy_severity_invalid": QT_TRANSLATE_NOOP("UserErrors", "Allergy severity must be mild, moderate or severe."),
    "medication_name_required": QT_TRANSLATE_NOOP("UserErrors", "A medication needs a drug name."),
    "medication_dates_reversed": QT_TRANSLATE_NOOP("UserErrors", "A medication cannot stop before it starts."),
    "lab_name_required": QT_TRANSLATE_NOOP("UserErrors", "A lab result needs the name of the test."),
    "lab_value_required": QT_TRANSLATE_NOOP("UserErrors", "The lab result {name} has no value."),
    "draft_key_invalid": QT_TRANSLATE_NOOP("UserErrors", "A draft needs a key of 1 to 200 characters."),
    "attachment_missing": QT_TRANSLATE_NOOP("UserErrors", "The attached file is missing from the workspace."),
    "bad_attachment_hash": QT_TRANSLATE_NOOP("UserErrors", "An attachment reference is not a valid SHA-256 hash."),
    "not_an_image": QT_TRANSLATE_NOOP("UserErrors", "The file is not a readable JPEG or PNG image."),
    "image_too_large": QT_TRANSLATE_NOOP("UserErrors", "The image is too large to process."),
    "deid_secret_missing": QT_TRANSLATE_NOOP("UserErrors", "A de-identified export needs the workspace secret."),
}


def user_error_text(error: UserError) -> str:
    template = _TEXTS.get(error.code)
    if template is None:
        return str(error)
    try:
        return QCoreApplication.translate(CONTEXT, template).format(**error.params)
    except (KeyError, IndexError, ValueError):
        return str(error)

