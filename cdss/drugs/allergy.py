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
from cdss.drugs.messages import Message, message
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
    names = {"drug": drug.name_en, "drug_zh": drug.name_zh}
    if drug.id in profile.drug_ids:
        return _make(drug, "contraindicated",
                     message("allergy_same_ingredient", **names, label=profile.labels.get(drug.id, drug.id)),
                     ("The patient has a recorded allergy to this same ingredient.", "患者对同一成分有过敏记录。"),
                     ("Do not give unless the allergy label has been assessed and removed (e.g. by an allergist).",
                      "除非过敏标签已经评估并撤销（如经变态反应专科医生），否则不要使用。"),
                     "allergy_same_ingredient")
    shared = [g for g in info.groups if g in profile.groups]
    chain_match = info.r1_side_chain is not None and info.r1_side_chain in profile.r1_side_chains
    if not shared and not chain_match:
        return None
    # Beta-lactam tiers: same class -> contraindicated; other beta-lactam class -> by R1 side chain.
    for group in shared:
        if group in BETA_LACTAMS or group in {"sulfonamide_antibiotic"}:
            return _make(drug, "contraindicated",
                         message("allergy_class", **names, group=group, label=profile.labels.get(group, group)),
                         (f"{drug.name_en} belongs to the same allergy class ({group.replace('_', ' ')}).",
                          f"{drug.name_zh}属于同一过敏类别（{GROUP_ZH.get(group, group)}）。"),
                         ("Avoid; choose a drug from another class, or refer for allergy evaluation/delabelling.",
                          "避免使用；选择其他类别的药物，或转诊进行过敏评估/撤销过敏标签。"),
                         f"allergy_class_{group}")
    if shared:
        group = shared[0]
        return _make(drug, "major",
                     message("allergy_class", **names, group=group, label=profile.labels.get(group, group)),
                     (f"{drug.name_en} belongs to the same allergy class ({group.replace('_', ' ')}); "
                      "cross-reactivity within the class is possible.",
                      f"{drug.name_zh}属于同一过敏类别（{GROUP_ZH.get(group, group)}）；类内可能存在交叉反应。"),
                     ("Prefer another class; if needed, assess the original reaction (type, severity) first.",
                      "优先选择其他类别；如需使用，先评估既往反应（类型、严重程度）。"),
                     f"allergy_class_{group}")
    return _make(drug, "major",
                 message("allergy_r1_side_chain", **names, label=", ".join(sorted(profile.r1_side_chains))),
                 ("Beta-lactam cross-reactivity is mostly determined by an identical or similar R1 side chain.",
                  "β-内酰胺类的交叉反应主要由相同或相似的R1侧链决定。"),
                 ("Avoid; choose a beta-lactam with a dissimilar side chain or a non-beta-lactam.",
                  "避免使用；选择侧链不同的β-内酰胺类或非β-内酰胺类药物。"),
                 "allergy_r1_side_chain")


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
    title = message("allergy_cross_class", drug=drug.name_en, drug_zh=drug.name_zh, label=label)
    return Alert(
        kind="allergy", severity=severity, drugs=(drug.id,), title=title.text, title_message=title,
        mechanism="Cross-reactivity between penicillins, cephalosporins and carbapenems is low (about 1-2 %) when "
                  "R1 side chains differ.",
        mechanism_zh="R1侧链不同时，青霉素类、头孢菌素类和碳青霉烯类之间的交叉反应率低（约1-2 %）。",
        effect="Small risk of an allergic reaction.", effect_zh="发生过敏反应的风险较小。",
        management="May be given with standard monitoring unless the original reaction was severe (e.g. SJS/TEN, "
                   "anaphylaxis): then consult allergy guidance.",
        management_zh="可在常规监测下使用，除非既往反应严重（如SJS/TEN、过敏性休克）：此时应参考过敏诊疗指南。",
        evidence="established", sources=(PRACTICE_PARAMETER,), rule_id="allergy_beta_lactam_cross_class")


#: Chinese names of the allergy groups, for the generated Chinese text (the UI translates titles itself).
GROUP_ZH = {
    "penicillin": "青霉素类", "cephalosporin": "头孢菌素类", "carbapenem": "碳青霉烯类", "monobactam": "单环β-内酰胺类",
    "sulfonamide_antibiotic": "磺胺类抗菌药", "sulfonamide_nonantibiotic": "非抗菌药磺胺类", "macrolide": "大环内酯类",
    "fluoroquinolone": "氟喹诺酮类", "tetracycline": "四环素类", "aminoglycoside": "氨基糖苷类",
    "nsaid": "非甾体抗炎药", "opioid": "阿片类", "iodinated_contrast": "碘造影剂", "glycopeptide": "糖肽类",
    "lincosamide": "林可酰胺类",
}


def _make(drug: Drug, severity: str, title: Message, effect: tuple[str, str], management: tuple[str, str],
          rule_id: str) -> Alert:
    return Alert(kind="allergy", severity=severity, drugs=(drug.id,), title=title.text, title_message=title,
                 mechanism="Immunological cross-reactivity within a drug allergy class.",
                 mechanism_zh="药物过敏类别内的免疫学交叉反应。", effect=effect[0], effect_zh=effect[1],
                 management=management[0], management_zh=management[1], evidence="established",
                 sources=(PRACTICE_PARAMETER,), interruptive=severity == "contraindicated", rule_id=rule_id)
