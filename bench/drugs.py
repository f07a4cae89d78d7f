"""Drugs room benchmark: search latency per keystroke, 20-drug check latency, and ONC coverage — each next to a
peer measured in the same run.

    .venv/bin/python bench/drugs.py [--quick]

Search: every prefix of every shipped name is typed into a DrugSearch over the shipped names plus DDInter's drug
names (read at bench time from ../shared/data/ddinter as a peer-sized extra set); the peer is a naive
rapidfuzz.process.extract over all names. Check: a 20-drug regimen, with the shipped rules alone and with every
importable pack's ratings loaded (DDInter, ANSM fr/en); the peer loops over every rule for each pair.
Coverage: share of ONC high-priority pairs (Phansalkar 2012) whose two drugs are both in the catalog that we flag
major/contraindicated, and share of ONC non-interruptive pairs (Phansalkar 2013) we wrongly show as interruptive.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("CDSS_SHARED_DATA", ROOT.parent / "shared" / "data"))

REGIMEN_20 = ["warfarin", "aspirin", "clopidogrel", "simvastatin", "amlodipine", "metoprolol", "lisinopril",
              "spironolactone", "furosemide", "digoxin", "amiodarone", "metformin", "omeprazole", "sertraline",
              "tramadol", "clarithromycin", "fluconazole", "ibuprofen", "levothyroxine", "quetiapine"]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def ddinter_names() -> list[tuple[str, list[str]]]:
    names: dict[str, str] = {}
    for path in sorted((SHARED / "ddinter").glob("ddinter_downloads_code_*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                names[row["DDInterID_A"]] = row["Drug_A"]
                names[row["DDInterID_B"]] = row["Drug_B"]
    return [(f"ddinter:{k}", [v]) for k, v in names.items()]


def bench_search(catalog, quick: bool) -> None:
    from rapidfuzz import fuzz, process

    from cdss.drugs.search import DrugSearch

    extra = ddinter_names()
    t0 = time.perf_counter()
    search = DrugSearch(catalog, extra=extra)
    build = time.perf_counter() - t0
    names = sorted({n for d in catalog for n in d.all_names()})
    prefixes = [name[:i] for name in names for i in range(1, len(name) + 1)]
    if quick:
        prefixes = prefixes[::10]
    ours = []
    for p in prefixes:
        t = time.perf_counter()
        search.search(p, limit=10)
        ours.append((time.perf_counter() - t) * 1000)
    keys = search.all_keys()
    peer_prefixes = prefixes[::5]  # the peer is slow; a 1-in-5 sample of the same keystrokes
    peer = []
    for p in peer_prefixes:
        t = time.perf_counter()
        process.extract(p, keys, scorer=fuzz.WRatio, limit=10)
        peer.append((time.perf_counter() - t) * 1000)
    print(f"search index: {len(catalog)} drugs, {len(extra)} DDInter names, {len(keys)} keys, built in {build:.2f} s")
    print(f"search per keystroke ({len(ours)} keystrokes): p50 {pct(ours, 50):.2f} ms, p99 {pct(ours, 99):.2f} ms"
          f"  | peer naive rapidfuzz.extract(WRatio) over all keys ({len(peer)}): p50 {pct(peer, 50):.2f} ms,"
          f" p99 {pct(peer, 99):.2f} ms  | p99 ratio {pct(peer, 99) / max(pct(ours, 99), 1e-9):.1f}x"
          f"  (target p99 < 10 ms)")


def imported_pack_ratings(catalog):
    """The pair ratings of every importable source in ../shared (DDInter, ANSM 2020 fr, ANSM 2016 en; the ATC pack
    carries no pairs), parsed and resolved to catalog ids exactly as the app does after `cdss drugs import-pack`."""
    from cdss.drugs.importers import import_pack
    from cdss.drugs.packs import resolve_pack_ratings

    ansm = SHARED / "ansm-thesaurus"
    english = ansm / "english_2016_worldvista"
    packs = [
        import_pack("ddinter", sorted((SHARED / "ddinter").glob("ddinter_downloads_code_*.csv"))),
        import_pack("ansm", [ansm / "thesaurus_2020-10_fr.json", ansm / "substances_index_2020-10_fr.json",
                             ansm / "substance_rxnorm_mappings.tsv"]),
        import_pack("ansm", sorted(path for path in english.iterdir() if path.is_file())),
    ]
    return packs, resolve_pack_ratings(packs, catalog.resolve_name)


def bench_check(catalog, runs: int) -> None:
    from peers import naive_pair_rules

    from cdss.drugs.checker import PatientContext, check

    regimen = [d for d in REGIMEN_20 if d in catalog]
    ctx = PatientContext(age=72, sex="F", weight_kg=60, scr=130, allergies=("penicillin",), qtc_ms=460,
                         potassium_mmol=3.4)
    rules = catalog.rules
    check(regimen, ctx, catalog)  # warm per-drug caches once, as the app does at start-up

    def timed(extra=None, *, cold: bool) -> tuple[list[float], object]:
        times, result = [], None
        for _ in range(runs):
            if cold:  # the first check of a regimen: no pair alert built yet (see checker._pair_alert_cache)
                catalog.__dict__.pop("_pair_alerts", None)
            t = time.perf_counter()
            result = check(regimen, ctx, catalog, extra)
            times.append((time.perf_counter() - t) * 1000)
        return times, result

    ours, result = timed(cold=False)
    cold, _ = timed(cold=True)
    indexed = rules.pair_rules
    rules.pair_rules = lambda a, b: naive_pair_rules(rules, a, b)  # peer: every rule for every pair, no cache
    try:
        peer = []
        for _ in range(max(5, runs // 10)):
            catalog.__dict__.pop("_pair_alerts", None)
            t = time.perf_counter()
            check(regimen, ctx, catalog)
            peer.append((time.perf_counter() - t) * 1000)
    finally:
        rules.pair_rules = indexed
    print(f"check {len(regimen)}-drug regimen ({len(result.alerts)} alerts, {len(rules.rules)} rules): "
          f"p50 {pct(ours, 50):.2f} ms, p99 {pct(ours, 99):.2f} ms (first check of the regimen: p50 "
          f"{pct(cold, 50):.2f} ms)  | peer naive all-rules loop: p50 {pct(peer, 50):.2f} ms, p99 "
          f"{pct(peer, 99):.2f} ms  | p50 ratio {pct(peer, 50) / max(pct(ours, 50), 1e-9):.1f}x  (target ≤ 1 ms)")

    t0 = time.perf_counter()
    packs, extra = imported_pack_ratings(catalog)
    loaded = time.perf_counter() - t0
    check(regimen, ctx, catalog, extra)
    with_packs, result = timed(extra, cold=False)
    with_packs_cold, _ = timed(extra, cold=True)
    # what prescribing does: the patient's 19 drugs were checked when the record opened, the 20th is new
    adding = []
    for _ in range(runs):
        catalog.__dict__.pop("_pair_alerts", None)
        check(regimen[:-1], ctx, catalog, extra)
        t = time.perf_counter()
        check(regimen, ctx, catalog, extra)
        adding.append((time.perf_counter() - t) * 1000)
    pairs = sum(len(pack.interactions) for pack in packs)
    print(f"  with all packs loaded ({', '.join(pack.name for pack in packs)}: {pairs:,} source pairs → "
          f"{len(extra):,} catalog pairs, parsed and resolved in {loaded:.1f} s): {len(result.alerts)} alerts, "
          f"p50 {pct(with_packs, 50):.2f} ms, p99 {pct(with_packs, 99):.2f} ms (first check of the regimen: p50 "
          f"{pct(with_packs_cold, 50):.2f} ms, p99 {pct(with_packs_cold, 99):.2f} ms; adding a 20th drug to a checked "
          f"regimen, as prescribing does: p50 {pct(adding, 50):.2f} ms, p99 {pct(adding, 99):.2f} ms)  (target ≤ 2 ms)")


def _pairs(path: Path, catalog):
    both, missing = [], set()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            a, b = catalog.resolve_name(row["drug1"]), catalog.resolve_name(row["drug2"])
            if a and b and a != b:
                both.append((a, b))
            for name, got in ((row["drug1"], a), (row["drug2"], b)):
                if not got:
                    missing.add(name.lower())
    return both, missing


def bench_coverage(catalog, show_missing: bool) -> None:
    from cdss.drugs.checker import check

    def verdict(a: str, b: str):
        alerts = [x for x in check([a, b], None, catalog).alerts if x.kind == "interaction"]
        return alerts[0] if alerts else None

    pddi = SHARED / "public-pddi"
    hp, hp_missing = _pairs(pddi / "onc_high_priority_pairs.csv", catalog)
    flagged = interrupt = 0
    misses = []
    for a, b in hp:
        alert = verdict(a, b)
        if alert and alert.severity in ("major", "contraindicated"):
            flagged += 1
            interrupt += alert.interruptive
        else:
            misses.append((a, b))
    ni, _ = _pairs(pddi / "onc_noninterruptive_pairs.csv", catalog)
    wrong = [(a, b) for a, b in ni if (v := verdict(a, b)) is not None and v.interruptive]
    # Peer: a checker that alerts interruptively on every pair any rule matches (no severity/ONC tiering).
    peer_wrong = sum(1 for a, b in ni if catalog.rules.pair_rules(catalog[a], catalog[b]))
    print(f"ONC high-priority pairs: 1930 listed, {len(hp)} with both drugs in catalog; flagged major/contraindicated"
          f" {flagged}/{len(hp)} = {100 * flagged / max(len(hp), 1):.1f} % (interruptive {interrupt}); target ≥95 %")
    print(f"ONC non-interruptive pairs: {len(ni)} with both drugs in catalog; wrongly interruptive {len(wrong)} ="
          f" {100 * len(wrong) / max(len(ni), 1):.1f} %  | peer (any matching rule interrupts): {peer_wrong} ="
          f" {100 * peer_wrong / max(len(ni), 1):.1f} %; target ≤5 %")
    if show_missing:
        print("ONC HP drug names not in catalog:", ", ".join(sorted(hp_missing)))
        print("missed ONC HP pairs:", ", ".join(f"{a}+{b}" for a, b in sorted(set(misses))[:80]))
        print("wrongly interruptive:", ", ".join(f"{a}+{b}" for a, b in sorted(set(wrong))[:40]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="type one prefix in ten")
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--show-missing", action="store_true", help="list uncovered ONC drugs and pairs")
    args = parser.parse_args()
    if not (SHARED / "public-pddi").is_dir() or not (SHARED / "ddinter").is_dir():
        print(f"bench/drugs.py: shared data sets not found at {SHARED} (need public-pddi and ddinter); "
              "set CDSS_SHARED_DATA or check out ../shared.", file=sys.stderr)
        return 2
    import tempfile

    from cdss.drugs.catalog import Catalog
    from cdss.drugs.compiled import compile_catalog, load_catalog

    t0 = time.perf_counter()
    compile_catalog(Catalog.load().pack_dir)  # peer: what every start would cost without the compiled form
    from_json = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as cache:
        load_catalog(folder=Path(cache))  # builds and stores the compiled form
        t0 = time.perf_counter()
        catalog = load_catalog(folder=Path(cache))
        compiled = time.perf_counter() - t0
    print(f"pack {catalog.info.version} ({catalog.info.date}): {len(catalog)} drugs, {len(catalog.rules.rules)} rules,"
          f" {len(catalog.dose_limits)} drugs with dose limits; loaded from the compiled form in {compiled:.2f} s | "
          f"peer: parsed from JSON with rule sides and pinyin {from_json:.2f} s ({from_json / compiled:.1f}x)")
    bench_search(catalog, args.quick)
    bench_check(catalog, args.runs)
    bench_coverage(catalog, args.show_missing)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
