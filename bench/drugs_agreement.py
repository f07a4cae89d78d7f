"""How far the shipped drug knowledge agrees with independent references, and what it misses.

    .venv/bin/python bench/drugs_agreement.py [--out DIR] [--seed N]

References (read from ../shared/data, never shipped): the ANSM thesaurus 2020-10 (class entries expanded with its
substances index), NDF-RT 2014 and the ONC high-priority / non-interruptive lists (public-pddi), DDInter (8 of 14
ATC files), the WHO Model List of Essential Medicines (GNU Health edition). Each figure of issue 13 is printed with
its numerator and denominator; the peer in the same run is the same figure for "any rule at all fires" (how much a
reference pair is at least noticed) so that a severity gap and a coverage gap can be told apart.

Our rating of a pair is the most severe alert the checker raises for the two drugs alone (no patient context):
interaction rules and duplicate therapy. Missed pairs and disagreements are written to DIR (default
bench/out/agreement, ignored by git) for review: ``missed_<reference>.tsv`` (sorted by drug, so a writer can read
the pairs of their drugs) and ``disagreements.tsv`` (we say contraindicated, a reference says minor or lists the
pair nowhere). The name mapping is spot-checked against pairs whose answer we know, and a sample of each mapping is
printed for a human to read.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("CDSS_SHARED_DATA", ROOT.parent / "shared" / "data"))

SAMPLE = 3000  # unlisted random pairs for the false-alarm rate (target: at most 1 in 300, i.e. 0.33 %)
RANK = {"contraindicated": 4, "major": 3, "moderate": 2, "minor": 1, None: 0}
LEVEL_NAMES = {4: "contraindicated", 3: "major", 2: "moderate", 1: "minor", 0: "none"}
SALT_WORDS = ("sodium", "potassium", "calcium", "magnesium", "hydrochloride", "hydrobromide", "sulfate", "sulphate",
              "mesylate", "mesilate", "maleate", "tartrate", "succinate", "fumarate", "citrate", "acetate",
              "phosphate", "besylate", "besilate", "bromide", "chloride", "disodium", "dihydrochloride", "hyclate",
              "monohydrate", "trihydrate", "dipropionate", "propionate", "furoate", "valerate", "hydrate",
              "anhydrous", "lactate", "gluconate", "edisylate", "napadisilate", "medoxomil", "axetil", "pivoxil")
# WHO EML entries that are not single-ingredient systemic medicines (devices, solvents, topical/ophthalmic/ear
# preparations, antiseptics): left out of the denominator, and listed when the bench runs.
EML_NOT_SYSTEMIC_SECTIONS = ("DERMATOLOGICAL", "OPHTHALMOLOGICAL", "DISINFECTANTS", "EAR", "PERITONEAL DIALYSIS")
EML_NOT_SYSTEMIC_NAMES = ("condom", "diaphragm", "copper", "water for injection", "device", "implant")
# Mapping spot checks: (source, name, expected catalog id).
KNOWN_NAMES = [
    ("ansm", "warfarine", "warfarin"), ("ansm", "clarithromycine", "clarithromycin"),
    ("ansm", "acide valproïque", "valproate"), ("ansm", "amiodarone", "amiodarone"),
    ("ansm", "simvastatine", "simvastatin"), ("ansm", "ciclosporine", "ciclosporin"),
    ("en", "Acetaminophen", "paracetamol"), ("en", "Warfarin Sodium", "warfarin"),
    ("en", "Metformin hydrochloride", "metformin"), ("en", "Clopidogrel", "clopidogrel"),
]


# -- name mapping ------------------------------------------------------------------------------------------------
def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().split())


class NameMapper:
    """Source names → catalog ids: exact catalog names first, then without salts and brackets; French names
    through ANSM's own RxNorm mapping and the 2016 English translation, then by French→English INN spelling."""

    def __init__(self, catalog) -> None:
        self.catalog = catalog
        self.cache: dict[tuple[str, str], str | None] = {}
        self.fr_to_en = _french_to_english()

    def en(self, name: str) -> str | None:
        key = ("en", name)
        if key not in self.cache:
            self.cache[key] = self._en(name)
        return self.cache[key]

    def _en(self, name: str) -> str | None:
        resolve = self.catalog.resolve_name
        candidates = [name, re.sub(r"\s*\(.*?\)\s*", " ", name).strip(), name.replace("_", " ")]
        for candidate in list(candidates):
            words = candidate.lower().split()
            stripped = [w for w in words if w not in SALT_WORDS]
            if stripped and stripped != words:
                candidates.append(" ".join(stripped))
        for candidate in candidates:
            if candidate and (found := resolve(candidate)):
                return found
        return None

    def fr(self, name: str) -> str | None:
        key = ("fr", name)
        if key not in self.cache:
            self.cache[key] = self._fr(name)
        return self.cache[key]

    def _fr(self, name: str) -> str | None:
        low = plain(name)
        for english in self.fr_to_en.get(low, ()):
            if found := self.en(english):
                return found
        low = re.sub(r"\s*\(.*?\)\s*", " ", low).strip()
        guesses = [low]
        match = re.fullmatch(r"acide (\w+)ique", low)
        if match:
            guesses += [f"{match.group(1)}ic acid", f"{match.group(1)}ate"]
        for word in (low,):
            if word.endswith("e"):
                guesses.append(word[:-1])
            guesses.append(word.replace("ph", "f"))
            guesses.append(re.sub(r"ine$", "in", word))
        for guess in guesses:
            if found := self.en(guess):
                return found
        return None


