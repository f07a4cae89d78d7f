"""Patient-aware safety check of a drug regimen: interactions (shipped rules merged with imported sources),
allergy, duplicates, renal, hepatic, pregnancy, lactation and additive burdens.

Only contraindicated alerts and alerts from an ONC high-priority class are interruptive; everything else is shown
inline, to limit alert fatigue (Phansalkar S et al., JAMIA 2012;19:735-43 and 2013;20:489-93).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from cdss.drugs import dosing
from cdss.drugs.alerts import (
    SCOPE_CONTEXT,
    Alert,
    CheckResult,
    CheckScope,
    ResolvedDrug,
    SourceRating,
    UnresolvedQuery,
)
from cdss.drugs.allergy import allergy_alerts, beta_lactam_lower_tier, build_profile
from cdss.drugs.burdens import burden_alerts, duplicate_alerts
from cdss.drugs.catalog import Catalog
from cdss.drugs.messages import Message, message
from cdss.drugs.models import Drug
from cdss.drugs.ratings import ExtraRatings, PairRating, severity_rank
from cdss.drugs.rules import SOURCE_NAME, InteractionRule
from cdss.errors import UserError

RENAL_SEVERITY = {"contraindicated": "contraindicated", "avoid": "major", "do_not_start": "major",
                  "reduce_dose": "moderate", "caution": "minor"}
NOTE_SEVERITY = {"contraindicated": "contraindicated", "avoid": "major", "reduce_dose": "moderate",
                 "caution": "minor"}
PREGNANCY_SEVERITY = {"contraindicated": "contraindicated", "avoid": "major", "caution": "moderate"}
LACTATION_SEVERITY = {"avoid": "major", "caution": "minor"}
#: Chinese for the note kinds, used in the generated mechanism text of pregnancy/lactation/hepatic alerts
NOTE_KIND_ZH = {"pregnancy": "妊娠期", "lactation": "哺乳期", "hepatic": "肝功能损害"}


@dataclass(frozen=True)
class PatientContext:
    """What we know about the patient; every field is optional (None = unknown)."""

    age: float | None = None
    sex: str | None = None  # "M" | "F"
    weight_kg: float | None = None
    height_cm: float | None = None
    scr: float | None = None
    scr_unit: str = "umol/L"
    egfr: float | None = None
    crcl: float | None = None
    pregnant: bool = False
    lactating: bool = False
    allergies: Sequence[str] = field(default=())
    qtc_ms: float | None = None
    potassium_mmol: float | None = None
    hepatic_impairment: bool = False

    @property
    def is_female(self) -> bool:
        return (self.sex or "").strip().upper() in {"F", "FEMALE", "女"}

    def renal_values(self) -> tuple[float | None, float | None, list[str]]:
        """(eGFR, CrCl, notes): given values win; otherwise computed from serum creatinine when possible."""
        egfr, crcl, notes = self.renal_estimates()
        return egfr, crcl, [note.text for note in notes]

    def renal_estimates(self) -> tuple[float | None, float | None, list[Message]]:
        """As :meth:`renal_values`, with the notes coded for translation."""
        notes: list[Message] = []
        egfr, crcl = self.egfr, self.crcl
        if self.scr is not None and self.age is not None and self.sex:
            scr_mg = dosing.scr_to_mg_dl(self.scr, self.scr_unit)
            if egfr is None:
                egfr = dosing.ckd_epi_2021(self.age, scr_mg, self.sex)
                notes.append(message("note_egfr_computed", egfr=egfr))
            if crcl is None and self.weight_kg is not None:
                crcl = dosing.cockcroft_gault(self.age, self.weight_kg, scr_mg, self.sex)
                notes.append(message("note_crcl_computed", crcl=crcl))
        return egfr, crcl, notes


PAIR_CACHE_LIMIT = 50_000


def _pair_alert_cache(catalog: Catalog, extra_ratings: ExtraRatings | None) -> dict:
    """The interaction alert of a drug pair depends only on the two drugs, the rules and the imported ratings, so it
    is built once per pair and reused: with every source pack loaded a 20-drug regimen has ~170 pair alerts, and
    building them again at each keystroke cost most of the check. Kept on the catalog, one table per ratings
    mapping (the knowledge service keeps one mapping until packs change), emptied when it grows past a limit."""
    tables = catalog.__dict__.setdefault("_pair_alerts", {})
    entry = tables.get(id(extra_ratings))
    if entry is None or entry[0] is not extra_ratings:
        if len(tables) >= 4:
            tables.clear()
        entry = tables[id(extra_ratings)] = (extra_ratings, {})
    if len(entry[1]) > PAIR_CACHE_LIMIT:
        entry[1].clear()
    return entry[1]


def _related_effects(rules: list[InteractionRule]) -> tuple[tuple[str, str | None, str], ...]:
    """Other risks of the pair than the lead rule's, each once."""
    lead = rules[0].effect if rules else None
    seen: dict[str, tuple[str, str | None, str]] = {}
    for rule in rules[1:]:
        if rule.effect != lead and rule.effect not in seen:
            seen[rule.effect] = (rule.effect, rule.effect_zh, rule.severity)
    return tuple(seen.values())


