"""
Views of the v1 REST API. Each one validates its input, calls
``vetnet_plugin.api`` and serialises the result; API errors become 4xx.
"""
from dataclasses import asdict

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import VetnetAPIView, page_body
from .serializers import (
    ContactSerializer,
    DirectoryQuerySerializer,
    MemberPageSerializer,
    MemberProfileSerializer,
)


class OwnProfileView(VetnetAPIView):
    """The requesting member's own profile."""

    @extend_schema(responses=MemberProfileSerializer)
    def get(self, request):
        profile = api.get_member_profile(user_id=request.user.id)
        return Response(MemberProfileSerializer(asdict(profile)).data)

    @extend_schema(request=MemberProfileSerializer, responses=MemberProfileSerializer)
    def patch(self, request):
        if not isinstance(request.data, dict):
            raise InvalidInput(_("Send a JSON object."))
        profile = api.update_member_profile(user_id=request.user.id, changes=dict(request.data))
        return Response(MemberProfileSerializer(asdict(profile)).data)


class CommunityMembersView(VetnetAPIView):
    """The member directory of a course community (active members and course staff only)."""

    @extend_schema(
        parameters=[
            OpenApiParameter(name, str, required=False)
            for name in ("country", "organisation_type", "sector", "language", "topic", "search")
        ] + [OpenApiParameter("page", int, required=False), OpenApiParameter("page_size", int, required=False)],
        responses=MemberPageSerializer,
    )
    def get(self, request, course_key):
        query = DirectoryQuerySerializer(data=request.query_params)
        if not query.is_valid():
            raise InvalidInput(_("The request is not valid: check the fields marked."), errors=query.errors)
        params = dict(query.validated_data)
        page_number = params.pop("page")
        page_size = params.pop("page_size")
        page = api.list_community_members(
            user=request.user,
            course_key=course_key,
            filters=api.DirectoryFilters(**params),
            page=page_number,
            page_size=page_size,
        )
        return Response(page_body(request, page, MemberProfileSerializer))


class MemberContactView(VetnetAPIView):
    """
    Write to a member of the same course community who accepts being contacted
    for that purpose. The platform e-mails them; their address is never returned.
    """

    @extend_schema(request=ContactSerializer, responses={204: None})
    def post(self, request, course_key, user_id):
        if not isinstance(request.data, dict):
            raise InvalidInput(_("Send a JSON object."))
        body = ContactSerializer(data=request.data)
        if not body.is_valid():
            raise InvalidInput(_("The request is not valid: check the fields marked."), errors=body.errors)
        api.contact_member(user=request.user, course_key=course_key, recipient_id=user_id, **body.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)
