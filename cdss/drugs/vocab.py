"""Controlled vocabularies of the drug knowledge pack (mirrors data/drugs/SCHEMA.md; keep the two in step)."""

from __future__ import annotations

CYP_ENZYMES = ("3A4", "2D6", "2C9", "2C19", "1A2")
CYP_ROLES = frozenset({
    "substrate", "sensitive_substrate", "inhibitor_strong", "inhibitor_moderate", "inhibitor_weak",
    "inducer_strong", "inducer_moderate", "inducer_weak",
})
PGP_ROLES = frozenset({"substrate", "inhibitor", "inducer"})
QT_RISKS = frozenset({"known", "possible", "conditional", "none"})
FLAGS = frozenset({
    "serotonergic", "anticoagulant", "antiplatelet", "bleeding_risk", "potassium_raising", "potassium_lowering",
    "nephrotoxic", "cns_depressant", "hepatotoxic", "narrow_therapeutic_index",
})
TAGS = frozenset({
    "statin", "nsaid", "cox2_inhibitor", "ppi", "h2_blocker", "ssri", "snri", "tca", "maoi", "maoi_b", "triptan",
    "opioid", "serotonergic_opioid", "benzodiazepine", "z_drug", "antipsychotic", "sympathomimetic", "ace_inhibitor",
    "arb", "arni", "aliskiren", "k_sparing_diuretic", "mra", "potassium_supplement", "loop_diuretic", "thiazide",
    "beta_blocker", "non_dhp_ccb", "dhp_ccb", "nitrate", "pde5_inhibitor", "riociguat", "digoxin",
    "antiarrhythmic_class1", "antiarrhythmic_class3", "vka", "doac", "heparin", "p2y12", "aspirin", "macrolide",
    "azole_antifungal", "fluoroquinolone", "hiv_protease_inhibitor", "rifamycin", "aminoglycoside", "ergot",
    "thiopurine", "xanthine_oxidase_inhibitor", "methotrexate", "trimethoprim", "sulfonylurea", "insulin", "lithium",
    "theophylline", "tizanidine", "ramelteon", "irinotecan", "clozapine", "colchicine", "sglt2_inhibitor",
    "metformin", "fibrate", "bisphosphonate", "levothyroxine", "antacid_polyvalent_cation", "tetracycline",
    "phenytoin", "carbamazepine", "valproate", "corticosteroid", "immunosuppressant_cni", "5ht3_antagonist",
    "dopamine_antagonist_antiemetic",
})
RENAL_MEASURES = frozenset({"egfr", "crcl"})
RENAL_ACTIONS = ("contraindicated", "avoid", "do_not_start", "reduce_dose", "caution")
HEPATIC_ACTIONS = frozenset({"contraindicated", "avoid", "reduce_dose", "caution"})
PREGNANCY_ACTIONS = frozenset({"contraindicated", "avoid", "caution", "compatible"})
LACTATION_ACTIONS = frozenset({"avoid", "caution", "compatible"})
ALLERGY_GROUPS = frozenset({
    "penicillin", "cephalosporin", "carbapenem", "monobactam", "sulfonamide_antibiotic", "sulfonamide_nonantibiotic",
    "macrolide", "fluoroquinolone", "tetracycline", "aminoglycoside", "nsaid", "opioid", "iodinated_contrast",
    "glycopeptide", "lincosamide",
})
R1_SIDE_CHAINS = frozenset({"aminobenzyl", "hydroxyaminobenzyl", "aminothiazolyl_methoxyimino", "furyl_methoxyimino"})
MONOGRAPH_SECTIONS = (
    "indications", "adult_dose", "renal_adjustment", "hepatic_adjustment", "contraindications", "pregnancy",
    "lactation", "adverse_effects", "monitoring",
)
SEVERITIES = ("contraindicated", "major", "moderate", "minor")
EVIDENCE_LEVELS = frozenset({"established", "probable", "theoretical"})
