"""
What every VETNet block needs from its runtime, in one place.

Who the current user is (from the LMS user service), which course the block
lives in, translations through the i18n service, Django templates rendered
with autoescaping, and JSON handlers that turn ``VetnetError`` into a clear
4xx answer instead of a server error.
"""
from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import json
import threading

from django.template import Context, Engine, Template
from django.template.backends.django import get_installed_libraries
from django.utils.safestring import SafeString, mark_safe
from webob import Response
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError
from xblock.utils.resources import ResourceLoader

from vetnet_plugin.exceptions import AccessDenied, InvalidInput, VetnetError

__all__ = [
    "ANONYMOUS",
    "BlockUser",
    "VetnetXBlockMixin",
    "gettext_noop",
    "json_handler",
    "json_response",
    "user_from_opt_attrs",
]

# Course roles the LMS and Studio report in ``edx-platform.user_role`` that may
# author a block and see staff-only information.
STAFF_ROLES = frozenset({"staff", "instructor", "administrator"})

_SHARED_LOADER = ResourceLoader(__name__)

# Block templates are compiled once per process (they ship with the package).
_templates: dict = {}
_templates_lock = threading.Lock()
_engine: list = []


def _template_engine() -> Engine:
    if not _engine:
        libraries = get_installed_libraries()
        libraries["i18n"] = "vetnet_xblocks.template_i18n"
        _engine.append(Engine(libraries=libraries))
    return _engine[0]


def _compiled(loader: ResourceLoader, path: str) -> Template:
    key = (loader.module_name, path)
    template = _templates.get(key)
    if template is None:
        with _templates_lock:
            template = Template(loader.load_unicode(path), engine=_template_engine())
            _templates[key] = template
    return template


def gettext_noop(text: str) -> str:
    """Mark a string for extraction; it is translated when rendered, in the user's language."""
    return text


@dataclasses.dataclass(frozen=True)
class BlockUser:
    """The current user as a block sees it; ``user_id`` is None for anonymous users."""

    user_id: int | None
    username: str = ""
    is_staff: bool = False
    role: str = ""
    anonymous_user_id: str = ""

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None


ANONYMOUS = BlockUser(user_id=None)


def _as_bool(value) -> bool:
    # Runtimes disagree on types: a real bool in the LMS, sometimes a string elsewhere.
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes"}
    return value is True


def _as_int(value) -> int | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def user_from_opt_attrs(opt_attrs) -> BlockUser:
    """
    Build a ``BlockUser`` from the ``opt_attrs`` of the LMS user service.

    Anything that does not identify a user (no id, ``is_authenticated`` false,
    a runtime that does not speak the ``edx-platform.*`` attributes) gives
    ``ANONYMOUS``, who is never staff.
    """
    attrs = opt_attrs or {}
    if "edx-platform.is_authenticated" in attrs and not _as_bool(attrs["edx-platform.is_authenticated"]):
        return ANONYMOUS
    user_id = _as_int(attrs.get("edx-platform.user_id"))
    if user_id is None:
        return ANONYMOUS
    role = str(attrs.get("edx-platform.user_role") or "").strip().lower()
    return BlockUser(
        user_id=user_id,
        username=str(attrs.get("edx-platform.username") or ""),
        is_staff=_as_bool(attrs.get("edx-platform.user_is_staff")) or role in STAFF_ROLES,
        role=role,
        anonymous_user_id=str(attrs.get("edx-platform.anonymous_user_id") or ""),
    )


class _ApiJSONEncoder(json.JSONEncoder):
    """Lets handlers return the frozen values of ``vetnet_plugin.data`` as they are."""

    def default(self, o):
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        if isinstance(o, (datetime.datetime, datetime.date)):
            return o.isoformat()
        if isinstance(o, enum.Enum):
            return o.value
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)


