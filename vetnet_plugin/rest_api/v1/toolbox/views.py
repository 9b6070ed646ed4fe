"""
Toolbox endpoints of the v1 REST API, under ``courses/<course_key>/toolbox/``.

The course in the URL is the context every lookup is scoped to; ``scope``
("course", "community", "both") says which library to look in. Deposits made
here wait for staff approval unless made by course staff: only a block's
trainer can choose to publish at once.
"""
from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput
from ..base import VetnetAPIView, page_body
from .serializers import (
    AdoptionSerializer,
    AdoptionSummarySerializer,
    CollectionListSerializer,
    CollectionSerializer,
    DepositSerializer,
    LibraryPageSerializer,
    LibraryQuerySerializer,
    ModerationSerializer,
    ResourcePageSerializer,
    ResourceSerializer,
    ReviewPageSerializer,
    ReviewSerializer,
    VersionSerializer,
)

_METADATA_FIELDS = tuple(api.ResourceMetadata.__dataclass_fields__)


def _in_course(request, course_key) -> dict:
    """The course, and the library the request names (``?scope=``); deposits wait for approval."""
    scope = request.query_params.get("scope", "both")
    return {"course_key": course_key, "context": api.ToolboxContext(scope=scope, moderation="approval")}


def _valid(serializer_class, payload):
    serializer = serializer_class(data=payload)
    if not serializer.is_valid():
        raise InvalidInput(_("The request is not valid: check the fields marked."), errors=serializer.errors)
    return dict(serializer.validated_data)


def _object(payload) -> dict:
    """A request body that must be a JSON object (or a form), or ``InvalidInput``."""
    if not hasattr(payload, "get"):
        raise InvalidInput(_("Send a JSON object."))
    return payload


class ToolboxView(VetnetAPIView):
    """The toolbox's views; their bodies are read as every v1 view reads them."""


class ResourceListView(ToolboxView):
    """The library: search, filters with facet counts, sorting, pages; POST deposits a resource."""

    @extend_schema(parameters=[LibraryQuerySerializer], responses=LibraryPageSerializer)
    def get(self, request, course_key):
        params = _valid(LibraryQuerySerializer, request.query_params)
        scope, sort = params.pop("scope"), params.pop("sort")
        page_number, page_size, cursor = params.pop("page"), params.pop("page_size"), params.pop("cursor")
        page = api.list_resources(
            user=request.user, course_key=course_key, context=api.ToolboxContext(scope=scope),
            filters=api.ResourceFilters(**params), sort=sort, page=page_number, page_size=page_size, cursor=cursor,
        )
        return Response(page_body(request, page, ResourceSerializer, facets=page.extra.get("facets", {}),
                                   facets_partial=page.extra.get("facets_partial", False),
                                   count_capped=page.extra.get("count_capped", False)))

    @extend_schema(request=DepositSerializer, responses={201: ResourceSerializer})
    def post(self, request, course_key):
        data = _object(request.data)
        # A form is read field by field, never copied: copying would try to duplicate an upload
        # Django keeps in a temporary file on disk (any file over its in-memory limit).
        if hasattr(data, "getlist"):
            payload = {key: data.getlist(key) if key in ("sectors", "eqf_levels", "languages", "tags")
                       else data.get(key) for key in data}
        else:
            payload = dict(data)
        params = _valid(DepositSerializer, payload)
        upload = params.pop("file", None)
        resource = api.deposit_resource(
            user=request.user, **_in_course(request, course_key),
            metadata={name: params[name] for name in _METADATA_FIELDS},
            file=upload, filename=getattr(upload, "name", ""), link_url=params["link_url"],
            in_community_library=params["in_community_library"],
        )
        return Response(ResourceSerializer(resource).data, status=status.HTTP_201_CREATED)


