"""
The ``vetnet_workspace`` block: short-term work in themed workspaces on VET
topics and sectors (Collaboration).

Until its member features land, it shows the course team's title and
instructions and says plainly that the rest is not available yet.
"""
from ..base import VetnetBlock, display_name_field
from ..mixins import gettext_noop as _


class WorkspaceBlock(VetnetBlock):
    """Short-term work in themed workspaces on VET topics and sectors (Collaboration)."""

    entry_point_name = "vetnet_workspace"
    default_title = _("Workspace")
    section = _("Collaboration")
    css_class = "vetnet-workspace"
    student_css = ("public/css/workspace.css",)

    display_name = display_name_field("VETNet Workspace")
