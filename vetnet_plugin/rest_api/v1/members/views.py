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
from ..base import VetnetAPIView, body_of, page_body
from .serializers import (
    CommunityRolePageSerializer,
    CommunityRoleSerializer,
    ContactSerializer,
    DirectoryQuerySerializer,
    MemberPageSerializer,
    MemberProfileSerializer,
)


def with_reputation(profiles) -> list[dict]:
    """Profiles as dicts, each with its counselling reputation (two queries for all of them)."""
    rows = [asdict(p) for p in profiles]
    found = api.counselling_reputations(user_ids=[r["user_id"] for r in rows])
    for row in rows:
        reputation = found.get(row["user_id"]) or api.Reputation(user_id=row["user_id"])
        row["counselling_reputation"] = {"accepted_answers": reputation.accepted_answers,
                                         "upvotes": reputation.upvotes, "score": reputation.score}
    return rows


class OwnProfileView(VetnetAPIView):
    """The requesting member's own profile."""

    @extend_schema(responses=MemberProfileSerializer)
    def get(self, request):
        profile = api.get_member_profile(user_id=request.user.id)
        return Response(MemberProfileSerializer(with_reputation([profile])[0]).data)

    @extend_schema(request=MemberProfileSerializer, responses=MemberProfileSerializer)
    def patch(self, request):
        if not isinstance(request.data, dict):
            raise InvalidInput(_("Send a JSON object."))
        profile = api.update_member_profile(user_id=request.user.id, changes=dict(request.data))
        return Response(MemberProfileSerializer(with_reputation([profile])[0]).data)


class CommunityMembersView(VetnetAPIView):
    """The member directory of a course community (active members and course staff only)."""

    @extend_schema(
        parameters=[
            OpenApiParameter(name, str, required=False)
            for name in ("country", "organisation_type", "sector", "language", "topic", "search")
        ] + [OpenApiParameter("page", int, required=False), OpenApiParameter("page_size", int, required=False),
             OpenApiParameter("cursor", str, required=False, description=(
                 "A page's `next_cursor`: reads the page after it by position, however deep (`page` is then "
                 "ignored)."))],
        responses=MemberPageSerializer,
    )
    def get(self, request, course_key):
        query = DirectoryQuerySerializer(data=request.query_params)
        if not query.is_valid():
            raise InvalidInput(_("The request is not valid: check the fields marked."), errors=query.errors)
        params = dict(query.validated_data)
        page_number = params.pop("page")
        page_size = params.pop("page_size")
        cursor = params.pop("cursor")
        page = api.list_community_members(
            user=request.user,
            course_key=course_key,
            filters=api.DirectoryFilters(**params),
            page=page_number,
            page_size=page_size,
            cursor=cursor,
        )
        body = page_body(request, page)
        body["results"] = MemberProfileSerializer(with_reputation(page.items), many=True).data
        return Response(body)


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


class CommunityRolesView(VetnetAPIView):
    """
    Roles course staff grant in the course community (course staff only): GET lists
    the roles held now (``role`` narrows, ``include_revoked=true`` adds the history),
    POST grants one (``{"user_id": 7, "role": "policy_maker"}``).
    """

    @extend_schema(
        parameters=[OpenApiParameter("role", str, required=False),
                    OpenApiParameter("include_revoked", bool, required=False),
                    OpenApiParameter("page", int, required=False), OpenApiParameter("page_size", int, required=False)],
        responses=CommunityRolePageSerializer,
    )
    def get(self, request, course_key):
        roles = api.list_community_roles(
            user=request.user, course_key=course_key, role=request.query_params.get("role", ""),
            include_revoked=request.query_params.get("include_revoked") in ("true", "1", "yes"),
            page=request.query_params.get("page", 1), page_size=request.query_params.get("page_size"),
        )
        return Response(page_body(request, roles, CommunityRoleSerializer))

    @extend_schema(request=CommunityRoleSerializer, responses={201: CommunityRoleSerializer})
    def post(self, request, course_key):
        body = CommunityRoleSerializer(data=body_of(request))
        if not body.is_valid():
            raise InvalidInput(_("The request is not valid: check the fields marked."), errors=body.errors)
        role = api.grant_community_role(
            user=request.user, course_key=course_key, member_id=body.validated_data["user_id"],
            role=body.validated_data["role"],
        )
        return Response(CommunityRoleSerializer(asdict(role)).data, status=201)


class CommunityRoleView(VetnetAPIView):
    """One member's role: DELETE revokes it (course staff only); the record keeps who revoked it and when."""

    @extend_schema(responses=CommunityRoleSerializer)
    def delete(self, request, course_key, role, user_id):
        revoked = api.revoke_community_role(user=request.user, course_key=course_key, member_id=user_id, role=role)
        return Response(CommunityRoleSerializer(asdict(revoked)).data)
