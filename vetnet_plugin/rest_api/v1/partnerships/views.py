"""
REST views of partner search and partnerships: suggestions, proposals,
invitations and answers, notices, the printable summary (HTML and PDF).

Who may see and change what is the API's decision, for every lookup; the
views only validate bodies and carry what it returns.
"""
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import VetnetAPIView, body_of
from . import serializers


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput(_("The request is not valid: check the fields marked."), errors=serializer.errors)
    return serializer.validated_data


def _partnership(partnership, code=status.HTTP_200_OK):
    return Response(serializers.PartnershipSerializer(partnership).data, status=code)


class InstrumentsView(VetnetAPIView):
    """The funding instruments a partnership may target, with the rules it is checked against."""

    @extend_schema(responses=serializers.InstrumentListSerializer)
    def get(self, request, course_key):
        return Response(serializers.InstrumentListSerializer({"results": api.list_funding_instruments()}).data)


class PartnerSearchView(VetnetAPIView):
    """Suggested partners, ranked, each with why; members of the course community only."""

    @extend_schema(parameters=[serializers.PartnerSearchQuerySerializer],
                   responses=serializers.SuggestionListSerializer)
    def get(self, request, course_key):
        query = _valid(serializers.PartnerSearchQuerySerializer, request.query_params)
        chosen, topic = (), query["topic"]
        if query["partnership"]:
            partnership = api.get_partnership(user=request.user, course_key=course_key,
                                              partnership_uuid=query["partnership"])
            chosen = [p.user_id for p in partnership.partners if p.status in ("proposer", "accepted", "invited")]
            topic = topic or partnership.topic
        filters = api.DirectoryFilters(country=query["country"], organisation_type=query["organisation_type"],
                                       sector=query["sector"], topic=query["topic"], language=query["language"])
        found = api.suggest_partners(user=request.user, course_key=course_key, filters=filters,
                                     chosen_user_ids=chosen, topic=topic)
        return Response(serializers.SuggestionListSerializer({"results": found}).data)


class PartnershipsView(VetnetAPIView):
    """The requester's partnerships; propose a new one."""

    @extend_schema(responses=serializers.PartnershipListSerializer)
    def get(self, request, course_key):
        found = api.list_partnerships(user=request.user, course_key=course_key,
                                      usage_key=request.query_params.get("usage_key", ""))
        return Response(serializers.PartnershipListSerializer({"results": found}).data)

    @extend_schema(request=serializers.PartnershipCreateSerializer, responses={201: serializers.PartnershipSerializer})
    def post(self, request, course_key):
        payload = _valid(serializers.PartnershipCreateSerializer, body_of(request))
        return _partnership(api.propose_partnership(user=request.user, course_key=course_key, **payload),
                            status.HTTP_201_CREATED)


class PartnershipView(VetnetAPIView):
    """One partnership, its partners and its eligibility (partners, invitees and course staff)."""

    @extend_schema(responses=serializers.PartnershipSerializer)
    def get(self, request, course_key, partnership_uuid):
        return _partnership(api.get_partnership(user=request.user, course_key=course_key,
                                                partnership_uuid=partnership_uuid))


class InviteView(VetnetAPIView):
    """The proposer (or staff) invites a member with a role and a commitment."""

    @extend_schema(request=serializers.InvitedPartnerSerializer, responses=serializers.PartnershipSerializer)
    def post(self, request, course_key, partnership_uuid):
        payload = _valid(serializers.InvitedPartnerSerializer, body_of(request))
        return _partnership(api.invite_partner(user=request.user, course_key=course_key,
                                               partnership_uuid=partnership_uuid, **payload))


class WithdrawView(VetnetAPIView):
    """The proposer (or staff) withdraws an unanswered invitation."""

    @extend_schema(request=serializers.PartnerChoiceSerializer, responses=serializers.PartnershipSerializer)
    def post(self, request, course_key, partnership_uuid):
        payload = _valid(serializers.PartnerChoiceSerializer, body_of(request))
        return _partnership(api.withdraw_invitation(user=request.user, course_key=course_key,
                                                    partnership_uuid=partnership_uuid, **payload))


class AnswerView(VetnetAPIView):
    """The invited member accepts or declines."""

    @extend_schema(request=serializers.InvitationAnswerSerializer, responses=serializers.PartnershipSerializer)
    def post(self, request, course_key, partnership_uuid):
        payload = _valid(serializers.InvitationAnswerSerializer, body_of(request))
        return _partnership(api.answer_invitation(user=request.user, course_key=course_key,
                                                  partnership_uuid=partnership_uuid, accept=payload["accept"]))


class NoticesView(VetnetAPIView):
    """Turn the requester's e-mail notices about the partnership on or off."""

    @extend_schema(request=serializers.PartnershipNoticesSerializer, responses={204: None})
    def post(self, request, course_key, partnership_uuid):
        payload = _valid(serializers.PartnershipNoticesSerializer, body_of(request))
        api.set_partnership_notices(user=request.user, course_key=course_key, partnership_uuid=partnership_uuid,
                                    enabled=payload["enabled"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class SummaryView(VetnetAPIView):
    """The printable summary: an HTML page made for print."""

    @extend_schema(responses={(200, "text/html"): str})
    def get(self, request, course_key, partnership_uuid):
        html = api.render_partnership_summary(user=request.user, course_key=course_key,
                                              partnership_uuid=partnership_uuid)
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        response["X-Content-Type-Options"] = "nosniff"
        return response


class SummaryPdfView(VetnetAPIView):
    """The summary as a PDF document (409 where the site has no PDF library)."""

    @extend_schema(responses={(200, "application/pdf"): bytes})
    def get(self, request, course_key, partnership_uuid):
        pdf = api.render_partnership_pdf(user=request.user, course_key=course_key, partnership_uuid=partnership_uuid)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="partnership-summary.pdf"'
        response["X-Content-Type-Options"] = "nosniff"
        return response
