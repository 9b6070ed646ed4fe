"""
The toolbox block's handlers: JSON in and out, except the two that take a
file (multipart) and the one that hands a file out. Each one builds the
block's ``ToolboxBackend`` once for its call and uses its named methods; their
errors become clear 4xx answers.
"""
from __future__ import annotations

import dataclasses
import functools
from urllib.parse import quote

from webob import Response
from xblock.core import XBlock

from vetnet_plugin.exceptions import InvalidInput, VetnetError

from ..backend.toolbox import FILTER_NAMES, METADATA_NAMES
from ..mixins import json_handler, json_response
from .pages import ToolboxPages
from .vocabulary import block_vocabularies

_LIST_FIELDS = ("sectors", "eqf_levels", "languages")


def _error(error: VetnetError) -> Response:
    return json_response({"error": error.message, "errors": error.errors}, status=error.status_code)


def _raw_handler(function):
    """A handler that reads the request itself; ``VetnetError`` still becomes its 4xx."""

    @XBlock.handler
    @functools.wraps(function)
    def wrapper(self, request, suffix=""):
        try:
            return function(self, request, suffix)
        except VetnetError as error:
            return _error(error)

    return wrapper


def _chunks(handle, size: int = 64 * 1024):
    try:
        yield from iter(lambda: handle.read(size), b"")
    finally:
        handle.close()


def file_response(download) -> Response:
    """A stored file as an attachment that no browser renders in the course's origin."""
    response = Response(app_iter=_chunks(download.file),
                        content_type=download.content_type or "application/octet-stream")
    if download.size:
        response.content_length = download.size
    filename = (download.filename or "resource").replace('"', "").replace("\r", "").replace("\n", "")
    ascii_name = filename.encode("ascii", "ignore").decode() or "resource"
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _uploaded(request):
    """The uploaded file of a multipart request as (file object, name), or (None, "")."""
    field = request.POST.get("file")
    if field is None or isinstance(field, (str, bytes)) or not getattr(field, "filename", ""):
        return None, ""
    return field.file, field.filename


def _metadata(form) -> dict:
    values = {}
    for name in METADATA_NAMES:
        if name in _LIST_FIELDS:
            values[name] = [value for value in form.getall(name) if value]
        elif name == "tags":
            values[name] = form.get("tags", "")
        else:
            values[name] = form.get(name, "")
    return values


def _resource_uuid(data) -> str:
    value = data.get("resource", "")
    # An empty or malformed id is looked up like any other and is "not found".
    return value if isinstance(value, str) else ""


