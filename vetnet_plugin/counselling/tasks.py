"""Celery tasks of peer counselling. Thin: each one calls a service."""
from celery import shared_task

from . import follow_ups, routing


@shared_task(name="vetnet.send_counselling_follow_ups", ignore_result=True)
def send_counselling_follow_ups() -> int:
    """Periodic (hourly by the beat schedule): ask the owners of due cases what happened."""
    return follow_ups.send_counselling_follow_ups()


@shared_task(name="vetnet.route_counselling_case", ignore_result=True)
def route_counselling_case(case_id: int) -> int:
    """Tell the members whose profiles match a new case about it (once per case)."""
    return routing.route_case(case_id=case_id)
