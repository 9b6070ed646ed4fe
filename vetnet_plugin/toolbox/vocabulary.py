"""
The toolbox's controlled vocabularies: codes stored, labels translated.

Sectors, languages, licences and EQF levels are the community's own
(``core.taxonomy``); these are the values only resources have.
"""
from django.utils.translation import gettext_lazy as _

# Shared with the best-practice repository: the community's own (``core.taxonomy``).
from ..core.taxonomy import EQF_LEVELS, LICENCES

RESOURCE_TYPES = [
    ("project_result", _("Project result")),
    ("technological_tool", _("Technological tool")),
    ("document", _("Document")),
    ("training_material", _("Training material")),
    ("video", _("Video")),
    ("other", _("Other")),
]

TARGET_GROUPS = [
    ("vet_learners", _("VET learners and apprentices")),
    ("trainers", _("Trainers and teachers")),
    ("vet_managers", _("VET providers' managers")),
    ("sme_staff", _("SME and craft enterprise staff")),
    ("policy_makers", _("Policy makers")),
    ("guidance", _("Guidance counsellors")),
    ("general", _("Everyone")),
]

SORT_ORDERS = [
    ("newest", _("Newest")),
    ("best_rated", _("Best rated")),
    ("most_adopted", _("Most adopted")),
]

# Which resources a toolbox block shows: its own course's, the community
# library's across courses, or both.
SCOPES = [
    ("course", _("This course only")),
    ("community", _("The community library")),
    ("both", _("This course and the community library")),
]

MODERATION_MODES = [
    ("open", _("Publish at once")),
    ("approval", _("Staff approve first")),
]

RESOURCE_TYPE_CODES = frozenset(code for code, _label in RESOURCE_TYPES)
TARGET_GROUP_CODES = frozenset(code for code, _label in TARGET_GROUPS)
LICENCE_CODES = frozenset(code for code, _label in LICENCES)
EQF_LEVEL_CODES = frozenset(code for code, _label in EQF_LEVELS)
SORT_CODES = frozenset(code for code, _label in SORT_ORDERS)
SCOPE_CODES = frozenset(code for code, _label in SCOPES)
MODERATION_CODES = frozenset(code for code, _label in MODERATION_MODES)
