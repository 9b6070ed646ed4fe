"""URLs of the scenario forums, under ``/api/vetnet/v1/``."""
from django.urls import re_path

from ..base import COURSE
from . import views

_FORUM = COURSE + r"/scenario-forums/(?P<usage_key>block-v1:[^/]+)"
_SCENARIO = _FORUM + r"/scenarios/(?P<scenario_uuid>[0-9a-fA-F-]{32,36})"

urlpatterns = [
    re_path(rf"^{_FORUM}/$", views.ScenarioForumView.as_view(), name="scenario-forum"),
    re_path(rf"^{_FORUM}/scenarios/$", views.ScenarioListView.as_view(), name="scenarios"),
    re_path(rf"^{_FORUM}/rounds/$", views.RatingRoundsView.as_view(), name="rating-rounds"),
    re_path(rf"^{_FORUM}/policy-brief/$", views.PolicyBriefView.as_view(), name="policy-brief"),
    re_path(rf"^{_SCENARIO}/$", views.ScenarioView.as_view(), name="scenario"),
    re_path(rf"^{_SCENARIO}/moderation/$", views.ScenarioModerationView.as_view(), name="scenario-moderation"),
    re_path(rf"^{_SCENARIO}/rating/$", views.OwnRatingView.as_view(), name="own-rating"),
    re_path(rf"^{_SCENARIO}/translations/$", views.ScenarioTranslationView.as_view(),
            name="scenario-translations"),
    re_path(rf"^{_SCENARIO}/rounds/(?P<number>[0-9]+)/rationales/$", views.RationalesView.as_view(),
            name="rationales"),
]