def json_response(data, status: int = 200, **headers) -> Response:
    """A JSON ``webob.Response``, for handlers that build their own answer."""
    response = Response(
        body=json.dumps(data, cls=_ApiJSONEncoder).encode("utf-8"),
        status=status,
        content_type="application/json",
        charset="utf-8",
    )
    for name, value in headers.items():
        response.headers[name.replace("_", "-")] = value
    return response


def _error_response(status: int, message: str, errors: dict | None = None, **headers) -> Response:
    return json_response({"error": message, "errors": errors or {}}, status=status, **headers)


def _query_payload(block, request):
    """The query string as a dict of one text per name, or a 400 response."""
    _ = block.gettext
    try:
        pairs = request.GET.items()
    except UnicodeDecodeError:
        return _error_response(400, _("The address contains text that is not valid Unicode."))
    payload = {}
    for name, value in pairs:
        if name in payload:
            # Handlers read one value per name; a second one would reach them as a list.
            return _error_response(400, _("The address gives {name} more than once.").format(name=name[:50]))
        payload[name] = value
    return payload


def _read_payload(block, request, method: str):
    """
    Return the request's data as a dict, or a 400 response that says what is wrong.

    JSON bodies are read as the REST API reads them (``parse_json_payload``):
    numbers, text and nesting nothing behind can hold are refused here.
    """
    if method in {"GET", "HEAD", "DELETE"}:
        return _query_payload(block, request)
    if not request.body:
        return {}
    # The backend imports this module (for ``BlockUser``): reach it when a request comes, not at import.
    from .backend.payloads import parse_json_payload  # pylint: disable=import-outside-toplevel

    try:
        return parse_json_payload(request.body)
    except InvalidInput as error:
        return _error_response(400, error.message)


def text_value(data: dict, name: str) -> str:
    """A handler's text field: the string sent, or "" for anything else (never a server error)."""
    value = data.get(name, "")
    return value if isinstance(value, str) else ""


def text_list(data: dict, name: str) -> list[str]:
    """A handler's list of names: one string or a list of them; anything else counts as nothing chosen."""
    value = data.get(name) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [v for v in value if isinstance(v, str)]


def json_handler(func=None, *, methods=("POST",)):
    """
    Make a block method a JSON handler: ``func(self, data, suffix)`` returns data to encode.

    - a method not in ``methods`` gets 405 (with ``Allow``);
    - a body that is not a JSON object gets 400; GET/DELETE data comes from the query string;
    - ``VetnetError`` (and ``JsonHandlerError``) become their status code with
      ``{"error": message, "errors": {field: [messages]}}``, so bad input is never a 500;
    - a returned ``webob.Response`` is passed through untouched.

    Use as ``@json_handler`` or ``@json_handler(methods=("GET",))``.
    """
    allowed = tuple(method.upper() for method in methods)

    def decorate(function):
        @XBlock.handler
        @functools.wraps(function)
        def wrapper(self, request, suffix=""):
            method = request.method.upper()
            if method not in allowed:
                return _error_response(
                    405, self.gettext("This address does not accept that kind of request."), allow=", ".join(allowed)
                )
            payload = _read_payload(self, request, method)
            if isinstance(payload, Response):
                return payload
            try:
                result = function(self, payload, suffix)
            except VetnetError as error:
                return _error_response(error.status_code, error.message, error.errors)
            except JsonHandlerError as error:
                return _error_response(error.status_code, error.message)
            if isinstance(result, Response):
                return result
            return json_response(result)

        return wrapper

    return decorate(func) if func is not None else decorate