class ToolboxHandlersMixin:
    """Handlers of ``ToolboxBlock``; ``self.toolbox_backend()`` is this call's door to the toolbox."""

    def _pages(self) -> ToolboxPages:
        """The server-rendered parts for this call, through this call's ``ToolboxBackend``."""
        return ToolboxPages(self, self.toolbox_backend(), block_vocabularies(self.gettext, self.allowed_resource_types))

    # -- finding ---------------------------------------------------------------

    @json_handler(methods=("GET",))
    def library(self, data, suffix=""):  # pylint: disable=unused-argument
        """
        A page of the library with facets: query string as in the REST API. ``next_cursor``, given back
        as ``cursor``, reads the next page from the index after this one (``page`` is then ignored).
        """
        filters = {name: data.get(name, "") for name in FILTER_NAMES if name != "mine"}
        filters["mine"] = data.get("mine") in ("1", "true")
        page = self.toolbox_backend().list_resources(
            filters=filters, sort=data.get("sort", "newest"),
            page=data.get("page", 1), page_size=data.get("page_size") or None,
            cursor=str(data.get("cursor") or "")[:500] or None,
        )
        return {"count": page.count, "page": page.page, "num_pages": page.num_pages,
                "items": page.items, "facets": page.extra.get("facets", {}),
                "facets_partial": page.extra.get("facets_partial", False),
                "count_capped": page.extra.get("count_capped", False),
                "next_cursor": page.extra.get("next_cursor")}

    @json_handler(methods=("GET",))
    def library_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """A page of the library rendered by the page's own templates: results, page links, filter options."""
        values = self._pages().library(data)
        return {"html": values["library_html"], "filters": values["facet_html"],
                "page": values["page"].page, "num_pages": values["page"].num_pages}

    @json_handler(methods=("GET",))
    def queue_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """The staff's moderation queue rendered by the page's own template."""
        values = self._pages().queue(data)
        return {"html": values["queue_list_html"]}

    @json_handler(methods=("GET",))
    def resource(self, data, suffix=""):  # pylint: disable=unused-argument
        """One resource with its reviews, adoptions and the user's collections."""
        uuid = _resource_uuid(data)
        toolbox = self.toolbox_backend()
        resource = toolbox.get_resource(resource_uuid=uuid)
        reviews = toolbox.list_reviews(resource_uuid=uuid, page=1, page_size=20)
        adoptions = toolbox.list_adoptions(resource_uuid=uuid)
        return {"resource": resource, "reviews": reviews.items, "own_review": reviews.extra.get("own"),
                "adoptions": adoptions}

    @json_handler(methods=("GET",))
    def details_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """One resource's details, reviews, adoptions and the member's forms, rendered by the page's template."""
        return self._pages().details_html(_resource_uuid(data))

    # -- depositing ------------------------------------------------------------

    @_raw_handler
    def deposit(self, request, suffix=""):  # pylint: disable=unused-argument
        """A new resource: multipart form with ``file`` or ``link_url`` and the metadata."""
        if request.method != "POST":
            return json_response({"error": self.gettext("Send the form.")}, status=405, allow="POST")
        upload, filename = _uploaded(request)
        resource = self.toolbox_backend().deposit_resource(
            metadata=_metadata(request.POST), file=upload, filename=filename,
            link_url=request.POST.get("link_url", "").strip() if upload is None else "",
            in_community_library=request.POST.get("in_community_library", "1") in ("1", "on", "true"),
        )
        return json_response({"resource": resource}, status=201)

    @_raw_handler
    def new_version(self, request, suffix=""):  # pylint: disable=unused-argument
        """A new version of one's own resource: multipart with ``resource``, ``file`` or ``link_url``."""
        if request.method != "POST":
            return json_response({"error": self.gettext("Send the form.")}, status=405, allow="POST")
        upload, filename = _uploaded(request)
        resource = self.toolbox_backend().add_resource_version(
            resource_uuid=request.POST.get("resource", ""), file=upload, filename=filename,
            link_url=request.POST.get("link_url", "").strip() if upload is None else "",
            change_note=request.POST.get("change_note", ""),
        )
        return json_response({"resource": resource}, status=201)

    @_raw_handler
    def download(self, request, suffix=""):  # pylint: disable=unused-argument
        """The resource's file as an attachment (``?resource=<uuid>&version=<n>``)."""
        version = request.GET.get("version")
        if version is not None and not version.isdigit():
            raise InvalidInput(self.gettext("The version must be a whole number."))
        download = self.toolbox_backend().open_resource_download(
            resource_uuid=request.GET.get("resource", ""), version=int(version) if version else None)
        return file_response(download)

    @json_handler
    def withdraw(self, data, suffix=""):  # pylint: disable=unused-argument
        self.toolbox_backend().withdraw_resource(resource_uuid=_resource_uuid(data))
        return {"withdrawn": True}

    # -- using -----------------------------------------------------------------

    @json_handler
    def review(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.toolbox_backend().review_resource(resource_uuid=_resource_uuid(data), rating=data.get("rating"),
                                                      text=data.get("text", ""))

    @json_handler
    def adopt(self, data, suffix=""):  # pylint: disable=unused-argument
        uuid = _resource_uuid(data)
        toolbox = self.toolbox_backend()
        adoption = toolbox.adopt_resource(resource_uuid=uuid, context_note=data.get("context", ""))
        if data.get("outcome"):
            adoption = toolbox.report_adoption_outcome(resource_uuid=uuid, outcome=data["outcome"],
                                                       report=data.get("outcome_report", ""))
        return adoption

    # -- collections -----------------------------------------------------------

    @json_handler(methods=("GET",))
    def collections(self, data, suffix=""):  # pylint: disable=unused-argument
        """The user's own collections and those shared with them; ``is_own`` says which they may change."""
        user_id = self.current_user.user_id
        collections = self.toolbox_backend().list_collections(mine=data.get("mine") in ("1", "true"))
        return {"collections": [dict(dataclasses.asdict(c), is_own=c.owner_id == user_id) for c in collections]}

    @json_handler(methods=("GET",))
    def collection(self, data, suffix=""):  # pylint: disable=unused-argument
        """One collection opened: who may see it and a page of its resources, as the library shows them."""
        page = self.toolbox_backend().list_collection_resources(collection_uuid=data.get("collection", ""),
                                                                page=data.get("page", 1))
        collection = page.extra["collection"]
        return {"collection": collection, "is_own": collection.owner_id == self.current_user.user_id,
                "count": page.count, "page": page.page, "num_pages": page.num_pages, "items": page.items}

    @json_handler(methods=("GET",))
    def collections_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """The collections panel's list (own and shared collections), rendered by the block's template."""
        return self._pages().collections_html()

    @json_handler(methods=("GET",))
    def collection_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """One collection's resources as the library lists them, and its facts line with the new count."""
        collection = data.get("collection", "")
        return self._pages().collection_html(collection if isinstance(collection, str) else "")

    @json_handler
    def create_collection(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.toolbox_backend().create_collection(
            title=data.get("title", ""), description=data.get("description", ""),
            visibility=data.get("visibility", "private"),
        )

    @json_handler
    def collect(self, data, suffix=""):  # pylint: disable=unused-argument
        """Add (or with ``remove`` take out) a resource to one's own collection."""
        toolbox = self.toolbox_backend()
        change = toolbox.remove_from_collection if data.get("remove") else toolbox.add_to_collection
        return change(collection_uuid=data.get("collection", ""), resource_uuid=_resource_uuid(data))

    # -- moderation --------------------------------------------------------------

    @json_handler(methods=("GET",))
    def moderation_queue(self, data, suffix=""):  # pylint: disable=unused-argument
        page = self.toolbox_backend().list_moderation_queue(
            status=data.get("status", "pending"), page=data.get("page", 1)
        )
        return {"count": page.count, "page": page.page, "num_pages": page.num_pages, "items": page.items}

    @json_handler
    def moderate(self, data, suffix=""):  # pylint: disable=unused-argument
        action = data.get("action")
        uuid = _resource_uuid(data)
        if action == "approve":
            return self.toolbox_backend().approve_resource(resource_uuid=uuid)
        if action == "reject":
            return self.toolbox_backend().reject_resource(resource_uuid=uuid, reason=data.get("reason", ""))
        if action == "hide":
            return self.toolbox_backend().hide_resource(resource_uuid=uuid, reason=data.get("reason", ""))
        if action == "approve_change":
            return self.toolbox_backend().approve_resource_change(resource_uuid=uuid)
        if action == "reject_change":
            return self.toolbox_backend().reject_resource_change(resource_uuid=uuid, reason=data.get("reason", ""))
        raise InvalidInput(self.gettext("Approve, reject or hide."))
