"""
The ``vetnet_counselling`` block: peer counselling between members on the
problems of their daily work (Communication).

Until its member features land, it shows the course team's title and
instructions and says plainly that the rest is not available yet.
"""
from ..base import VetnetBlock, display_name_field
from ..mixins import gettext_noop as _


class CounsellingBlock(VetnetBlock):
    """Peer counselling between members on the problems of their daily work (Communication)."""

    entry_point_name = "vetnet_counselling"
    default_title = _("Peer counselling")
    section = _("Communication")
    css_class = "vetnet-counselling"
    student_css = ("public/css/counselling.css",)

    display_name = display_name_field("VETNet Peer Counselling")