def _french_to_english() -> dict[str, list[str]]:
    """French substance (accents removed) → English names, joined on RxNorm CUIs of ANSM's two editions."""
    folder = SHARED / "ansm-thesaurus"
    by_cui: dict[str, set[str]] = defaultdict(set)
    english = folder / "english_2016_worldvista"
    with (english / "class_members_en_2016.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("RxNorm"):
                by_cui[row["RxNorm"].strip()].add(row["Drug Name"].strip())
    with (english / "interactions_en_2016.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for n in ("1", "2"):
                cui, drug = (row.get(f"Drug {n} RxCUI") or "").strip(), (row.get(f"Drug {n} Name") or "").strip()
                if cui and drug:
                    by_cui[cui].add(drug)
    out: dict[str, list[str]] = {}
    with (folder / "substance_rxnorm_mappings.tsv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            cui = (row.get("RxNorm") or "").strip()
            if cui and cui != "NA" and by_cui.get(cui):
                out[plain(row["substance"])] = sorted(by_cui[cui])
    return out


# -- references ---------------------------------------------------------------------------------------------------
Pairs = dict[frozenset[str], int]  # catalog pair → the reference's most severe level (RANK)


def _keep_max(pairs: Pairs, a: str | None, b: str | None, level: int) -> None:
    if a and b and a != b:
        key = frozenset((a, b))
        if level > pairs.get(key, -1):
            pairs[key] = level


def ansm_pairs(mapper: NameMapper) -> tuple[Pairs, Pairs, dict[str, str | None]]:
    """ANSM pairs at each entry's *unconditional* level, and at its most severe (conditional) level.

    An ANSM entry may carry several levels, each with its condition ("contre-indication with methotrexate above
    20 mg/week, précaution d'emploi below"); the parsed file also merges sub-entries of a class heading into one
    entry. The least severe level of an entry is the one that holds whatever the condition: that is the level the
    figures use. The most severe level is kept for an information line.
    """
    from cdss.drugs.importers.ansm_common import expand, name_key
    from cdss.drugs.importers.ansm_fr import SEVERITY_MAP, _index

    folder = SHARED / "ansm-thesaurus"
    entries = json.loads((folder / "thesaurus_2020-10_fr.json").read_text(encoding="utf-8"))
    index_path = folder / "substances_index_2020-10_fr.json"
    substances, classes = _index(json.loads(index_path.read_text(encoding="utf-8")), index_path)
    floor: Pairs = {}
    ceiling: Pairs = {}
    mapping: dict[str, str | None] = {}
    for entry in entries:
        levels = [RANK[SEVERITY_MAP[name_key(level["level"])]] for level in entry["severity_levels"]]
        side_a = [(name, mapper.fr(name)) for name in expand(entry["main_drug"], substances, classes)[0]]
        side_b = [(name, mapper.fr(name)) for name in expand(entry["plus_drug"], substances, classes)[0]]
        mapping.update(side_a + side_b)
        for _, a in side_a:
            for _, b in side_b:
                _keep_max(floor, a, b, min(levels))
                _keep_max(ceiling, a, b, max(levels))
    return floor, ceiling, mapping


def csv_pairs(path: Path, mapper: NameMapper, level_of: Callable[[dict[str, str]], int | None],
              names: tuple[str, str] = ("drug1", "drug2")) -> Pairs:
    pairs: Pairs = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            level = level_of(row)
            if level is not None:
                _keep_max(pairs, mapper.en(row[names[0]]), mapper.en(row[names[1]]), level)
    return pairs


def ddinter_pairs(mapper: NameMapper) -> tuple[Pairs, Counter]:
    levels = {"Major": 3, "Moderate": 2, "Minor": 1, "Unknown": 0}
    pairs: Pairs = {}
    density: Counter = Counter()
    for path in sorted((SHARED / "ddinter").glob("ddinter_downloads_code_*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                density[row["Drug_A"]] += 1
                density[row["Drug_B"]] += 1
                _keep_max(pairs, mapper.en(row["Drug_A"]), mapper.en(row["Drug_B"]), levels.get(row["Level"], 0))
    return pairs, density


# -- our side ------------------------------------------------------------------------------------------------------
class OurRatings:
    """Most severe alert for a pair of catalog drugs checked alone, and whether any alert fired (cached)."""

    def __init__(self, catalog) -> None:
        from cdss.drugs.checker import check

        self.catalog, self._check = catalog, check
        self.cache: dict[frozenset[str], int] = {}

    def level(self, pair: frozenset[str]) -> int:
        if pair not in self.cache:
            result = self._check(sorted(pair), None, self.catalog)
            self.cache[pair] = max((RANK.get(alert.severity, 0) for alert in result.alerts), default=0)
        return self.cache[pair]


def agreement(name: str, reference: Pairs, ours: OurRatings, ref_levels: Iterable[int], at_least: int,
              target: float, missed: dict[str, list[tuple]]) -> tuple[str, int, int, float, float]:
    chosen = [pair for pair, level in reference.items() if level in set(ref_levels)]
    hits = [pair for pair in chosen if ours.level(pair) >= at_least]
    noticed = sum(1 for pair in chosen if ours.level(pair) >= 1)
    missed[name] = [(*sorted(pair), LEVEL_NAMES[reference[pair]], LEVEL_NAMES[ours.level(pair)])
                    for pair in chosen if ours.level(pair) < at_least]
    share = len(hits) / len(chosen) if chosen else 0.0
    return name, len(hits), len(chosen), share, (noticed / len(chosen) if chosen else 0.0)


def _reviewed_pairs() -> dict[frozenset[str], str]:
    """Pairs of the false-alarm sample reviewed against labels: pair → "label" (supported) or "over" (over-rated)."""
    path = Path(__file__).with_name("reviewed_unlisted_pairs.tsv")
    verdicts: dict[frozenset[str], str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            first, second, verdict = line.split("\t")[:3]
            verdicts[frozenset((first, second))] = verdict
    return verdicts


def _false_alarms(rng: random.Random, ids: list[str], listed: set, ours: OurRatings
                  ) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """(pairs rated >= major, pairs sampled): SAMPLE random pairs of ``ids`` that no reference lists."""
    unlisted: list[frozenset[str]] = []
    seen: set[frozenset[str]] = set()
    tries = 0
    while len(unlisted) < SAMPLE and tries < 200_000:
        tries += 1
        pair = frozenset(rng.sample(ids, 2))
        if pair not in listed and pair not in seen:
            seen.add(pair)
            unlisted.append(pair)
    return [pair for pair in unlisted if ours.level(pair) >= 3], unlisted


def eml_coverage(mapper: NameMapper) -> tuple[int, int, list[str], list[str]]:
    found, total, missing, left_out = 0, 0, [], []
    seen: set[str] = set()
    with (SHARED / "who-eml-gnuhealth" / "who_eml_medicaments_with_zh.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["active_component_en"].strip()
            key = name.lower()
            if key in seen or "+" in name or "–" in name:
                continue
            seen.add(key)
            section = row["category_path"].upper()
            if any(s in section for s in EML_NOT_SYSTEMIC_SECTIONS) or any(w in key for w in EML_NOT_SYSTEMIC_NAMES):
                left_out.append(name)
                continue
            total += 1
            if mapper.en(name) or mapper.en(re.sub(r"\(.*?\)", "", name)):
                found += 1
            else:
                missing.append(name)
    return found, total, missing, left_out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "agreement")
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: the reference data ({SHARED}) is not here", file=sys.stderr)
        return 0
    from cdss.drugs.catalog import Catalog

    t0 = time.perf_counter()
    catalog = Catalog.load()
    catalog.rules  # noqa: B018 - load the rules now so their time is not charged to the first check
    load_s = time.perf_counter() - t0
    mapper, ours = NameMapper(catalog), OurRatings(catalog)
    print(f"catalog {catalog.info.version}: {len(catalog)} drugs, {len(catalog.rules.rules)} rules "
          f"(loaded in {load_s:.2f} s)")

    # spot checks of the name mapping
    wrong = [(src, n, want, got) for src, n, want in KNOWN_NAMES
             if (got := (mapper.fr(n) if src == "ansm" else mapper.en(n))) != want]
    print(f"name mapping spot checks: {len(KNOWN_NAMES) - len(wrong)}/{len(KNOWN_NAMES)} right"
          + (f"; wrong: {wrong}" if wrong else ""))

    ansm, ansm_conditional, ansm_map = ansm_pairs(mapper)
    pddi = SHARED / "public-pddi"
    ndfrt = csv_pairs(pddi / "ndfrt_2014_ddi.csv", mapper,
                      lambda r: {"Critical": 3, "Significant": 2}.get(r["severity"], 1))
    onc_hp = csv_pairs(pddi / "onc_high_priority_pairs.csv", mapper, lambda r: 3)
    onc_ni = csv_pairs(pddi / "onc_noninterruptive_pairs.csv", mapper, lambda r: 1)
    holbrook = csv_pairs(pddi / "oscar_drugref_holbrook_ddi.csv", mapper, lambda r: 1)
    ddinter, density = ddinter_pairs(mapper)

    rng = random.Random(args.seed)
    sample = rng.sample(sorted(ansm_map.items()), min(12, len(ansm_map)))
    print("ANSM name mapping sample (French → catalog id): "
          + "; ".join(f"{fr} → {cid or '—'}" for fr, cid in sample))

    missed: dict[str, list[tuple]] = {}
    rows = [
        agreement("ansm_contraindication", ansm, ours, [4], 3, 0.90, missed),
        agreement("ansm_deconseillee", ansm, ours, [3], 2, 0.85, missed),
        agreement("ndfrt_critical_significant", ndfrt, ours, [3, 2], 2, 0.85, missed),
        agreement("ddinter_major", ddinter, ours, [3], 2, 0.75, missed),
        agreement("onc_high_priority", onc_hp, ours, [3], 3, 0.95, missed),
    ]
    conditional = agreement("ansm_ci_conditional", ansm_conditional, ours, [4], 3, 0.0, {})
    targets = {"ansm_contraindication": 0.90, "ansm_deconseillee": 0.85, "ndfrt_critical_significant": 0.85,
               "ddinter_major": 0.75, "onc_high_priority": 0.95}
    print(f"\n{'figure':<34}{'ours':>16}{'share':>8}{'target':>8}   peer: any alert at all")
    for name, hits, total, share, noticed in rows:
        print(f"{name:<34}{hits:>8}/{total:<7}{share:>8.1%}{targets[name]:>8.0%}   {noticed:.1%}")

    print(f"  (information: ANSM pairs contraindicated under some condition, e.g. a dose: {conditional[1]}/"
          f"{conditional[2]} = {conditional[3]:.1%} rated >= major)")

    # false alarms: random catalog pairs that no reference lists, rated >= major by us. 3,000 pairs rather than 300:
    # one pair more or less in a sample of 300 moves the figure across its target, 3,000 give a steadier rate.
    listed = set(ansm_conditional) | set(ndfrt) | set(onc_hp) | set(onc_ni) | set(holbrook) | set(ddinter)
    # "No reference lists the pair" means something only when the references know both drugs: DDInter here holds 8 of
    # its 14 ATC files (no anti-infectives, vaccines, nervous-system or cardiovascular files), so a vaccine pair is
    # "unlisted" merely because no file covers vaccines. The figure samples pairs of drugs that the references know;
    # the same count over the whole catalog follows as information.
    known = sorted({drug for pair in listed for drug in pair})
    false_alarms, unlisted = _false_alarms(rng, known, listed, ours)
    print(f"{'unlisted random pairs rated >= major':<34}{len(false_alarms):>8}/{len(unlisted):<7}"
          f"{len(false_alarms) / max(1, len(unlisted)):>8.2%}{'<=1/300':>8}   "
          f"{sum(1 for p in unlisted if ours.level(p) >= 1) / max(1, len(unlisted)):.1%}")
    reviewed = _reviewed_pairs()
    unreviewed = [pair for pair in false_alarms if pair not in reviewed]
    over = [pair for pair in false_alarms if reviewed.get(pair) == "over"]
    after = len(unreviewed) + len(over)
    print(f"  after label review (bench/reviewed_unlisted_pairs.tsv): {after}/{len(unlisted)} = "
          f"{after / max(1, len(unlisted)):.2%} not supported by a label ({len(over)} over-rated by a class rule, "
          f"{len(unreviewed)} not reviewed; {len(false_alarms) - after} label-supported: the references miss them)")
    everywhere, sampled = _false_alarms(rng, sorted(catalog.ids()), listed, ours)
    print(f"  (information: the same over all catalog pairs, references knowing the drugs or not: {len(everywhere)}/"
          f"{len(sampled)} = {len(everywhere) / max(1, len(sampled)):.2%}; see false_alarms.tsv)")
    false_alarms = false_alarms + [pair for pair in everywhere if pair not in set(false_alarms)]

    found, total, eml_missing, eml_left_out = eml_coverage(mapper)
    print(f"{'WHO EML single-ingredient systemic':<34}{found:>8}/{total:<7}{found / max(1, total):>8.1%}"
          f"{0.95:>8.0%}   ({len(eml_left_out)} topical/device entries left out)")
    top = [name for name, _ in density.most_common(300)]
    top_missing = [name for name in top if not mapper.en(name)]
    print(f"{'DDInter 300 most interacting found':<34}{300 - len(top_missing):>8}/{300:<7}"
          f"{(300 - len(top_missing)) / 300:>8.1%}{0.90:>8.0%}")

    # files for review
    args.out.mkdir(parents=True, exist_ok=True)
    for name, items in missed.items():
        with (args.out / f"missed_{name}.tsv").open("w", encoding="utf-8") as fh:
            fh.write("drug_a\tdrug_b\treference_level\tour_level\n")
            for row in sorted(items):
                fh.write("\t".join(row) + "\n")
    with (args.out / "disagreements.tsv").open("w", encoding="utf-8") as fh:
        fh.write("drug_a\tdrug_b\tours\tansm\tddinter\tndfrt\n")
        for pair, level in sorted(ours.cache.items(), key=lambda kv: sorted(kv[0])):
            if level < 4:
                continue
            refs = [ansm.get(pair), ddinter.get(pair), ndfrt.get(pair)]
            listed_levels = [r for r in refs if r is not None]
            if not listed_levels or max(listed_levels) <= 1:
                fh.write("\t".join([*sorted(pair), "contraindicated",
                                    *(LEVEL_NAMES[r] if r is not None else "-" for r in refs)]) + "\n")
    with (args.out / "false_alarms.tsv").open("w", encoding="utf-8") as fh:
        for pair in false_alarms:
            fh.write("\t".join(sorted(pair)) + f"\t{LEVEL_NAMES[ours.level(pair)]}\n")
    (args.out / "missing_drugs.txt").write_text(
        "# WHO EML\n" + "\n".join(eml_missing) + "\n# DDInter top 300\n" + "\n".join(top_missing) + "\n",
        encoding="utf-8")
    print(f"\nmissed pairs, disagreements and missing drugs written to {args.out} "
          f"({time.perf_counter() - t0:.1f} s in all, {len(ours.cache)} pairs checked)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
