"""
REST views of the themed workspaces: themes and workspaces of a block, joining,
the lifecycle, the shared document (save, latest revision, revisions,
comparison), the task board, the activity feed, the discussion stream, the
attached toolbox resources and the link to an Open edX team.

Who may see and change what is the API's decision, for every lookup; the
views only validate bodies and carry what it returns.
"""
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import VetnetAPIView, body_of, page_body
from ..discussions.serializers import PostSerializer, ThreadSerializer
from ..discussions.views import post_body, thread_body
from . import serializers


def _valid(serializer_class, data, **options):
    serializer = serializer_class(data=data, **options)
    if not serializer.is_valid():
        raise InvalidInput(_("The request is not valid: check the fields marked."), errors=serializer.errors)
    return serializer.validated_data


def _workspace(workspace):
    return Response(serializers.WorkspaceSerializer(workspace).data)


class ThemesView(VetnetAPIView):
    """The block's themes with their workspaces and members (members of the course community)."""

    @extend_schema(responses=serializers.ThemeListSerializer)
    def get(self, request, course_key, usage_key):
        themes = api.list_themes(user=request.user, course_key=course_key, usage_key=usage_key)
        return Response(serializers.ThemeListSerializer({"results": themes}).data)


class WorkspaceCreateView(VetnetAPIView):
    """Open a workspace under one of the block's themes; the requester facilitates it."""

    @extend_schema(request=serializers.WorkspaceCreateSerializer, responses={201: serializers.WorkspaceSerializer})
    def post(self, request, course_key, usage_key):
        payload = _valid(serializers.WorkspaceCreateSerializer, body_of(request))
        workspace = api.create_workspace(user=request.user, course_key=course_key, usage_key=usage_key, **payload)
        return Response(serializers.WorkspaceSerializer(workspace).data, status=status.HTTP_201_CREATED)


class WorkspaceView(VetnetAPIView):
    """One workspace, its members and what the requester may do there."""

    @extend_schema(responses=serializers.WorkspaceSerializer)
    def get(self, request, course_key, workspace_uuid):
        return _workspace(api.get_workspace(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid))


class JoinView(VetnetAPIView):
    """Join by the theme's rule: at once, by asking, or by accepting an invitation."""

    @extend_schema(request=None, responses=serializers.WorkspaceSerializer)
    def post(self, request, course_key, workspace_uuid):
        return _workspace(api.join_workspace(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid))


class LeaveView(VetnetAPIView):
    """Leave the workspace, withdraw a request or decline an invitation."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request, course_key, workspace_uuid):
        api.leave_workspace(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApproveView(VetnetAPIView):
    """The facilitator (or staff) lets in a member who asked to join."""

    @extend_schema(request=serializers.MemberChoiceSerializer, responses=serializers.WorkspaceSerializer)
    def post(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.MemberChoiceSerializer, body_of(request))
        return _workspace(api.approve_join_request(user=request.user, course_key=course_key,
                                                   workspace_uuid=workspace_uuid, user_id=payload["user_id"]))


class InviteView(VetnetAPIView):
    """The facilitator (or staff) invites a member of the course community."""

    @extend_schema(request=serializers.InvitationSerializer, responses=serializers.WorkspaceSerializer)
    def post(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.InvitationSerializer, body_of(request))
        return _workspace(api.invite_to_workspace(user=request.user, course_key=course_key,
                                                  workspace_uuid=workspace_uuid, user_id=payload.get("user_id"),
                                                  username=payload.get("username", "")))


class StateView(VetnetAPIView):
    """Move the workspace along forming, active, closing, archived."""

    @extend_schema(request=serializers.WorkspaceStateSerializer, responses=serializers.WorkspaceSerializer)
    def put(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.WorkspaceStateSerializer, body_of(request))
        return _workspace(api.set_workspace_state(user=request.user, course_key=course_key,
                                                  workspace_uuid=workspace_uuid, state=payload["state"]))


class VisibilityView(VetnetAPIView):
    """Open the workspace's work to the course community for reading, or close it."""

    @extend_schema(request=serializers.WorkspaceVisibilitySerializer, responses=serializers.WorkspaceSerializer)
    def put(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.WorkspaceVisibilitySerializer, body_of(request))
        return _workspace(api.set_community_readable(user=request.user, course_key=course_key,
                                                     workspace_uuid=workspace_uuid,
                                                     readable=payload["community_readable"]))


