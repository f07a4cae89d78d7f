"""Knowledge linter: what the loader accepts but a reviewer must not (``cdss drugs lint``, also run by a test).

The loader refuses malformed entries (unknown tags and roles, missing keys, a rule without source, a translation
that drops a number). The linter adds the checks that need the whole pack at once or that are about completeness:
two drugs answering to the same name, Chinese names that are not Chinese, text present in one language only, and
how many monograph sections are filled. A problem is an ``error`` (fails the lint) or a ``note`` (reported only).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from cdss.drugs import vocab
from cdss.drugs.catalog import Catalog, normalise_name
from cdss.drugs.models import Drug

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
    # monograph section → number of drugs with the section filled
    section_coverage: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[LintProblem]:
        return [p for p in self.problems if p.severity == "error"]

    def coverage_share(self) -> float:
        slots = self.drugs * len(vocab.MONOGRAPH_SECTIONS)
        return sum(self.section_coverage.values()) / slots if slots else 0.0


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
    report.section_coverage = {
        key: sum(1 for drug in catalog if getattr(drug.monograph, key) is not None)
        for key in vocab.MONOGRAPH_SECTIONS
    }
    return report


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
    for key in vocab.MONOGRAPH_SECTIONS:
        section = getattr(drug.monograph, key)
        if section is not None and not section.zh:
            yield LintProblem("error", "text_missing_zh", where, f"monograph.{key}.zh is missing")
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
    lines.append(f"monograph sections filled: {report.coverage_share():.1%} of {report.drugs} × "
                 f"{len(vocab.MONOGRAPH_SECTIONS)}")
    for key, count in report.section_coverage.items():
        lines.append(f"  {key:<20}{count:>6}/{report.drugs}  {count / max(1, report.drugs):.1%}")
    return "\n".join(lines)
