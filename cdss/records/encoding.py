"""Text-encoding detection for files doctors bring in: UTF-8 (with or without BOM), GBK and GB18030.

Chinese hospital systems and Excel on Chinese Windows still write CSV files in GBK/GB18030, while everything
else writes UTF-8. We try the strict decoders in an order that cannot mislabel: a BOM is decisive; valid UTF-8 is
almost never valid by accident for Chinese text; GBK is a strict subset of GB18030, so we name the narrower one
when it fits (it tells the user what their software wrote) and fall back to GB18030 for rare characters such as
Extension-A ideographs in personal names (e.g. 䶮). Anything else is refused rather than guessed.
"""

from __future__ import annotations

import codecs

from cdss.errors import UserError

# Order matters: see the module docstring.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),  # before UTF-16 LE: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_FALLBACKS: tuple[str, ...] = ("utf-8", "gbk", "gb18030")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding_name)``.

    The name is one of ``utf-8-sig``, ``utf-16``, ``utf-32``, ``utf-8``, ``gbk`` or ``gb18030``. A BOM is stripped
    from the text. Raises :class:`UserError` (``text_encoding_unknown``) when no supported encoding decodes the bytes
    cleanly, and (``binary_not_text``) when the bytes look like a binary file.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise UserError(
                    "text_encoding_unknown",
                    f"The file starts with a {name.upper()} byte-order mark but is not valid {name.upper()} "
                    f"(byte {exc.start}). Save it again as UTF-8 and retry.",
                    position=exc.start,
                ) from exc
    # NUL never occurs in UTF-8/GBK text; seeing one means a binary file (or UTF-16 without BOM).
    if b"\x00" in data[:65536]:
        raise UserError(
            "binary_not_text",
            "The file is not a text file (it contains NUL bytes). Export it as CSV (UTF-8) or XLSX and retry.",
        )
    for codec in _FALLBACKS:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise UserError(
        "text_encoding_unknown",
        "The file's text encoding is not UTF-8, GBK or GB18030. Save it again as UTF-8 (Excel: 'CSV UTF-8') and retry.",
    )