class VetnetXBlockMixin:
    """
    The shared plumbing of the VETNet blocks (mixed into ``VetnetBlock``).

    It reads only what every Open edX runtime gives: ``scope_ids``, the
    ``user`` and ``i18n`` services and, in Studio, ``studio_user_permissions``.
    """

    # -- who and where -------------------------------------------------------

    @property
    def current_user(self) -> BlockUser:
        """The user this block is rendered for or handles a request of."""
        service = self.runtime.service(self, "user")
        if service is None:
            return ANONYMOUS
        xblock_user = service.get_current_user()
        return user_from_opt_attrs(getattr(xblock_user, "opt_attrs", None))

    def _context_key(self):
        """The opaque course (or library) key, or None where the runtime has none."""
        return getattr(self.scope_ids.usage_id, "context_key", None)

    @property
    def course_key(self) -> str:
        """
        The course key as a string (``course-v1:ORG+NUM+RUN``).

        Empty when the runtime gives plain string ids (the XBlock SDK's own
        workbench): there is no course then, and community features stay off.
        """
        key = self._context_key()
        return str(key) if key is not None else ""

    @property
    def usage_key(self) -> str:
        """This block's usage key as a string: what the plugin stores to point back here."""
        return str(self.scope_ids.usage_id)

    @property
    def dom_id(self) -> str:
        """A stable, HTML-safe id prefix, unique per block on a page."""
        return "vetnet-" + hashlib.sha1(self.usage_key.encode("utf-8")).hexdigest()[:12]

    # -- permissions ---------------------------------------------------------

    def can_edit_content(self) -> bool:
        """
        True if the current user may change this block's content and settings.

        Course staff in the LMS (``user_is_staff`` or a staff role); in Studio
        the user service reports neither for course authors, so Studio's own
        permissions service is asked as well.
        """
        if self.current_user.is_staff:
            return True
        permissions = self.runtime.service(self, "studio_user_permissions")
        key = self._context_key()
        if permissions is None or key is None:
            return False
        return bool(permissions.can_write(key))

    def require_staff(self) -> None:
        """Raise ``AccessDenied`` unless the current user may edit this block."""
        if not self.can_edit_content():
            raise AccessDenied(self.gettext("Only the course team can change this part of the course."))

    # -- translation and rendering ---------------------------------------------

    def gettext(self, text: str) -> str:
        """Translate ``text`` with the runtime's i18n service (the block's own catalog in the LMS)."""
        service = self.runtime.service(self, "i18n")
        if service is None:
            return text
        # Newer services expose ``gettext``; older ones only ``ugettext``.
        translate = getattr(service, "gettext", None) or getattr(service, "ugettext", None)
        return translate(text) if translate else text

    def ngettext(self, singular: str, plural: str, number: int) -> str:
        """The form of ``singular``/``plural`` for ``number``, by the runtime's i18n service."""
        service = self.runtime.service(self, "i18n")
        translate = None
        if service is not None:
            translate = getattr(service, "ngettext", None) or getattr(service, "ungettext", None)
        if translate is None:
            return singular if number == 1 else plural
        return translate(singular, plural, number)

    def _loader(self, shared: bool) -> ResourceLoader:
        if shared:
            return _SHARED_LOADER
        # Runtimes mix classes into blocks; the block's own package is the unmixed class's.
        return ResourceLoader(getattr(self, "unmixed_class", type(self)).__module__)

    def render_template(self, path: str, context: dict | None = None, *, shared: bool = False) -> SafeString:
        """
        Render a Django template (autoescaped, ``{% trans %}`` through the i18n service).

        ``path`` is relative to the block's own package (``templates/...``), or
        to ``vetnet_xblocks`` itself when ``shared`` is true.
        """
        template = _compiled(self._loader(shared), path)
        values = dict(context or {})
        values["_i18n_service"] = self.runtime.service(self, "i18n")
        return mark_safe(template.render(Context(values)))

    def load_resource(self, path: str, *, shared: bool = False) -> str:
        """The text of a file under the block's package (or ``vetnet_xblocks`` when ``shared``)."""
        return self._loader(shared).load_unicode(path)

    def js_strings(self) -> dict:
        """Translated strings every block's JavaScript may show (passed in ``json_args``)."""
        _ = self.gettext
        return {
            "request_failed": _("Something went wrong. Please try again."),
            "network_error": _("The server could not be reached. Check your connection and try again."),
            "saving": _("Saving…"),
            "saved": _("Saved."),
        }
