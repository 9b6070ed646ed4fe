"""
REST views of scenario forums: scenarios and proposals, Delphi rounds, the
member's own ratings and the aggregates, and the printable policy brief.

Ratings only ever leave as the requester's own or as aggregates: no view
takes a user id, and none lists who rated.
"""
from dataclasses import asdict

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import PAGE_PARAMETERS, VetnetAPIView, body_of, flag
from ..discussions.views import paginated


class ScenarioForumView(VetnetAPIView):
    """The forum's question, drivers, policy choices and rules, with the member's Delphi results."""

    def get(self, request, course_key, usage_key):
        # The member's results come first: they are also the access check.
        results = api.get_delphi_results(user=request.user, course_key=course_key, usage_key=usage_key)
        forum = api.get_scenario_forum(course_key=course_key, usage_key=usage_key)
        return Response({"forum": asdict(forum), "delphi": asdict(results)})


class ScenarioListView(VetnetAPIView):
    """The scenarios the member may see (GET, ``language`` filters) and proposals (POST)."""

    @extend_schema(parameters=[OpenApiParameter("language", str)] + PAGE_PARAMETERS)
    def get(self, request, course_key, usage_key):
        scenarios = api.list_scenarios(user=request.user, course_key=course_key, usage_key=usage_key,
                                       language=request.query_params.get("language", ""))
        return Response(paginated(request, scenarios))

    def post(self, request, course_key, usage_key):
        payload = body_of(request)
        scenario = api.propose_scenario(
            user=request.user, course_key=course_key, usage_key=usage_key,
            title=payload.get("title"), narrative=payload.get("narrative"),
            drivers=payload.get("drivers") or [], policy_choices=payload.get("policy_choices") or [],
            language=payload.get("language") or "",
        )
        return Response(asdict(scenario), status=201)


class ScenarioView(VetnetAPIView):
    """One scenario."""

    def get(self, request, course_key, usage_key, scenario_uuid):
        scenario = api.get_scenario(user=request.user, course_key=course_key, usage_key=usage_key,
                                    scenario_uuid=scenario_uuid)
        return Response(asdict(scenario))


class ScenarioModerationView(VetnetAPIView):
    """Staff publish a proposal, or reject it with a reason."""

    def post(self, request, course_key, usage_key, scenario_uuid):
        payload = body_of(request)
        scenario = api.moderate_scenario(
            user=request.user, course_key=course_key, usage_key=usage_key, scenario_uuid=scenario_uuid,
            publish=flag(payload.get("publish"), "publish", True), reason=payload.get("reason") or "",
        )
        return Response(asdict(scenario))


class OwnRatingView(VetnetAPIView):
    """The member's own rating of a scenario in the open round (PUT records or revises it)."""

    def put(self, request, course_key, usage_key, scenario_uuid):
        payload = body_of(request)
        rating = api.rate_scenario(
            user=request.user, course_key=course_key, usage_key=usage_key, scenario_uuid=scenario_uuid,
            plausibility=payload.get("plausibility"), desirability=payload.get("desirability"),
            rationale=payload.get("rationale") or "", language=payload.get("language") or "",
        )
        return Response(asdict(rating))


class ScenarioTranslationView(VetnetAPIView):
    """Contribute (or correct) a translation of a scenario's title and narrative."""

    def post(self, request, course_key, usage_key, scenario_uuid):
        payload = body_of(request)
        api.get_scenario(user=request.user, course_key=course_key, usage_key=usage_key, scenario_uuid=scenario_uuid)
        translation = api.contribute_translation(
            user=request.user, course_key=course_key, kind="scenario", object_id=scenario_uuid,
            language=payload.get("language") or "", title=payload.get("title") or "", body=payload.get("body"),
        )
        return Response(asdict(translation), status=201)


class RatingRoundsView(VetnetAPIView):
    """The forum's rounds (GET); staff open or close one (POST {"action": "open" | "close"})."""

    def get(self, request, course_key, usage_key):
        api.get_delphi_results(user=request.user, course_key=course_key, usage_key=usage_key)
        rounds = api.list_rating_rounds(course_key=course_key, usage_key=usage_key)
        return Response({"results": [asdict(r) for r in rounds]})

    def post(self, request, course_key, usage_key):
        action = body_of(request).get("action")
        if action == "open":
            result = api.open_rating_round(user=request.user, course_key=course_key, usage_key=usage_key)
        elif action == "close":
            result = api.close_rating_round(user=request.user, course_key=course_key, usage_key=usage_key)
        else:
            message = _("Say whether to open or close a round.")
            raise InvalidInput(message, errors={"action": [message]})
        return Response(asdict(result), status=201 if action == "open" else 200)


class RationalesView(VetnetAPIView):
    """The anonymous rationales of a closed round for one scenario, in alphabetical order."""

    def get(self, request, course_key, usage_key, scenario_uuid, number):
        rationales = api.list_rationales(user=request.user, course_key=course_key, usage_key=usage_key,
                                         scenario_uuid=scenario_uuid, round_number=number)
        return Response({"results": list(rationales)})


class PolicyBriefView(VetnetAPIView):
    """The printable policy brief (HTML made for print), for course staff and policy makers."""

    @extend_schema(responses={(200, "text/html"): str})
    def get(self, request, course_key, usage_key):
        html = api.render_policy_brief(user=request.user, course_key=course_key, usage_key=usage_key)
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        response["X-Content-Type-Options"] = "nosniff"
        return response
