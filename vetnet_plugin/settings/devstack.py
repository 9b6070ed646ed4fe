"""Development settings: the common defaults are enough."""


def plugin_settings(settings):  # pylint: disable=unused-argument
    """Nothing beyond ``common`` for development."""
