"""URLs of the members feature, under ``/api/vetnet/v1/``."""
from django.urls import path, re_path

from ..base import COURSE
from . import views

urlpatterns = [
    path("profile/", views.OwnProfileView.as_view(), name="profile"),
    re_path(rf"^{COURSE}/members/$", views.CommunityMembersView.as_view(), name="members"),
    re_path(rf"^{COURSE}/members/(?P<user_id>[0-9]{{1,12}})/contact/$", views.MemberContactView.as_view(),
            name="member_contact"),
    re_path(rf"^{COURSE}/community-roles/$", views.CommunityRolesView.as_view(), name="community-roles"),
    re_path(rf"^{COURSE}/community-roles/(?P<role>[a-z_]+)/(?P<user_id>[0-9]+)/$",
            views.CommunityRoleView.as_view(), name="community-role"),
]
