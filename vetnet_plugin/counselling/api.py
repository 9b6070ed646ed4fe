"""The public API of peer counselling."""
from .cases import (
    accept_answer,
    answer_case,
    get_case,
    get_case_page,
    get_counselling_reputation,
    list_cases,
    open_case,
    report_outcome,
    retire_counselling_member,
    translate_case,
    vote_case_post,
)
from .cases import reputations as counselling_reputations
from .clinic import advance_clinic, save_action_plan, start_clinic
from .contributions import count_cases_routed_to, count_counselling_contributions
from .data import CLINIC_PHASES, Case, CasePage, CaseSummary, Clinic, CounsellingDesk, Reputation, SimilarCase, Topic
from .data import OUTCOMES as CASE_OUTCOMES
from .data import QUEUE_STATES as CASE_QUEUE_STATES
from .desks import configure_counselling_desk, get_counselling_desk
from .follow_ups import send_counselling_follow_ups
from .report import count_counselling_cases, list_case_owners_by_month, list_counselling_topics
from .routing import route_case as route_counselling_case
from .routing import routing_notices_enabled, set_routing_notices
from .similar import similar_cases

__all__ = [
    "CLINIC_PHASES",
    "CASE_OUTCOMES",
    "CASE_QUEUE_STATES",
    "Case",
    "CasePage",
    "CaseSummary",
    "Clinic",
    "CounsellingDesk",
    "Reputation",
    "SimilarCase",
    "Topic",
    "accept_answer",
    "advance_clinic",
    "answer_case",
    "configure_counselling_desk",
    "count_counselling_cases",
    "counselling_reputations",
    "count_cases_routed_to",
    "count_counselling_contributions",
    "get_case",
    "get_case_page",
    "get_counselling_reputation",
    "get_counselling_desk",
    "list_case_owners_by_month",
    "list_counselling_topics",
    "list_cases",
    "open_case",
    "report_outcome",
    "retire_counselling_member",
    "route_counselling_case",
    "save_action_plan",
    "routing_notices_enabled",
    "send_counselling_follow_ups",
    "set_routing_notices",
    "similar_cases",
    "start_clinic",
    "translate_case",
    "vote_case_post",
]
