"""URLs of the best-practice track, under ``/api/vetnet/v1/``."""
from django.urls import path, re_path

from ..base import COURSE
from . import views

_TRACK = COURSE + r"/best-practices/(?P<usage_key>block-v1:[^/]+)"
_UUID = r"[0-9a-fA-F-]{32,36}"

urlpatterns = [
    path("profile/credentials/", views.OwnCredentialsView.as_view(), name="own-credentials"),
    re_path(rf"^{_TRACK}/$", views.LearnerView.as_view(), name="best-practice"),
    re_path(rf"^{_TRACK}/draft/$", views.DraftView.as_view(), name="best-practice-draft"),
    re_path(rf"^{_TRACK}/submit/$", views.SubmitView.as_view(), name="best-practice-submit"),
    re_path(rf"^{_TRACK}/withdraw/$", views.WithdrawView.as_view(), name="best-practice-withdraw"),
    re_path(rf"^{_TRACK}/calibration/$", views.CalibrationView.as_view(), name="best-practice-calibration"),
    re_path(rf"^{_TRACK}/self-assessment/$", views.SelfAssessmentView.as_view(), name="best-practice-self"),
    re_path(rf"^{_TRACK}/reviews/$", views.ReviewRequestView.as_view(), name="best-practice-reviews"),
    re_path(rf"^{_TRACK}/reviews/(?P<review_uuid>{_UUID})/$", views.ReviewView.as_view(),
            name="best-practice-review"),
    re_path(rf"^{_TRACK}/reviews/(?P<review_uuid>{_UUID})/reassign/$", views.ReassignView.as_view(),
            name="best-practice-reassign"),
    re_path(rf"^{_TRACK}/submissions/$", views.SubmissionsView.as_view(), name="best-practice-submissions"),
    re_path(rf"^{_TRACK}/submissions/(?P<practice_uuid>{_UUID})/$", views.SubmissionView.as_view(),
            name="best-practice-submission"),
    re_path(rf"^{_TRACK}/submissions/(?P<practice_uuid>{_UUID})/override/$", views.OverrideView.as_view(),
            name="best-practice-override"),
    re_path(rf"^{_TRACK}/submissions/(?P<practice_uuid>{_UUID})/repository/$", views.RepositoryView.as_view(),
            name="best-practice-repository"),
    re_path(rf"^{_TRACK}/reviewers/$", views.ReviewerQualityView.as_view(), name="best-practice-reviewers"),
]
