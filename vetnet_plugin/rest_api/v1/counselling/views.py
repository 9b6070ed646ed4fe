"""
REST views of peer counselling: the "needs help" queue and the intake, one
case with its answers, answering and commenting, accepting answers, and
similar cases for a draft. Votes go through the discussion core's endpoint
(``posts/{post_id}/vote/``): a case is a thread like any other.
"""
from dataclasses import asdict

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import VetnetAPIView, body_of, page_body
from ..discussions.serializers import PostSerializer
from ..discussions.views import post_body, thread_body
from . import serializers


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput(_("The request is not valid: check the fields marked."), errors=serializer.errors)
    return serializer.validated_data


def _case(case) -> dict:
    return serializers.CaseSerializer(asdict(case)).data


class CasesView(VetnetAPIView):
    """The "needs help" queue (unsolved, then unanswered, first), and opening a case."""

    @extend_schema(parameters=[serializers.CaseQuerySerializer, OpenApiParameter("page", int),
                               OpenApiParameter("page_size", int)],
                   responses=serializers.CaseSummaryPageSerializer)
    def get(self, request, course_key, usage_key):
        query = _valid(serializers.CaseQuerySerializer, request.query_params)
        page = api.list_cases(user=request.user, course_key=course_key, usage_key=usage_key, **query,
                              page=request.query_params.get("page", 1),
                              page_size=request.query_params.get("page_size"))
        return Response(page_body(request, page, serializers.CaseSummarySerializer))

    @extend_schema(request=serializers.CaseIntakeSerializer, responses={201: serializers.CaseSerializer})
    def post(self, request, course_key, usage_key):
        intake = _valid(serializers.CaseIntakeSerializer, body_of(request))
        case = api.open_case(user=request.user, course_key=course_key, usage_key=usage_key, **intake)
        return Response(_case(case), status=201)


class CaseView(VetnetAPIView):
    """One case with its intake and a page of its answers, comments nested."""

    @extend_schema(parameters=[serializers.CasePageQuerySerializer, OpenApiParameter("page", int),
                               OpenApiParameter("page_size", int)],
                   responses=serializers.CasePageSerializer)
    def get(self, request, course_key, usage_key, case_uuid):
        query = _valid(serializers.CasePageQuerySerializer, request.query_params)
        shown = api.get_case_page(user=request.user, course_key=course_key, usage_key=usage_key,
                                  case_uuid=case_uuid, order=query["order"],
                                  page=request.query_params.get("page", 1),
                                  page_size=request.query_params.get("page_size"))
        reputations = [dict(asdict(r), score=r.score) for r in shown.reputations]
        return Response({"case": _case(shown.case), "thread": thread_body(request, shown.thread),
                         "reputations": serializers.ReputationSerializer(reputations, many=True).data})


class AnswersView(VetnetAPIView):
    """Answer a case, or comment on one of its answers (``parent_id``)."""

    @extend_schema(request=serializers.AnswerSerializer, responses={201: PostSerializer})
    def post(self, request, course_key, usage_key, case_uuid):
        payload = _valid(serializers.AnswerSerializer, body_of(request))
        parent = payload["parent_id"]
        post = api.answer_case(user=request.user, course_key=course_key, usage_key=usage_key, case_uuid=case_uuid,
                               body=payload["body"], parent_id=str(parent) if parent else None,
                               language=payload["language"])
        return Response(post_body(post), status=201)


class AcceptedView(VetnetAPIView):
    """The case owner (or course staff) accepts an answer that helped (PUT), or takes it back (DELETE)."""

    @extend_schema(request=None, responses=serializers.CaseSerializer)
    def put(self, request, course_key, usage_key, case_uuid, post_id):
        return Response(_case(api.accept_answer(user=request.user, course_key=course_key, usage_key=usage_key,
                                                case_uuid=case_uuid, post_id=post_id, accepted=True)))

    @extend_schema(request=None, responses={200: serializers.CaseSerializer})
    def delete(self, request, course_key, usage_key, case_uuid, post_id):
        return Response(_case(api.accept_answer(user=request.user, course_key=course_key, usage_key=usage_key,
                                                case_uuid=case_uuid, post_id=post_id, accepted=False)))


