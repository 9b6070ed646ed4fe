"""
The endpoints a block's JavaScript talks to: handlers and packaged resources.

Handlers need a logged-in user with access to the block's course (the course
team for Studio handlers); POSTs go through Django's CSRF check, which reads
the X-CSRFToken header the blocks send from the csrftoken cookie.
"""
import logging
import mimetypes

from django.http import Http404, HttpResponse, JsonResponse
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from xblock.core import XBlock
from xblock.django.request import django_to_webob_request, webob_to_django_response
from xblock.exceptions import InvalidScopeError, NoSuchHandlerError
from xblock.plugin import PluginMissingError

from .. import course_roles
from ..blocks import PLATFORM_BLOCK_TYPES
from ..field_store import usage_exists
from ..models import Course
from ..runtime import HostRuntime

log = logging.getLogger(__name__)


def _refuse(status, message):
    return JsonResponse({"error": message}, status=status)


def handler(request, usage_key, handler_name, suffix="", studio=False):
    """Run ``handler_name`` of the block, in the LMS or the Studio runtime."""
    if not request.user.is_authenticated:
        return _refuse(403, "Log in first.")
    try:
        usage_key = UsageKey.from_string(usage_key)
    except InvalidKeyError as exc:
        raise Http404("No such block") from exc
    course_key = usage_key.course_key
    if not Course.objects.filter(course_key=str(course_key)).exists() or not usage_exists(usage_key):
        raise Http404("No such block")
    allowed = (
        course_roles.has_staff_access(request.user, course_key) if studio
        else course_roles.can_access_course(request.user, course_key)
    )
    if not allowed:
        return _refuse(403, "You have no access to this course.")
    runtime = HostRuntime(course_key=course_key, user=request.user, studio=studio)
    block = runtime.get_block(usage_key)
    try:
        response = runtime.handle(block, handler_name, django_to_webob_request(request), suffix)
    except NoSuchHandlerError as exc:
        raise Http404("No such handler") from exc
    except InvalidScopeError as exc:
        # The LMS refuses the same write; say so plainly instead of a server error.
        log.warning("Handler %s of %s wrote authored fields outside Studio: %s", handler_name, usage_key, exc)
        return _refuse(400, "Authored fields can only be changed in Studio.")
    return webob_to_django_response(response)


def resource(request, block_type, uri):  # pylint: disable=unused-argument
    """A file from a block's ``public/`` folder, as ``runtime.local_resource_url`` names it."""
    block_class = PLATFORM_BLOCK_TYPES.get(block_type)
    if block_class is None:
        try:
            block_class = XBlock.load_class(block_type)
        except PluginMissingError as exc:
            raise Http404("No such block type") from exc
    try:
        content = block_class.open_local_resource(uri)
    except Exception as exc:  # pylint: disable=broad-except
        # Anything outside public/ or missing is simply not there.
        raise Http404("No such resource") from exc
    content_type, _encoding = mimetypes.guess_type(uri)
    response = HttpResponse(content, content_type=content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    return response
