"""The public API of partner search and partnerships (Cooperation)."""
from .data import PARTNER_STATUSES, Eligibility, Instrument, Partner, Partnership, PartnerSuggestion
from .data import ROLES as PARTNERSHIP_ROLES
from .data import STATES as PARTNERSHIP_STATES
from .eligibility import check_composition as check_partnership_composition
from .eligibility import list_instruments as list_funding_instruments
from .proposals import (
    answer_invitation,
    get_partnership,
    invite_partner,
    list_partnerships,
    propose_partnership,
    set_partnership_notices,
    withdraw_invitation,
)
from .report import count_partnership_contributions, count_partnerships
from .retirement import retire_partnership_member
from .search import suggest_partners
from .summary import pdf_available as partnership_pdf_available
from .summary import render_partnership_pdf, render_partnership_summary

__all__ = [
    "PARTNERSHIP_ROLES",
    "PARTNERSHIP_STATES",
    "PARTNER_STATUSES",
    "Eligibility",
    "Instrument",
    "Partner",
    "PartnerSuggestion",
    "Partnership",
    "answer_invitation",
    "check_partnership_composition",
    "count_partnership_contributions",
    "count_partnerships",
    "get_partnership",
    "invite_partner",
    "list_funding_instruments",
    "list_partnerships",
    "partnership_pdf_available",
    "propose_partnership",
    "render_partnership_pdf",
    "render_partnership_summary",
    "retire_partnership_member",
    "set_partnership_notices",
    "suggest_partners",
    "withdraw_invitation",
]
