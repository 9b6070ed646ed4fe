"""
The controlled vocabularies of the community.

Members are found by these values, so they are codes stored in the database
with translatable labels shown to people. Adding a value is a code change;
renaming a label is not a data migration.
"""
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _


class OrganisationType:
    """The kinds of organisation the community brings together."""

    VET_PROVIDER = "vet_provider"
    SME_ASSOCIATION = "sme_association"
    POLICY_MAKER = "policy_maker"
    UNIVERSITY = "university"
    SCHOOL = "school"
    OTHER = "other"

    CHOICES = [
        (VET_PROVIDER, _("VET provider")),
        (SME_ASSOCIATION, _("SME or craft association")),
        (POLICY_MAKER, _("Policy maker")),
        (UNIVERSITY, _("University")),
        (SCHOOL, _("School")),
        (OTHER, _("Other")),
    ]


SECTORS = [
    ("agrifood", _("Agriculture and food")),
    ("construction", _("Construction and building crafts")),
    ("manufacturing", _("Manufacturing and mechanics")),
    ("automotive", _("Automotive and repair")),
    ("energy", _("Energy and green technologies")),
    ("ict", _("ICT and digital services")),
    ("hospitality", _("Tourism and hospitality")),
    ("health_care", _("Health and care")),
    ("fashion_textile", _("Fashion, textile and leather")),
    ("wood_furniture", _("Wood and furniture")),
    ("personal_services", _("Personal services")),
    ("retail_trade", _("Retail and trade")),
    ("creative_crafts", _("Creative and artistic crafts")),
    ("cross_sector", _("Cross-sector")),
]

TOPICS = [
    ("labour_market_vet", _("Labour-market-driven VET provision")),
    ("innovative_didactics", _("Innovative didactical models and technologies")),
    ("trainer_competences", _("Competences of trainers, teachers and VET professionals")),
    ("eu_funding", _("European funding instruments")),
    ("digital_transition", _("Digital transition of crafts and SMEs")),
    ("green_transition", _("Green transition and sustainability")),
    ("work_based_learning", _("Work-based learning and apprenticeships")),
    ("recognition_validation", _("Recognition and validation of skills")),
    ("internationalisation", _("Internationalisation and mobility")),
    ("inclusion", _("Inclusion and access to VET")),
]

# Languages members speak, by ISO 639-1 code, named the way Django names them
# (Django's own catalogs translate those names).
LANGUAGES = sorted(
    (code, _(info["name"]))
    for code, info in LANG_INFO.items()
    if len(code) == 2 and "name" in info
)

LICENCES = [
    ("cc-by", _("Creative Commons Attribution (CC BY 4.0)")),
    ("cc-by-sa", _("Creative Commons Attribution-ShareAlike (CC BY-SA 4.0)")),
    ("cc-by-nd", _("Creative Commons Attribution-NoDerivatives (CC BY-ND 4.0)")),
    ("cc-by-nc", _("Creative Commons Attribution-NonCommercial (CC BY-NC 4.0)")),
    ("cc-by-nc-sa", _("Creative Commons Attribution-NonCommercial-ShareAlike (CC BY-NC-SA 4.0)")),
    ("cc-by-nc-nd", _("Creative Commons Attribution-NonCommercial-NoDerivatives (CC BY-NC-ND 4.0)")),
    ("cc0", _("Public domain (CC0 1.0)")),
    ("all-rights-reserved", _("All rights reserved")),
]

# The eight levels of the European Qualifications Framework.
EQF_LEVELS = [(str(level), _("EQF level {level}").format(level=level)) for level in range(1, 9)]

# How an adoption went, as members report it (``core.adoption``).
OUTCOME_NONE = ""
OUTCOME_SUCCESS = "success"
OUTCOME_PARTIAL = "partial"
OUTCOME_NOT_SUCCESSFUL = "not_successful"
ADOPTION_OUTCOMES = [
    (OUTCOME_NONE, _("not reported yet")),
    (OUTCOME_SUCCESS, _("it worked well")),
    (OUTCOME_PARTIAL, _("it partly worked")),
    (OUTCOME_NOT_SUCCESSFUL, _("it did not work for us")),
]

SECTOR_CODES = frozenset(code for code, _label in SECTORS)
TOPIC_CODES = frozenset(code for code, _label in TOPICS)
LANGUAGE_CODES = frozenset(code for code, _label in LANGUAGES)
ORGANISATION_TYPE_CODES = frozenset(code for code, _label in OrganisationType.CHOICES)
LICENCE_CODES = frozenset(code for code, _label in LICENCES)
EQF_LEVEL_CODES = frozenset(code for code, _label in EQF_LEVELS)
