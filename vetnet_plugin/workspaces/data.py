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
    """One thing that changed in a workspace: ``kind`` is "revision", "task" or "member"."""

    kind: str
    who: str
    what: str
    when: datetime | None
