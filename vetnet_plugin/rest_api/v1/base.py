"""
What every v1 REST view shares: the LMS's authentication, one permission,
``VetnetError`` mapped to its HTTP status once, the course-key URL pattern,
and the request-reading helpers.

Views call ``vetnet_plugin.api`` and nothing behind it; object scoping and
access checks happen there, on the server, for every lookup.
"""
from dataclasses import asdict

from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ... import api, compat
from ...data import Page
from ...exceptions import Conflict, InvalidInput, VetnetError

# A course run's key as the platform writes it in URLs.
COURSE_KEY_PATTERN = r"(?P<course_key>course-v1:[^/+]+\+[^/+]+\+[^/?]+)"
# The course-community prefix of every endpoint family.
COURSE = rf"courses/{COURSE_KEY_PATTERN}"


class IsAuthenticatedMember(IsAuthenticated):
    """A logged-in, active account; whether it belongs to a course is the API's check."""

    def has_permission(self, request, view):
        return super().has_permission(request, view) and request.user.is_active


class JSONObjectParser(JSONParser):
    """
    JSON bodies read the one way the whole product reads them (``parse_json_payload``).

    Every v1 endpoint takes a JSON object; numbers, text and nesting the
    system cannot hold are a 400 with a message, before any view sees them.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        return api.parse_json_payload(stream.read() if stream is not None else b"")


class VetnetSchema(AutoSchema):
    """
    drf-spectacular's schema with one more rule: a GET of a collection (a path
    that does not end in a ``{parameter}``) is a ``list``, so a list and its
    items' pages get their own operation ids without numeral suffixes.
    """

    def get_operation_id(self):
        operation_id = super().get_operation_id()
        if self.method == "GET" and operation_id.endswith("_retrieve") and not self.path.rstrip("/").endswith("}"):
            return operation_id[: -len("_retrieve")] + "_list"
        return operation_id


class VetnetAPIView(APIView):
    """Common base: LMS authentication, one way to read bodies, ``VetnetError`` mapped to its HTTP status."""

    schema = VetnetSchema()
    authentication_classes = compat.drf_authentication_classes()
    permission_classes = (IsAuthenticatedMember,)
    parser_classes = (JSONObjectParser, FormParser, MultiPartParser)

    def handle_exception(self, exc):
        if api.is_transient_lock_error(exc):
            # Only inside a transaction begun before the view (the writes retry their own): try again.
            exc = Conflict(_("Many people are doing this at the same moment. Please try again."))
        if isinstance(exc, VetnetError):
            body = {"detail": exc.message}
            if exc.errors:
                body["errors"] = exc.errors
            return Response(body, status=exc.status_code)
        return super().handle_exception(exc)


def body_of(request) -> dict:
    """The request's JSON object, or ``InvalidInput`` for anything else."""
    if not isinstance(request.data, dict):
        raise InvalidInput(_("Send a JSON object."))
    return request.data


def flag(value, name: str, default: bool) -> bool:
    """A yes/no field that must really be one."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    raise InvalidInput(_("Choose yes or no."), errors={name: [_("Choose yes or no.")]})


def page_url(request, number: int) -> str:
    """The absolute URL of page ``number`` of the list ``request`` asked for."""
    query = request.query_params.copy()
    query.pop("cursor", None)
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def cursor_url(request, cursor: str) -> str:
    """The absolute URL of the page ``cursor`` names, in the list ``request`` asked for."""
    query = request.query_params.copy()
    query.pop("page", None)
    query["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _next_url(request, page: Page) -> str | None:
    # Deep pages by position: once a client follows a cursor it keeps to
    # cursors, and past the last counted page only a cursor goes on.
    cursor = page.extra.get("next_cursor")
    counted_pages = -(-page.count // max(1, page.page_size))
    if cursor and (request.query_params.get("cursor") or page.page >= counted_pages):
        return cursor_url(request, cursor)
    return page_url(request, page.page + 1) if page.has_next else None


def page_body(request, page: Page, item_serializer=None, **extra) -> dict:
    """
    A ``Page`` in the one shape every list endpoint answers with (the LMS's):
    ``count``, ``num_pages``, ``current_page``, ``next``, ``previous``,
    ``next_cursor`` (lists read by position only), ``results``, then any ``extra`` keys (such as the
    toolbox's facets). ``next`` is a page-number link on shallow pages and a
    cursor link once the client reads by cursor (``core.pagination``).
    """
    items = [asdict(item) for item in page.items]
    return {
        "count": page.count,
        "num_pages": page.num_pages,
        "current_page": page.page,
        "next": _next_url(request, page),
        "previous": page_url(request, page.page - 1) if page.has_previous else None,
        **({"next_cursor": page.extra["next_cursor"]} if "next_cursor" in page.extra else {}),
        "results": item_serializer(items, many=True).data if item_serializer else items,
        **extra,
    }


def page_of(item_serializer, name: str, *, seek: bool = False, **extra_fields):
    """
    The serializer (for the OpenAPI schema) of a page of ``item_serializer`` in
    ``page_body``'s shape; ``seek`` for a list that also reads by cursor.
    """
    cursor_fields = {
        "next_cursor": serializers.CharField(
            allow_null=True, help_text="Where the next page starts, as an opaque token: send it back as `cursor` to "
            "read that page from the index, however deep (keyset pagination); null on the last page."),
    } if seek else {}
    fields = {
        "count": serializers.IntegerField(),
        "num_pages": serializers.IntegerField(),
        "current_page": serializers.IntegerField(),
        "next": serializers.URLField(
            allow_null=True, help_text="The next page: a page-number link on shallow pages, a cursor link once the "
            "client reads by cursor or past the last counted page; null on the last page."),
        "previous": serializers.URLField(allow_null=True, help_text="The previous page, by number."),
        **cursor_fields,
        "results": item_serializer(many=True),
        **extra_fields,
    }
    return type(name, (serializers.Serializer,), {**fields, "__doc__": f"A page of {item_serializer.__name__}s."})
