"""What the import dialog says about refused files and table rows, in the user's language.

The importers (``cdss.records.tabular_import``, ``fhir_import``, ``importers``, ``tabular_fields``) raise coded
errors and report coded row problems with parameters; their English messages stay for the CLI and the logs. The
dialog looks codes up here. The table is local to the import dialog rather than listed in
:mod:`cdss.ui.error_texts`, because generic codes such as ``file_unreadable`` are also raised by other rooms'
importers with other parameters. A code (or a parameter) missing here falls back to the English text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cdss.errors import UserError
from cdss.ui.error_texts import user_error_text

# What each import field means, for people choosing a column's field; a field missing here shows its code name.
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ImportFields", "Name"),
    "sex": QT_TRANSLATE_NOOP("ImportFields", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("ImportFields", "Birth date"),
    "age": QT_TRANSLATE_NOOP("ImportFields", "Age"),
    "id_number": QT_TRANSLATE_NOOP("ImportFields", "ID card number"),
    "phone": QT_TRANSLATE_NOOP("ImportFields", "Phone"),
    "address": QT_TRANSLATE_NOOP("ImportFields", "Address"),
    "email": QT_TRANSLATE_NOOP("ImportFields", "Email"),
    "visit_date": QT_TRANSLATE_NOOP("ImportFields", "Visit date"),
    "case_title": QT_TRANSLATE_NOOP("ImportFields", "Case title"),
    "complaint": QT_TRANSLATE_NOOP("ImportFields", "Chief complaint"),
    "diagnosis": QT_TRANSLATE_NOOP("ImportFields", "Diagnosis"),
    "icd10": QT_TRANSLATE_NOOP("ImportFields", "ICD-10 code"),
    "allergies": QT_TRANSLATE_NOOP("ImportFields", "Allergies"),
    "medications": QT_TRANSLATE_NOOP("ImportFields", "Medications"),
    "notes": QT_TRANSLATE_NOOP("ImportFields", "Notes"),
    "inpatient_no": QT_TRANSLATE_NOOP("ImportFields", "Inpatient number"),
    "outpatient_no": QT_TRANSLATE_NOOP("ImportFields", "Outpatient number"),
    "record_no": QT_TRANSLATE_NOOP("ImportFields", "Medical record number"),
    "insurance_no": QT_TRANSLATE_NOOP("ImportFields", "Insurance number"),
    "lab_name": QT_TRANSLATE_NOOP("ImportFields", "Lab test name"),
    "lab_value": QT_TRANSLATE_NOOP("ImportFields", "Lab value"),
    "lab_unit": QT_TRANSLATE_NOOP("ImportFields", "Lab unit"),
    "lab_range": QT_TRANSLATE_NOOP("ImportFields", "Lab reference range"),
    "lab_date": QT_TRANSLATE_NOOP("ImportFields", "Lab date"),
}

ROW_PROBLEM_TEXTS = {
    "bad_date": QT_TRANSLATE_NOOP("ImportProblems",
                                  "“{value}” is not a date; write it as 2023-01-05, 2023/1/5 or 2023年1月5日."),
    "missing_name": QT_TRANSLATE_NOOP("ImportProblems", "the patient's name is empty."),
    "unknown_sex": QT_TRANSLATE_NOOP("ImportProblems", "“{value}” is not a sex value; use 男/女, M/F or male/female."),
    "birth_date_in_future": QT_TRANSLATE_NOOP("ImportProblems", "the birth date is in the future."),
    "bad_age": QT_TRANSLATE_NOOP("ImportProblems", "“{value}” is not an age in years (e.g. 45 or 45岁)."),
    "bad_id_number": QT_TRANSLATE_NOOP("ImportProblems", "the ID card number is not a valid 18-digit resident ID."),
    "bad_phone": QT_TRANSLATE_NOOP("ImportProblems", "“{value}” is not a phone number."),
    "bad_email": QT_TRANSLATE_NOOP("ImportProblems", "“{value}” is not an e-mail address."),
    "missing_visit_date": QT_TRANSLATE_NOOP(
        "ImportProblems", "{field_label} needs the date it was made: add a visit date column or value."),
    "bad_icd10": QT_TRANSLATE_NOOP("ImportProblems", "“{value}” is not an ICD-10 code such as I10 or E11.9."),
    "icd10_count_mismatch": QT_TRANSLATE_NOOP("ImportProblems",
                                              "give one ICD-10 code per diagnosis, in the same order."),
    "lab_without_name": QT_TRANSLATE_NOOP("ImportProblems", "a lab value needs the test name."),
    "lab_without_date": QT_TRANSLATE_NOOP("ImportProblems", "a lab result needs a date: add a lab date or visit date."),
    "bad_range": QT_TRANSLATE_NOOP("ImportProblems", "“{value}” is not a range like 3.5-5.5 or <5.2."),
    "conflicting_sex": QT_TRANSLATE_NOOP("ImportProblems",
                                         "this row gives a different sex for {name} than an earlier row."),
}

IMPORT_ERROR_TEXTS = {
    # any file
    "file_unreadable": QT_TRANSLATE_NOOP("ImportErrors", "Cannot read {name}: {reason}."),
    "file_empty": QT_TRANSLATE_NOOP("ImportErrors", "{name} is empty."),
    "file_corrupt": QT_TRANSLATE_NOOP("ImportErrors", "{name} is a damaged ZIP/XLSX file."),
    "file_too_large": QT_TRANSLATE_NOOP(
        "ImportErrors", "{name} is {size_mb} MB; files over {limit_mb} MB are refused. Split the file and retry."),
    "format_unknown": QT_TRANSLATE_NOOP(
        "ImportErrors", "{name} is neither a FHIR JSON file, a CSV table nor an Excel .xlsx workbook."),
    "xls_not_supported": QT_TRANSLATE_NOOP(
        "ImportErrors", "{name} is an old Excel 97-2003 (.xls) workbook. Open it in Excel or WPS, save it as .xlsx "
        "and retry."),
    "json_not_fhir": QT_TRANSLATE_NOOP(
        "ImportErrors", "{name} is JSON but not a FHIR resource. Export the patient from the source system as a "
        "FHIR R4 Bundle."),
    "text_encoding_unknown": QT_TRANSLATE_NOOP(
        "ImportErrors", "The file's text encoding is not UTF-8, GBK or GB18030. Save it again as UTF-8 (Excel: "
        "“CSV UTF-8”) and retry."),
    "binary_not_text": QT_TRANSLATE_NOOP(
        "ImportErrors", "The file is not a text file. Export it as CSV (UTF-8) or XLSX and retry."),
    # CSV / Excel tables and their mapping
    "table_empty": QT_TRANSLATE_NOOP("ImportErrors", "{name} has no rows."),
    "table_no_rows": QT_TRANSLATE_NOOP("ImportErrors", "{name} has a header but no patient rows."),
    "csv_unreadable": QT_TRANSLATE_NOOP("ImportErrors", "{name} is not a readable CSV table ({reason})."),
    "xlsx_unreadable": QT_TRANSLATE_NOOP("ImportErrors", "{name} is not a readable .xlsx workbook ({reason})."),
    "table_too_many_rows": QT_TRANSLATE_NOOP(
        "ImportErrors", "The table has {count} rows; at most {limit} are imported at once. Split the file and retry."),
    "no_name_column": QT_TRANSLATE_NOOP(
        "ImportErrors", "{name}: no column holds the patient's name (姓名/name). Columns: {columns}. Rename the "
        "header or choose “Name” for that column in the mapping."),
    "table_rows_invalid": QT_TRANSLATE_NOOP(
        "ImportErrors", "{name}: nothing was imported because {rows} rows have problems."),
    "mapping_column_missing": QT_TRANSLATE_NOOP(
        "ImportErrors", "The mapping names column “{column}”, which the table does not have. Columns: {columns}."),
    "mapping_unknown_field": QT_TRANSLATE_NOOP(
        "ImportErrors", "The mapping sends column “{column}” to “{field}”, which is not a field."),
    "mapping_duplicate_field": QT_TRANSLATE_NOOP(
        "ImportErrors", "Columns “{first}” and “{column}” are both mapped to the same field; set one of them to "
        "“(ignore)”."),
    "mapping_unreadable": QT_TRANSLATE_NOOP("ImportErrors", "Cannot read the mapping file {name}: {reason}."),
    "mapping_not_json": QT_TRANSLATE_NOOP("ImportErrors", "The mapping file {name} is not valid JSON ({reason})."),
    "mapping_not_object": QT_TRANSLATE_NOOP(
        "ImportErrors", "{name} must be a JSON object of column name → field name."),
    "mapping_csv_short_row": QT_TRANSLATE_NOOP(
        "ImportErrors", "Every row of {name} needs two cells: column name, field name."),
    # FHIR bundles ({where} names the bundle entry, e.g. "entry 3 (Condition/abc)")
    "fhir_not_utf8": QT_TRANSLATE_NOOP("ImportErrors",
                                       "{name} is not UTF-8 text; FHIR JSON must be UTF-8. Re-export it as UTF-8."),
    "fhir_empty": QT_TRANSLATE_NOOP("ImportErrors", "{name} is empty."),
    "fhir_not_json": QT_TRANSLATE_NOOP("ImportErrors", "{name} is not valid JSON (line {line}, column {column})."),
    "fhir_not_bundle": QT_TRANSLATE_NOOP(
        "ImportErrors", "Expected a FHIR Bundle, found “{found}”. Export the patient as a Bundle (collection or "
        "transaction)."),
    "fhir_bundle_type": QT_TRANSLATE_NOOP(
        "ImportErrors", "Bundle type “{bundle_type}” cannot be imported; expected one of {accepted}."),
    "fhir_bad_bundle": QT_TRANSLATE_NOOP("ImportErrors", "The bundle's entry list is not a list."),
    "fhir_malformed_resource": QT_TRANSLATE_NOOP(
        "ImportErrors", "{where} is not valid FHIR R4: an element has the wrong shape."),
    "fhir_bad_entry": QT_TRANSLATE_NOOP("ImportErrors", "Bundle entry {entry} has no resource with a resourceType."),
    "fhir_no_patient": QT_TRANSLATE_NOOP(
        "ImportErrors", "The bundle contains no Patient resource, so there is nothing to import."),
    "fhir_unresolved_patient": QT_TRANSLATE_NOOP(
        "ImportErrors", "{where} does not point to a Patient in this bundle."),
    "fhir_patient_without_name": QT_TRANSLATE_NOOP("ImportErrors", "{where}: the Patient has no name."),
    "fhir_encounter_without_start": QT_TRANSLATE_NOOP(
        "ImportErrors", "{where}: the Encounter has no start date, so the case cannot be dated."),
    "fhir_resource_without_date": QT_TRANSLATE_NOOP(
        "ImportErrors", "{where} has no date ({keys}) and no dated Encounter."),
    "fhir_medication_without_name": QT_TRANSLATE_NOOP(
        "ImportErrors", "{where}: the medication has no name or code display."),
    "fhir_follow_up_without_date": QT_TRANSLATE_NOOP("ImportErrors", "{where}: a follow-up has no date."),
    "fhir_allergy_without_substance": QT_TRANSLATE_NOOP(
        "ImportErrors", "{where}: the AllergyIntolerance does not name a substance."),
    "fhir_observation_without_code": QT_TRANSLATE_NOOP("ImportErrors", "{where}: the Observation has no code."),
    "fhir_bad_entry_kind": QT_TRANSLATE_NOOP("ImportErrors", "{where}: unknown CDSS entry kind “{kind}”."),
    "fhir_bad_attachment": QT_TRANSLATE_NOOP("ImportErrors",
                                             "{where}: the inline document text cannot be decoded."),
    "fhir_bad_datetime": QT_TRANSLATE_NOOP("ImportErrors", "{where} is not a valid FHIR date or date/time."),
}
# Variants of one code that need other words.
_FHIR_TRUNCATED = QT_TRANSLATE_NOOP(
    "ImportErrors", "{name} looks truncated (cut off before its end); copy or download it again.")
_FHIR_TOO_DEEP = QT_TRANSLATE_NOOP("ImportErrors", "{name} nests JSON too deeply to be a FHIR bundle.")


def field_label(field_name: str) -> str:
    label = FIELD_LABELS.get(field_name)
    return QCoreApplication.translate("ImportFields", label) if label else field_name


def row_problem_text(problem) -> str:
    """"Row 4, column “性别”: “x” is not a sex value; …" in the user's language (English text as a fallback)."""
    translate = QCoreApplication.translate
    if problem.column:
        where = translate("ImportProblems", "Row {row}, column “{column}”").format(row=problem.row,
                                                                                  column=problem.column)
    else:
        where = translate("ImportProblems", "Row {row}").format(row=problem.row)
    template = ROW_PROBLEM_TEXTS.get(problem.code)
    params = {"value": problem.value or "", **getattr(problem, "params", {})}
    params["field_label"] = field_label(params.get("field", ""))
    try:
        message = translate("ImportProblems", template).format(**params) if template else problem.message
    except (KeyError, IndexError, ValueError):
        message = problem.message
    return f"{where}: {message}"


def import_error_text(error: UserError) -> str:
    """A refused file, said in the user's language; a table's row problems follow, one a line (at most 50)."""
    translate = QCoreApplication.translate
    params = dict(error.params)
    template = IMPORT_ERROR_TEXTS.get(error.code)
    if error.code == "fhir_not_json" and params.get("too_deep"):
        template = _FHIR_TOO_DEEP
    elif error.code == "fhir_not_json" and params.get("truncated"):
        template = _FHIR_TRUNCATED
    if template is None:
        return user_error_text(error)
    try:
        text = translate("ImportErrors", template).format(**params)
    except (KeyError, IndexError, ValueError):
        return user_error_text(error)
    rows = params.get("row_problems") or ()
    return "\n".join([text, *(row_problem_text(problem) for problem in rows)])
