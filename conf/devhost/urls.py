"""URLs of the development host; VETNet's own come from the plugin loader."""
from django.contrib import admin
from django.urls import path
from edx_django_utils.plugins import get_plugin_url_patterns

from .settings import PROJECT_TYPE

urlpatterns = [
    path("admin/", admin.site.urls),
] + get_plugin_url_patterns(PROJECT_TYPE)
