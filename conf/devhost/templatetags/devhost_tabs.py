"""``{% plugin_course_tabs course as tabs %}``: the plugin course tabs of a course page."""
from django import template

from ..course_tabs import course_tabs

register = template.Library()


@register.simple_tag(takes_context=True)
def plugin_course_tabs(context, course):
    return course_tabs(course, context["request"].user)
