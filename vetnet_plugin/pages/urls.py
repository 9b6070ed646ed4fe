"""URLs of the hub's pages, under ``/api/vetnet/hub/`` (where the platform mounts the plugin)."""
from django.urls import path, re_path

from . import hub

_COURSE = r"courses/(?P<course_key>course-v1:[^/+]+\+[^/+]+\+[^/?]+)"

urlpatterns = [
    path("", hub.hub_page, name="hub_page"),
    re_path(rf"^{_COURSE}/$", hub.course_hub_page, name="hub_course"),
    re_path(rf"^{_COURSE}/claim/$", hub.claim_page, name="hub_claim_page"),
    re_path(rf"^{_COURSE}/phases/$", hub.criteria_page, name="hub_criteria_page"),
    re_path(r"^credentials/(?P<credential_uuid>[0-9a-fA-F-]{32,36})/$", hub.credential_page,
            name="hub_credential_page"),
]