class OutcomeView(VetnetAPIView):
    """The case owner reports what happened (the follow-up), with a note kept on the case."""

    @extend_schema(request=serializers.OutcomeSerializer, responses=serializers.CaseSerializer)
    def put(self, request, course_key, usage_key, case_uuid):
        payload = _valid(serializers.OutcomeSerializer, body_of(request))
        return Response(_case(api.report_outcome(user=request.user, course_key=course_key, usage_key=usage_key,
                                                 case_uuid=case_uuid, **payload)))


class ClinicView(VetnetAPIView):
    """The case clinic: the owner (or staff) starts it (POST); the facilitator moves it to its next phase (PUT)."""

    @extend_schema(request=serializers.ClinicStartSerializer, responses={201: serializers.CaseSerializer})
    def post(self, request, course_key, usage_key, case_uuid):
        payload = _valid(serializers.ClinicStartSerializer, body_of(request))
        return Response(_case(api.start_clinic(user=request.user, course_key=course_key, usage_key=usage_key,
                                               case_uuid=case_uuid, **payload)), status=201)

    @extend_schema(request=None, responses=serializers.CaseSerializer)
    def put(self, request, course_key, usage_key, case_uuid):
        return Response(_case(api.advance_clinic(user=request.user, course_key=course_key, usage_key=usage_key,
                                                 case_uuid=case_uuid)))


class ActionPlanView(VetnetAPIView):
    """In the clinic's last phase, the facilitator, the owner or staff save the action plan on the case."""

    @extend_schema(request=serializers.ActionPlanSerializer, responses=serializers.CaseSerializer)
    def put(self, request, course_key, usage_key, case_uuid):
        payload = _valid(serializers.ActionPlanSerializer, body_of(request))
        return Response(_case(api.save_action_plan(user=request.user, course_key=course_key, usage_key=usage_key,
                                                   case_uuid=case_uuid, plan=payload["plan"])))


class CaseTranslationView(VetnetAPIView):
    """A member translates the case's title and problem; a draft in that language then finds the case."""

    @extend_schema(request=serializers.CaseTranslationSerializer, responses=serializers.CaseSerializer)
    def put(self, request, course_key, usage_key, case_uuid):
        payload = _valid(serializers.CaseTranslationSerializer, body_of(request))
        return Response(_case(api.translate_case(user=request.user, course_key=course_key, usage_key=usage_key,
                                                 case_uuid=case_uuid, **payload)))


class NoticesView(VetnetAPIView):
    """The requester's e-mails about new cases that match their profile: read (GET), turn on or off (PUT)."""

    @extend_schema(responses=serializers.CaseNoticesSerializer)
    def get(self, request, course_key, usage_key):  # pylint: disable=unused-argument
        api.get_counselling_desk(course_key=course_key, usage_key=usage_key)
        enabled = api.routing_notices_enabled(user=request.user)
        return Response(serializers.CaseNoticesSerializer({"enabled": enabled}).data)

    @extend_schema(request=serializers.CaseNoticesSerializer, responses=serializers.CaseNoticesSerializer)
    def put(self, request, course_key, usage_key):
        payload = _valid(serializers.CaseNoticesSerializer, body_of(request))
        api.get_counselling_desk(course_key=course_key, usage_key=usage_key)
        enabled = api.set_routing_notices(user=request.user, enabled=payload["enabled"])
        return Response(serializers.CaseNoticesSerializer({"enabled": enabled}).data)


class SimilarView(VetnetAPIView):
    """Up to five cases like a draft (its text and topics), solved ones first."""

    @extend_schema(request=serializers.SimilarQuerySerializer, responses=serializers.SimilarCasesSerializer)
    def post(self, request, course_key, usage_key):
        query = _valid(serializers.SimilarQuerySerializer, body_of(request))
        found = api.similar_cases(user=request.user, course_key=course_key, usage_key=usage_key, **query)
        return Response(serializers.SimilarCasesSerializer({"results": [asdict(s) for s in found]}).data)