def _interaction_alert(first: Drug, second: Drug, rules: list[InteractionRule],
                       extra: Sequence[PairRating]) -> Alert | None:
    if not rules and not extra:
        return None
    ratings: list[SourceRating] = []
    lead_rule = rules[0] if rules else None
    # one rating per source: a source that grades a pair several times (e.g. by dose) counts with its most severe
    by_source: dict[str, PairRating] = {}
    for rating in extra:
        kept = by_source.get(rating.source)
        if kept is None or severity_rank(rating.severity) > severity_rank(kept.severity):
            by_source[rating.source] = rating
    extra = list(by_source.values())
    if lead_rule is not None:
        ratings.append(SourceRating(SOURCE_NAME, lead_rule.severity, lead_rule.management,
                                    "; ".join(lead_rule.sources)))
    ratings.extend(SourceRating(r.source, r.severity, r.management, r.reference) for r in extra)
    if not ratings:
        return None
    graded = {r.severity for r in ratings if r.severity != "unknown"}
    top = max(ratings, key=lambda r: severity_rank(r.severity))
    severity = top.severity if top.severity != "unknown" else "minor"
    drugs = tuple(sorted((first.id, second.id)))
    names = {"a": first.name_en, "a_zh": first.name_zh, "b": second.name_en, "b_zh": second.name_zh}
    if lead_rule is not None and severity_rank(lead_rule.severity) >= severity_rank(severity):
        title = message("interaction", **names, effect=lead_rule.effect.rstrip("."),
                        effect_zh=(lead_rule.effect_zh or "").rstrip("。"))
        return Alert(
            kind="interaction", severity=severity, drugs=drugs, title=title.text, title_message=title,
            mechanism_zh=lead_rule.mechanism_zh, effect_zh=lead_rule.effect_zh, management_zh=lead_rule.management_zh,
            mechanism=lead_rule.mechanism, effect=lead_rule.effect, management=lead_rule.management,
            evidence=lead_rule.evidence, sources=lead_rule.sources + tuple(r.source for r in extra),
            interruptive=severity == "contraindicated" or lead_rule.onc_high_priority, rule_id=lead_rule.id,
            ratings=tuple(ratings), disagreement=len(graded) > 1, related_rules=tuple(r.id for r in rules[1:]),
            related_effects=_related_effects(rules))
    # An imported source rates the pair higher than our rules (or we have no rule): it leads.
    lead = max(extra, key=lambda r: severity_rank(r.severity))
    # Imported sources are English (or French) only: the title's effect stays in the source's language.
    title = (message("interaction", **names, effect=lead.effect.rstrip(".")) if lead.effect
             else message("interaction_reported", **names))
    return Alert(
        kind="interaction", severity=severity, drugs=drugs, title=title.text, title_message=title,
        mechanism=lead.mechanism or (lead_rule.mechanism if lead_rule else "not available"),
        effect=lead.effect or (lead_rule.effect if lead_rule else "not available"),
        management=lead.management or (lead_rule.management if lead_rule else "not available"),
        evidence=lead.evidence or "not available",
        # Chinese only where the English above fell back to our own rule's text (imported sources are not bilingual)
        mechanism_zh=lead_rule.mechanism_zh if lead_rule and not lead.mechanism else None,
        effect_zh=lead_rule.effect_zh if lead_rule and not lead.effect else None,
        management_zh=lead_rule.management_zh if lead_rule and not lead.management else None,
        sources=tuple(dict.fromkeys([lead.source, *(r.source for r in extra),
                                     *(lead_rule.sources if lead_rule else ())])),
        interruptive=severity == "contraindicated" or bool(lead_rule and lead_rule.onc_high_priority),
        rule_id=lead_rule.id if lead_rule else None, ratings=tuple(ratings), disagreement=len(graded) > 1,
        related_rules=tuple(r.id for r in rules[1:]) if rules else (), related_effects=_related_effects(rules))