class ResourceDetailView(ToolboxView):
    """One resource: read, change its metadata (author, staff), withdraw it."""

    @extend_schema(responses=ResourceSerializer)
    def get(self, request, course_key, resource_uuid):
        resource = api.get_resource(user=request.user, **_in_course(request, course_key),
                                    resource_uuid=resource_uuid)
        return Response(ResourceSerializer(resource).data)

    @extend_schema(request=DepositSerializer, responses=ResourceSerializer)
    def put(self, request, course_key, resource_uuid):
        params = _valid(DepositSerializer, request.data)
        resource = api.update_resource(
            user=request.user, **_in_course(request, course_key), resource_uuid=resource_uuid,
            metadata={name: params[name] for name in _METADATA_FIELDS},
        )
        return Response(ResourceSerializer(resource).data)

    @extend_schema(responses={204: None})
    def delete(self, request, course_key, resource_uuid):
        api.withdraw_resource(user=request.user, **_in_course(request, course_key), resource_uuid=resource_uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ResourceVersionsView(ToolboxView):
    """POST a new version (file or link) of one's own resource."""

    @extend_schema(request=VersionSerializer, responses={201: ResourceSerializer})
    def post(self, request, course_key, resource_uuid):
        params = _valid(VersionSerializer, request.data)
        upload = params.get("file")
        resource = api.add_resource_version(
            user=request.user, **_in_course(request, course_key), resource_uuid=resource_uuid,
            file=upload, filename=getattr(upload, "name", ""), link_url=params["link_url"],
            change_note=params["change_note"],
        )
        return Response(ResourceSerializer(resource).data, status=status.HTTP_201_CREATED)


class ResourceDownloadView(ToolboxView):
    """The resource's file, as an attachment browsers never render, counted."""

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request, course_key, resource_uuid):
        version = request.query_params.get("version")
        if version is not None and not str(version).isdigit():
            raise InvalidInput(_("The version must be a whole number."))
        download = api.open_resource_download(
            user=request.user, **_in_course(request, course_key), resource_uuid=resource_uuid,
            version=int(version) if version else None,
        )
        return attachment_response(download)


