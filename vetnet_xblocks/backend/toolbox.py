"""The toolbox of resources, as one toolbox block shows it: its library, its rules, its vocabularies."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import IO

from vetnet_plugin import api
from vetnet_plugin.data import Page

from ..mixins import BlockUser
from .acting import ActingUser
from .members import MembersBackend

__all__ = [
    "EQF_LEVELS",
    "FILTER_NAMES",
    "LANGUAGES",
    "LICENCES",
    "METADATA_NAMES",
    "MODERATION_MODES",
    "RESOURCE_TYPES",
    "SCOPES",
    "SECTORS",
    "SORT_ORDERS",
    "TARGET_GROUPS",
    "ToolboxBackend",
    "operator_upload_limit",
    "upload_extensions",
]

# The vocabularies as (code, label) pairs; labels are marked for translation and translated when shown.
SCOPES = api.SCOPES
MODERATION_MODES = api.MODERATION_MODES
RESOURCE_TYPES = api.RESOURCE_TYPES
SECTORS = api.SECTORS
EQF_LEVELS = api.EQF_LEVELS
LANGUAGES = api.LANGUAGES
TARGET_GROUPS = api.TARGET_GROUPS
LICENCES = api.LICENCES
SORT_ORDERS = api.SORT_ORDERS
# What a search may filter on, and what a deposit describes (the names the REST API uses too).
FILTER_NAMES = tuple(api.ResourceFilters.__dataclass_fields__)
METADATA_NAMES = tuple(api.ResourceMetadata.__dataclass_fields__)


def upload_extensions() -> list[str]:
    """The file extensions the operator allows."""
    return api.upload_extensions()


def operator_upload_limit() -> int:
    """The operator's upload limit in bytes, before any block lowers it."""
    return api.upload_limit()