class NoticesView(VetnetAPIView):
    """Turn the requester's e-mail notices about this workspace on or off."""

    @extend_schema(request=serializers.NoticesSerializer, responses=serializers.NoticesSerializer)
    def put(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.NoticesSerializer, body_of(request))
        api.set_workspace_notices(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                  enabled=payload["enabled"])
        return Response(serializers.NoticesSerializer({"enabled": payload["enabled"]}).data)


class OutcomeView(VetnetAPIView):
    """On closing, the facilitator publishes the document to the toolbox, every member credited."""

    @extend_schema(request=serializers.WorkspaceOutcomeSerializer,
                   responses={201: serializers.PublishedOutcomeSerializer})
    def post(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.WorkspaceOutcomeSerializer, body_of(request))
        resource_uuid = api.publish_outcome(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                            **payload)
        return Response(serializers.PublishedOutcomeSerializer({"resource_uuid": resource_uuid}).data,
                        status=status.HTTP_201_CREATED)


class DocumentView(VetnetAPIView):
    """The shared document; a save from any earlier revision is merged, never refused as stale."""

    @extend_schema(responses=serializers.DocumentSerializer)
    def get(self, request, course_key, workspace_uuid):
        document = api.get_document(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid)
        return Response(serializers.DocumentSerializer(document).data)

    @extend_schema(request=serializers.DocumentSaveSerializer, responses=serializers.SavedDocumentSerializer)
    def put(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.DocumentSaveSerializer, body_of(request))
        saved = api.save_document(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                  base_revision=payload["base_revision"], text=payload["text"],
                                  base_text=payload["base_text"])
        return Response(serializers.SavedDocumentSerializer(saved).data)


class LatestRevisionView(VetnetAPIView):
    """The number of the document's latest revision: what an open page polls."""

    @extend_schema(responses=serializers.LatestRevisionSerializer)
    def get(self, request, course_key, workspace_uuid):
        number = api.latest_revision(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid)
        return Response(serializers.LatestRevisionSerializer({"revision": number}).data)


