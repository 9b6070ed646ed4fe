"""
REST views of the best-practice repository for members of any course
community: the list with facets, one entry, the author's description and
withdrawal, adoption evidence, and an entry's export.
"""
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import VetnetAPIView, body_of, page_body
from . import repository_serializers as serializers


def _valid(serializer_class, values):
    serializer = serializer_class(data=values)
    if not serializer.is_valid():
        raise InvalidInput(_("The request is not valid: check the fields marked."), errors=serializer.errors)
    return serializer.validated_data


def read_repository_query(params: dict):
    """The validated query of a repository list: its filters, order and page."""
    values = _valid(serializers.RepositoryQuerySerializer, params)
    sort, page, page_size, cursor = values.pop("sort"), values.pop("page"), values.pop("page_size"), values.pop(
        "cursor")
    return api.RepositoryFilters(**values), sort, page, page_size, cursor


def repository_page_body(request, page):
    return page_body(request, page, serializers.RepositoryEntrySerializer, facets=page.extra.get("facets", {}),
                     facets_partial=page.extra.get("facets_partial", False),
                     count_capped=page.extra.get("count_capped", False))


def entry_link(request, entry_uuid) -> str:
    """The public address of an entry (what the platforms link to)."""
    return request.build_absolute_uri(reverse("vetnet:repository-public-entry", kwargs={"entry_uuid": entry_uuid}))


def _detail(detail):
    return Response(serializers.RepositoryEntryDetailSerializer(detail).data)


class RepositoryListView(VetnetAPIView):
    """The repository (every course community's accepted practices), searched and filtered by facet."""

    @extend_schema(parameters=[serializers.RepositoryQuerySerializer], responses=serializers.RepositoryPageSerializer)
    def get(self, request, course_key):
        filters, sort, page_number, page_size, cursor = read_repository_query(request.query_params)
        page = api.list_repository(user=request.user, course_key=course_key, filters=filters, sort=sort,
                                   page=page_number, page_size=page_size, cursor=cursor)
        return Response(repository_page_body(request, page))


class RepositoryEntryView(VetnetAPIView):
    """One entry with its text and adoption evidence; PATCH: its author (or staff) describe it."""

    @extend_schema(responses=serializers.RepositoryEntryDetailSerializer)
    def get(self, request, course_key, entry_uuid):
        return _detail(api.get_repository_entry(user=request.user, course_key=course_key, entry_uuid=entry_uuid))

    @extend_schema(request=serializers.RepositoryDescriptionSerializer,
                   responses=serializers.RepositoryEntryDetailSerializer)
    def patch(self, request, course_key, entry_uuid):
        payload = _valid(serializers.RepositoryDescriptionSerializer, body_of(request))
        api.describe_repository_entry(user=request.user, course_key=course_key, entry_uuid=entry_uuid, **payload)
        return _detail(api.get_repository_entry(user=request.user, course_key=course_key, entry_uuid=entry_uuid))


class RepositoryWithdrawalView(VetnetAPIView):
    """The author takes their practice out of the repository, or offers it again."""

    @extend_schema(request=serializers.RepositoryWithdrawalSerializer,
                   responses=serializers.RepositoryEntryDetailSerializer)
    def post(self, request, course_key, entry_uuid):
        payload = _valid(serializers.RepositoryWithdrawalSerializer, body_of(request))
        api.withdraw_from_repository(user=request.user, course_key=course_key, entry_uuid=entry_uuid,
                                     withdrawn=payload["withdrawn"])
        return _detail(api.get_repository_entry(user=request.user, course_key=course_key, entry_uuid=entry_uuid))


class PracticeAdoptionView(VetnetAPIView):
    """POST: "I adopted this"; DELETE: take it back."""

    @extend_schema(request=serializers.PracticeAdoptionSerializer,
                   responses=serializers.RepositoryEntryDetailSerializer)
    def post(self, request, course_key, entry_uuid):
        payload = _valid(serializers.PracticeAdoptionSerializer, body_of(request))
        return _detail(api.adopt_practice(user=request.user, course_key=course_key, entry_uuid=entry_uuid,
                                          context_note=payload["context"]))

    @extend_schema(request=None, responses=serializers.RepositoryEntryDetailSerializer)
    def delete(self, request, course_key, entry_uuid):
        return _detail(api.withdraw_practice_adoption(user=request.user, course_key=course_key,
                                                      entry_uuid=entry_uuid))


class PracticeOutcomeView(VetnetAPIView):
    """How one's adoption went: success, partial or not_successful, with a report."""

    @extend_schema(request=serializers.PracticeOutcomeSerializer,
                   responses=serializers.RepositoryEntryDetailSerializer)
    def post(self, request, course_key, entry_uuid):
        payload = _valid(serializers.PracticeOutcomeSerializer, body_of(request))
        return _detail(api.report_practice_outcome(user=request.user, course_key=course_key, entry_uuid=entry_uuid,
                                                   outcome=payload["outcome"], report=payload["report"]))


def export_response(export, export_format: str, entry_uuid) -> HttpResponse:
    """The export as a JSON or CSV download."""
    if export_format == "csv":
        response = HttpResponse(api.export_as_csv(export), content_type="text/csv; charset=utf-8")
    else:
        response = Response(api.export_as_json(export))
    response["Content-Disposition"] = f'attachment; filename="best-practice-{entry_uuid}.{export_format}"'
    return response


class RepositoryExportView(VetnetAPIView):
    """One entry for the Erasmus+ Project Results Platform or EPALE, as JSON or CSV (``.json`` / ``.csv``)."""

    @extend_schema(responses={(200, "application/json"): serializers.RepositoryExportSerializer,
                              (200, "text/csv"): str})
    def get(self, request, course_key, entry_uuid, export_format):
        export = api.export_repository_entry(entry_uuid=entry_uuid, link=entry_link(request, entry_uuid),
                                             user=request.user, course_key=course_key)
        return export_response(export, export_format, entry_uuid)
