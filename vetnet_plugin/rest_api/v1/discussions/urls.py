"""URLs of the discussion core, under ``/api/vetnet/v1/``."""
from django.urls import path, re_path

from ..base import COURSE
from . import views

_THREAD = COURSE + r"/threads/(?P<thread_id>[^/]+)"
_POST = COURSE + r"/posts/(?P<post_id>[^/]+)"

urlpatterns = [
    re_path(rf"^{_THREAD}/$", views.ThreadView.as_view(), name="thread"),
    re_path(rf"^{_THREAD}/posts/$", views.ThreadPostsView.as_view(), name="thread-posts"),
    re_path(rf"^{_THREAD}/follow/$", views.ThreadFollowView.as_view(), name="thread-follow"),
    re_path(rf"^{_POST}/$", views.PostView.as_view(), name="post"),
    re_path(rf"^{_POST}/history/$", views.PostHistoryView.as_view(), name="post-history"),
    re_path(rf"^{_POST}/vote/$", views.PostVoteView.as_view(), name="post-vote"),
    re_path(rf"^{_POST}/flag/$", views.PostFlagView.as_view(), name="post-flag"),
    re_path(rf"^{_POST}/moderation/$", views.PostModerationView.as_view(), name="post-moderation"),
    re_path(rf"^{_POST}/translations/$", views.PostTranslationView.as_view(), name="post-translations"),
    re_path(rf"^{_POST}/translations/machine/$", views.PostMachineTranslationView.as_view(),
            name="post-machine-translation"),
    re_path(rf"^{COURSE}/flagged-posts/$", views.FlaggedPostsView.as_view(), name="flagged-posts"),
    path("digest-opt-out/<str:token>/", views.DigestOptOutView.as_view(), name="digest-opt-out"),
]
