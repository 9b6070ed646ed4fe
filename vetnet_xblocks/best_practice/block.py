"""
The ``vetnet_best_practice`` block: best practices written, peer-reviewed and
deposited in the repository (Cooperation).

Until its member features land, it shows the course team's title and
instructions and says plainly that the rest is not available yet.
"""
from ..base import VetnetBlock, display_name_field
from ..mixins import gettext_noop as _


class BestPracticeBlock(VetnetBlock):
    """Best practices written, peer-reviewed and deposited in the repository (Cooperation)."""

    entry_point_name = "vetnet_best_practice"
    default_title = _("Best practices")
    section = _("Cooperation")
    css_class = "vetnet-best-practice"
    student_css = ("public/css/best_practice.css",)

    display_name = display_name_field("VETNet Best Practices")
