"""Opaque keys as every VETNet caller hands them over: strings or key objects."""
from django.utils.translation import gettext as _
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import CourseKey

from ..exceptions import InvalidInput


def parse_course_key(course_key) -> CourseKey:
    """Return a ``CourseKey`` or raise ``InvalidInput`` with a readable message."""
    if isinstance(course_key, CourseKey):
        return course_key
    try:
        return CourseKey.from_string(str(course_key))
    except InvalidKeyError as exc:
        raise InvalidInput(_("“{key}” is not a valid course key.").format(key=course_key)) from exc
