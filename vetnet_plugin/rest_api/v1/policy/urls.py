"""URLs of the policy dashboard and the policy responses, under ``/api/vetnet/v1/``."""
from django.urls import re_path

from ..base import COURSE
from . import views

_INDICATOR = r"indicators/(?P<indicator>[a-z_]{1,64})/csv/"

urlpatterns = [
    re_path(r"^policy/dashboard/$", views.DashboardPageView.as_view(), name="policy-dashboard-all"),
    re_path(r"^policy/indicators/$", views.DashboardView.as_view(), name="policy-indicators-all"),
    re_path(rf"^policy/{_INDICATOR}$", views.TableCSVView.as_view(), name="policy-indicator-csv-all"),
    re_path(rf"^{COURSE}/policy/dashboard/$", views.DashboardPageView.as_view(), name="policy-dashboard"),
    re_path(rf"^{COURSE}/policy/indicators/$", views.DashboardView.as_view(), name="policy-indicators"),
    re_path(rf"^{COURSE}/policy/{_INDICATOR}$", views.TableCSVView.as_view(), name="policy-indicator-csv"),
    re_path(rf"^{COURSE}/policy/responses/$", views.ResponsesView.as_view(), name="policy-responses"),
    re_path(rf"^{COURSE}/policy/responses/(?P<response_uuid>[0-9a-fA-F-]{{32,36}})/$", views.ResponseView.as_view(),
            name="policy-response"),
]
