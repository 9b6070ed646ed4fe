"""URLs of privacy, under ``/api/vetnet/v1/``."""
from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^privacy/members/(?P<user_id>[0-9]{1,12})/export/$", views.MemberDataExportView.as_view(),
            name="member-data-export"),
]
