"""Dashboard, enrollment, course outline and unit pages (the learner's side)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST
from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode

from .. import certificates, course_roles, enrollment
from ..field_store import usage_exists
from ..models import Completion, Course, Enrollment
from ..outline import build_outline
from ..runtime import HostRuntime
from .access import course_page


@login_required
def dashboard(request):
    """Every loaded course, with what the user can do in it."""
    active = set(
        Enrollment.objects.filter(user=request.user, is_active=True).values_list("course_key", flat=True)
    )
    courses = [
        {
            "course": course,
            "enrolled": course.course_key in active,
            "course_team": course_roles.has_staff_access(request.user, course.course_key),
        }
        for course in Course.objects.all()
    ]
    return render(request, "devhost/dashboard.html", {"courses": courses})


@login_required
@require_POST
def enroll(request, course_key):
    course = Course.objects.filter(course_key=str(course_key)).first()
    if course is None:
        raise Http404("No such course")
    enrollment.enroll(request.user, course_key)
    messages.success(request, _("You are enrolled in {course}.").format(course=course.display_name))
    return redirect("devhost:course", course_key=course_key)


@login_required
@require_POST
def unenroll(request, course_key):
    course = Course.objects.filter(course_key=str(course_key)).first()
    if course is None:
        raise Http404("No such course")
    enrollment.unenroll(request.user, course_key)
    messages.success(request, _("You left {course}.").format(course=course.display_name))
    return redirect("devhost:dashboard")


@course_page()
def course_outline(request, course):
    runtime = HostRuntime(course_key=course.course_key, user=request.user)
    return render(request, "devhost/course.html", {
        "course": course,
        "outline": build_outline(runtime),
        "course_team": course_roles.has_staff_access(request.user, course.course_key),
    })


@course_page()
def progress(request, course):
    """The learner's progress, as the LMS's progress page shows it: the course grade and each graded assignment."""
    return render(request, "devhost/progress.html", {
        "course": course,
        "grade": certificates.course_grade(user_id=request.user.id, course_key=course.course_key),
        "course_team": course_roles.has_staff_access(request.user, course.course_key),
    })


def _mark_viewed(runtime, block):
    # The LMS marks a plain completable block complete once the learner has
    # seen it; blocks with custom completion or a score report their own.
    if not runtime.user.is_authenticated or course_roles.has_staff_access(runtime.user, runtime.course_key):
        return
    if XBlockCompletionMode.get_mode(block) != XBlockCompletionMode.COMPLETABLE:
        return
    if getattr(block, "has_custom_completion", False) or getattr(block, "has_score", False):
        return
    Completion.objects.update_or_create(
        user=runtime.user, usage_key=str(block.scope_ids.usage_id),
        defaults={"course_key": str(runtime.course_key), "completion": 1.0},
    )


@ensure_csrf_cookie
@course_page()
def unit(request, course, block_id):
    runtime = HostRuntime(course_key=course.course_key, user=request.user)
    unit_key = runtime.course_key.make_usage_key("vertical", block_id)
    outline = build_outline(runtime)
    position = outline.position(unit_key) if usage_exists(unit_key) else None
    if position is None:
        raise Http404("No such unit")
    previous, (chapter, sequential, this_unit), following = position
    vertical = runtime.get_block(unit_key)
    resources = Fragment()
    components = []
    for child in vertical.get_children():
        fragment = child.render("student_view", context={})
        resources.add_fragment_resources(fragment)
        components.append({
            "block_type": child.scope_ids.block_type,
            "block_id": child.scope_ids.usage_id.block_id,
            "display_name": getattr(child, "display_name", "") or child.scope_ids.block_type,
            "html": fragment.body_html(),
        })
        _mark_viewed(runtime, child)
    return render(request, "devhost/unit.html", {
        "course": course,
        "chapter": chapter,
        "sequential": sequential,
        "unit": this_unit,
        "previous": previous,
        "next": following,
        "components": components,
        "head_html": resources.head_html(),
        "foot_html": resources.foot_html(),
        "handler_base_url": "/xblock/handler/",
        "course_team": course_roles.has_staff_access(request.user, course.course_key),
    })
