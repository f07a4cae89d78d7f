"""Building blocks of de-identification; the public entry point is :mod:`cdss.records.deidentify`.

Each module finds one family of identifiers in free text and returns :class:`~cdss.records.deid.spans.Span` values;
:mod:`cdss.records.deid.text` merges them so every character is replaced at most once.
"""
