"""Test settings: small pages so pagination is exercised."""


def plugin_settings(settings):
    """Keep the directory's pages small so tests cross page boundaries."""
    settings.VETNET_PAGE_SIZE = 5
