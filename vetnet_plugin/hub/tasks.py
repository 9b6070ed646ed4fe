"""The hub's Celery tasks."""
from celery import shared_task

from . import phases


@shared_task(name="vetnet.record_phase_progress", ignore_result=True)
def record_phase_progress() -> int:
    """Periodic (hourly by the beat schedule): every member's four-phase progress, recorded from what they did."""
    return phases.record_all_phase_progress()


@shared_task(name="vetnet.record_course_phase_progress", ignore_result=True)
def record_course_phase_progress(course_key: str) -> int:
    """One course's progress rows, recorded now."""
    return phases.record_phase_progress(course_key=course_key)
