"""
The development host's Celery app, set up the way the LMS sets up its own.

VETNet declares its tasks with ``shared_task``, so they bind to whichever app
the host process made current; here that is this one. Settings come from
Django's ``CELERY_*`` names: eager by default, a broker (Redis in the test
run on real services) when ``VETNET_CELERY_BROKER`` names one. A worker for
the host starts with ``celery -A devhost worker`` from the repository root,
with ``conf`` on ``PYTHONPATH``.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devhost.settings")

app = Celery("devhost")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Finds ``tasks`` modules of every installed app, the plugin's included, once
# Django's app registry is ready; nothing is imported at this point.
app.autodiscover_tasks()
