"""
The ``vetnet_scenarios`` block: scenarios of how VET may evolve, depending on
today's policy choices (Communication).

Until its member features land, it shows the course team's title and
instructions and says plainly that the rest is not available yet.
"""
from ..base import VetnetBlock, display_name_field
from ..mixins import gettext_noop as _


class ScenariosBlock(VetnetBlock):
    """Scenarios of how VET may evolve, depending on today's policy choices (Communication)."""

    entry_point_name = "vetnet_scenarios"
    default_title = _("Scenarios for the future of VET")
    section = _("Communication")
    css_class = "vetnet-scenarios"
    student_css = ("public/css/scenarios.css",)

    display_name = display_name_field("VETNet Scenarios")
