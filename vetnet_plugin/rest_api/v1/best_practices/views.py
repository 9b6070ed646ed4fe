"""
REST views of the best-practice track: the learner's own practice and the
reviews they give and receive; the staff table, overrides, reassignment and
repository approval; a member's certificate badges.

Reviews reach authors without their reviewers, and reviewers reach practices
without their authors when the trainer chose anonymous review: the API
decides, the views only carry what it returns.
"""
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import VetnetAPIView, body_of, page_body
from . import serializers


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput(_("The request is not valid: check the fields marked."), errors=serializer.errors)
    return serializer.validated_data


def _learner_view(request, course_key, usage_key):
    view = api.get_learner_view(user=request.user, course_key=course_key, usage_key=usage_key)
    return serializers.LearnerViewSerializer(view).data


def _practice(practice):
    return serializers.PracticeSerializer(practice).data


def _lease(lease):
    return serializers.LeaseBodySerializer({"lease": lease}).data


class LearnerView(VetnetAPIView):
    """The learner's page: their practice, its grade and the reviews received, their current review."""

    @extend_schema(responses=serializers.LearnerViewSerializer)
    def get(self, request, course_key, usage_key):
        return Response(_learner_view(request, course_key, usage_key))


class DraftView(VetnetAPIView):
    """Save the learner's draft; a save from a stale page (older ``version``) is a 409."""

    @extend_schema(request=serializers.PracticeDraftSerializer, responses=serializers.PracticeSerializer)
    def put(self, request, course_key, usage_key):
        payload = _valid(serializers.PracticeDraftSerializer, body_of(request))
        practice = api.save_draft(user=request.user, course_key=course_key, usage_key=usage_key,
                                  title=payload["title"], sections=payload["sections"], version=payload["version"])
        return Response(_practice(practice))


class SubmitView(VetnetAPIView):
    """Submit the draft of the given version for peer review."""

    @extend_schema(request=serializers.PracticeVersionSerializer, responses=serializers.PracticeSerializer)
    def post(self, request, course_key, usage_key):
        payload = _valid(serializers.PracticeVersionSerializer, body_of(request))
        practice = api.submit_practice(user=request.user, course_key=course_key, usage_key=usage_key,
                                       version=payload["version"])
        return Response(_practice(practice))


class WithdrawView(VetnetAPIView):
    """Take the submitted practice back to a draft (before the deadline and any review)."""

    @extend_schema(request=None, responses=serializers.PracticeSerializer)
    def post(self, request, course_key, usage_key):
        return Response(_practice(api.withdraw_practice(user=request.user, course_key=course_key,
                                                        usage_key=usage_key)))


class ReviewRequestView(VetnetAPIView):
    """Ask for a practice to review: the current lease, a new one, or ``null`` when none needs the reviewer."""

    @extend_schema(request=None, responses=serializers.LeaseBodySerializer,
                   operation_id="courses_best_practices_reviews_request")
    def post(self, request, course_key, usage_key):
        lease = api.request_review(user=request.user, course_key=course_key, usage_key=usage_key)
        return Response(_lease(lease))


class ReviewView(VetnetAPIView):
    """Submit the review of an allocated practice."""

    @extend_schema(request=serializers.PeerReviewInputSerializer, responses=serializers.PracticeSerializer,
                   operation_id="courses_best_practices_reviews_submit")
    def post(self, request, course_key, usage_key, review_uuid):
        payload = _valid(serializers.PeerReviewInputSerializer, body_of(request))
        practice = api.submit_review(user=request.user, course_key=course_key, usage_key=usage_key,
                                     review_uuid=review_uuid, **payload)
        return Response(_practice(practice))


class CalibrationView(VetnetAPIView):
    """Rate the trainer's example and see how far the rating is from the trainer's."""

    @extend_schema(request=serializers.CalibrationInputSerializer, responses=serializers.CalibrationResultSerializer)
    def post(self, request, course_key, usage_key):
        payload = _valid(serializers.CalibrationInputSerializer, body_of(request))
        result = api.calibrate(user=request.user, course_key=course_key, usage_key=usage_key,
                               scores=payload["scores"])
        return Response(serializers.CalibrationResultSerializer(result).data)


