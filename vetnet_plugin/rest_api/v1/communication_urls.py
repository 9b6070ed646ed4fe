"""URLs of the discussion core and the scenario forums (Communication), under ``/api/vetnet/v1/``."""
from django.urls import path, re_path

from . import discussion_views as discussions
from . import scenario_views as scenarios
from .patterns import COURSE_KEY_PATTERN

_COURSE = rf"courses/{COURSE_KEY_PATTERN}"
_FORUM = _COURSE + r"/scenario-forums/(?P<usage_key>block-v1:[^/]+)"
_SCENARIO = _FORUM + r"/scenarios/(?P<scenario_uuid>[0-9a-fA-F-]{32,36})"
_THREAD = _COURSE + r"/threads/(?P<thread_id>[0-9]+)"
_POST = _COURSE + r"/posts/(?P<post_id>[0-9]+)"

urlpatterns = [
    re_path(rf"^{_THREAD}/$", discussions.ThreadView.as_view(), name="thread"),
    re_path(rf"^{_THREAD}/posts/$", discussions.ThreadPostsView.as_view(), name="thread-posts"),
    re_path(rf"^{_THREAD}/follow/$", discussions.ThreadFollowView.as_view(), name="thread-follow"),
    re_path(rf"^{_POST}/$", discussions.PostView.as_view(), name="post"),
    re_path(rf"^{_POST}/history/$", discussions.PostHistoryView.as_view(), name="post-history"),
    re_path(rf"^{_POST}/vote/$", discussions.PostVoteView.as_view(), name="post-vote"),
    re_path(rf"^{_POST}/flag/$", discussions.PostFlagView.as_view(), name="post-flag"),
    re_path(rf"^{_POST}/moderation/$", discussions.PostModerationView.as_view(), name="post-moderation"),
    re_path(rf"^{_POST}/translations/$", discussions.PostTranslationView.as_view(), name="post-translations"),
    re_path(rf"^{_POST}/translations/machine/$", discussions.PostMachineTranslationView.as_view(),
            name="post-machine-translation"),
    re_path(rf"^{_COURSE}/flagged-posts/$", discussions.FlaggedPostsView.as_view(), name="flagged-posts"),
    re_path(rf"^{_FORUM}/$", scenarios.ScenarioForumView.as_view(), name="scenario-forum"),
    re_path(rf"^{_FORUM}/scenarios/$", scenarios.ScenarioListView.as_view(), name="scenarios"),
    re_path(rf"^{_FORUM}/rounds/$", scenarios.RatingRoundsView.as_view(), name="rating-rounds"),
    re_path(rf"^{_FORUM}/policy-brief/$", scenarios.PolicyBriefView.as_view(), name="policy-brief"),
    re_path(rf"^{_SCENARIO}/$", scenarios.ScenarioView.as_view(), name="scenario"),
    re_path(rf"^{_SCENARIO}/moderation/$", scenarios.ScenarioModerationView.as_view(), name="scenario-moderation"),
    re_path(rf"^{_SCENARIO}/rating/$", scenarios.OwnRatingView.as_view(), name="own-rating"),
    re_path(rf"^{_SCENARIO}/translations/$", scenarios.ScenarioTranslationView.as_view(),
            name="scenario-translations"),
    re_path(rf"^{_SCENARIO}/rounds/(?P<number>[0-9]+)/rationales/$", scenarios.RationalesView.as_view(),
            name="rationales"),
    path("digest-opt-out/<str:token>/", discussions.DigestOptOutView.as_view(), name="digest-opt-out"),
]
