"""
The URL tree the OpenAPI schema is generated from.

Generating from the LMS's root URLconf would describe every API of the
platform; this tree holds only VETNet's, under the prefix the platform mounts.
"""
from django.urls import include, path

urlpatterns = [
    path("api/vetnet/", include("vetnet_plugin.urls")),
]
