"""The public API of the policy dashboard and the policy responses."""
from .dashboard import get_policy_dashboard
from .dashboard import min_cell as policy_min_cell
from .dashboard import readable_course_keys as policy_course_keys
from .data import Cell as PolicyCell
from .data import Dashboard as PolicyDashboard
from .data import IndicatorTable, PolicyResponse
from .export import table_csv as policy_table_csv
from .indicators import INDICATORS as POLICY_INDICATORS
from .page import render_policy_dashboard
from .responses import (
    create_policy_response,
    delete_policy_response,
    list_policy_responses,
    retire_policy_responses,
    update_policy_response,
)
from .snapshots import refresh_policy_snapshots

__all__ = [
    "POLICY_INDICATORS",
    "IndicatorTable",
    "PolicyCell",
    "PolicyDashboard",
    "PolicyResponse",
    "create_policy_response",
    "delete_policy_response",
    "get_policy_dashboard",
    "list_policy_responses",
    "policy_course_keys",
    "policy_min_cell",
    "policy_table_csv",
    "refresh_policy_snapshots",
    "render_policy_dashboard",
    "retire_policy_responses",
    "update_policy_response",
]
