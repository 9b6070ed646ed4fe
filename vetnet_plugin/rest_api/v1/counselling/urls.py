"""URLs of peer counselling, under ``/api/vetnet/v1/``."""
from django.urls import re_path

from ..base import COURSE
from . import views

_DESK = COURSE + r"/counselling/(?P<usage_key>block-v1:[^/]+)"
_UUID = r"[0-9a-fA-F-]{32,36}"

urlpatterns = [
    re_path(rf"^{_DESK}/cases/$", views.CasesView.as_view(), name="counselling-cases"),
    re_path(rf"^{_DESK}/similar/$", views.SimilarView.as_view(), name="counselling-similar"),
    re_path(rf"^{_DESK}/notices/$", views.NoticesView.as_view(), name="counselling-notices"),
    re_path(rf"^{_DESK}/cases/(?P<case_uuid>{_UUID})/$", views.CaseView.as_view(), name="counselling-case"),
    re_path(rf"^{_DESK}/cases/(?P<case_uuid>{_UUID})/outcome/$", views.OutcomeView.as_view(),
            name="counselling-outcome"),
    re_path(rf"^{_DESK}/cases/(?P<case_uuid>{_UUID})/translations/$", views.CaseTranslationView.as_view(),
            name="counselling-case-translations"),
    re_path(rf"^{_DESK}/cases/(?P<case_uuid>{_UUID})/clinic/$", views.ClinicView.as_view(),
            name="counselling-clinic"),
    re_path(rf"^{_DESK}/cases/(?P<case_uuid>{_UUID})/clinic/action-plan/$", views.ActionPlanView.as_view(),
            name="counselling-action-plan"),
    re_path(rf"^{_DESK}/cases/(?P<case_uuid>{_UUID})/answers/$", views.AnswersView.as_view(),
            name="counselling-answers"),
    re_path(rf"^{_DESK}/cases/(?P<case_uuid>{_UUID})/answers/(?P<post_id>{_UUID})/accepted/$",
            views.AcceptedView.as_view(), name="counselling-accepted"),
]
