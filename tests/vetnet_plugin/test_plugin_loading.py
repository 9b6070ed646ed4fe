"""The plugin is loaded the way the LMS loads it: entry points and edx_django_utils.plugins."""
from importlib.metadata import entry_points

from django.apps import apps
from django.conf import settings
from django.urls import resolve, reverse
from edx_django_utils.plugins import get_plugin_apps
from openedx_events.learning.signals import (
    COURSE_ENROLLMENT_CHANGED,
    COURSE_ENROLLMENT_CREATED,
    COURSE_UNENROLLMENT_COMPLETED,
)

from vetnet_plugin import receivers


def test_registered_for_lms_and_studio_through_entry_points():
    for group in ("lms.djangoapp", "cms.djangoapp"):
        names = {ep.name: ep.value for ep in entry_points(group=group)}
        assert names.get("vetnet") == "vetnet_plugin.apps:VetnetPluginConfig"
        assert "vetnet_plugin.apps.VetnetPluginConfig" in get_plugin_apps(group)


def test_installed_by_the_plugin_loader_with_its_label():
    assert apps.get_app_config("vetnet").name == "vetnet_plugin"
    assert "vetnet_plugin.apps.VetnetPluginConfig" in settings.INSTALLED_APPS


def test_plugin_settings_applied():
    # common sets the defaults, the "test" settings type narrows the page size.
    assert settings.VETNET_MAX_PAGE_SIZE == 100
    assert settings.VETNET_PAGE_SIZE == 5


def test_api_urls_mounted_under_the_plugin_prefix():
    url = reverse("vetnet:profile")
    assert url == "/api/vetnet/v1/profile/"
    assert resolve(url).url_name == "profile"


def test_enrollment_receivers_connected():
    for signal, receiver in (
        (COURSE_ENROLLMENT_CREATED, receivers.on_enrollment_created),
        (COURSE_ENROLLMENT_CHANGED, receivers.on_enrollment_changed),
        (COURSE_UNENROLLMENT_COMPLETED, receivers.on_unenrollment_completed),
    ):
        connected = [entry[1]() for entry in signal.receivers]
        assert receiver in connected, signal.event_type


def test_xblocks_registered_with_the_fixed_type_names():
    names = {ep.name for ep in entry_points(group="xblock.v1")}
    assert {
        "vetnet_scenarios", "vetnet_counselling", "vetnet_toolbox",
        "vetnet_workspace", "vetnet_best_practice", "vetnet_partnership",
    } <= names
