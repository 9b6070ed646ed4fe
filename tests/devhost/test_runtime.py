"""The host's runtime gives blocks what the LMS gives them."""
import pytest
from django.utils import translation
from opaque_keys.edx.keys import CourseKey
from opaque_keys.edx.locator import BlockUsageLocator
from xblock.exceptions import InvalidScopeError

from devhost.models import CourseAccessRole, Grade

from .conftest import PROBE_COURSE_KEY, probe_key, runtime_for

pytestmark = pytest.mark.django_db


def test_blocks_carry_real_usage_keys_of_their_course(probe_course, learner):
    block = runtime_for(probe_course, learner).get_block(probe_key(probe_course))

    assert isinstance(block.scope_ids.usage_id, BlockUsageLocator)
    assert str(block.scope_ids.usage_id) == "block-v1:VETNet+Probe+2026+type@devhost_probe+block@probe"
    assert block.scope_ids.usage_id.context_key == CourseKey.from_string(PROBE_COURSE_KEY)
    assert block.context_key == CourseKey.from_string(PROBE_COURSE_KEY)
    assert block.scope_ids.user_id == learner.id


def test_the_course_root_is_named_as_in_split_courses(probe_course):
    course = runtime_for(probe_course).get_block("block-v1:VETNet+Probe+2026+type@course+block@course")

    assert course.display_name == "Probe course"
    assert [str(key) for key in course.children] == ["block-v1:VETNet+Probe+2026+type@chapter+block@phase"]


def test_user_service_gives_a_learner_the_lms_attributes(probe_course, learner):
    runtime = runtime_for(probe_course, learner)
    block = runtime.get_block(probe_key(probe_course))

    attrs = runtime.service(block, "user").get_current_user().opt_attrs

    assert attrs["edx-platform.user_id"] == learner.id
    assert attrs["edx-platform.username"] == "learner"
    assert attrs["edx-platform.user_is_staff"] is False
    assert attrs["edx-platform.user_role"] == "student"
    assert attrs["edx-platform.is_authenticated"] is True
    assert len(attrs["edx-platform.anonymous_user_id"]) == 32


def test_anonymous_ids_are_stable_per_course_and_differ_between_users(probe_course, learner, outsider):
    def anonymous_id(user):
        runtime = runtime_for(probe_course, user)
        block = runtime.get_block(probe_key(probe_course))
        return runtime.service(block, "user").get_current_user().opt_attrs["edx-platform.anonymous_user_id"]

    assert anonymous_id(learner) == anonymous_id(learner)
    assert anonymous_id(learner) != anonymous_id(outsider)


@pytest.mark.parametrize("role, expected", [
    (CourseAccessRole.STAFF, "staff"),
    (CourseAccessRole.INSTRUCTOR, "instructor"),
])
def test_course_team_members_are_staff_with_their_role(probe_course, learner, course_role, role, expected):
    course_role(learner, probe_course, role)
    runtime = runtime_for(probe_course, learner)
    block = runtime.get_block(probe_key(probe_course))

    attrs = runtime.service(block, "user").get_current_user().opt_attrs

    assert attrs["edx-platform.user_is_staff"] is True
    assert attrs["edx-platform.user_role"] == expected


def test_global_staff_have_instructor_access(probe_course, trainer):
    runtime = runtime_for(probe_course, trainer)
    block = runtime.get_block(probe_key(probe_course))

    attrs = runtime.service(block, "user").get_current_user().opt_attrs

    assert attrs["edx-platform.user_is_staff"] is True
    assert attrs["edx-platform.user_role"] == "instructor"


def test_i18n_service_translates_into_the_active_language(probe_course, learner):
    runtime = runtime_for(probe_course, learner)
    block = runtime.get_block(probe_key(probe_course))

    with translation.override("it"):
        assert runtime.service(block, "i18n").gettext("Yes") == "Sì"
    with translation.override("el"):
        assert runtime.service(block, "i18n").gettext("Yes") == "Ναι"


def test_learner_state_is_kept_per_user(probe_course, learner, outsider):
    block = runtime_for(probe_course, learner).get_block(probe_key(probe_course))
    block.answer = "yes"
    block.save()

    assert runtime_for(probe_course, learner).get_block(probe_key(probe_course)).answer == "yes"
    assert runtime_for(probe_course, outsider).get_block(probe_key(probe_course)).answer == ""


def test_a_block_s_fields_are_read_in_one_query_per_request(probe_course, learner, outsider):
    from django.db import connection  # pylint: disable=import-outside-toplevel
    from django.test.utils import CaptureQueriesContext  # pylint: disable=import-outside-toplevel

    mine = runtime_for(probe_course, learner).get_block(probe_key(probe_course))
    mine.answer = "yes"
    mine.save()
    runtime = runtime_for(probe_course, learner)
    block = runtime.get_block(probe_key(probe_course))
    with CaptureQueriesContext(connection) as first:
        values = (block.title, block.display_name, block.answer)
    with CaptureQueriesContext(connection) as again:
        assert (block.title, block.display_name, block.answer) == values
    # The authored fields (shared by all users) and the learner's own state: one read each.
    assert len([q for q in first.captured_queries if "devhost_blockfield" in q["sql"]]) <= 2
    assert values[2] == "yes" and len(again.captured_queries) == 0
    # A value written in this request is what it reads after, and another user's state stays theirs.
    block.answer = "no"
    block.save()
    assert runtime_for(probe_course, learner).get_block(probe_key(probe_course)).answer == "no"
    assert runtime_for(probe_course, outsider).get_block(probe_key(probe_course)).answer == ""


def test_authored_fields_are_read_only_in_the_lms_and_writable_in_studio(probe_course, trainer):
    block = runtime_for(probe_course, trainer).get_block(probe_key(probe_course))
    block.title = "Changed from the LMS"
    with pytest.raises(InvalidScopeError):
        block.save()

    studio_block = runtime_for(probe_course, trainer, studio=True).get_block(probe_key(probe_course))
    studio_block.title = "Changed in Studio"
    studio_block.save()

    assert runtime_for(probe_course, trainer).get_block(probe_key(probe_course)).title == "Changed in Studio"


def test_grade_events_are_stored_for_the_learner(probe_course, learner):
    runtime = runtime_for(probe_course, learner)
    block = runtime.get_block(probe_key(probe_course))

    runtime.publish(block, "grade", {"value": 1, "max_value": 1})
    runtime.publish(block, "grade", {"value": 0, "max_value": 1})

    grade = Grade.objects.get(user=learner, usage_key=str(probe_key(probe_course)))
    assert (grade.earned, grade.possible, grade.course_key) == (0, 1, PROBE_COURSE_KEY)


def test_handler_and_resource_urls_lead_to_the_host(probe_course, learner):
    lms = runtime_for(probe_course, learner)
    studio = runtime_for(probe_course, learner, studio=True)
    key = probe_key(probe_course)

    assert lms.handler_url(lms.get_block(key), "submit") == f"/xblock/handler/{key}/submit/"
    assert studio.handler_url(studio.get_block(key), "studio_submit") == f"/studio/xblock/handler/{key}/studio_submit/"
    assert lms.local_resource_url(lms.get_block(key), "public/x.css") == "/xblock/resource/devhost_probe/public/x.css"
