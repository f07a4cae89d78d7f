"""Keep the Qt Linguist translations in step with the code.

    python tools/translations.py update   # re-scan cdss/ for tr()/translate() strings into resources/translations/*.ts
    python tools/translations.py release  # compile every .ts into the .qm files the app loads
    python tools/translations.py apply zh_CN FILE.json  # fill unfinished entries from {"source": "translation"}
    python tools/translations.py missing  # list sources that still lack a translation (exit 1 if any)

The .ts files are the source of truth (edit them with pyside6-linguist); the .qm files are build output.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


#: How a domain module marks English texts that the UI translates at display time (see cdss/i18n.py).
DOMAIN_MARKER = re.compile(r"^from cdss\.i18n import .*\bQT_TRANSLATE_NOOP\b", re.MULTILINE)


def sources() -> list[str]:
    """Modules that show text to people: cdss/ui and cdss/app.py. Domain code returns codes and the UI translates
    them; a domain module that keeps the one English copy of such texts (cdss/drugs/messages.py: the checker's
    templates) marks them with cdss.i18n's QT_TRANSLATE_NOOP and is scanned too."""
    package = ROOT / "cdss"
    return sorted(str(p.relative_to(ROOT)) for p in package.rglob("*.py")
                  if "ui" in p.parts or p.name == "app.py" or _marks_texts(p))


def _marks_texts(path: Path) -> bool:
    return DOMAIN_MARKER.search(path.read_text(encoding="utf-8")) is not None


def update() -> None:
    for lang in LANGUAGES:
        ts = TS_DIR / f"cdss_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources(), "-ts", str(ts.relative_to(ROOT)), "-no-obsolete"],
                       cwd=ROOT, check=True)


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def apply(lang: str, mapping_file: str) -> None:
    """Fill translations from a JSON mapping of source text to translation (e.g. written by a translator)."""
    import json
    import xml.etree.ElementTree as ET

    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    ts = TS_DIR / f"cdss_{lang}.ts"
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in mapping and translation is not None:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"{ts.name}: {filled} translations filled")


def missing() -> list[str]:
    import xml.etree.ElementTree as ET

    gaps = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        for context in ET.parse(ts).iter("context"):
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished" or not (translation.text or ""):
                    gaps.append(f"{ts.name}: [{context.findtext('name')}] {message.findtext('source')}")
    return gaps


if __name__ == "__main__":
    if sys.argv[1:2] == ["apply"] and len(sys.argv) == 4:
        apply(sys.argv[2], sys.argv[3])
    elif sys.argv[1:] == ["missing"]:
        gaps = missing()
        print("\n".join(gaps) or "all strings translated")
        sys.exit(1 if gaps else 0)
    elif len(sys.argv) == 2 and sys.argv[1] in ("update", "release"):
        {"update": update, "release": release}[sys.argv[1]]()
    else:
        sys.exit(f"usage: {sys.argv[0]} update | release | apply LANG FILE.json | missing")
