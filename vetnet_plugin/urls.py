"""URLs of the plugin, mounted by the platform under ``/api/vetnet/``."""
from django.urls import include, path

app_name = "vetnet"

urlpatterns = [
    path("v1/", include("vetnet_plugin.rest_api.v1.urls")),
    # The hub's HTML pages (the course tab links here).
    path("hub/", include("vetnet_plugin.pages.urls")),
]
