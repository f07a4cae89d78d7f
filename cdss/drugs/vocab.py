"""Controlled vocabularies of the drug knowledge pack (mirrors data/drugs/SCHEMA.md; keep the two in step)."""

from __future__ import annotations

CYP_ENZYMES = ("3A4", "2D6", "2C9", "2C19", "1A2", "2C8", "2B6")
UGT_ENZYMES = ("1A1", "1A4", "1A9", "2B7")
# Drug transporters of the FDA DDI guidance (2020) and its table of transporter substrates and inhibitors.
TRANSPORTERS = ("OATP1B1", "OATP1B3", "BCRP", "OCT2", "MATE1", "MATE2K", "OAT1", "OAT3")
CYP_ROLES = frozenset({
    "substrate", "sensitive_substrate", "inhibitor_strong", "inhibitor_moderate", "inhibitor_weak",
    "inducer_strong", "inducer_moderate", "inducer_weak",
})
PGP_ROLES = frozenset({"substrate", "inhibitor", "inducer"})
# Transporter strength is not graded by the FDA table: "inhibitor" is a clinical inhibitor named there or in a label,
# "inhibitor_strong" one that raises a sensitive substrate's AUC at least 5-fold (e.g. ciclosporin on OATP1B1).
TRANSPORTER_ROLES = frozenset({"substrate", "sensitive_substrate", "inhibitor", "inhibitor_strong", "inducer"})
# "drug": a medicine with an ATC code; "herbal": a herbal medicine or Chinese proprietary product (ATC may be empty).
KINDS = frozenset({"drug", "herbal"})
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
    # --- tags added with pack 2026.12 (one line each; keep SCHEMA.md "Tags" in step) ---
    "kinase_inhibitor", "cytotoxic", "live_vaccine", "vaccine", "immunosuppressant", "antiepileptic",
    "enzyme_inducing_antiepileptic", "nnrti", "integrase_inhibitor", "pharmacokinetic_booster", "hcv_daa",
    "antimalarial", "neuromuscular_blocker", "general_anaesthetic", "local_anaesthetic", "estrogen", "progestogen",
    "hormonal_contraceptive", "antithyroid", "thyroid_hormone", "glp1_agonist", "dpp4_inhibitor",
    "thiazolidinedione", "meglitinide", "iron_oral", "vitamin_k", "antihistamine_h1", "anticholinergic",
    "bronchodilator", "glucocorticoid_inhaled", "herbal", "5ht4_agonist", "antimuscarinic_urinary",
    "alpha_blocker", "5_alpha_reductase_inhibitor", "stimulant", "barbiturate", "dopamine_agonist", "levodopa",
    "cholinesterase_inhibitor", "nitroimidazole", "polymyxin", "glycopeptide", "oxazolidinone", "carbapenem",
    "cephalosporin", "penicillin", "sulfonamide", "antituberculosis", "anthracycline", "platinum", "taxane",
    "vinca_alkaloid", "fluoropyrimidine", "antiandrogen", "aromatase_inhibitor", "serm", "mtor_inhibitor",
    "retinoid", "teratogen", "fibrinolytic", "quinine",
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
SEVERITIES = ("contraindicated", "major", "moderate", "minor")
EVIDENCE_LEVELS = frozenset({"established", "probable", "theoretical"})

#: The workspace folder that holds imported packs (one JSON file per source; see cdss.drugs.knowledge).
PACKS_SUBDIR = "drug-packs"
