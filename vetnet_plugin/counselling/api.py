"""The public API of peer counselling."""
from .cases import (
    accept_answer,
    answer_case,
    get_case,
    get_case_page,
    list_cases,
    open_case,
    report_outcome,
    retire_counselling_member,
    vote_case_post,
)
from .contributions import count_cases_routed_to, count_counselling_contributions
from .data import OUTCOMES as CASE_OUTCOMES
from .data import QUEUE_STATES as CASE_QUEUE_STATES
from .data import Case, CasePage, CaseSummary, CounsellingDesk, SimilarCase, Topic
from .desks import configure_counselling_desk, get_counselling_desk
from .follow_ups import send_counselling_follow_ups
from .similar import similar_cases

__all__ = [
    "CASE_OUTCOMES",
    "CASE_QUEUE_STATES",
    "Case",
    "CasePage",
    "CaseSummary",
    "CounsellingDesk",
    "SimilarCase",
    "Topic",
    "accept_answer",
    "answer_case",
    "configure_counselling_desk",
    "count_cases_routed_to",
    "count_counselling_contributions",
    "get_case",
    "get_case_page",
    "get_counselling_desk",
    "list_cases",
    "open_case",
    "report_outcome",
    "retire_counselling_member",
    "send_counselling_follow_ups",
    "similar_cases",
    "vote_case_post",
]
