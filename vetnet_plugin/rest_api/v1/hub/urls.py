"""URLs of the community hub and the four phases, under ``/api/vetnet/v1/``."""
from django.urls import path, re_path

from ..base import COURSE
from . import views

_CREDENTIAL = r"hub/credentials/(?P<credential_uuid>[0-9a-fA-F-]{32,36})"

urlpatterns = [
    path("hub/", views.HubView.as_view(), name="hub"),
    path("hub/credentials/", views.OwnCredentialsView.as_view(), name="hub-credentials"),
    path("hub/verification/", views.VerificationView.as_view(), name="hub-verification"),
    re_path(rf"^{_CREDENTIAL}/$", views.CredentialView.as_view(), name="hub-credential"),
    re_path(rf"^{_CREDENTIAL}/verification/$", views.CredentialVerificationView.as_view(),
            name="hub-credential-verification"),
    re_path(rf"^{COURSE}/hub/$", views.CourseHubView.as_view(), name="hub-course"),
    re_path(rf"^{COURSE}/hub/criteria/$", views.CriteriaView.as_view(), name="hub-criteria"),
    re_path(rf"^{COURSE}/hub/criteria/(?P<phase>[a-z]+)/$", views.PhaseCriteriaView.as_view(),
            name="hub-phase-criteria"),
    re_path(rf"^{COURSE}/hub/progress/$", views.ProgressRecordView.as_view(), name="hub-progress"),
    re_path(rf"^{COURSE}/hub/credentials/$", views.ClaimView.as_view(), name="hub-claim"),
    re_path(rf"^{COURSE}/hub/credentials/(?P<credential_uuid>[0-9a-fA-F-]{{32,36}})/revocation/$",
            views.CredentialRevokeView.as_view(), name="hub-revoke"),
]
