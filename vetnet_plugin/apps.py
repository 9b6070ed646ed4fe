"""Django application configuration, read by the Open edX plugin loader."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

_PROJECT_SETTINGS = {
    "common": {"relative_path": "settings.common"},
    "production": {"relative_path": "settings.production"},
    "devstack": {"relative_path": "settings.devstack"},
    "test": {"relative_path": "settings.test"},
}

_RECEIVERS = [
    {
        "receiver_func_name": "on_enrollment_created",
        "signal_path": "openedx_events.learning.signals.COURSE_ENROLLMENT_CREATED",
    },
    {
        "receiver_func_name": "on_enrollment_changed",
        "signal_path": "openedx_events.learning.signals.COURSE_ENROLLMENT_CHANGED",
    },
    {
        "receiver_func_name": "on_unenrollment_completed",
        "signal_path": "openedx_events.learning.signals.COURSE_UNENROLLMENT_COMPLETED",
    },
    {
        "receiver_func_name": "on_certificate_created",
        "signal_path": "openedx_events.learning.signals.CERTIFICATE_CREATED",
    },
    {
        "receiver_func_name": "on_certificate_changed",
        "signal_path": "openedx_events.learning.signals.CERTIFICATE_CHANGED",
    },
    {
        "receiver_func_name": "on_certificate_revoked",
        "signal_path": "openedx_events.learning.signals.CERTIFICATE_REVOKED",
    },
]


class VetnetPluginConfig(AppConfig):
    """The VETNet plugin app: community data behind the VETNet XBlocks."""

    name = "vetnet_plugin"
    label = "vetnet"
    verbose_name = _("VETNet community")
    default_auto_field = "django.db.models.BigAutoField"

    plugin_app = {
        "url_config": {
            "lms.djangoapp": {
                "namespace": "vetnet",
                "regex": r"^api/vetnet/",
                "relative_path": "urls",
            },
            "cms.djangoapp": {
                "namespace": "vetnet",
                "regex": r"^api/vetnet/",
                "relative_path": "urls",
            },
        },
        "settings_config": {
            "lms.djangoapp": _PROJECT_SETTINGS,
            "cms.djangoapp": _PROJECT_SETTINGS,
        },
        "signals_config": {
            "lms.djangoapp": {"relative_path": "receivers", "receivers": _RECEIVERS},
            "cms.djangoapp": {"relative_path": "receivers", "receivers": []},
        },
    }

    def ready(self):
        # Retirement signals live in edx-platform itself, not in openedx-events,
        # so they cannot be named in signals_config outside the platform.
        from celery.signals import task_prerun  # pylint: disable=import-outside-toplevel
        from django.conf import settings  # pylint: disable=import-outside-toplevel
        from django.db.models.signals import post_save  # pylint: disable=import-outside-toplevel

        from . import compat, receivers  # pylint: disable=import-outside-toplevel

        compat.connect_retirement_receivers(receivers.on_user_retired)
        # The acting person is resolved once per request (``members.access.actor_for``);
        # these forget it when what it depends on changes, and at the start of a task.
        post_save.connect(receivers.on_user_saved, sender=settings.AUTH_USER_MODEL, dispatch_uid="vetnet_user_saved")
        compat.connect_course_role_receivers(receivers.on_course_role_changed)
        task_prerun.connect(receivers.on_task_started, dispatch_uid="vetnet_task_started", weak=False)
