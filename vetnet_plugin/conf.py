"""
VETNet's settings, read in one place.

Every setting has its default in ``settings/common.py`` (``DEFAULTS``), which
the platform's plugin loader applies at start-up. Code reads a setting through
``setting(name)`` at the moment it needs it, never at import time, so an
operator's override, a test's ``override_settings`` and a missing plugin
settings step all give the same answer.
"""
from django.conf import settings as django_settings

from .settings.common import DEFAULTS


def setting(name: str):
    """The operator's value of a ``VETNET_*`` setting, or its documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"{name} is not a VETNet setting")
    return getattr(django_settings, name, DEFAULTS[name])
