"""The development host: a small Django project that plays the Open edX platform."""
# Importing the app here makes it the current one before any task module is
# loaded, so the plugin's ``shared_task``s bind to it (as in the LMS).
from .celery import app as celery_app

__all__ = ("celery_app",)
