"""The development host app: it plays the platform, it is not part of the product."""
from django.apps import AppConfig


class DevHostConfig(AppConfig):
    name = "devhost"
    label = "devhost"
    verbose_name = "VETNet development host"

    def ready(self):
        # The LMS connects plugin receivers at start-up; so does the host.
        from edx_django_utils.plugins import connect_plugin_receivers  # pylint: disable=import-outside-toplevel

        from .settings import PROJECT_TYPE  # pylint: disable=import-outside-toplevel

        connect_plugin_receivers(PROJECT_TYPE)

        # Scores published from outside a block reach the host's grades, as the
        # LMS's grades receivers take them on the platform.
        from vetnet_plugin.compat import score_published_outside_platform  # pylint: disable=import-outside-toplevel

        from .grades import receive_score_from_outside_a_block  # pylint: disable=import-outside-toplevel

        score_published_outside_platform.connect(receive_score_from_outside_a_block,
                                                 dispatch_uid="devhost_score_from_outside_a_block")
