"""Celery tasks of the policy dashboard. Thin: each one calls a service."""
from celery import shared_task

from . import snapshots


@shared_task(name="vetnet.refresh_policy_snapshots", ignore_result=True)
def refresh_policy_snapshots() -> int:
    """Periodic (hourly by the beat schedule): recompute every course community's dashboard tables."""
    return snapshots.refresh_policy_snapshots()
