"""Frozen values the workspace API returns; no Django here."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

JOIN_RULES = ("open", "request", "invitation")
STATES = ("forming", "active", "closing", "archived")
# The lifecycle moves forward only; "closing" may go back to "active" if the work is not done.
TRANSITIONS = {"forming": ("active",), "active": ("closing",), "closing": ("active", "archived"), "archived": ()}
TASK_STATES = ("todo", "doing", "done")


@dataclass(frozen=True)
class WorkspaceThemeSettings:
    key: str
    title: str
    description: str
    topic: str
    sector: str
    starts: date | None
    ends: date | None
    max_size: int
    join_rule: str
    members_create: bool


@dataclass(frozen=True)
class WorkspaceMember:
    user_id: int
    name: str
    country: str
    organisation_type: str
    is_facilitator: bool


@dataclass(frozen=True)
class Workspace:
    """A workspace as the acting person sees it: ``role`` is theirs ("member", "requested", "invited" or "")."""

    uuid: str
    theme_key: str
    title: str
    goal: str
    state: str
    community_readable: bool
    member_count: int
    max_size: int
    join_rule: str
    members: tuple[WorkspaceMember, ...]
    role: str
    can_read: bool
    can_write: bool
    can_manage: bool
    created: datetime | None = None
    # Whether the acting person receives this workspace's e-mail notices (when they are in it).
    email_notices: bool = True
    # Who asked to join or was invited: for the facilitator and staff only, empty for anyone else.
    pending: tuple[WorkspacePendingPerson, ...] = ()
    # The Open edX team the workspace stands for, when it is linked to one (ADR 0011).
    team_id: str = ""
    team_name: str = ""


@dataclass(frozen=True)
class ThemeWithWorkspaces:
    theme: WorkspaceThemeSettings
    workspaces: tuple[Workspace, ...]
    can_create: bool


@dataclass(frozen=True)
class SharedDocument:
    workspace_uuid: str
    text: str
    revision: int
    conflicts: int
    modified: datetime | None


@dataclass(frozen=True)
class SavedDocument:
    """What a save produced: the document now, and whether the save had to be merged."""

    document: SharedDocument
    merged: bool
    conflicts: int


@dataclass(frozen=True)
class SharedDocumentRevision:
    number: int
    author_name: str
    created: datetime | None
    base: int
    conflicts: int


@dataclass(frozen=True)
class DocumentDiffLine:
    # "same", "added" or "removed"
    kind: str
    text: str


@dataclass(frozen=True)
class DocumentComparison:
    older: int
    newer: int
    lines: tuple[DocumentDiffLine, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class BoardTask:
    uuid: str
    title: str
    state: str
    assignee_id: int | None
    assignee_name: str
    due: date | None


@dataclass(frozen=True)
class WorkspaceActivity:
    """One thing that changed in a workspace: ``kind`` is "revision", "task", "member" or "attachment"."""

    kind: str
    who: str
    what: str
    when: datetime | None


@dataclass(frozen=True)
class WorkspaceAttachment:
    """
    A toolbox resource attached to a workspace. ``available`` is False when the
    toolbox no longer lets the viewer see it (withdrawn, hidden): only its title is shown then.
    """

    resource_uuid: str
    title: str
    added_by_name: str
    for_outcome: bool
    available: bool
    created: datetime | None = None


@dataclass(frozen=True)
class AttachableResource:
    """A resource of the course's or the community library that members may attach."""

    resource_uuid: str
    title: str
    resource_type: str
    in_community_library: bool
    attached: bool


@dataclass(frozen=True)
class WorkspacePendingPerson:
    """Someone waiting at a workspace: ``status`` is "requested" (asked to join) or "invited"."""

    user_id: int
    name: str
    status: str
