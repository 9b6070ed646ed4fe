"""
REST views of the community hub and the four phases: the member's
communities with their news and progression, a course's phase criteria
(staff change them), claiming a phase credential, and the public credential
and its verification (no sign-in: whoever the holder shares it with).
"""
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import JSONObjectParser, VetnetAPIView, body_of
from . import serializers


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput(_("The request is not valid: check the fields marked."), errors=serializer.errors)
    return serializer.validated_data


def _credential(request, credential):
    return {
        **{name: getattr(credential, name) for name in
           ("uuid", "course_key", "phase", "issued", "revoked", "revocation_reason")},
        "url": request.build_absolute_uri(reverse("vetnet:hub-credential", args=[credential.uuid])),
        "verification_url": request.build_absolute_uri(
            reverse("vetnet:hub-credential-verification", args=[credential.uuid])),
    }


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


class HubView(VetnetAPIView):
    """The requester's communities (courses they belong to), what is new in each, their progression, the links."""

    @extend_schema(responses=serializers.HubSerializer)
    def get(self, request):
        return Response(serializers.HubSerializer(api.get_hub(user=request.user)).data)


class CourseHubView(VetnetAPIView):
    """The same, with this course first (the course tab); the requester must belong to it."""

    @extend_schema(responses=serializers.HubSerializer)
    def get(self, request, course_key):
        return Response(serializers.HubSerializer(api.get_hub(user=request.user, course_key=course_key)).data)


class CriteriaView(VetnetAPIView):
    """The course's criteria for each phase (members read them; staff change them per phase)."""

    @extend_schema(responses=serializers.CriteriaListSerializer)
    def get(self, request, course_key):
        criteria = api.get_phase_criteria(user=request.user, course_key=course_key)
        return Response(serializers.CriteriaListSerializer({"results": criteria}).data)


class PhaseCriteriaView(VetnetAPIView):
    """Staff set how often each action of one phase is needed in their course."""

    @extend_schema(request=serializers.CriteriaChangeSerializer, responses=serializers.CriteriaSerializer)
    def put(self, request, course_key, phase):
        payload = _valid(serializers.CriteriaChangeSerializer, body_of(request))
        criteria = api.set_phase_criteria(user=request.user, course_key=course_key, phase=phase,
                                          thresholds=payload["thresholds"])
        return Response(serializers.CriteriaSerializer(criteria).data)


class ProgressRecordView(VetnetAPIView):
    """Staff record their course's progress now, instead of waiting for the hourly task."""

    @extend_schema(request=None, responses=serializers.RecordedSerializer)
    def post(self, request, course_key):
        recorded = api.refresh_course_progress(user=request.user, course_key=course_key)
        return Response(serializers.RecordedSerializer({"recorded": recorded}).data)


class ClaimView(VetnetAPIView):
    """The member claims the credential of an informal phase they met (the same one if already claimed)."""

    @extend_schema(request=serializers.ClaimSerializer, responses={201: serializers.PhaseCredentialSerializer})
    def post(self, request, course_key):
        payload = _valid(serializers.ClaimSerializer, body_of(request))
        credential = api.claim_phase_credential(user=request.user, course_key=course_key, phase=payload["phase"],
                                                site_url=_site_url(request))
        return Response(serializers.PhaseCredentialSerializer(_credential(request, credential)).data,
                        status=status.HTTP_201_CREATED)


class CredentialRevokeView(VetnetAPIView):
    """Course staff revoke a credential of their course."""

    @extend_schema(request=None, responses=serializers.PhaseCredentialSerializer)
    def post(self, request, course_key, credential_uuid):
        credential = api.revoke_phase_credential(user=request.user, course_key=course_key,
                                                 credential_uuid=credential_uuid)
        return Response(serializers.PhaseCredentialSerializer(_credential(request, credential)).data)


class OwnCredentialsView(VetnetAPIView):
    """The requester's credentials, newest first (revoked ones marked)."""

    @extend_schema(responses=serializers.PhaseCredentialListSerializer)
    def get(self, request):
        credentials = [_credential(request, item) for item in api.list_phase_credentials(user_id=request.user.id)]
        return Response(serializers.PhaseCredentialListSerializer({"results": credentials}).data)


class _PublicView(VetnetAPIView):
    # Whoever the holder shares a credential with reads and verifies it without an account.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    # Always JSON, also in a browser: the credential is what is shared, not a page about it.
    renderer_classes = (JSONRenderer,)
    parser_classes = (JSONObjectParser,)


class CredentialView(_PublicView):
    """The signed credential, exactly as issued (Open Badges 3.0 JSON); a revoked one answers 410."""

    @extend_schema(responses={200: serializers.OpenBadgeCredentialSerializer, 410: serializers.VerificationSerializer})
    def get(self, request, credential_uuid):
        credential = api.get_phase_credential(credential_uuid=credential_uuid)
        if credential.revoked:
            verification = api.verify_phase_credential(credential_uuid=credential_uuid)
            return Response(serializers.VerificationSerializer(verification).data, status=status.HTTP_410_GONE)
        return Response(credential.document, content_type="application/vc+ld+json")


class CredentialVerificationView(_PublicView):
    """Whether the site's credential is genuine, unchanged and not revoked."""

    @extend_schema(responses=serializers.VerificationSerializer)
    def get(self, request, credential_uuid):
        return Response(serializers.VerificationSerializer(
            api.verify_phase_credential(credential_uuid=credential_uuid)).data)


class VerificationView(_PublicView):
    """Verify a credential's JSON as its holder shared it: signed by this site, unchanged, not revoked."""

    @extend_schema(request=serializers.VerificationRequestSerializer, responses=serializers.VerificationSerializer)
    def post(self, request):
        payload = _valid(serializers.VerificationRequestSerializer, body_of(request))
        return Response(serializers.VerificationSerializer(
            api.verify_credential_document(document=payload["credential"])).data)
