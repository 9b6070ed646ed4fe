"""
The community hub as a course tab in the LMS.

Declared in ``setup.py`` under the platform's ``openedx.course_tab`` entry
point, which the LMS's ``CourseTabPluginManager`` reads; the tab links to the
hub page of its course (``vetnet:hub_course``), shown to enrolled learners and staff.
"""
from django.utils.translation import gettext_noop

from ..compat import enrolled_tab_base


class CommunityHubTab(enrolled_tab_base()):
    """The "Community" tab: the member's communities, what is new in each, and their four phases."""

    type = "vetnet_hub"
    title = gettext_noop("Community")
    priority = 60
    view_name = "vetnet:hub_course"
    is_dynamic = False
    is_default = True
    is_hideable = True