class ToolboxBackend:
    """
    One toolbox block's library as the acting user sees it.

    Build it once per view or handler call with the block's settings; every
    method acts as that user in that block's context.
    """

    _SIGN_IN = "Sign in to use the toolbox."

    def __init__(self, *, user: BlockUser | ActingUser, course_key: str, usage_key: str, scope: str,
                 moderation: str, resource_types: Sequence[str] = (), max_upload_bytes: int = 0):
        self.acting = user if isinstance(user, ActingUser) else ActingUser(user)
        self.course_key = course_key
        self.context = api.ToolboxContext(
            usage_key=usage_key, scope=scope, moderation=moderation,
            resource_types=tuple(resource_types or ()), max_upload_bytes=int(max_upload_bytes or 0),
        )
        self.members = MembersBackend(user=self.acting, course_key=course_key)

    def _as_user(self) -> dict:
        return {"user": self.acting.django_user(self._SIGN_IN), "course_key": self.course_key,
                "context": self.context}

    def upload_limit(self) -> int:
        """The upload limit in bytes here: the block's, never above the operator's."""
        return api.upload_limit(self.context)

    # -- finding ---------------------------------------------------------------------

    def list_resources(self, *, filters: Mapping[str, object], sort: str = "newest", page=1,
                       page_size=None, cursor: str | None = None) -> Page:
        """
        A page of the library with its facets; ``filters`` as named in ``FILTER_NAMES``.
        ``cursor`` (a page's ``extra["next_cursor"]``) names a page by position instead of ``page``.
        """
        chosen = api.ResourceFilters(**{name: filters[name] for name in FILTER_NAMES if name in filters})
        return api.list_resources(**self._as_user(), filters=chosen, sort=sort, page=page, page_size=page_size,
                                  cursor=cursor or None)

    def get_resource(self, *, resource_uuid: str) -> api.Resource:
        return api.get_resource(**self._as_user(), resource_uuid=resource_uuid)

    def list_reviews(self, *, resource_uuid: str, page=1, page_size=None) -> Page:
        """A page of reviews; ``extra["own"]`` is the user's own review, if any."""
        return api.list_reviews(**self._as_user(), resource_uuid=resource_uuid, page=page, page_size=page_size)

    def list_adoptions(self, *, resource_uuid: str) -> dict:
        return api.list_adoptions(**self._as_user(), resource_uuid=resource_uuid)

    # -- depositing ------------------------------------------------------------------

    def deposit_resource(self, *, metadata: Mapping, file: IO[bytes] | None = None, filename: str = "",
                         link_url: str = "", in_community_library: bool = True) -> api.Resource:
        return api.deposit_resource(**self._as_user(), metadata=metadata, file=file, filename=filename,
                                    link_url=link_url, in_community_library=in_community_library)

    def add_resource_version(self, *, resource_uuid: str, file: IO[bytes] | None = None, filename: str = "",
                             link_url: str = "", change_note: str = "") -> api.Resource:
        return api.add_resource_version(**self._as_user(), resource_uuid=resource_uuid, file=file,
                                        filename=filename, link_url=link_url, change_note=change_note)

    def open_resource_download(self, *, resource_uuid: str, version: int | None = None) -> api.Download:
        return api.open_resource_download(**self._as_user(), resource_uuid=resource_uuid, version=version)

    def withdraw_resource(self, *, resource_uuid: str) -> None:
        api.withdraw_resource(**self._as_user(), resource_uuid=resource_uuid)

    # -- using -------------------------------------------------------------------------

    def review_resource(self, *, resource_uuid: str, rating, text: str = "") -> api.Review:
        return api.review_resource(**self._as_user(), resource_uuid=resource_uuid, rating=rating, text=text)

    def adopt_resource(self, *, resource_uuid: str, context_note: str = "") -> api.Adoption:
        return api.adopt_resource(**self._as_user(), resource_uuid=resource_uuid, context_note=context_note)

    def report_adoption_outcome(self, *, resource_uuid: str, outcome: str, report: str = "") -> api.Adoption:
        return api.report_adoption_outcome(**self._as_user(), resource_uuid=resource_uuid, outcome=outcome,
                                           report=report)

    # -- collections -------------------------------------------------------------------

    def list_collections(self, *, mine: bool = False) -> tuple[api.Collection, ...]:
        return api.list_collections(**self._as_user(), mine=mine)

    def list_collection_resources(self, *, collection_uuid, page=1, page_size: int | None = None) -> Page:
        """A page of a collection's resources the user may see; ``extra["collection"]`` is the collection."""
        return api.list_collection_resources(**self._as_user(), collection_uuid=collection_uuid, page=page,
                                             page_size=page_size)

    def create_collection(self, *, title: str, description: str = "", visibility: str = "private") -> api.Collection:
        return api.create_collection(**self._as_user(), title=title, description=description, visibility=visibility)

    def add_to_collection(self, *, collection_uuid: str, resource_uuid: str) -> api.Collection:
        return api.add_to_collection(**self._as_user(), collection_uuid=collection_uuid, resource_uuid=resource_uuid)

    def remove_from_collection(self, *, collection_uuid: str, resource_uuid: str) -> api.Collection:
        return api.remove_from_collection(**self._as_user(), collection_uuid=collection_uuid,
                                          resource_uuid=resource_uuid)

    # -- moderation ----------------------------------------------------------------------

    def list_moderation_queue(self, *, status: str = "pending", page=1) -> Page:
        return api.list_moderation_queue(**self._as_user(), status=status, page=page)

    def approve_resource(self, *, resource_uuid: str) -> api.Resource:
        return api.approve_resource(**self._as_user(), resource_uuid=resource_uuid)

    def reject_resource(self, *, resource_uuid: str, reason: str) -> api.Resource:
        return api.reject_resource(**self._as_user(), resource_uuid=resource_uuid, reason=reason)

    def hide_resource(self, *, resource_uuid: str, reason: str = "") -> api.Resource:
        return api.hide_resource(**self._as_user(), resource_uuid=resource_uuid, reason=reason)

    def approve_resource_change(self, *, resource_uuid: str) -> api.Resource:
        return api.approve_resource_change(**self._as_user(), resource_uuid=resource_uuid)

    def reject_resource_change(self, *, resource_uuid: str, reason: str = "") -> api.Resource:
        return api.reject_resource_change(**self._as_user(), resource_uuid=resource_uuid, reason=reason)
