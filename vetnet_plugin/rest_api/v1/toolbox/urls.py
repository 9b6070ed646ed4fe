"""URLs of the toolbox endpoints, included by ``urls.py``."""
from django.urls import re_path

from ..base import COURSE
from . import views

_TOOLBOX = rf"^{COURSE}/toolbox"
_RESOURCE = _TOOLBOX + r"/resources/(?P<resource_uuid>[0-9a-fA-F-]{36})"
_COLLECTION = _TOOLBOX + r"/collections/(?P<collection_uuid>[0-9a-fA-F-]{36})"

urlpatterns = [
    re_path(_TOOLBOX + r"/resources/$", views.ResourceListView.as_view(), name="toolbox-resources"),
    re_path(_RESOURCE + r"/$", views.ResourceDetailView.as_view(), name="toolbox-resource"),
    re_path(_RESOURCE + r"/versions/$", views.ResourceVersionsView.as_view(), name="toolbox-versions"),
    re_path(_RESOURCE + r"/download/$", views.ResourceDownloadView.as_view(), name="toolbox-download"),
    re_path(_RESOURCE + r"/reviews/$", views.ReviewView.as_view(), name="toolbox-reviews"),
    re_path(_RESOURCE + r"/adoption/$", views.AdoptionView.as_view(), name="toolbox-adoption"),
    re_path(_RESOURCE + r"/moderation/$", views.ModerationActionView.as_view(), name="toolbox-moderate"),
    re_path(_TOOLBOX + r"/moderation/$", views.ModerationView.as_view(), name="toolbox-moderation"),
    re_path(_TOOLBOX + r"/collections/$", views.CollectionListView.as_view(), name="toolbox-collections"),
    re_path(_COLLECTION + r"/$", views.CollectionDetailView.as_view(), name="toolbox-collection"),
    re_path(_COLLECTION + r"/resources/(?P<resource_uuid>[0-9a-fA-F-]{36})/$", views.CollectionItemView.as_view(),
            name="toolbox-collection-item"),
]
