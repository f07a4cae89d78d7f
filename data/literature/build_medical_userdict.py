"""Regenerate medical_userdict.txt (a jieba user dictionary) from the THUOCL medical lexicon.

Run: .venv/bin/python data/literature/build_medical_userdict.py /work/shared/data/thuocl-medical/THUOCL_medical.txt

THUOCL's numbers are web document frequencies on a different scale from jieba's dictionary, so they are not used
as weights: words jieba already knows keep jieba's own frequency (not listed), and each new word gets the smallest
frequency that makes jieba keep it whole (jieba's ``suggest_freq``), so the lexicon adds words without distorting
how ordinary text is segmented.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path


def main(source: Path, target: Path) -> int:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    lines = []
    for raw in source.read_text(encoding="utf-8").splitlines():
        word = raw.split("\t")[0].strip()
        # Single characters and words with spaces would corrupt segmentation or the file format.
        if len(word) < 2 or " " in word or word in jieba.dt.FREQ:
            continue
        freq = max(jieba.suggest_freq(word, tune=False), 3)
        lines.append(f"{word} {freq}")
    target.write_text(
        "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} words written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(__file__).with_name("medical_userdict.txt")))
