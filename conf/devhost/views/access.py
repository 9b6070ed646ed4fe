"""Course page access, decided the way the LMS decides it (enrolled or course team)."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from vetnet_plugin import api

from .. import course_roles
from ..models import Course


def course_page(*, course_team_only=False):
    """
    Decorate a view taking ``(request, course, ...)``: login required, the
    course must be loaded, and only the enrolled (or only the course team) pass.
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, course_key, *args, **kwargs):
            course = Course.objects.filter(course_key=str(course_key)).first()
            if course is None:
                raise Http404("No such course")
            if course_team_only:
                allowed = course_roles.has_staff_access(request.user, course_key)
            else:
                allowed = course_roles.can_access_course(request.user, course_key)
            if not allowed:
                return render(
                    request, "devhost/forbidden.html",
                    {"course": course, "course_team_only": course_team_only}, status=403,
                )
            # The course navigation links the policy dashboard for those who may read it (staff, granted role).
            course.can_read_policy = api.can_read_policy_brief(user=request.user, course_key=str(course_key))
            return view(request, course, *args, **kwargs)

        return wrapped

    return decorator
