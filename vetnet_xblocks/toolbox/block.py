"""
The ``vetnet_toolbox`` block: the toolbox of resources shared from national
experiences (Sharing).

Until its member features land, it shows the course team's title and
instructions and says plainly that the rest is not available yet.
"""
from ..base import VetnetBlock, display_name_field
from ..mixins import gettext_noop as _


class ToolboxBlock(VetnetBlock):
    """The toolbox of resources shared from national experiences (Sharing)."""

    entry_point_name = "vetnet_toolbox"
    default_title = _("Toolbox")
    section = _("Sharing")
    css_class = "vetnet-toolbox"
    student_css = ("public/css/toolbox.css",)

    display_name = display_name_field("VETNet Toolbox")
