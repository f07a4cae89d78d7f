"""Which language knowledge text is shown in: one rule, below the UI and without Qt, so domain code can use it too.

Interface strings are Qt's business (``tr()``/``QCoreApplication.translate`` and the .ts catalogues). Knowledge text
— drug names, monograph sections, rule effects, the wording written into a record — comes with the data, one field
per language: ``name_en``/``name_zh``, or an English ``effect`` beside ``effect_zh``, or a mapping keyed by the
language itself (``{"en": …, "zh": …}``). :func:`pick` chooses the field for a language and falls back to English, so
adding a language means adding ``*_xx`` fields to the data and a .ts catalogue, not changing code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, overload

ENGLISH = "en"

T = TypeVar("T")

_MISSING = object()


def content_language(locale_name: str) -> str:
    """The language part of a locale name: ``zh_CN`` → ``zh``, ``en_US`` → ``en``, ``fr`` → ``fr``.

    Knowledge fields are named by language, not by country, so every Chinese locale reads the ``*_zh`` fields. A name
    without a language (Qt's ``C`` locale, an empty string) means English.
    """
    code = locale_name.replace("-", "_").split("_", 1)[0].lower()
    return code if len(code) in (2, 3) and code.isalpha() else ENGLISH


def pick(source: Mapping[str, Any] | object, field: str, language: str) -> Any:
    """``field`` of ``source`` (a mapping or an object) in ``language``, else in English, else None.

    The field in a language is ``{field}_{code}`` (``name_zh``); English is ``{field}_en`` where the data has it and
    plain ``{field}`` otherwise (the checker's ``effect``). With ``field=""`` the source is keyed by the language code
    itself (``{"en": …, "zh": …}``, a monograph section's ``en``/``zh``). An empty translation counts as missing.
    ``language`` may be a locale name (``zh_CN``).
    """
    code = content_language(language)
    if code != ENGLISH:
        value = _field(source, f"{field}_{code}" if field else code)
        if value is not _MISSING and value:
            return value
    value = _field(source, f"{field}_{ENGLISH}" if field else ENGLISH)
    if value is _MISSING and field:
        value = _field(source, field)
    return None if value is _MISSING else value


@overload
def localized(by_language: Mapping[str, T], language: str) -> T: ...
@overload
def localized(by_language: object, language: str) -> Any: ...


def localized(by_language: object, language: str) -> Any:
    """The entry of a source keyed by language code (``{"en": …, "zh": …}``) for ``language``, else the English one
    (which such a source must have)."""
    return pick(by_language, "", language)


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:  # Qt's macro name: lupdate looks for it
    """Mark ``source_text`` for Qt Linguist under ``context`` and return it unchanged.

    Domain modules whose English texts the UI translates at display time (the drug checker's message templates) use
    this marker so that their one copy of each text is what ``tools/translations.py update`` extracts: lupdate
    recognises the call by name, whatever module it comes from. Unlike PySide6's marker it needs no Qt and is typed.
    """
    return source_text


def _field(source: Mapping[str, Any] | object, name: str) -> Any:
    if isinstance(source, Mapping):
        return source.get(name, _MISSING)
    return getattr(source, name, _MISSING)