def _renal_alerts(drugs: Sequence[Drug], egfr: float | None, crcl: float | None, notes: list[Message]
                  ) -> tuple[list[Alert], list[Message]]:
    if egfr is None and crcl is None:
        return [], notes
    alerts = []
    for drug in drugs:
        best = None
        for t in drug.renal:
            value = egfr if t.measure == "egfr" else crcl
            surrogate = False
            if value is None:  # use the other estimate rather than stay silent, and say so
                value, surrogate = (crcl if t.measure == "egfr" else egfr), True
            if value is None or value >= t.below:
                continue
            sev = RENAL_SEVERITY[t.action]
            if best is None or severity_rank(sev) > severity_rank(best[0]):
                best = (sev, t, value, surrogate)
        if best is None:
            continue
        sev, t, value, surrogate = best
        label = "eGFR" if t.measure == "egfr" else "CrCl"
        used = ("CrCl" if t.measure == "egfr" else "eGFR") if surrogate else label
        title = message("renal_threshold", drug=drug.name_en, drug_zh=drug.name_zh, action=t.action, measure=label,
                        below=t.below, used=used, value=value)
        alerts.append(Alert(
            kind="renal", severity=sev, drugs=(drug.id,), title=title.text, title_message=title,
            mechanism=f"Renal threshold for {drug.name_en}"
                      + (f" ({used} used in place of {label})" if surrogate else ""),
            mechanism_zh=f"{drug.name_zh}的肾功能阈值" + (f"（以{used}代替{label}）" if surrogate else ""),
            effect=t.text_en, management=t.text_en, effect_zh=t.text_zh, management_zh=t.text_zh,
            evidence="established", sources=(t.source,),
            interruptive=sev == "contraindicated", rule_id=f"renal_{drug.id}_{t.measure}_{t.below:g}"))
    return alerts, notes


def _note_alerts(drugs: Sequence[Drug], ctx: PatientContext) -> list[Alert]:
    alerts = []
    for drug in drugs:
        for kind, active, note, mapping in (
            ("pregnancy", ctx.pregnant, drug.pregnancy, PREGNANCY_SEVERITY),
            ("lactation", ctx.lactating, drug.lactation, LACTATION_SEVERITY),
            ("hepatic", ctx.hepatic_impairment, drug.hepatic, NOTE_SEVERITY),
        ):
            if not active or note is None or note.action not in mapping:
                continue
            sev = mapping[note.action]
            title = message("clinical_note", drug=drug.name_en, drug_zh=drug.name_zh, action=note.action, kind=kind)
            alerts.append(Alert(
                kind=kind, severity=sev, drugs=(drug.id,), title=title.text, title_message=title,
                mechanism=f"{kind.capitalize()} note for {drug.name_en}.", effect=note.text_en,
                mechanism_zh=f"{drug.name_zh}的{NOTE_KIND_ZH[kind]}提示。", effect_zh=note.text_zh,
                management_zh=note.text_zh, management=note.text_en, evidence="established", sources=(note.source,),
                interruptive=sev == "contraindicated", rule_id=f"{kind}_{drug.id}"))
    return alerts


