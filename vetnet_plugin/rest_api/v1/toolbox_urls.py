"""URLs of the toolbox endpoints, included by ``urls.py``."""
from django.urls import re_path

from . import toolbox_views as views
from .patterns import COURSE_KEY_PATTERN

COURSE = rf"^courses/{COURSE_KEY_PATTERN}/toolbox"
RESOURCE = COURSE + r"/resources/(?P<resource_uuid>[0-9a-fA-F-]{36})"
COLLECTION = COURSE + r"/collections/(?P<collection_uuid>[0-9a-fA-F-]{36})"

urlpatterns = [
    re_path(COURSE + r"/resources/$", views.ResourceListView.as_view(), name="toolbox-resources"),
    re_path(RESOURCE + r"/$", views.ResourceDetailView.as_view(), name="toolbox-resource"),
    re_path(RESOURCE + r"/versions/$", views.ResourceVersionsView.as_view(), name="toolbox-versions"),
    re_path(RESOURCE + r"/download/$", views.ResourceDownloadView.as_view(), name="toolbox-download"),
    re_path(RESOURCE + r"/reviews/$", views.ReviewView.as_view(), name="toolbox-reviews"),
    re_path(RESOURCE + r"/adoption/$", views.AdoptionView.as_view(), name="toolbox-adoption"),
    re_path(RESOURCE + r"/moderation/$", views.ModerationActionView.as_view(), name="toolbox-moderate"),
    re_path(COURSE + r"/moderation/$", views.ModerationView.as_view(), name="toolbox-moderation"),
    re_path(COURSE + r"/collections/$", views.CollectionListView.as_view(), name="toolbox-collections"),
    re_path(COLLECTION + r"/$", views.CollectionDetailView.as_view(), name="toolbox-collection"),
    re_path(COLLECTION + r"/resources/(?P<resource_uuid>[0-9a-fA-F-]{36})/$", views.CollectionItemView.as_view(),
            name="toolbox-collection-item"),
]
