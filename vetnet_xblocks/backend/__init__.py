"""
The blocks' one door to community data: a typed adapter per feature over ``vetnet_plugin.api``.

Blocks speak in ``BlockUser`` values and keys as strings; the API speaks in
Django users, user ids and keys. An adapter is built once per view or handler
call from the block's user and course (``ScenarioForumBackend(user=...,
course_key=..., usage_key=...)``), turns the ``BlockUser`` into the Django user
at most once, and offers one named, typed method per call the block makes, in
the way edx-ora2's ``openassessment/xblock/apis/`` wrap its apps. Methods
return values from ``vetnet_plugin.data`` (and the features' values the API
re-exports) and raise errors from ``vetnet_plugin.exceptions``, which the
blocks' handlers map to 4xx.

This package is the only part of ``vetnet_xblocks`` that imports
``vetnet_plugin.api`` (an import-linter contract says so).
"""
from .acting import ActingUser
from .best_practices import BestPracticeBackend
from .counselling import CounsellingBackend
from .members import MembersBackend, render_markdown
from .partnerships import PartnershipBackend
from .scenarios import ScenarioForumBackend, forum_languages
from .toolbox import ToolboxBackend
from .workspaces import WorkspaceBackend

__all__ = [
    "ActingUser",
    "BestPracticeBackend",
    "CounsellingBackend",
    "MembersBackend",
    "PartnershipBackend",
    "ScenarioForumBackend",
    "ToolboxBackend",
    "WorkspaceBackend",
    "forum_languages",
    "render_markdown",
]
