"""Knowledge linter: what the loader accepts but a reviewer must not (``cdss drugs lint``, also run by a test).

The loader refuses malformed entries (unknown tags and roles, missing keys, a rule without source, a translation
that drops a number). The linter adds the checks that need the whole pack at once or that are about completeness:
two drugs answering to the same name, Chinese names that are not Chinese, text present in one language only, and
how many monograph sections are written (monographs/*.json), and whether a monograph contradicts its entry.
A problem is an ``error`` (fails the lint) or a ``note`` (reported only).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from cdss.drugs.catalog import Catalog, PackError, normalise_name
from cdss.drugs.models import Drug
from cdss.drugs.monographs import ESSENTIAL, SECTIONS, DrugMonograph, Monographs

_HAN = re.compile(r"[\u4e00-\u9fff]")
_NOTE_FIELDS = ("hepatic", "pregnancy", "lactation")


@dataclass(frozen=True)
class LintProblem:
    severity: str  # error | note
    code: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.code}: {self.where}: {self.detail}"


@dataclass
class LintReport:
    drugs: int
    rules: int
    problems: list[LintProblem] = field(default_factory=list)
    # monograph section → number of drugs with the section written as text / as "not available" with a reason
    section_coverage: dict[str, int] = field(default_factory=dict)
    section_reasoned: dict[str, int] = field(default_factory=dict)
    summaries: int = 0
    # sections written as text, and those of them whose source names a year or an edition (the issue asks for one)
    sourced_sections: int = 0
    dated_sources: int = 0

    @property
    def errors(self) -> list[LintProblem]:
        return [p for p in self.problems if p.severity == "error"]

    def coverage_share(self, *, with_reasons: bool = True) -> float:
        """Share of (drug, section) slots written; a reasoned "not available" counts unless ``with_reasons`` is off."""
        slots = self.drugs * len(SECTIONS)
        written = sum(self.section_coverage.values())
        if with_reasons:
            written += sum(self.section_reasoned.values())
        return written / slots if slots else 0.0


def lint_catalog(catalog: Catalog) -> LintReport:
    rules = catalog.rules.rules
    report = LintReport(drugs=len(catalog), rules=len(rules))
    problems = report.problems
    problems.extend(_shared_names(catalog))
    for drug in catalog:
        problems.extend(_drug_problems(drug))
    for rule in rules:
        where = f"rule {rule.id}"
        if not rule.sources:
            problems.append(LintProblem("error", "rule_without_source", where, "names no source"))
        for key in ("mechanism", "effect", "management"):
            if not getattr(rule, f"{key}_zh"):
                problems.append(LintProblem("error", "rule_text_missing_zh", where, f"{key}_zh is missing"))
    _lint_monographs(catalog, Monographs(catalog.pack_dir), report)
    return report


def _lint_monographs(catalog: Catalog, monographs: Monographs, report: LintReport) -> None:
    found: dict[str, DrugMonograph] = {}
    for area in monographs.all_areas():
        try:
            entries = monographs.area(area)
        except PackError as exc:
            report.problems.append(LintProblem("error", "monograph_invalid", f"monographs/{area}.json", str(exc)))
            continue
        for drug_id, mono in entries.items():
            drug = catalog.get(drug_id)
            if drug is None or drug.area != area:
                report.problems.append(LintProblem("error", "monograph_unknown_drug", f"monographs/{area}.json",
                                                   f"{drug_id} is not a drug of catalog/{area}.json"))
                continue
            found[drug_id] = mono
            report.problems.extend(_monograph_problems(drug, mono))
    report.summaries = sum(1 for mono in found.values() if mono.summary_en)
    report.section_coverage = {key: sum(1 for m in found.values() if (s := m.section(key)) and s.available)
                               for key in SECTIONS}
    report.section_reasoned = {key: sum(1 for m in found.values() if (s := m.section(key)) and not s.available)
                               for key in SECTIONS}
    sources = [s.source for m in found.values() for key in SECTIONS if (s := m.section(key)) and s.available]
    report.sourced_sections = len(sources)
    report.dated_sources = sum(1 for source in sources if _DATED.search(source))


#: a source that says which version: a year (1950–2099), an edition or a BNF number ("BNF 86")
_DATED = re.compile(r"\b(19[5-9]\d|20\d\d)\b|edition|\bed\.|第\s*\d+\s*版|版\b|\bBNF(?: for Children| ?C)? ?\d{2,3}\b",
                    re.IGNORECASE)


def _monograph_problems(drug: Drug, mono: DrugMonograph) -> Iterable[LintProblem]:
    """A monograph that reads "compatible" where the entry the checker uses says "contraindicated" misleads."""
    where = f"monographs/{drug.area}.json: {drug.id}"
    pregnancy = mono.section("pregnancy")
    if (pregnancy is not None and drug.pregnancy is not None and drug.pregnancy.action == "contraindicated"
            and "contraindicated" not in pregnancy.en.lower() and "do not" not in pregnancy.en.lower()):
        yield LintProblem("note", "monograph_pregnancy_weaker", where,
                          "the entry says contraindicated in pregnancy; the monograph does not say so")
    for key in ESSENTIAL:
        section = mono.section(key)
        if section is not None and not section.available and key in ("adult_dose", "contraindications"):
            yield LintProblem("note", "essential_not_available", where, f"{key} is marked not available")


def _shared_names(catalog: Catalog) -> Iterable[LintProblem]:
    """A name typed by a doctor must lead to one drug: the same normalised name on two entries is an error."""
    owners: dict[str, set[str]] = defaultdict(set)
    for drug in catalog:
        for name in drug.all_names():
            owners[normalise_name(name)].add(drug.id)
    for name, ids in sorted(owners.items()):
        if len(ids) > 1:
            yield LintProblem("error", "name_shared", name, f"is a name of {', '.join(sorted(ids))}")


def _drug_problems(drug: Drug) -> Iterable[LintProblem]:
    where = f"{drug.area}.json: {drug.id}"
    if not _HAN.search(drug.name_zh):
        yield LintProblem("error", "name_zh_not_chinese", where, f"name_zh {drug.name_zh!r} has no Chinese")
    if not _HAN.search(drug.class_zh):
        yield LintProblem("error", "class_zh_not_chinese", where, f"class_zh {drug.class_zh!r} has no Chinese")
    if not drug.property_sources:
        yield LintProblem("error", "drug_without_source", where, "property_sources is empty")
    for i, threshold in enumerate(drug.renal):
        if not threshold.text_zh:
            yield LintProblem("error", "text_missing_zh", where, f"renal[{i}].text_zh is missing")
    for name in _NOTE_FIELDS:
        note = getattr(drug, name)
        if note is not None and not note.text_zh:
            yield LintProblem("error", "text_missing_zh", where, f"{name}.text_zh is missing")
    if not drug.atc and drug.kind == "drug":
        yield LintProblem("note", "no_atc", where, "no WHO ATC code: not seen by duplicate-therapy checks")
    if drug.kind == "herbal" and "herbal" not in drug.tags:
        yield LintProblem("error", "herbal_without_tag", where, "a herbal entry must carry the tag 'herbal'")


def format_report(report: LintReport, *, limit: int = 200) -> str:
    lines = [f"{report.drugs} drugs, {report.rules} rules: {len(report.errors)} errors, "
             f"{len(report.problems) - len(report.errors)} notes"]
    lines.extend(str(p) for p in report.problems[:limit])
    if len(report.problems) > limit:
        lines.append(f"… {len(report.problems) - limit} more")
    lines.append(f"monograph sections written: {report.coverage_share():.1%} of {report.drugs} × {len(SECTIONS)} "
                 f"({report.coverage_share(with_reasons=False):.1%} as text, the rest 'not available' with a "
                 f"reason); summaries {report.summaries}/{report.drugs}")
    for key in SECTIONS:
        text, reason = report.section_coverage.get(key, 0), report.section_reasoned.get(key, 0)
        lines.append(f"  {key:<20}{text:>6} text {reason:>5} reason  {(text + reason) / max(1, report.drugs):.1%}")
    lines.append(f"sources naming a date or edition: {report.dated_sources}/{report.sourced_sections} text sections "
                 f"({report.dated_sources / max(1, report.sourced_sections):.1%})")
    return "\n".join(lines)
