"""
Course tabs from plugins, as the LMS's ``CourseTabPluginManager`` finds them:
every class under the ``openedx.course_tab`` entry point, asked
``is_enabled(course, user)``, linked through its ``view_name`` with the
course's key, in ``priority`` order after the host's own tabs.
"""
from dataclasses import dataclass
from importlib.metadata import entry_points

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext


@dataclass(frozen=True)
class CourseTabLink:
    type: str
    title: str
    url: str


def plugin_tab_classes():
    """The tab classes installed packages declare, by priority then type."""
    classes = [entry.load() for entry in entry_points(group="openedx.course_tab")]
    return sorted(classes, key=lambda tab: (tab.priority if tab.priority is not None else 1000, tab.type))


def course_tabs(course, user) -> list[CourseTabLink]:
    """The plugin tabs ``user`` sees on ``course``'s pages."""
    links = []
    for tab in plugin_tab_classes():
        if not tab.is_enabled(course, user=user):
            continue
        try:
            url = reverse(tab.view_name, args=[str(course.course_key)])
        except NoReverseMatch:
            continue
        links.append(CourseTabLink(type=tab.type, title=gettext(tab.title), url=url))
    return links