def attachment_response(download) -> FileResponse:
    """Stream an opened ``Download`` so that no browser runs or renders it in the page's origin."""
    response = FileResponse(download.file, as_attachment=True, filename=download.filename or "resource",
                            content_type=download.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


class ReviewView(ToolboxView):
    """GET a resource's reviews (paginated); PUT one's own review; DELETE it."""

    @extend_schema(responses=ReviewPageSerializer)
    def get(self, request, course_key, resource_uuid):
        page = api.list_reviews(user=request.user, **_in_course(request, course_key),
                                resource_uuid=resource_uuid, page=request.query_params.get("page", 1))
        own = page.extra.get("own")
        return Response(page_body(request, page, ReviewSerializer, own=ReviewSerializer(own).data if own else None))

    @extend_schema(request=ReviewSerializer, responses=ReviewSerializer)
    def put(self, request, course_key, resource_uuid):
        payload = _object(request.data)
        review = api.review_resource(
            user=request.user, **_in_course(request, course_key), resource_uuid=resource_uuid,
            rating=payload.get("rating"), text=payload.get("text", ""),
        )
        return Response(ReviewSerializer(review).data)

    @extend_schema(responses={204: None})
    def delete(self, request, course_key, resource_uuid):
        api.delete_review(user=request.user, **_in_course(request, course_key), resource_uuid=resource_uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AdoptionView(ToolboxView):
    """GET the adoption summary; PUT "I adopted this" (with ``outcome`` to report how it went); DELETE it."""

    @extend_schema(responses=AdoptionSummarySerializer)
    def get(self, request, course_key, resource_uuid):
        summary = api.list_adoptions(user=request.user, **_in_course(request, course_key),
                                     resource_uuid=resource_uuid)
        return Response(AdoptionSummarySerializer(summary).data)

    @extend_schema(request=AdoptionSerializer, responses=AdoptionSerializer)
    def put(self, request, course_key, resource_uuid):
        payload = _object(request.data)
        where = _in_course(request, course_key)
        adoption = api.adopt_resource(user=request.user, **where, resource_uuid=resource_uuid,
                                      context_note=payload.get("context", ""))
        if payload.get("outcome"):
            adoption = api.report_adoption_outcome(
                user=request.user, **where, resource_uuid=resource_uuid,
                outcome=payload["outcome"], report=payload.get("outcome_report", ""),
            )
        return Response(AdoptionSerializer(adoption).data)

    @extend_schema(responses={204: None})
    def delete(self, request, course_key, resource_uuid):
        api.withdraw_adoption(user=request.user, **_in_course(request, course_key), resource_uuid=resource_uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ModerationView(ToolboxView):
    """GET the moderation queue (``status``: pending, rejected, hidden); course staff only."""

    @extend_schema(responses=ResourcePageSerializer)
    def get(self, request, course_key):
        page = api.list_moderation_queue(
            user=request.user, **_in_course(request, course_key),
            status=request.query_params.get("status", "pending"), page=request.query_params.get("page", 1),
        )
        return Response(page_body(request, page, ResourceSerializer))


class ModerationActionView(ToolboxView):
    """POST ``{"action": "approve" | "reject" | "hide", "reason": ...}``; course staff only."""

    @extend_schema(request=ModerationSerializer, responses=ResourceSerializer)
    def post(self, request, course_key, resource_uuid):
        params = _valid(ModerationSerializer, request.data)
        arguments = {"user": request.user, **_in_course(request, course_key), "resource_uuid": resource_uuid}
        if params["action"] == "approve":
            resource = api.approve_resource(**arguments)
        elif params["action"] == "reject":
            resource = api.reject_resource(**arguments, reason=params["reason"])
        else:
            resource = api.hide_resource(**arguments, reason=params["reason"])
        return Response(ResourceSerializer(resource).data)


class CollectionListView(ToolboxView):
    """GET one's own and shared collections (``mine=1`` for one's own); POST creates one."""

    @extend_schema(responses=CollectionListSerializer)
    def get(self, request, course_key):
        collections = api.list_collections(user=request.user, **_in_course(request, course_key),
                                           mine=request.query_params.get("mine") in ("1", "true"))
        return Response({"count": len(collections),
                         "results": [CollectionSerializer(c).data for c in collections]})

    @extend_schema(request=CollectionSerializer, responses={201: CollectionSerializer})
    def post(self, request, course_key):
        params = _valid(CollectionSerializer, request.data)
        collection = api.create_collection(user=request.user, **_in_course(request, course_key), **params)
        return Response(CollectionSerializer(collection).data, status=status.HTTP_201_CREATED)


class CollectionDetailView(ToolboxView):
    """One collection: GET, PUT (owner), DELETE (owner)."""

    @extend_schema(responses=CollectionSerializer)
    def get(self, request, course_key, collection_uuid):
        collection = api.get_collection(user=request.user, **_in_course(request, course_key),
                                        collection_uuid=collection_uuid)
        return Response(CollectionSerializer(collection).data)

    @extend_schema(request=CollectionSerializer, responses=CollectionSerializer)
    def put(self, request, course_key, collection_uuid):
        params = _valid(CollectionSerializer, request.data)
        collection = api.update_collection(user=request.user, **_in_course(request, course_key),
                                           collection_uuid=collection_uuid, **params)
        return Response(CollectionSerializer(collection).data)

    @extend_schema(responses={204: None})
    def delete(self, request, course_key, collection_uuid):
        api.delete_collection(user=request.user, **_in_course(request, course_key),
                              collection_uuid=collection_uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CollectionItemView(ToolboxView):
    """PUT a resource into one's own collection, DELETE it from there."""

    @extend_schema(request=None, responses=CollectionSerializer)
    def put(self, request, course_key, collection_uuid, resource_uuid):
        collection = api.add_to_collection(user=request.user, **_in_course(request, course_key),
                                           collection_uuid=collection_uuid, resource_uuid=resource_uuid)
        return Response(CollectionSerializer(collection).data)

    @extend_schema(responses=CollectionSerializer)
    def delete(self, request, course_key, collection_uuid, resource_uuid):
        collection = api.remove_from_collection(user=request.user, **_in_course(request, course_key),
                                                collection_uuid=collection_uuid, resource_uuid=resource_uuid)
        return Response(CollectionSerializer(collection).data)
