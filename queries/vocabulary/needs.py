"""The needs commongraph tracks: what areas have (``HAS_NEED``) and services address.

Areas carry a level of each need from published indicators (deprivation, prevalence, census);
services say which needs they address (``ADDRESSES``), each tag with the rule it came from
(see :mod:`queries.vocabulary.service_types` and ``docs/data.md``). A connector or a group
may type any label or synonym, in English or Welsh; :data:`NEEDS` resolves it to the id.
"""

from __future__ import annotations

from queries.vocabulary.terms import Term, Vocabulary

__all__ = ["NEEDS", "TAGGING_PHRASES"]

NEEDS = Vocabulary(
    "need",
    (
        Term("deprivation", "Multiple deprivation", "Amddifadedd lluosog",
             ("poverty", "deprived", "tlodi")),
        Term("food_poverty", "Food poverty", "Tlodi bwyd",
             ("food", "hunger", "hungry", "food parcel", "free food", "bwyd", "newyn")),
        Term("poor_health", "General health", "Iechyd cyffredinol",
             ("health", "poor health", "ill health", "illness", "iechyd", "salwch")),
        Term("isolation", "Distance from services", "Pellter o wasanaethau",
             ("access to services", "rural isolation", "transport", "mynediad i wasanaethau")),
        Term("loneliness", "Loneliness", "Unigrwydd",
             ("lonely", "befriending", "friendship", "company", "social isolation",
              "social group", "unig", "cyfeillio", "cwmni", "cyfeillgarwch")),
        Term("housing", "Housing", "Tai",
             ("homeless", "homelessness", "home", "digartref", "digartrefedd", "llety")),
        Term("employment", "Work and employment", "Gwaith a chyflogaeth",
             ("work", "job", "jobs", "unemployed", "unemployment", "worklessness",
              "gwaith", "swydd", "swyddi", "diweithdra", "cyflogaeth")),
        Term("education", "Learning and skills", "Dysgu a sgiliau",
             ("learning", "skills", "course", "courses", "digital skills", "reading",
              "dysgu", "sgiliau", "cwrs", "cyrsiau", "darllen")),
        Term("unpaid_care", "Unpaid carers", "Gofalwyr di-dâl",
             ("carer", "carers", "caring", "young carers", "gofalwr", "gofalwyr", "gofalu")),
        Term("mental_health", "Mental health", "Iechyd meddwl",
             ("anxiety", "depression", "wellbeing", "well-being", "stress",
              "gorbryder", "iselder", "lles", "straen")),
        Term("dementia", "Dementia", "Dementia",
             ("alzheimer", "alzheimers", "memory", "memory cafe", "dementia cafe",
              "memory loss", "cof", "caffi cof", "caffi dementia", "colli cof")),
        Term("diabetes", "Diabetes", "Diabetes", ("diabetic", "clefyd siwgr", "clefyd y siwgr")),
        Term("cancer", "Cancer", "Canser", ("cancer support", "cymorth canser")),
        Term("hypertension", "High blood pressure", "Pwysedd gwaed uchel",
             ("blood pressure", "pwysedd gwaed")),
        Term("obesity", "Healthy weight", "Pwysau iach",
             ("weight", "overweight", "weight loss", "pwysau", "gordewdra", "colli pwysau")),
        Term("musculoskeletal", "Muscles, bones and joints", "Cyhyrau, esgyrn a chymalau",
             ("arthritis", "back pain", "joints", "joint pain", "poen cefn", "cymalau")),
        Term("respiratory", "Breathing and lungs", "Anadlu a'r ysgyfaint",
             ("asthma", "copd", "lungs", "breathing", "anadlu", "ysgyfaint")),
        Term("cardiovascular", "Heart and circulation", "Y galon a chylchrediad",
             ("heart", "stroke", "heart disease", "calon", "strôc", "clefyd y galon")),
        Term("physical_activity", "Physical activity", "Gweithgarwch corfforol",
             ("walking", "walking group", "walks", "exercise", "sport", "sports", "fitness",
              "active", "cerdded", "grŵp cerdded", "teithiau cerdded", "ymarfer corff",
              "chwaraeon", "ffitrwydd")),
        Term("care_support", "Care and support at home", "Gofal a chymorth yn y cartref",
             ("home care", "social care", "care at home", "personal care",
              "gofal cartref", "gofal cymdeithasol", "gofal personol")),
    ),
)  # fmt: skip

#: Need → phrases that, found as whole words in a service's own name or description, tag it
#: with the need (rule ``text:<phrase>``). Stricter than the synonyms: a word a person might
#: search with ("health", "home", "work") is too common in descriptions to tag with.
TAGGING_PHRASES: dict[str, tuple[str, ...]] = {
    "dementia": ("dementia", "alzheimer", "alzheimers", "memory cafe", "memory loss",
                 "caffi cof"),
    "mental_health": ("mental health", "mental illness", "mental wellbeing", "anxiety",
                      "depression", "iechyd meddwl"),
    "food_poverty": ("food bank", "foodbank", "food banks", "food parcel", "food parcels",
                     "hunger", "banc bwyd"),
    "unpaid_care": ("carers", "young carers", "unpaid carers", "gofalwyr"),
    "loneliness": ("loneliness", "lonely", "befriending", "lunch club", "social isolation",
                   "unigrwydd", "cyfeillio"),
    "physical_activity": ("sport", "sports", "football", "cricket", "rugby", "athletics",
                          "swimming", "tennis", "walking group", "walking", "exercise",
                          "fitness", "chwaraeon", "cerdded"),
    "cancer": ("cancer", "canser"),
    "housing": ("homeless", "homelessness", "housing advice", "digartref"),
    "employment": ("unemployed", "unemployment", "job seekers", "jobseekers",
                   "employability"),
    "education": ("adult learning", "literacy", "numeracy", "digital skills"),
    "diabetes": ("diabetes", "diabetic"),
    "respiratory": ("asthma", "copd", "lung", "lungs", "breathe easy"),
    "cardiovascular": ("heart disease", "stroke", "cardiac"),
    "musculoskeletal": ("arthritis", "back pain"),
    "care_support": ("home care", "domiciliary care", "personal care"),
}  # fmt: skip
