"""`imuran check` in core: the matcher, the findings, live-vaccine dates, the profile list."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from imuran_cli.core.errors import InputError
from imuran_cli.core.medicines import (
    DOSE_KINDS,
    LiveVaccineDates,
    MedicineCheck,
    MedicineIndex,
    check_medicine,
    check_medicines,
    check_profile_medicines,
    display_name,
    find_names,
    name_words,
    split_queries,
    words,
)
from imuran_cli.knowledge.medicines import Medicine, load_medicines

MEDICINES = load_medicines()
INDEX = MedicineIndex(MEDICINES)
TODAY = dt.date(2026, 11, 25)


def check(query: str, stopped_on: dt.date | None = None) -> MedicineCheck:
    return check_medicine(query, MEDICINES, INDEX, LiveVaccineDates(stopped_on, TODAY))


def groups(query: str) -> dict[str, str]:
    """group id -> severity of each finding."""
    return {finding.group: finding.severity for finding in check(query).findings}


# ---------------------------------------------------------------- every brand of the reference

# Every brand (and a few other names) of shared/reference/medicine-names.md that is not
# marked (?), with the generic it must find. Written out from the reference, not from
# the data, so that a name dropped from the data fails here.
BRANDS: dict[str, list[str]] = {
    # Part A
    "allopurinol": [
        "Zyloprim", "Aloprim", "Zyloric", "Caplenal", "Tipuric", "Progout", "Allosig",
        "Lopurin", "Cosuric", "Rimapurinol", "Duzallo",
    ],
    "oxipurinol": ["oxypurinol"],
    "febuxostat": ["Uloric", "Adenuric"],
    "topiroxostat": ["Topiloric"],
    "warfarin": ["Coumadin", "Jantoven", "Marevan"],
    "acenocoumarol": ["Sintrom", "Sinthrome"],
    "phenprocoumon": ["Marcumar", "Marcoumar"],
    "benazepril": ["Lotensin", "Lotensin HCT", "Lotrel"],
    "captopril": ["Capoten", "Capozide", "Acepril"],
    "cilazapril": ["Inhibace", "Vascace"],
    "enalapril": ["Vasotec", "Epaned", "Innovace", "Renitec", "Vaseretic"],
    "enalaprilat": ["Vasotec IV"],
    "fosinopril": ["Monopril", "Staril"],
    "imidapril": ["Tanatril"],
    "lisinopril": ["Zestril", "Prinivil", "Qbrelis", "Carace", "Zestoretic", "Prinzide"],
    "moexipril": ["Univasc", "Uniretic", "Perdix"],
    "perindopril": ["Aceon", "Coversyl", "Coversyl Plus", "Prestalia", "Coveram", "Triplixam"],
    "quinapril": ["Accupril", "Accupro", "Accuretic"],
    "ramipril": ["Altace", "Tritace"],
    "trandolapril": ["Mavik", "Gopten", "Odrik", "Tarka"],
    "zofenopril": ["Zofenil"],
    "co-trimoxazole": [
        "Bactrim", "Bactrim DS", "Septra", "Septra DS", "Sulfatrim", "Septrin", "Resprim",
        "trimethoprim-sulfamethoxazole",
    ],
    "trimethoprim": ["Primsol", "Proloprim", "Trimpex"],
    "mesalazine": [
        "mesalamine", "Asacol", "Asacol HD", "Delzicol", "Lialda", "Apriso", "Pentasa",
        "Canasa", "Rowasa", "sfRowasa", "Octasa", "Salofalk", "Mezavant XL", "Asacol MR",
        "Zintasa", "Ipocol", "Mesren", "Salcrozine", "Mezavant", "Asacol 800", "Mesavancol",
    ],
    "sulfasalazine": ["Azulfidine", "Azulfidine EN-tabs", "Salazopyrin", "Salazopyrin EN-Tabs"],
    "olsalazine": ["Dipentum"],
    "balsalazide": ["Colazal", "Giazo", "Colazide"],
    "ribavirin": ["Rebetol", "Copegus", "Ribasphere", "RibaPak", "Moderiba", "Virazole"],
    "penicillamine": ["Cuprimine", "Depen", "Distamine", "D-penicillamine"],
    "cimetidine": ["Tagamet"],
    "indometacin": ["indomethacin", "Indocin", "Tivorbex"],
    "cyclophosphamide": ["Cytoxan", "Endoxan", "Procytox"],
    "chlorambucil": ["Leukeran"],
    "melphalan": ["Alkeran"],
    "methotrexate": [
        "Trexall", "Otrexup", "Rasuvo", "Xatmep", "Jylamvo", "Metoject", "Maxtrex", "Nordimet",
        "Methoblastin",
    ],
    "clozapine": ["Clozaril", "Versacloz", "FazaClo", "Denzapine", "Zaponex"],
    "yellow fever vaccine": ["YF-Vax", "Stamaril"],
    "MMR vaccine": ["M-M-R II", "M-M-RVaxPro", "Priorix"],
    "MMRV vaccine": ["ProQuad", "Priorix-Tetra"],
    "varicella vaccine": ["Varivax", "Varilrix"],
    "live zoster vaccine": ["Zostavax"],
    "BCG vaccine": ["BCG Vaccine"],
    "oral typhoid vaccine": ["Vivotif"],
    "nasal spray flu vaccine": ["FluMist", "Fluenz", "Fluenz Tetra"],
    "rotavirus vaccine": ["RotaTeq", "Rotarix"],
    "live oral cholera vaccine": ["Vaxchora"],
    "dengue vaccine": ["Dengvaxia", "Qdenga"],
    "live chikungunya vaccine": ["Ixchiq"],
    "live smallpox vaccine": ["ACAM2000"],
    "recombinant zoster vaccine": ["Shingrix"],
    "injected typhoid vaccine": ["Typhim Vi", "Typherix"],
    "inactivated cholera vaccine": ["Dukoral", "Euvichol"],
    "inactivated polio vaccine": ["IPV"],
    "non-live chikungunya vaccine": ["Vimkunya"],
    "non-replicating smallpox and mpox vaccine": ["Jynneos", "Imvanex"],
    "inactivated Japanese encephalitis vaccine": ["Ixiaro"],
    # Part B
    "telithromycin": ["Ketek"],
    "ciprofloxacin": [
        "Cipro", "Cipro XR", "Proquin XR", "Ciproxin", "Ciloxan", "Cetraxal", "Otiprio",
        "Ciprodex", "Cipro HC",
    ],
    "levofloxacin": ["Levaquin", "Tavanic", "Quinsair", "Oftaquix"],
    "moxifloxacin": ["Avelox", "Vigamox", "Moxeza"],
    "ofloxacin": ["Floxin", "Tarivid", "Ocuflox"],
    "norfloxacin": ["Noroxin"],
    "gemifloxacin": ["Factive"],
    "delafloxacin": ["Baxdela", "Quofenix"],
    "gatifloxacin": ["Zymaxid"],
    "besifloxacin": ["Besivance"],
    "gentamicin": ["Garamycin", "Cidomycin", "Genticin", "Gentak"],
    "tobramycin": [
        "Nebcin", "TOBI", "TOBI Podhaler", "Bethkis", "Kitabis Pak", "Tobrex", "TobraDex",
    ],
    "amikacin": ["Amikin", "Arikayce"],
    "neomycin": ["Neo-Fradin"],
    "plazomicin": ["Zemdri"],
    "azithromycin": ["Zithromax", "Z-Pak", "Zmax", "AzaSite"],
    "clarithromycin": ["Biaxin", "Klacid", "Klaricid"],
    "erythromycin": [
        "Ery-Tab", "E.E.S.", "EryPed", "Erythrocin", "PCE", "Erymax", "Erythroped",
    ],
    "magnesium sulfate": ["magnesium sulfate injection", "IV magnesium"],
    "magnesium": ["Milk of Magnesia", "Epsom salts"],
    "onabotulinumtoxinA": ["Botox", "Botox Cosmetic", "Vistabel"],
    "abobotulinumtoxinA": ["Dysport"],
    "incobotulinumtoxinA": ["Xeomin", "Bocouture"],
    "rimabotulinumtoxinB": ["Myobloc", "NeuroBloc"],
    "prabotulinumtoxinA": ["Jeuveau"],
    "acebutolol": ["Sectral"],
    "atenolol": ["Tenormin", "Tenoretic"],
    "betaxolol": ["Kerlone", "Betoptic"],
    "bisoprolol": ["Zebeta", "Ziac", "Cardicor", "Emcor", "Concor"],
    "carvedilol": ["Coreg", "Eucardic"],
    "esmolol": ["Brevibloc"],
    "labetalol": ["Trandate"],
    "metoprolol": ["Lopressor", "Toprol-XL", "Betaloc", "Lopresor"],
    "nadolol": ["Corgard"],
    "nebivolol": ["Bystolic", "Nebilet"],
    "pindolol": ["Visken"],
    "propranolol": ["Inderal", "Inderal LA", "InnoPran XL", "Hemangeol"],
    "sotalol": ["Betapace"],
    "timolol": [
        "Timoptic", "Timoptol", "Istalol", "Cosopt", "Combigan", "Xalacom", "Ganfort",
        "DuoTrav", "Azarga",
    ],
    "levobunolol": ["Betagan"],
    "amlodipine": ["Norvasc", "Istin", "Caduet", "Lotrel", "Coveram", "Prestalia", "Triplixam"],
    "nifedipine": ["Procardia", "Adalat"],
    "felodipine": ["Plendil"],
    "diltiazem": ["Cardizem", "Tiazac", "Tildiem"],
    "verapamil": ["Calan", "Isoptin", "Securon", "Tarka"],
    "nicardipine": ["Cardene"],
    "nimodipine": ["Nimotop"],
    "lercanidipine": ["Zanidip"],
    "nisoldipine": ["Sular"],
    "quinine": ["Qualaquin"],
    "quinidine": ["Nuedexta"],
    "procainamide": ["Pronestyl", "Procanbid"],
    "chloroquine": ["Aralen", "Avloclor", "Nivaquine"],
    "hydroxychloroquine": ["Plaquenil", "Quinoric"],
    "nivolumab": ["Opdivo", "Opdivo Qvantig"],
    "pembrolizumab": ["Keytruda"],
    "ipilimumab": ["Yervoy"],
    "atezolizumab": ["Tecentriq", "Tecentriq Hybreza"],
    "durvalumab": ["Imfinzi"],
    "avelumab": ["Bavencio"],
    "cemiplimab": ["Libtayo"],
    "dostarlimab": ["Jemperli"],
    "tremelimumab": ["Imjudo"],
    "nivolumab and relatlimab": ["Opdualag"],
    "atorvastatin": ["Lipitor", "Caduet"],
    "rosuvastatin": ["Crestor", "Ezallor"],
    "simvastatin": ["Zocor", "Flolipid", "Vytorin", "Inegy"],
    "pravastatin": ["Pravachol", "Lipostat"],
    "lovastatin": ["Mevacor", "Altoprev"],
    "fluvastatin": ["Lescol", "Lescol XL"],
    "pitavastatin": ["Livalo", "Zypitamag", "Livazo"],
    "iohexol": ["Omnipaque"],
    "iopamidol": ["Isovue", "Niopam"],
    "iodixanol": ["Visipaque"],
    "ioversol": ["Optiray"],
    "iopromide": ["Ultravist"],
    "iomeprol": ["Iomeron"],
    "diatrizoate": ["Gastrografin", "Hypaque", "Cystografin"],
    "succinylcholine": ["suxamethonium", "Anectine", "Quelicin"],
    "rocuronium": ["Zemuron", "Esmeron"],
    "vecuronium": ["Norcuron"],
    "atracurium": ["Tracrium"],
    "cisatracurium": ["Nimbex"],
    "pancuronium": ["Pavulon"],
    "mivacurium": ["Mivacron"],
    "prednisone": ["Deltasone", "Rayos"],
    "prednisolone": ["Orapred", "Millipred"],
    "methylprednisolone": ["Medrol", "Solu-Medrol", "Depo-Medrol"],
    "dexamethasone": ["Decadron"],
    "hydrocortisone": ["Cortef", "Solu-Cortef"],
    "deflazacort": ["Emflaza"],
    "deferoxamine": ["desferrioxamine", "Desferal"],
    "interferon alfa": ["Intron A", "Pegasys", "PegIntron", "Besremi"],
}  # fmt: skip

BRAND_CASES = [(brand, generic) for generic, brands in BRANDS.items() for brand in brands]


def test_the_table_is_large():
    assert len(BRAND_CASES) + len(BRANDS) >= 150


@pytest.mark.parametrize(("brand", "generic"), BRAND_CASES)
def test_every_brand_of_the_reference_finds_its_generic(brand, generic):
    result = check(brand)
    assert result.known and result.findings
    assert result.generic is not None
    assert generic in result.generic.split(" + ")


@pytest.mark.parametrize("generic", list(BRANDS))
def test_every_generic_finds_itself(generic):
    # A vaccine's generic name is what a person types, "vaccine" included.
    result = check(generic)
    assert result.findings
    assert result.generic is not None and generic in result.generic.split(" + ")


# ---------------------------------------------------------------- typed as people type


@pytest.mark.parametrize(
    ("query", "generic", "expected"),
    [
        ("Zithromax 250 mg tablets", "azithromycin", {"macrolides": "caution"}),
        ("cipro", "ciprofloxacin", {"fluoroquinolones": "urgent"}),
        ("CIPROFLOXACIN 500MG", "ciprofloxacin", {"fluoroquinolones": "urgent"}),
        ("ciprofloxacin eye drops", "ciprofloxacin", {"fluoroquinolones": "caution"}),
        ("ciprofloxacin ear drops 0.3%", "ciprofloxacin", {"fluoroquinolones": "caution"}),
        ("cipro drops", "ciprofloxacin", {"fluoroquinolones": "caution"}),
        ("Ciloxan", "ciprofloxacin", {"fluoroquinolones": "caution"}),
        ("Floxin Otic", "ofloxacin", {"fluoroquinolones": "caution"}),
        ("levofloxacin 750 mg", "levofloxacin", {"fluoroquinolones": "urgent"}),
        ("Bactrim DS", "co-trimoxazole", {"co-trimoxazole": "caution"}),
        ("Bactrim-DS 800/160", "co-trimoxazole", {"co-trimoxazole": "caution"}),
        ("TMP-SMX", "co-trimoxazole", {"co-trimoxazole": "caution"}),
        ("gentamicin", "gentamicin", {"aminoglycosides": "urgent"}),
        ("gentamicin drops", "gentamicin", {"aminoglycosides": "urgent"}),  # ear: outside the eye
        ("gentamicin eye drops", "gentamicin", {"aminoglycosides": "caution"}),
        ("Tobrex", "tobramycin", {"aminoglycosides": "caution"}),
        ("TOBI Podhaler", "tobramycin", {"aminoglycosides": "urgent"}),
        ("Ketek", "telithromycin", {"telithromycin": "urgent"}),
        ("magnesium sulphate", "magnesium sulfate", {"magnesium-iv": "urgent"}),
        ("IV magnesium", "magnesium sulfate", {"magnesium-iv": "urgent"}),
        ("magnesium 400 mg", "magnesium", {"magnesium-oral": "caution"}),
        ("Botox", "onabotulinumtoxinA", {"botulinum-toxins": "urgent"}),
        ("timolol eye drops", "timolol", {"beta-blockers": "caution"}),
        ("Lipitor 20mg", "atorvastatin", {"statins": "caution"}),
        ("Plaquenil 200 mg", "hydroxychloroquine", {"quinine-family": "caution"}),
        ("Keytruda", "pembrolizumab", {"checkpoint-inhibitors": "caution"}),
        ("Omnipaque", "iohexol", {"iodinated-contrast": "caution"}),
        ("prednisolone 5 mg", "prednisolone", {"corticosteroids": "info"}),
        ("Medrol dose pack", "methylprednisolone", {"corticosteroids": "info"}),
        ("allopurinol 100mg", "allopurinol", {"xanthine-oxidase-inhibitors": "urgent"}),
        ("Allopurinol100mg", "allopurinol", {"xanthine-oxidase-inhibitors": "urgent"}),
        ("febuxostat", "febuxostat", {"febuxostat": "urgent"}),
        ("ribavirin", "ribavirin", {"ribavirin": "urgent"}),
        ("warfarin sodium 5 mg", "warfarin", {"vitamin-k-antagonists": "caution"}),
        ("Salazopyrin EN-Tabs", "sulfasalazine", {"aminosalicylates": "caution"}),
        ("methotrexate 2.5 mg weekly", "methotrexate", {"methotrexate": "caution"}),
        ("MTX", "methotrexate", {"methotrexate": "caution"}),
        ("cyclophosphamide", "cyclophosphamide", {"alkylating-agents": "urgent"}),
        ("Vasotec IV", "enalaprilat", {"ace-inhibitors": "caution"}),
        (
            "penicillamine",
            "penicillamine",
            {"myelosuppressive-drugs": "urgent", "penicillamine-mg": "urgent"},
        ),
        (
            "rocuronium",
            "rocuronium",
            {"neuromuscular-blockers-azathioprine": "caution", "neuromuscular-blockers": "caution"},
        ),
        (
            "Lotrel 5/20",
            "benazepril + amlodipine",
            {"ace-inhibitors": "caution", "calcium-channel-blockers": "caution"},
        ),
        (
            "Caduet",
            "amlodipine + atorvastatin",  # in the order of the reference's rows
            {"statins": "caution", "calcium-channel-blockers": "caution"},
        ),
        ("Zostavax", "live zoster vaccine", {"live-vaccines": "urgent"}),
        ("yellow fever", "yellow fever vaccine", {"live-vaccines": "urgent"}),
        ("Yellow Fever Vaccine", "yellow fever vaccine", {"live-vaccines": "urgent"}),
        ("MMR jab", "MMR vaccine", {"live-vaccines": "urgent"}),
        ("measles vaccination", "MMR vaccine", {"live-vaccines": "urgent"}),
        ("chickenpox vaccine", "varicella vaccine", {"live-vaccines": "urgent"}),
        ("nasal flu vaccine", "nasal spray flu vaccine", {"live-vaccines": "urgent"}),
        ("BCG", "BCG vaccine", {"live-vaccines": "urgent"}),
        ("oral typhoid", "oral typhoid vaccine", {"live-vaccines": "urgent"}),
        ("flu jab", "flu vaccine", {"vaccines-live-or-not": "caution"}),
        ("influenza vaccine", "flu vaccine", {"vaccines-live-or-not": "caution"}),
        ("shingles vaccine", "shingles vaccine", {"vaccines-live-or-not": "caution"}),
        ("typhoid", "typhoid vaccine", {"vaccines-live-or-not": "caution"}),
        ("flu shot", "injected flu vaccine", {"non-live-vaccines": "info"}),
        ("Shingrix", "recombinant zoster vaccine", {"non-live-vaccines": "info"}),
        ("COVID-19 mRNA vaccine", "COVID-19 vaccine", {"non-live-vaccines": "info"}),
        ("Pneumovax 23", "pneumococcal vaccine", {"non-live-vaccines": "info"}),
        ("hepatitis B vaccine", "hepatitis B vaccine", {"non-live-vaccines": "info"}),
        ("Engerix-B", "hepatitis B vaccine", {"non-live-vaccines": "info"}),
        ("hep A jab", "hepatitis A vaccine", {"non-live-vaccines": "info"}),
        ("rabies", "rabies vaccine", {"non-live-vaccines": "info"}),
        ("tetanus booster", "tetanus vaccine", {"non-live-vaccines": "info"}),
        ("mag sulphate", "magnesium sulfate", {"magnesium-iv": "urgent"}),
    ],
)
def test_names_as_people_type_them(query, generic, expected):
    result = check(query)
    assert result.generic == generic
    assert groups(query) == expected


# Names that must find no urgent finding (issue 12's negative list and more).
NEGATIVE = [
    "nystatin",
    "vancomycin",
    "amoxicillin",
    "paracetamol",
    "ibuprofen",
    "omeprazole",
    "levothyroxine",
    "pyridostigmine",
    "Mestinon",
    "Shingrix",
    "magnesium stearate",
    "statin",
    "cilastatin",
    "somatostatin",
    "clindamycin",
    "Zurampic",
    "lesinurad",
    "acetaminophen",
    "Tylenol",
    "Augmentin",
    "metformin",
    "insulin glargine",
    "vitamin D 1000 IU",
    "valaciclovir for shingles",
    "Tamiflu",
    "prednisolone",
    "hydrocortisone cream",
    "timolol eye drops",
    "mycin",
    "mab",
    "salazine",
    "azathioprine",
    "Imuran 50 mg",
    "sulfamethoxazole",
    "amlodipine",
    "flu shot",
    "magnesium",
    "gentamicin eye drops",
    "Ciloxan",
]


@pytest.mark.parametrize("query", NEGATIVE)
def test_negative_names_find_no_urgent_finding(query):
    assert "urgent" not in groups(query).values()


@pytest.mark.parametrize(
    "query",
    [
        "nystatin",
        "vancomycin",
        "magnesium stearate",
        "statin",
        "cilastatin",
        "Zurampic",
        "pyridostigmine",
        "allopurinolate",  # not the whole word
        "prewarfarin",
        "Rowasas",
        "valaciclovir for shingles",  # a disease named, not a vaccine
        "Tamiflu for the flu",
    ],
)
def test_never_inside_a_longer_word_nor_a_stem(query):
    assert check(query).findings == ()


def test_an_unknown_name_is_never_called_safe():
    result = check("amoxicillin 500 mg")
    assert (result.known, result.generic, result.findings) == (False, None, ())
    assert result.note is not None
    assert "not in imuran's list; this does not mean it is safe: ask your pharmacist" in (
        result.note.casefold()
    )


def test_a_known_name_without_findings_says_what_it_is():
    result = check("nystatin")
    assert (result.known, result.generic, result.findings) == (True, "nystatin", ())
    assert result.note is not None
    assert result.note.startswith("Nystatin is not a statin")
    assert "No interaction with azathioprine and no MG warning is listed" in result.note
    assert result.note_sources


def test_magnesium_stearate_is_known_and_not_magnesium():
    result = check("contains magnesium stearate")
    assert result.known and result.findings == ()
    assert result.generic == "magnesium stearate"


def test_corticosteroid_messages_never_say_avoid():
    for name in ["prednisone", "Medrol", "dexamethasone", "Solu-Cortef"]:
        (finding,) = check(name).findings
        assert "avoid" not in finding.message.casefold()


def test_most_severe_first():
    result = check("penicillamine with Lotrel and prednisolone")
    severities = [finding.severity for finding in result.findings]
    assert severities == sorted(severities, key=["urgent", "caution", "info"].index)
    assert severities[0] == "urgent" and severities[-1] == "info"


def test_each_finding_names_the_medicine_and_cites_its_sources():
    (finding,) = check("Zithromax").findings
    assert finding.message.startswith("Zithromax (azithromycin) is a macrolide")
    assert finding.source == finding.sources[0]
    assert (finding.kind, finding.group, finding.strength) == (
        "mg-caution",
        "macrolides",
        "use-with-caution",
    )


def test_check_medicines_collects_the_sources():
    result = check_medicines(["cipro", "paracetamol", "nystatin"], MEDICINES)
    assert [m.query for m in result.medicines] == ["cipro", "paracetamol", "nystatin"]
    cited = {s for m in result.medicines for f in m.findings for s in f.sources}
    cited |= {s for m in result.medicines for s in m.note_sources}
    assert set(result.sources) == cited
    assert len(result.sources) == len(set(result.sources))


# ---------------------------------------------------------------- live vaccines and dates


def test_live_vaccine_while_taking_azathioprine_has_no_date():
    (finding,) = check("Zostavax").findings
    assert (finding.severity, finding.until) == ("urgent", None)
    assert "while you take azathioprine or for at least 3 months after you stop" in (
        finding.message
    )


@pytest.mark.parametrize(
    ("stopped_on", "until"),
    [
        (dt.date(2026, 8, 31), dt.date(2026, 11, 30)),
        (dt.date(2026, 11, 1), dt.date(2027, 2, 1)),
        (dt.date(2026, 11, 30), dt.date(2027, 2, 28)),  # end-of-month clamping
    ],
)
def test_live_vaccine_until_is_three_months_after_stopping(stopped_on, until):
    (finding,) = check("yellow fever", stopped_on).findings
    assert (finding.severity, finding.until) == ("urgent", until)
    assert until.isoformat() in finding.message
    assert stopped_on.isoformat() in finding.message


def test_after_the_three_months_a_live_vaccine_is_a_caution():
    (finding,) = check("MMR", dt.date(2026, 8, 25)).findings  # until 2026-11-25 = today
    assert (finding.severity, finding.until) == ("caution", dt.date(2026, 11, 25))
    assert "ended on 2026-11-25" in finding.message
    assert "neurologist" in finding.message


def test_vaccines_with_two_forms_also_get_the_date():
    (finding,) = check("shingles vaccine", dt.date(2026, 10, 1)).findings
    assert finding.until == dt.date(2027, 1, 1)
    assert "Shingrix is not live; Zostavax is live" in finding.message


def test_non_live_vaccines_have_no_date():
    (finding,) = check("Shingrix", dt.date(2026, 10, 1)).findings
    assert (finding.kind, finding.severity, finding.until) == ("non-live-vaccine", "info", None)


# ---------------------------------------------------------------- properties

ALL_NAMES = sorted(
    {
        name
        for group in MEDICINES.groups
        for medicine in MEDICINES.members(group)
        for name in medicine.names()
    }
)
STRENGTHS = ["100 mg", "2.5mg", "500 MG", "250 mcg", "5 mg/ml", "10%", "40", "1 g", "200 IU"]
FORMS = [
    "tablets",
    "tablet",
    "capsules",
    "film-coated tablets",
    "modified-release",
    "suspension",
    "syrup",
    "XL",
    "SR",
    "granules",
]


def meaning(query: str) -> tuple[str | None, frozenset[tuple[str, str]]]:
    result = check(query)
    return result.generic, frozenset((f.group, f.severity) for f in result.findings)


case_changes = st.sampled_from([str.upper, str.lower, str.title, str.swapcase, lambda s: s])


@example("hep A", str.upper, ["XL"], [])  # a disease name with a form is still alone
@example("Typhim Vi", str.lower, ["tablets"], ["500 mg"])
@given(
    st.sampled_from(ALL_NAMES),
    case_changes,
    st.lists(st.sampled_from(STRENGTHS + FORMS), max_size=3),
    st.lists(st.sampled_from(STRENGTHS), max_size=2),
)
def test_strengths_cases_and_forms_never_change_the_match(name, case, after, before):
    query = " ".join([*before, case(name), *after])
    assert meaning(query) == meaning(name)


@given(st.sampled_from(ALL_NAMES))
def test_every_listed_name_is_found(name):
    assert check(name).findings


@given(st.text(max_size=40))
def test_any_text_gets_an_answer(text):
    result = check(text)
    assert result.findings or result.note  # never silent
    assert result.known == (result.generic is not None)
    for finding in result.findings:
        assert finding.severity in ("urgent", "caution", "info")


# ---------------------------------------------------------------- matching details


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allopurinol 100 mg", ("allopurinol", "mg")),
        ("Bactrim-DS 800/160", ("bactrim", "ds")),
        ("allopurinol100mg", ("allopurinol", "mg")),
        ("  ", ()),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


def test_name_words_drop_strengths_forms_and_vaccine_words():
    assert name_words("Zithromax 250 mg film-coated tablets") == ("zithromax",)
    assert name_words("yellow fever vaccine") == ("yellow", "fever")
    assert name_words("flu jab") == ("flu",)
    assert name_words("ciprofloxacin eye drops") == ("ciprofloxacin", "eye", "drops")


def test_longest_name_wins_left_to_right():
    found = find_names("Uloric and allopurinol, then Vasotec IV", INDEX)
    assert [(m.name, m.start, m.end) for m in found] == [
        ("Uloric", 0, 1),
        ("allopurinol", 2, 3),
        ("Vasotec IV", 4, 6),
    ]


@pytest.mark.parametrize(
    ("name", "generic", "brands", "expected"),
    [
        ("Zyloprim", "allopurinol", ("Zyloprim",), "Zyloprim (allopurinol)"),
        ("allopurinol", "allopurinol", (), "Allopurinol"),
        ("co-trimoxazole", "co-trimoxazole", (), "Co-trimoxazole"),
        ("cotrimoxazole", "co-trimoxazole", (), "Cotrimoxazole"),
        ("mesalamine", "mesalazine", (), "Mesalamine (mesalazine)"),
        ("sfRowasa", "mesalazine", ("sfRowasa",), "sfRowasa (mesalazine)"),
    ],
)
def test_display_name(name, generic, brands, expected):
    assert display_name(name, Medicine(generic, brands=brands)) == expected


# ---------------------------------------------------------------- command-line names


@pytest.mark.parametrize(
    ("arguments", "queries"),
    [
        (["cipro"], ["cipro"]),
        (["Zithromax", "250", "mg", "tablets"], ["Zithromax 250 mg tablets"]),
        (["Zithromax 250 mg tablets", "Shingrix"], ["Zithromax 250 mg tablets", "Shingrix"]),
        (["yellow", "fever"], ["yellow fever"]),
        (["Bactrim", "DS"], ["Bactrim DS"]),
        (["magnesium", "stearate"], ["magnesium stearate"]),
        (["ciprofloxacin", "eye", "drops"], ["ciprofloxacin eye drops"]),
        (["cipro", "atorvastatin", "methotrexate"], ["cipro", "atorvastatin", "methotrexate"]),
        (["paracetamol", "ibuprofen"], ["paracetamol", "ibuprofen"]),
        (["  Lotrel  "], ["Lotrel"]),
    ],
)
def test_split_queries(arguments, queries):
    assert split_queries(arguments, INDEX) == queries


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ([], "no_name"),
        ([""], "empty_name"),
        (["cipro", "  "], "empty_name"),
        (["250"], "empty_name"),
    ],
)
def test_split_queries_refuses_empty_names(arguments, code):
    with pytest.raises(InputError) as caught:
        split_queries(arguments, INDEX)
    assert caught.value.code == code


# ---------------------------------------------------------------- the profile's list


def test_check_profile_medicines_lists_every_finding_per_entry():
    found = check_profile_medicines(
        ["ciprofloxacin", "atorvastatin 20 mg", "methotrexate", "Zostavax", "paracetamol"],
        MEDICINES,
        stopped_on=None,
        today=TODAY,
    )
    assert [(f.medicine, f.finding.group, f.finding.severity) for f in found] == [
        ("ciprofloxacin", "fluoroquinolones", "urgent"),
        ("atorvastatin 20 mg", "statins", "caution"),
        ("methotrexate", "methotrexate", "caution"),
        ("Zostavax", "live-vaccines", "urgent"),
    ]
    assert [f.finding.kind in DOSE_KINDS for f in found] == [False, False, True, True]


def test_check_profile_medicines_empty():
    assert check_profile_medicines([], MEDICINES) == []
