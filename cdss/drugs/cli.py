"""``cdss drugs search`` and ``cdss check`` subcommands (headless; heavy imports happen inside handlers)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    drugs = subparsers.add_parser("drugs", help="drug dictionary: search names (Chinese, pinyin, English, brands)")
    drugs_sub = drugs.add_subparsers(dest="drugs_command", required=True, metavar="ACTION")
    search = drugs_sub.add_parser("search", help="search drug names as you type (华法林, huafalin, hfl, warfarin)")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(func=_cmd_search)
    lint = drugs_sub.add_parser("lint", help="check the knowledge pack: shared names, sources, both languages")
    lint.add_argument("--pack", type=Path, help="pack folder (default: the shipped data/drugs)")
    lint.add_argument("--limit", type=int, default=200, help="problems to print at most")
    lint.set_defaults(func=_cmd_lint)
    try:  # the pack importers register `drugs import-pack` and `drugs packs` when present
        from cdss.drugs.importers.cli import register_pack_commands
    except ImportError:
        pass
    else:
        register_pack_commands(drugs_sub)

    check = subparsers.add_parser("check", help="check a regimen for interactions, allergy, renal and other alerts")
    check.add_argument("drugs", nargs="*", metavar="DRUG", help="drug names (any language, brand or generic)")
    check.add_argument("--batch", type=Path, help="file with one regimen per line, comma-separated names")
    check.add_argument("--age", type=float)
    check.add_argument("--sex", choices=("M", "F", "m", "f"))
    check.add_argument("--weight", type=float, help="kg")
    check.add_argument("--height", type=float, help="cm")
    check.add_argument("--scr", type=float, help="serum creatinine")
    check.add_argument("--scr-unit", default="umol/L", choices=("umol/L", "mg/dL"))
    check.add_argument("--egfr", type=float, help="mL/min/1.73 m²")
    check.add_argument("--crcl", type=float, help="mL/min")
    check.add_argument("--pregnant", action="store_true")
    check.add_argument("--lactating", action="store_true")
    check.add_argument("--allergy", action="append", default=[], metavar="NAME")
    check.add_argument("--qtc", type=float, help="ms")
    check.add_argument("--potassium", type=float, help="mmol/L")
    check.add_argument("--hepatic-impairment", action="store_true", help="check hepatic-impairment notes")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.add_argument("--lang", choices=("en", "zh"), default="en",
                       help="language of the alert text (zh: Chinese names, effect and management where the "
                            "knowledge has them)")
    check.set_defaults(func=_cmd_check)


def _cmd_lint(args: argparse.Namespace) -> int:
    from cdss.drugs.catalog import Catalog
    from cdss.drugs.lint import format_report, lint_catalog

    report = lint_catalog(Catalog.load(args.pack))
    print(format_report(report, limit=args.limit))
    return 1 if report.errors else 0


def _cmd_search(args: argparse.Namespace) -> int:
    from cdss.drugs.catalog import Catalog
    from cdss.drugs.search import DrugSearch

    if args.limit < 1:
        print("cdss drugs search: --limit must be at least 1", file=sys.stderr)
        return 2
    hits = DrugSearch(Catalog.default()).search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([{"id": h.id, "name_en": h.name_en, "name_zh": h.name_zh, "score": round(h.score, 1)}
                          for h in hits], ensure_ascii=False))
    else:
        for h in hits:
            print(f"{h.id}\t{h.name_en}\t{h.name_zh}\t{h.score:.0f}\t{h.matched_text}")
    return 0


def _context(args: argparse.Namespace):
    from cdss.drugs.checker import PatientContext

    return PatientContext(age=args.age, sex=args.sex.upper() if args.sex else None, weight_kg=args.weight,
                          height_cm=args.height, scr=args.scr, scr_unit=args.scr_unit, egfr=args.egfr, crcl=args.crcl,
                          pregnant=args.pregnant, lactating=args.lactating, allergies=tuple(args.allergy),
                          qtc_ms=args.qtc, potassium_mmol=args.potassium,
                          hepatic_impairment=args.hepatic_impairment)


def scope_sentence(scope) -> str:
    """English account of what a check covered (the UI has its own translated rendering)."""
    parts = [f"Checked {scope.drugs} drug(s) against {scope.rules} interaction rules"]
    if scope.rated_pairs:
        parts.append(f" and {scope.rated_pairs} pairs rated by imported sources")
    parts.append("; patient context used: " + (", ".join(scope.context) if scope.context else "none"))
    if scope.unknown_names:
        parts.append(f"; not in the dictionary, so not checked: {', '.join(scope.unknown_names)}")
    return "".join(parts) + "."


#: Severity words for the Chinese text output (the UI has its own, translated through Qt).
_SEVERITY_ZH = {"contraindicated": "禁忌", "major": "严重", "moderate": "中度", "minor": "轻微"}


def _print_text(result, prefix: str = "", language: str = "en") -> None:
    if language == "zh":
        return _print_text_zh(result, prefix)
    for r in result.resolved:
        print(f"{prefix}{r.query} -> {r.id} ({r.name_en} / {r.name_zh})")
    for u in result.unresolved:
        hint = f" — did you mean: {', '.join(u.suggestions)}?" if u.suggestions else ""
        print(f"{prefix}{u.query}: not found{hint}")
    if not result.alerts:
        print(f"{prefix}No alerts.")
    for a in result.alerts:
        stop = "!! " if a.interruptive else ""
        print(f"{prefix}{stop}[{a.severity}] {a.kind}: {a.title}")
        print(f"{prefix}    {a.management}")
        for effect, _zh, severity in a.related_effects:
            print(f"{prefix}    also [{severity}]: {effect}")
    if result.scope is not None:
        print(f"{prefix}{scope_sentence(result.scope)}")
    for note in result.notes:
        print(f"{prefix}note: {note}")


def _print_text_zh(result, prefix: str = "") -> None:
    names = {r.id: r.name_zh or r.name_en for r in result.resolved}
    for r in result.resolved:
        print(f"{prefix}{r.query} -> {r.id}（{r.name_zh or r.name_en}）")
    for u in result.unresolved:
        hint = f"，是否要找：{'、'.join(u.suggestions)}？" if u.suggestions else ""
        print(f"{prefix}{u.query}：未找到{hint}")
    if not result.alerts:
        print(f"{prefix}无警示。")
    for a in result.alerts:
        stop = "!! " if a.interruptive else ""
        drugs = " + ".join(names.get(d, d) for d in a.drugs)
        effect = (a.effect_zh or a.effect).rstrip("。.")
        print(f"{prefix}{stop}[{_SEVERITY_ZH.get(a.severity, a.severity)}] {drugs}：{effect}")
        print(f"{prefix}    {a.management_zh or a.management}")
        for other, other_zh, severity in a.related_effects:
            print(f"{prefix}    另有 [{_SEVERITY_ZH.get(severity, severity)}]：{other_zh or other}")
    if result.scope is not None:
        scope = result.scope
        unknown = f"；不在药品词典中、未检查：{'、'.join(scope.unknown_names)}" if scope.unknown_names else ""
        print(f"{prefix}已检查药品 {scope.drugs} 种，相互作用规则 {scope.rules} 条{unknown}。")


def _imported_ratings(args: argparse.Namespace, catalog):
    """Ratings from packs imported into the workspace (``cdss drugs import-pack``), when --workspace is given.

    Without --workspace we do not open (and so create) the per-user workspace just to look for packs.
    """
    if args.workspace is None:
        return None
    try:
        from cdss.drugs.packs import PackStore, resolve_pack_ratings
        from cdss.drugs.vocab import PACKS_SUBDIR
    except ImportError:
        return None
    from cdss.workspace import Workspace

    packs, problems = PackStore(Workspace.open(args.workspace).subdir(PACKS_SUBDIR)).load_readable()
    for problem in problems:
        print(f"cdss check: imported pack skipped: {problem}", file=sys.stderr)
    return resolve_pack_ratings(packs, catalog.resolve_name) if packs else None


class _LazySearch:
    """The name search, built only when a typed name is not an exact catalog name (most checks need none)."""

    def __init__(self, catalog, factory) -> None:
        self._catalog, self._factory, self._search = catalog, factory, None

    def __getattr__(self, name: str):
        if self._search is None:
            self._search = self._factory(self._catalog)
        return getattr(self._search, name)


def _cmd_check(args: argparse.Namespace) -> int:
    from cdss.drugs.catalog import Catalog
    from cdss.drugs.checker import check_names
    from cdss.drugs.search import DrugSearch

    if bool(args.drugs) == bool(args.batch):
        print("cdss check: give either DRUG names or --batch FILE (not both, not neither)", file=sys.stderr)
        return 2
    catalog = Catalog.default()
    search = _LazySearch(catalog, DrugSearch)
    context = _context(args)
    extra = _imported_ratings(args, catalog)
    if not args.batch:
        result = check_names(args.drugs, context, catalog, search, extra)
        print(result.to_json()) if args.json else _print_text(result, language=args.lang)
        return 0
    from cdss.errors import UserError

    try:
        lines = args.batch.read_bytes().decode("utf-8-sig").splitlines()
    except OSError as exc:
        raise UserError("check_batch_unreadable", f"Cannot read batch file {args.batch}: {exc.strerror}.") from exc
    except UnicodeDecodeError:
        try:
            lines = args.batch.read_bytes().decode("gb18030").splitlines()
        except UnicodeDecodeError as exc:
            raise UserError("check_batch_encoding", f"Batch file {args.batch} is neither UTF-8 nor GB18030.") from exc
    for number, line in enumerate(lines, start=1):
        names = [n.strip() for n in line.replace("，", ",").split(",") if n.strip()]
        if not names:
            continue
        result = check_names(names, context, catalog, search, extra)
        if args.json:
            print(json.dumps({"line": number, **result.to_dict()}, ensure_ascii=False))
        else:
            print(f"line {number}: {', '.join(names)}")
            _print_text(result, prefix="  ", language=args.lang)
    return 0