class SelfAssessmentView(VetnetAPIView):
    """The author's own rating of their submitted practice (shown, never counted)."""

    @extend_schema(request=serializers.PeerReviewInputSerializer, responses=serializers.LearnerViewSerializer)
    def post(self, request, course_key, usage_key):
        payload = _valid(serializers.PeerReviewInputSerializer, body_of(request))
        api.submit_self_assessment(user=request.user, course_key=course_key, usage_key=usage_key, **payload)
        return Response(_learner_view(request, course_key, usage_key))


class SubmissionsView(VetnetAPIView):
    """Course staff: every practice's state, filtered by ``state`` and ``search``, paginated."""

    @extend_schema(parameters=[OpenApiParameter("state", str), OpenApiParameter("search", str),
                               OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
                   responses=serializers.StaffRowPageSerializer)
    def get(self, request, course_key, usage_key):
        query = _valid(serializers.SubmissionQuerySerializer, request.query_params)
        page = api.list_submissions(user=request.user, course_key=course_key, usage_key=usage_key, **query,
                                    page=request.query_params.get("page", 1),
                                    page_size=request.query_params.get("page_size"))
        return Response(page_body(request, page, serializers.StaffRowSerializer))


class SubmissionView(VetnetAPIView):
    """Course staff: one practice, its author and grade, and every review and lease of it."""

    @extend_schema(responses=serializers.StaffSubmissionSerializer)
    def get(self, request, course_key, usage_key, practice_uuid):
        practice = api.get_practice_for_staff(user=request.user, course_key=course_key, usage_key=usage_key,
                                              practice_uuid=practice_uuid)
        reviews = api.list_practice_reviews(user=request.user, course_key=course_key, usage_key=usage_key,
                                            practice_uuid=practice_uuid)
        return Response(serializers.StaffSubmissionSerializer({"practice": practice, "reviews": reviews}).data)


class OverrideView(VetnetAPIView):
    """Course staff set the grade by hand, with the reason the learner reads."""

    @extend_schema(request=serializers.GradeOverrideSerializer, responses=serializers.PracticeSerializer)
    def post(self, request, course_key, usage_key, practice_uuid):
        payload = _valid(serializers.GradeOverrideSerializer, body_of(request))
        practice = api.override_grade(user=request.user, course_key=course_key, usage_key=usage_key,
                                      practice_uuid=practice_uuid, **payload)
        return Response(_practice(practice))


class RepositoryView(VetnetAPIView):
    """Course staff approve a graded practice for the repository, or take the approval back."""

    @extend_schema(request=serializers.RepositoryApprovalSerializer, responses=serializers.PracticeSerializer)
    def post(self, request, course_key, usage_key, practice_uuid):
        payload = _valid(serializers.RepositoryApprovalSerializer, body_of(request))
        practice = api.approve_for_repository(user=request.user, course_key=course_key, usage_key=usage_key,
                                              practice_uuid=practice_uuid, approved=payload["approved"])
        return Response(_practice(practice))


class ReassignView(VetnetAPIView):
    """Course staff take an unfinished review back, and may hand it to another member."""

    @extend_schema(request=serializers.ReviewReassignSerializer, responses=serializers.LeaseBodySerializer)
    def post(self, request, course_key, usage_key, review_uuid):
        payload = _valid(serializers.ReviewReassignSerializer, body_of(request))
        lease = api.reassign_review(user=request.user, course_key=course_key, usage_key=usage_key,
                                    review_uuid=review_uuid, to_user_id=payload["to_user_id"],
                                    to_username=payload["to_username"])
        return Response(_lease(lease))


class ReviewerQualityView(VetnetAPIView):
    """Course staff: each reviewer's distance from the consensus and from the trainer."""

    @extend_schema(responses=serializers.ReviewerQualityListSerializer)
    def get(self, request, course_key, usage_key):
        quality = api.list_reviewer_quality(user=request.user, course_key=course_key, usage_key=usage_key)
        return Response(serializers.ReviewerQualityListSerializer({"results": quality}).data)


class OwnCredentialsView(VetnetAPIView):
    """The requesting member's certificate badges, as their profile shows them."""

    @extend_schema(responses=serializers.CredentialListSerializer)
    def get(self, request):
        credentials = api.list_member_credentials(user_id=request.user.id)
        return Response(serializers.CredentialListSerializer({"results": credentials}).data)
