"""Who may do what in a course of the host, decided as the LMS decides it."""
from .models import CourseAccessRole, Enrollment


def has_staff_access(user, course_key) -> bool:
    """Global staff, or a member of the course team (staff or instructor)."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return CourseAccessRole.objects.filter(user=user, course_key=str(course_key)).exists()


def user_role(user, course_key) -> str:
    """The role the LMS reports to blocks: ``instructor``, ``staff`` or ``student``."""
    if not user.is_authenticated:
        return "student"
    roles = set(CourseAccessRole.objects.filter(user=user, course_key=str(course_key)).values_list("role", flat=True))
    # The LMS gives global staff instructor access to every course.
    if user.is_staff or CourseAccessRole.INSTRUCTOR in roles:
        return "instructor"
    if CourseAccessRole.STAFF in roles:
        return "staff"
    return "student"


def is_enrolled(user, course_key) -> bool:
    """True if the user holds an active enrollment in the course."""
    if not user.is_authenticated:
        return False
    return Enrollment.objects.filter(user=user, course_key=str(course_key), is_active=True).exists()


def can_access_course(user, course_key) -> bool:
    """Course pages are for enrolled learners and the course team."""
    return is_enrolled(user, course_key) or has_staff_access(user, course_key)
