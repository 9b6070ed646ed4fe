"""URLs of the best-practice track, under ``/api/vetnet/v1/``."""
from django.urls import path, re_path

from ..base import COURSE
from . import repository_pages, repository_views, views

_TRACK = COURSE + r"/best-practices/(?P<usage_key>block-v1:[^/]+)"
_UUID = r"[0-9a-fA-F-]{32,36}"
_REPOSITORY = COURSE + r"/best-practices/repository"
_ENTRY = rf"(?P<entry_uuid>{_UUID})"
_FORMAT = r"(?P<export_format>json|csv)"

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
    # The repository, shared by every course community: REST for members, pages for members and the public.
    re_path(rf"^{_REPOSITORY}/$", repository_views.RepositoryListView.as_view(), name="repository"),
    re_path(rf"^{_REPOSITORY}/page/$", repository_pages.MemberRepositoryPage.as_view(), name="repository-member"),
    re_path(rf"^{_REPOSITORY}/page/{_ENTRY}/$", repository_pages.MemberEntryPage.as_view(),
            name="repository-member-entry"),
    re_path(rf"^{_REPOSITORY}/{_ENTRY}/$", repository_views.RepositoryEntryView.as_view(), name="repository-entry"),
    re_path(rf"^{_REPOSITORY}/{_ENTRY}/withdrawal/$", repository_views.RepositoryWithdrawalView.as_view(),
            name="repository-withdrawal"),
    re_path(rf"^{_REPOSITORY}/{_ENTRY}/adoption/$", repository_views.PracticeAdoptionView.as_view(),
            name="repository-adoption"),
    re_path(rf"^{_REPOSITORY}/{_ENTRY}/adoption/outcome/$", repository_views.PracticeOutcomeView.as_view(),
            name="repository-adoption-outcome"),
    re_path(rf"^{_REPOSITORY}/{_ENTRY}/export\.{_FORMAT}$", repository_views.RepositoryExportView.as_view(),
            name="repository-export"),
    path("repository/", repository_pages.PublicRepositoryPage.as_view(), name="repository-public"),
    path("repository/feed.atom", repository_pages.RepositoryAtomFeed(), name="repository-atom-feed"),
    path("repository/feed.json", repository_pages.json_feed, name="repository-json-feed"),
    re_path(rf"^repository/{_ENTRY}/$", repository_pages.PublicEntryPage.as_view(), name="repository-public-entry"),
    re_path(rf"^repository/{_ENTRY}/export\.{_FORMAT}$", repository_pages.public_export,
            name="repository-public-export"),
]