def check(drug_ids: Sequence[str], context: PatientContext | None, catalog: Catalog,
          extra_ratings: ExtraRatings | None = None) -> CheckResult:
    """Check a regimen of catalog ids. Unknown ids are a :class:`UserError` (resolve names first)."""
    unknown = [d for d in drug_ids if d not in catalog]
    if unknown:
        raise UserError("drug_unknown_id", f"Unknown drug id(s): {', '.join(unknown)}. Resolve names first.",
                        ids=unknown)
    seen: dict[str, Drug] = {}
    repeated: list[str] = []
    for drug_id in drug_ids:
        if drug_id in seen:
            if drug_id not in repeated:
                repeated.append(drug_id)
        else:
            seen[drug_id] = catalog[drug_id]
    drugs = list(seen.values())
    rules = catalog.rules
    alerts: list[Alert] = []
    cache = _pair_alert_cache(catalog, extra_ratings)
    for first, second in combinations(drugs, 2):
        key = (first.id, second.id)
        if key in cache:
            alert = cache[key]
        else:
            extra = extra_ratings.get(frozenset(key), ()) if extra_ratings else ()
            alert = cache[key] = _interaction_alert(first, second, rules.pair_rules(first, second), extra)
        if alert is not None:
            alerts.append(alert)
    alerts.extend(duplicate_alerts(drugs, repeated))
    alerts.extend(burden_alerts(drugs, context))
    notes: list[Message] = []
    renal_known = False
    if context is not None:
        if context.allergies:
            profile = build_profile(context.allergies, catalog)
            alerts.extend(allergy_alerts(drugs, profile))
            flagged = {a.drugs[0] for a in alerts if a.kind == "allergy"}
            alerts.extend(a for d in drugs if d.id not in flagged
                          for a in [beta_lactam_lower_tier(d, profile)] if a is not None)
            notes.extend(message("note_allergy_unrecognised", name=name) for name in profile.unrecognised)
        egfr, crcl, renal_notes = context.renal_estimates()  # once: the alerts and the scope both use it
        renal_known = egfr is not None or crcl is not None
        renal, renal_notes = _renal_alerts(drugs, egfr, crcl, renal_notes)
        alerts.extend(renal)
        notes.extend(renal_notes)
        alerts.extend(_note_alerts(drugs, context))
    alerts.sort(key=lambda a: a.sort_key)
    scope = CheckScope(drugs=len(drugs), rules=len(rules.rules), rated_pairs=len(extra_ratings or {}),
                       context=context_used(context, renal_known))
    return CheckResult(alerts=tuple(alerts), notes=tuple(n.text for n in notes), note_messages=tuple(notes),
                       scope=scope)


def context_used(context: PatientContext | None, renal_known: bool) -> tuple[str, ...]:
    """The parts of the patient context that the check could use (see :data:`SCOPE_CONTEXT`)."""
    if context is None:
        return ()
    present = {
        "age": context.age is not None, "renal": renal_known,
        "allergies": bool(context.allergies), "pregnancy": context.pregnant, "lactation": context.lactating,
        "hepatic": context.hepatic_impairment, "potassium": context.potassium_mmol is not None,
        "qtc": context.qtc_ms is not None, "weight": context.weight_kg is not None,
    }
    return tuple(token for token in SCOPE_CONTEXT if present[token])


def resolve_queries(queries: Sequence[str], catalog: Catalog, search=None,
                    suggestions: int = 5) -> tuple[list[ResolvedDrug], list[UnresolvedQuery]]:
    """Typed names → catalog ids (exact name, synonym, brand or full pinyin) or ranked suggestions.

    A typo is never silently resolved: a safety check must run on what the doctor meant, so near matches are
    offered as suggestions instead.
    """
    resolved: list[ResolvedDrug] = []
    unresolved: list[UnresolvedQuery] = []
    for query in queries:
        query = query.strip()
        if not query:
            continue
        drug_id = catalog.resolve_name(query)
        if drug_id is None and search is not None:
            drug_id = search.exact_pinyin(query)
        if drug_id is not None:
            drug = catalog[drug_id]
            resolved.append(ResolvedDrug(query, drug.id, drug.name_en, drug.name_zh))
        else:
            hits = search.search(query, limit=suggestions) if search is not None else []
            unresolved.append(UnresolvedQuery(query, tuple(dict.fromkeys(h.id for h in hits))))
    return resolved, unresolved


def check_names(queries: Sequence[str], context: PatientContext | None, catalog: Catalog, search=None,
                extra_ratings: ExtraRatings | None = None) -> CheckResult:
    """Resolve typed names and check the resolved regimen; the result carries both lists."""
    from dataclasses import replace

    resolved, unresolved = resolve_queries(queries, catalog, search)
    result = check([r.id for r in resolved], context, catalog, extra_ratings)
    scope = replace(result.scope, unknown_names=tuple(u.query for u in unresolved)) if result.scope else None
    return replace(result, resolved=tuple(resolved), unresolved=tuple(unresolved), scope=scope)
