"""
The public API of the community hub and the four phases.

The hub reads every feature through that feature's api; it writes only its
own tables: members' recorded progress, courses' phase criteria, and the
Open Badges credentials the site issues for the informal phases.
"""
from .community import get_hub, get_progressions
from .credentials import (
    claim_phase_credential,
    get_phase_credential,
    list_phase_credentials,
    revoke_phase_credential,
    verify_credential_document,
    verify_phase_credential,
)
from .data import (
    INFORMAL_PHASES,
    PHASE_ACTIONS,
    PHASES,
    ActionProgress,
    CommunityNews,
    Hub,
    HubLink,
    PhaseCredential,
    PhaseCriteria,
    PhaseStep,
    Progression,
    Verification,
)
from .phases import (
    get_phase_criteria,
    record_all_phase_progress,
    record_phase_progress,
    refresh_course_progress,
    set_phase_criteria,
)
from .retirement import retire_hub_member

__all__ = [
    "INFORMAL_PHASES",
    "PHASES",
    "PHASE_ACTIONS",
    "ActionProgress",
    "CommunityNews",
    "Hub",
    "HubLink",
    "PhaseCredential",
    "PhaseCriteria",
    "PhaseStep",
    "Progression",
    "Verification",
    "claim_phase_credential",
    "get_hub",
    "get_phase_credential",
    "get_phase_criteria",
    "get_progressions",
    "list_phase_credentials",
    "record_all_phase_progress",
    "record_phase_progress",
    "refresh_course_progress",
    "retire_hub_member",
    "revoke_phase_credential",
    "set_phase_criteria",
    "verify_credential_document",
    "verify_phase_credential",
]
