"""
Every Celery task of VETNet, where Celery's autodiscovery looks (``<app>.tasks``).

Each feature keeps its tasks in its own ``tasks`` module; they are
``shared_task``s with explicit names (``vetnet.<what>``), so they run on the
platform's own Celery app and keep their names wherever the code moves.
"""
from .best_practices.tasks import apply_best_practice_waiting_rule
from .counselling.tasks import send_counselling_follow_ups
from .discussions.tasks import send_discussion_digests
from .hub.tasks import record_course_phase_progress, record_phase_progress
from .partnerships.tasks import send_partnership_notice
from .policy.tasks import refresh_policy_snapshots
from .toolbox.tasks import scan_resource_version
from .workspaces.tasks import send_workspace_due_reminders, send_workspace_notice

__all__ = [
    "apply_best_practice_waiting_rule", "record_course_phase_progress", "record_phase_progress",
    "refresh_policy_snapshots", "scan_resource_version", "send_counselling_follow_ups", "send_discussion_digests",
    "send_partnership_notice", "send_workspace_due_reminders", "send_workspace_notice",
]
