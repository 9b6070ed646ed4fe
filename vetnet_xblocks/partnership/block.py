"""
The ``vetnet_partnership`` block: long-term partnerships between member
organisations (Cooperation).

Until its member features land, it shows the course team's title and
instructions and says plainly that the rest is not available yet.
"""
from ..base import VetnetBlock, display_name_field
from ..mixins import gettext_noop as _


class PartnershipBlock(VetnetBlock):
    """Long-term partnerships between member organisations (Cooperation)."""

    entry_point_name = "vetnet_partnership"
    default_title = _("Partnerships")
    section = _("Cooperation")
    css_class = "vetnet-partnership"
    student_css = ("public/css/partnership.css",)

    display_name = display_name_field("VETNet Partnerships")
