"""
Celery tasks of the best-practice track. Thin: each one calls a service.
"""
from celery import shared_task

from . import allocation, waiting


@shared_task(name="vetnet.apply_best_practice_waiting_rule", ignore_result=True)
def apply_best_practice_waiting_rule() -> dict:
    """Periodic (hourly by the beat schedule): free lapsed leases, then apply every due waiting rule."""
    allocation.expire_leases()
    return waiting.apply_waiting_rule()
