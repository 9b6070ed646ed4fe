"""
Settings every VETNet installation gets, for the LMS and for Studio.

Each value is only a default: an operator overrides it in the platform's
settings (for Tutor, in an ``openedx-common-settings`` patch).
"""

DEFAULTS = {
    # Celery queue the plugin's tasks are routed to (None: the default queue).
    "VETNET_CELERY_QUEUE": None,
    # Page size of the member directory and other paginated lists.
    "VETNET_PAGE_SIZE": 20,
    "VETNET_MAX_PAGE_SIZE": 100,
}


def plugin_settings(settings):
    """Apply VETNet's defaults without overriding what the operator set."""
    for name, value in DEFAULTS.items():
        if not hasattr(settings, name):
            setattr(settings, name, value)
