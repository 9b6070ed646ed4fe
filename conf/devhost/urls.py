"""
URLs of the development host. VETNet's own come from the plugin loader,
exactly as the LMS mounts them; everything else plays the platform.
"""
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path, register_converter
from edx_django_utils.plugins import get_plugin_url_patterns
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey, UsageKey

from .settings import PROJECT_TYPE
from .views import community, courses, studio, xblocks


class _OpaqueKeyConverter:
    """A URL segment that must parse as an opaque key; anything else is a 404."""

    regex = r"[^/]+"
    key_class = None

    def to_python(self, value):
        try:
            return self.key_class.from_string(value)
        except InvalidKeyError as exc:
            raise ValueError(value) from exc

    def to_url(self, value):
        return str(value)


class CourseKeyConverter(_OpaqueKeyConverter):
    key_class = CourseKey


class UsageKeyConverter(_OpaqueKeyConverter):
    key_class = UsageKey


register_converter(CourseKeyConverter, "course_key")
register_converter(UsageKeyConverter, "usage_key")

# The workbench's JavaScript runtime builds handler URLs as
# <prefix><usage key>/<handler>/<suffix>, so the handler routes keep that shape.
host_patterns = [
    path("", courses.dashboard, name="dashboard"),
    path("login/", auth_views.LoginView.as_view(template_name="devhost/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", community.profile, name="profile"),
    path("courses/<course_key:course_key>/", courses.course_outline, name="course"),
    path("courses/<course_key:course_key>/enroll/", courses.enroll, name="enroll"),
    path("courses/<course_key:course_key>/unenroll/", courses.unenroll, name="unenroll"),
    path("courses/<course_key:course_key>/units/<str:block_id>/", courses.unit, name="unit"),
    path("courses/<course_key:course_key>/progress/", courses.progress, name="progress"),
    path("courses/<course_key:course_key>/members/", community.member_directory, name="members"),
    path("courses/<course_key:course_key>/members/<int:user_id>/contact/", community.contact_member,
         name="contact_member"),
    path(
        "courses/<course_key:course_key>/studio/<str:block_type>/<str:block_id>/",
        studio.studio_block, name="studio_block",
    ),
    path(
        "courses/<course_key:course_key>/studio/<str:block_type>/<str:block_id>/olx/",
        studio.export_olx, name="export_olx",
    ),
    re_path(
        r"^xblock/handler/(?P<usage_key>[^/]+)/(?P<handler_name>[^/]+)/(?P<suffix>.*)$",
        xblocks.handler, name="xblock_handler",
    ),
    re_path(
        r"^studio/xblock/handler/(?P<usage_key>[^/]+)/(?P<handler_name>[^/]+)/(?P<suffix>.*)$",
        xblocks.handler, {"studio": True}, name="studio_handler",
    ),
    path("xblock/resource/<str:block_type>/<path:uri>", xblocks.resource, name="xblock_resource"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include((host_patterns, "devhost"))),
] + get_plugin_url_patterns(PROJECT_TYPE)
