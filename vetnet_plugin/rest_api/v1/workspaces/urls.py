"""URLs of the themed workspaces, under ``/api/vetnet/v1/``."""
from django.urls import re_path

from ..base import COURSE
from . import views

_BLOCK = COURSE + r"/workspace-blocks/(?P<usage_key>block-v1:[^/]+)"
_UUID = r"[0-9a-fA-F-]{32,36}"
_WORKSPACE = COURSE + rf"/workspaces/(?P<workspace_uuid>{_UUID})"

urlpatterns = [
    re_path(rf"^{_BLOCK}/themes/$", views.ThemesView.as_view(), name="workspace-themes"),
    re_path(rf"^{_BLOCK}/workspaces/$", views.WorkspaceCreateView.as_view(), name="workspace-create"),
    re_path(rf"^{_WORKSPACE}/$", views.WorkspaceView.as_view(), name="workspace"),
    re_path(rf"^{_WORKSPACE}/join/$", views.JoinView.as_view(), name="workspace-join"),
    re_path(rf"^{_WORKSPACE}/leave/$", views.LeaveView.as_view(), name="workspace-leave"),
    re_path(rf"^{_WORKSPACE}/approve/$", views.ApproveView.as_view(), name="workspace-approve"),
    re_path(rf"^{_WORKSPACE}/invitations/$", views.InviteView.as_view(), name="workspace-invite"),
    re_path(rf"^{_WORKSPACE}/state/$", views.StateView.as_view(), name="workspace-state"),
    re_path(rf"^{_WORKSPACE}/visibility/$", views.VisibilityView.as_view(), name="workspace-visibility"),
    re_path(rf"^{_WORKSPACE}/notices/$", views.NoticesView.as_view(), name="workspace-notices"),
    re_path(rf"^{_WORKSPACE}/outcome/$", views.OutcomeView.as_view(), name="workspace-outcome"),
    re_path(rf"^{_WORKSPACE}/document/$", views.DocumentView.as_view(), name="workspace-document"),
    re_path(rf"^{_WORKSPACE}/document/latest/$", views.LatestRevisionView.as_view(), name="workspace-latest"),
    re_path(rf"^{_WORKSPACE}/document/revisions/$", views.RevisionsView.as_view(), name="workspace-revisions"),
    re_path(rf"^{_WORKSPACE}/document/compare/$", views.CompareView.as_view(), name="workspace-compare"),
    re_path(rf"^{_WORKSPACE}/tasks/$", views.TasksView.as_view(), name="workspace-tasks"),
    re_path(rf"^{_WORKSPACE}/tasks/(?P<task_uuid>{_UUID})/$", views.TaskView.as_view(), name="workspace-task"),
    re_path(rf"^{_WORKSPACE}/activity/$", views.ActivityView.as_view(), name="workspace-activity"),
    re_path(rf"^{_WORKSPACE}/visit/$", views.VisitView.as_view(), name="workspace-visit"),
    re_path(rf"^{_WORKSPACE}/discussion/$", views.DiscussionView.as_view(), name="workspace-discussion"),
    re_path(rf"^{_WORKSPACE}/attachments/$", views.AttachmentsView.as_view(), name="workspace-attachments"),
    re_path(rf"^{_WORKSPACE}/attachments/(?P<resource_uuid>{_UUID})/$", views.AttachmentView.as_view(),
            name="workspace-attachment"),
    re_path(rf"^{_WORKSPACE}/attachable/$", views.AttachableView.as_view(), name="workspace-attachable"),
    re_path(rf"^{_WORKSPACE}/team/$", views.TeamView.as_view(), name="workspace-team"),
]
