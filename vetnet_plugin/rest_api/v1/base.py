"""
What every v1 REST view shares: the LMS's authentication, one permission,
``VetnetError`` mapped to its HTTP status once, the course-key URL pattern,
and the request-reading helpers.

Views call ``vetnet_plugin.api`` and nothing behind it; object scoping and
access checks happen there, on the server, for every lookup.
"""
from dataclasses import asdict

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ... import api, compat
from ...conf import setting
from ...exceptions import Conflict, InvalidInput, NotFound, VetnetError

# A course run's key as the platform writes it in URLs.
COURSE_KEY_PATTERN = r"(?P<course_key>course-v1:[^/+]+\+[^/+]+\+[^/?]+)"
# The course-community prefix of every endpoint family.
COURSE = rf"courses/{COURSE_KEY_PATTERN}"

PAGE_PARAMETERS = [OpenApiParameter("page", int), OpenApiParameter("page_size", int)]


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


class VetnetAPIView(APIView):
    """Common base: LMS authentication, one way to read bodies, ``VetnetError`` mapped to its HTTP status."""

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


def paginated(request, items) -> dict:
    """One page of ``items`` in the LMS's usual shape (``page`` and ``page_size`` query parameters)."""
    default = setting("VETNET_PAGE_SIZE")
    maximum = setting("VETNET_MAX_PAGE_SIZE")
    try:
        number = max(1, int(request.query_params.get("page", 1)))
        size = max(1, min(int(request.query_params.get("page_size", default)), maximum))
    except (TypeError, ValueError) as exc:
        raise InvalidInput(_("The page number and size must be whole numbers.")) from exc
    items = list(items)
    num_pages = max(1, -(-len(items) // size))
    if number > num_pages:
        raise NotFound(_("There is no page {number}.").format(number=number))

    def link(page_number):
        query = request.query_params.copy()
        query["page"] = page_number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": len(items), "num_pages": num_pages, "current_page": number,
        "next": link(number + 1) if number < num_pages else None,
        "previous": link(number - 1) if number > 1 else None,
        "results": [asdict(item) for item in items[(number - 1) * size: number * size]],
    }
