"""Version 1 of the VETNet REST API."""
from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import views
from .patterns import COURSE_KEY_PATTERN
from .communication_urls import urlpatterns as communication_urlpatterns
from .toolbox_urls import urlpatterns as toolbox_urlpatterns


urlpatterns = [
    path("profile/", views.OwnProfileView.as_view(), name="profile"),
    re_path(rf"^courses/{COURSE_KEY_PATTERN}/members/$", views.CommunityMembersView.as_view(), name="members"),
    *communication_urlpatterns,
    *toolbox_urlpatterns,
    path("schema/", SpectacularAPIView.as_view(urlconf="vetnet_plugin.rest_api.schema_urls"), name="schema"),
]
