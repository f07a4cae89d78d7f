"""Allergy cross-reactivity: a patient's recorded allergies against each drug of the regimen.

Beta-lactam cross-reactivity is driven mainly by the R1 side chain, not the beta-lactam ring, so a cephalosporin
alerts at a lower tier unless it shares an R1 side chain with the allergen (Khan DA et al., Drug allergy: a 2022
practice parameter update, J Allergy Clin Immunol 2022;150:1333-93). Macrolides share nothing with penicillins and
never alert on a penicillin allergy; non-antibiotic sulfonamides do not cross-react with sulfonamide antibiotics
(Strom BL et al., N Engl J Med 2003;349:1628-35).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cdss.drugs.alerts import Alert
from cdss.drugs.catalog import Catalog, normalise_name
from cdss.drugs.models import Drug

PRACTICE_PARAMETER = "Khan DA et al. Drug allergy: a 2022 practice parameter update. J Allergy Clin Immunol 2022"
BETA_LACTAMS = frozenset({"penicillin", "cephalosporin", "carbapenem", "monobactam"})

#: Typed allergy names that mean a whole class (English and Chinese).
GROUP_NAMES: dict[str, str] = {
    **dict.fromkeys(["penicillin", "penicillins", "pcn", "青霉素", "青霉素类"], "penicillin"),
    **dict.fromkeys(["cephalosporin", "cephalosporins", "头孢", "头孢类", "头孢菌素", "头孢菌素类"], "cephalosporin"),
    **dict.fromkeys(["carbapenem", "carbapenems", "碳青霉烯", "碳青霉烯类"], "carbapenem"),
    **dict.fromkeys(["sulfa", "sulfa drugs", "sulfonamide", "sulfonamides", "sulphonamide", "sulphonamides",
                     "sulfonamide antibiotics", "磺胺", "磺胺类"], "sulfonamide_antibiotic"),
    **dict.fromkeys(["macrolide", "macrolides", "大环内酯类", "大环内酯"], "macrolide"),
    **dict.fromkeys(["fluoroquinolone", "fluoroquinolones", "quinolone", "quinolones", "喹诺酮", "喹诺酮类",
                     "氟喹诺酮类"], "fluoroquinolone"),
    **dict.fromkeys(["nsaid", "nsaids", "非甾体抗炎药", "非甾体类抗炎药"], "nsaid"),
    **dict.fromkeys(["opioid", "opioids", "阿片类"], "opioid"),
    **dict.fromkeys(["aminoglycoside", "aminoglycosides", "氨基糖苷类"], "aminoglycoside"),
    **dict.fromkeys(["tetracyclines", "四环素类"], "tetracycline"),
    **dict.fromkeys(["iodinated contrast", "contrast", "造影剂", "碘造影剂"], "iodinated_contrast"),
}


@dataclass(frozen=True)
class AllergyProfile:
    drug_ids: frozenset[str]
    groups: frozenset[str]
    r1_side_chains: frozenset[str]
    labels: dict[str, str]  # group or drug id -> what the user typed
    unrecognised: tuple[str, ...]


def build_profile(allergies: Sequence[str], catalog: Catalog) -> AllergyProfile:
    ids: set[str] = set()
    groups: set[str] = set()
    chains: set[str] = set()
    labels: dict[str, str] = {}
    unrecognised: list[str] = []
    for typed in allergies:
        key = normalise_name(typed)
        if not key:
            continue
        group = GROUP_NAMES.get(key)
        drug_id = None if group else catalog.resolve_name(typed)
        if group:
            groups.add(group)
            labels.setdefault(group, typed)
        elif drug_id:
            drug = catalog[drug_id]
            ids.add(drug_id)
            labels.setdefault(drug_id, typed)
            for g in drug.allergy.groups:
                groups.add(g)
                labels.setdefault(g, typed)
            if drug.allergy.r1_side_chain:
                chains.add(drug.allergy.r1_side_chain)
        else:
            unrecognised.append(typed)
    return AllergyProfile(frozenset(ids), frozenset(groups), frozenset(chains), labels, tuple(unrecognised))


def allergy_alerts(drugs: Sequence[Drug], profile: AllergyProfile) -> list[Alert]:
    alerts = []
    for drug in drugs:
        alert = _alert_for(drug, profile)
        if alert is not None:
            alerts.append(alert)
    return alerts


def _alert_for(drug: Drug, profile: AllergyProfile) -> Alert | None:
    info = drug.allergy
    if drug.id in profile.drug_ids:
        return _make(drug, "contraindicated", f"Recorded allergy to {drug.name_en}",
                     "The patient has a recorded allergy to this same ingredient.",
                     "Do not give unless the allergy label has been assessed and removed (e.g. by an allergist).",
                     "allergy_same_ingredient", profile.labels.get(drug.id, drug.id))
    shared = [g for g in info.groups if g in profile.groups]
    chain_match = info.r1_side_chain is not None and info.r1_side_chain in profile.r1_side_chains
    if not shared and not chain_match:
        return None
    # Beta-lactam tiers: same class -> contraindicated; other beta-lactam class -> by R1 side chain.
    for group in shared:
        if group in BETA_LACTAMS or group in {"sulfonamide_antibiotic"}:
            return _make(drug, "contraindicated", f"{drug.name_en}: {group.replace('_', ' ')} allergy recorded",
                         f"{drug.name_en} belongs to the same allergy class ({group.replace('_', ' ')}).",
                         "Avoid; choose a drug from another class, or refer for allergy evaluation/delabelling.",
                         f"allergy_class_{group}", profile.labels.get(group, group))
    if shared:
        group = shared[0]
        return _make(drug, "major", f"{drug.name_en}: {group.replace('_', ' ')} allergy recorded",
                     f"{drug.name_en} belongs to the same allergy class ({group.replace('_', ' ')}); "
                     "cross-reactivity within the class is possible.",
                     "Prefer another class; if needed, assess the original reaction (type, severity) first.",
                     f"allergy_class_{group}", profile.labels.get(group, group))
    return _make(drug, "major", f"{drug.name_en}: shares the R1 side chain of a recorded beta-lactam allergen",
                 "Beta-lactam cross-reactivity is mostly determined by an identical or similar R1 side chain.",
                 "Avoid; choose a beta-lactam with a dissimilar side chain or a non-beta-lactam.",
                 "allergy_r1_side_chain", ", ".join(sorted(profile.r1_side_chains)))


def beta_lactam_lower_tier(drug: Drug, profile: AllergyProfile) -> Alert | None:
    """Cross-class beta-lactam alert (e.g. cephalosporin with a penicillin allergy) without a shared side chain."""
    info = drug.allergy
    drug_classes = set(info.groups) & BETA_LACTAMS
    allergic_classes = profile.groups & BETA_LACTAMS
    if not drug_classes or not allergic_classes or drug_classes & allergic_classes:
        return None
    if drug_classes == {"monobactam"} or allergic_classes == {"monobactam"}:
        return None  # aztreonam cross-reacts only through ceftazidime's side chain, handled by R1
    if info.r1_side_chain and info.r1_side_chain in profile.r1_side_chains:
        return None  # already reported at the higher tier
    label = ", ".join(profile.labels.get(g, g) for g in sorted(allergic_classes))
    # A class-level "penicillin" label may hide an aminopenicillin allergy; cephalosporins with an aminopenicillin
    # R1 side chain (cefalexin, cefaclor, cefadroxil, cefprozil) then carry a higher risk.
    severity = "minor"
    if ("penicillin" in allergic_classes and not profile.r1_side_chains
            and info.r1_side_chain in {"aminobenzyl", "hydroxyaminobenzyl"}):
        severity = "moderate"
    return Alert(
        kind="allergy", severity=severity, drugs=(drug.id,),
        title=f"{drug.name_en}: different beta-lactam class from the recorded allergy ({label})",
        mechanism="Cross-reactivity between penicillins, cephalosporins and carbapenems is low (about 1-2 %) when "
                  "R1 side chains differ.",
        effect="Small risk of an allergic reaction.",
        management="May be given with standard monitoring unless the original reaction was severe (e.g. SJS/TEN, "
                   "anaphylaxis): then consult allergy guidance.",
        evidence="established", sources=(PRACTICE_PARAMETER,), rule_id="allergy_beta_lactam_cross_class")


def _make(drug: Drug, severity: str, title: str, effect: str, management: str, rule_id: str, label: str) -> Alert:
    return Alert(kind="allergy", severity=severity, drugs=(drug.id,), title=f"{title} ({label})",
                 mechanism="Immunological cross-reactivity within a drug allergy class.", effect=effect,
                 management=management, evidence="established", sources=(PRACTICE_PARAMETER,),
                 interruptive=severity == "contraindicated", rule_id=rule_id)