class RevisionsView(VetnetAPIView):
    """The document's revisions, newest first: who saved, when, from which revision."""

    @extend_schema(parameters=[OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
                   responses=serializers.RevisionPageSerializer)
    def get(self, request, course_key, workspace_uuid):
        page = api.list_revisions(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                  page=request.query_params.get("page"),
                                  page_size=request.query_params.get("page_size"))
        return Response(page_body(request, page, serializers.RevisionSerializer))


class CompareView(VetnetAPIView):
    """The lines removed and added between two revisions."""

    @extend_schema(parameters=[serializers.CompareQuerySerializer], responses=serializers.ComparisonSerializer)
    def get(self, request, course_key, workspace_uuid):
        query = _valid(serializers.CompareQuerySerializer, request.query_params)
        comparison = api.compare_revisions(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                           older=query["older"], newer=query["newer"])
        return Response(serializers.ComparisonSerializer(comparison).data)


class TasksView(VetnetAPIView):
    """The task board: list the tasks, add one."""

    @extend_schema(responses=serializers.TaskListSerializer)
    def get(self, request, course_key, workspace_uuid):
        tasks = api.list_tasks(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid)
        return Response(serializers.TaskListSerializer({"results": tasks}).data)

    @extend_schema(request=serializers.TaskCreateSerializer, responses={201: serializers.TaskSerializer})
    def post(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.TaskCreateSerializer, body_of(request))
        task = api.create_task(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid, **payload)
        return Response(serializers.TaskSerializer(task).data, status=status.HTTP_201_CREATED)


class TaskView(VetnetAPIView):
    """Change a task's title, state, assignee or due date."""

    @extend_schema(request=serializers.TaskUpdateSerializer, responses=serializers.TaskSerializer)
    def patch(self, request, course_key, workspace_uuid, task_uuid):
        payload = _valid(serializers.TaskUpdateSerializer, body_of(request))
        task = api.update_task(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                               task_uuid=task_uuid, **payload)
        return Response(serializers.TaskSerializer(task).data)


class ActivityView(VetnetAPIView):
    """What others did since the requester's last visit; ``POST .../visit/`` marks the workspace seen."""

    @extend_schema(responses=serializers.ActivityListSerializer)
    def get(self, request, course_key, workspace_uuid):
        found = api.list_activity(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid)
        return Response(serializers.ActivityListSerializer({"results": found}).data)


class VisitView(VetnetAPIView):
    """Mark the workspace as seen now: the activity feed starts again from here."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request, course_key, workspace_uuid):
        api.record_visit(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DiscussionView(VetnetAPIView):
    """The workspace's discussion stream: read one page, or write in it (members and staff)."""

    @extend_schema(parameters=[serializers.DiscussionQuerySerializer], responses=ThreadSerializer)
    def get(self, request, course_key, workspace_uuid):
        query = _valid(serializers.DiscussionQuerySerializer, request.query_params)
        thread = api.get_workspace_discussion(user=request.user, course_key=course_key,
                                              workspace_uuid=workspace_uuid, page=query.get("page", 1))
        return Response(thread_body(request, thread))

    @extend_schema(request=serializers.WorkspacePostSerializer, responses={201: PostSerializer})
    def post(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.WorkspacePostSerializer, body_of(request))
        post = api.post_in_workspace(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                     body=payload["body"], parent_id=payload["parent_id"])
        return Response(post_body(post), status=status.HTTP_201_CREATED)


class AttachmentsView(VetnetAPIView):
    """The toolbox resources attached to the workspace; attach one (members and staff)."""

    @extend_schema(responses=serializers.AttachmentListSerializer)
    def get(self, request, course_key, workspace_uuid):
        found = api.list_attachments(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid)
        return Response(serializers.AttachmentListSerializer({"results": found}).data)

    @extend_schema(request=serializers.AttachmentCreateSerializer, responses={201: serializers.AttachmentSerializer})
    def post(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.AttachmentCreateSerializer, body_of(request))
        attached = api.attach_resource(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                       resource_uuid=payload["resource_uuid"])
        return Response(serializers.AttachmentSerializer(attached).data, status=status.HTTP_201_CREATED)


class AttachmentView(VetnetAPIView):
    """One attachment: choose it for the outcome (facilitator, staff) or take it off (members, staff)."""

    @extend_schema(request=serializers.AttachmentChoiceSerializer, responses=serializers.AttachmentSerializer)
    def patch(self, request, course_key, workspace_uuid, resource_uuid):
        payload = _valid(serializers.AttachmentChoiceSerializer, body_of(request))
        chosen = api.choose_for_outcome(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                        resource_uuid=resource_uuid, chosen=payload["for_outcome"])
        return Response(serializers.AttachmentSerializer(chosen).data)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, course_key, workspace_uuid, resource_uuid):
        api.detach_resource(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                            resource_uuid=resource_uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AttachableView(VetnetAPIView):
    """Published resources of the course's and the community library to attach, by search words."""

    @extend_schema(parameters=[serializers.AttachableQuerySerializer], responses=serializers.AttachableListSerializer)
    def get(self, request, course_key, workspace_uuid):
        query = _valid(serializers.AttachableQuerySerializer, request.query_params)
        found = api.find_attachable_resources(user=request.user, course_key=course_key,
                                              workspace_uuid=workspace_uuid, search=query["search"])
        return Response(serializers.AttachableListSerializer({"results": found}).data)


class TeamView(VetnetAPIView):
    """Link the workspace to an Open edX team of the course, or unlink it (facilitator, staff)."""

    @extend_schema(request=serializers.TeamLinkSerializer, responses=serializers.WorkspaceSerializer)
    def put(self, request, course_key, workspace_uuid):
        payload = _valid(serializers.TeamLinkSerializer, body_of(request))
        api.link_workspace_team(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid,
                                team_id=payload["team_id"])
        return _workspace(api.get_workspace(user=request.user, course_key=course_key, workspace_uuid=workspace_uuid))
