"""URLs of partner search and partnerships, under ``/api/vetnet/v1/``."""
from django.urls import re_path

from ..base import COURSE
from . import views

_UUID = r"[0-9a-fA-F-]{32,36}"
_PARTNERSHIP = COURSE + rf"/partnerships/(?P<partnership_uuid>{_UUID})"

urlpatterns = [
    re_path(rf"^{COURSE}/funding-instruments/$", views.InstrumentsView.as_view(), name="funding-instruments"),
    re_path(rf"^{COURSE}/partner-search/$", views.PartnerSearchView.as_view(), name="partner-search"),
    re_path(rf"^{COURSE}/partnerships/$", views.PartnershipsView.as_view(), name="partnerships"),
    re_path(rf"^{_PARTNERSHIP}/$", views.PartnershipView.as_view(), name="partnership"),
    re_path(rf"^{_PARTNERSHIP}/invitations/$", views.InviteView.as_view(), name="partnership-invite"),
    re_path(rf"^{_PARTNERSHIP}/invitations/withdraw/$", views.WithdrawView.as_view(), name="partnership-withdraw"),
    re_path(rf"^{_PARTNERSHIP}/answer/$", views.AnswerView.as_view(), name="partnership-answer"),
    re_path(rf"^{_PARTNERSHIP}/notices/$", views.NoticesView.as_view(), name="partnership-notices"),
    re_path(rf"^{_PARTNERSHIP}/summary/$", views.SummaryView.as_view(), name="partnership-summary"),
    re_path(rf"^{_PARTNERSHIP}/summary.pdf$", views.SummaryPdfView.as_view(), name="partnership-summary-pdf"),
]
