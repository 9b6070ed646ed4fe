"""
REST views of scenario forums: scenarios and proposals, Delphi rounds, the
member's own ratings and the aggregates, and the printable policy brief.

Ratings only ever leave as the requester's own or as aggregates: no view
takes a user id, and none lists who rated.
"""
from dataclasses import asdict

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import VetnetAPIView, body_of, flag, page_body
from ..discussions.serializers import TranslationTextSerializer
from .serializers import (
    OwnRatingSerializer,
    ProposalSerializer,
    RatingRequestSerializer,
    RatingRoundListSerializer,
    RatingRoundSerializer,
    RationaleListSerializer,
    RoundActionSerializer,
    ScenarioForumSerializer,
    ScenarioModerationSerializer,
    ScenarioPageSerializer,
    ScenarioQuerySerializer,
    ScenarioSerializer,
    ScenarioTranslationSerializer,
)


class ScenarioForumView(VetnetAPIView):
    """The forum's question, drivers, policy choices and rules, with the member's Delphi results."""

    @extend_schema(responses=ScenarioForumSerializer)
    def get(self, request, course_key, usage_key):
        # The member's results come first: they are also the access check.
        results = api.get_delphi_results(user=request.user, course_key=course_key, usage_key=usage_key)
        forum = api.get_scenario_forum(course_key=course_key, usage_key=usage_key)
        return Response(ScenarioForumSerializer({"forum": asdict(forum), "delphi": asdict(results)}).data)


class ScenarioListView(VetnetAPIView):
    """The scenarios the member may see (GET, ``language`` filters) and proposals (POST)."""

    @extend_schema(parameters=[ScenarioQuerySerializer], responses=ScenarioPageSerializer)
    def get(self, request, course_key, usage_key):
        query = request.query_params
        page = api.list_scenarios_page(user=request.user, course_key=course_key, usage_key=usage_key,
                                       language=query.get("language", ""), page=query.get("page"),
                                       page_size=query.get("page_size"))
        return Response(page_body(request, page, ScenarioSerializer))

    @extend_schema(request=ProposalSerializer, responses={201: ScenarioSerializer})
    def post(self, request, course_key, usage_key):
        payload = body_of(request)
        scenario = api.propose_scenario(
            user=request.user, course_key=course_key, usage_key=usage_key,
            title=payload.get("title"), narrative=payload.get("narrative"),
            drivers=payload.get("drivers") or [], policy_choices=payload.get("policy_choices") or [],
            language=payload.get("language") or "",
        )
        return Response(ScenarioSerializer(asdict(scenario)).data, status=201)


class ScenarioView(VetnetAPIView):
    """One scenario."""

    @extend_schema(responses=ScenarioSerializer)
    def get(self, request, course_key, usage_key, scenario_uuid):
        scenario = api.get_scenario(user=request.user, course_key=course_key, usage_key=usage_key,
                                    scenario_uuid=scenario_uuid)
        return Response(ScenarioSerializer(asdict(scenario)).data)


class ScenarioModerationView(VetnetAPIView):
    """Staff publish a proposal, or reject it with a reason."""

    @extend_schema(request=ScenarioModerationSerializer, responses=ScenarioSerializer)
    def post(self, request, course_key, usage_key, scenario_uuid):
        payload = body_of(request)
        scenario = api.moderate_scenario(
            user=request.user, course_key=course_key, usage_key=usage_key, scenario_uuid=scenario_uuid,
            publish=flag(payload.get("publish"), "publish", True), reason=payload.get("reason") or "",
        )
        return Response(ScenarioSerializer(asdict(scenario)).data)


class OwnRatingView(VetnetAPIView):
    """The member's own rating of a scenario in the open round (PUT records or revises it)."""

    @extend_schema(request=RatingRequestSerializer, responses=OwnRatingSerializer)
    def put(self, request, course_key, usage_key, scenario_uuid):
        payload = body_of(request)
        rating = api.rate_scenario(
            user=request.user, course_key=course_key, usage_key=usage_key, scenario_uuid=scenario_uuid,
            plausibility=payload.get("plausibility"), desirability=payload.get("desirability"),
            rationale=payload.get("rationale") or "", language=payload.get("language") or "",
        )
        return Response(OwnRatingSerializer(asdict(rating)).data)


class ScenarioTranslationView(VetnetAPIView):
    """Contribute (or correct) a translation of a scenario's title and narrative."""

    @extend_schema(request=ScenarioTranslationSerializer, responses={201: TranslationTextSerializer})
    def post(self, request, course_key, usage_key, scenario_uuid):
        payload = body_of(request)
        api.get_scenario(user=request.user, course_key=course_key, usage_key=usage_key, scenario_uuid=scenario_uuid)
        translation = api.contribute_translation(
            user=request.user, course_key=course_key, kind="scenario", object_id=scenario_uuid,
            language=payload.get("language") or "", title=payload.get("title") or "", body=payload.get("body"),
        )
        return Response(TranslationTextSerializer(asdict(translation)).data, status=201)


class RatingRoundsView(VetnetAPIView):
    """The forum's rounds (GET); staff open or close one (POST {"action": "open" | "close"})."""

    @extend_schema(responses=RatingRoundListSerializer)
    def get(self, request, course_key, usage_key):
        api.get_delphi_results(user=request.user, course_key=course_key, usage_key=usage_key)
        rounds = api.list_rating_rounds(course_key=course_key, usage_key=usage_key)
        return Response(RatingRoundListSerializer({"results": [asdict(r) for r in rounds]}).data)

    @extend_schema(request=RoundActionSerializer, responses={200: RatingRoundSerializer, 201: RatingRoundSerializer})
    def post(self, request, course_key, usage_key):
        action = body_of(request).get("action")
        if action == "open":
            result = api.open_rating_round(user=request.user, course_key=course_key, usage_key=usage_key)
        elif action == "close":
            result = api.close_rating_round(user=request.user, course_key=course_key, usage_key=usage_key)
        else:
            message = _("Say whether to open or close a round.")
            raise InvalidInput(message, errors={"action": [message]})
        return Response(RatingRoundSerializer(asdict(result)).data, status=201 if action == "open" else 200)


class RationalesView(VetnetAPIView):
    """The anonymous rationales of a closed round for one scenario, in alphabetical order."""

    @extend_schema(responses=RationaleListSerializer)
    def get(self, request, course_key, usage_key, scenario_uuid, number):
        rationales = api.list_rationales(user=request.user, course_key=course_key, usage_key=usage_key,
                                         scenario_uuid=scenario_uuid, round_number=number)
        return Response(RationaleListSerializer({"results": list(rationales)}).data)


class PolicyBriefView(VetnetAPIView):
    """The printable policy brief (HTML made for print), for course staff and policy makers."""

    @extend_schema(responses={(200, "text/html"): str})
    def get(self, request, course_key, usage_key):
        html = api.render_policy_brief(user=request.user, course_key=course_key, usage_key=usage_key)
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        response["X-Content-Type-Options"] = "nosniff"
        return response
