"""A scenario forum block in a course, with members and course staff who exist in the database."""
import pytest

from tests.factories import UserFactory, enroll

from .runtime import COURSE_KEY, CourseRuntime, add_block, lms_opt_attrs

FORUM_OLX = """
<vetnet_scenarios title="Futures of VET" horizon_year="2035" rating_rounds="2" pre_moderate="true">
  <strategic_question>How will continuing VET for **crafts and SMEs** look in 2035?</strategic_question>
  <driver name="Skills shortages in SMEs">Craft firms cannot find skilled staff.</driver>
  <driver name="Digital transition">Digital tools change every craft.</driver>
  <policy_choice>Fund short modular courses</policy_choice>
  <policy_choice>Regional skills councils</policy_choice>
  <scenario id="labour-market" language="en">
    <title>Labour-market-driven VET</title>
    <narrative>Regional skills councils steer continuing VET towards the jobs of tomorrow.</narrative>
    <assumes>Skills shortages in SMEs</assumes>
    <chooses>Regional skills councils</chooses>
  </scenario>
  <scenario id="modular" language="en">
    <title>Modular crafts</title>
    <narrative>Short digital modules everywhere.</narrative>
    <assumes>Digital transition</assumes>
  </scenario>
</vetnet_scenarios>
"""


class Person:
    """A Django user and the runtime the LMS would give their requests."""

    def __init__(self, runtime, user):
        self.user = user
        self.runtime = runtime

    def block(self, block):
        return self.runtime.get_block(block.scope_ids.usage_id)


def person(base_runtime, *, staff=False, enrolled=True):
    user = UserFactory(is_staff=staff)
    if enrolled:
        enroll(user, COURSE_KEY)
    attrs = lms_opt_attrs(user_id=user.id, username=user.username, is_staff=staff, role="staff" if staff else "student")
    return Person(base_runtime.as_user(attrs, lms=True), user)


@pytest.fixture
def forum():
    """(authoring runtime, block) of a forum parsed from OLX."""
    runtime = CourseRuntime(lms_opt_attrs(user_id=999999, is_staff=True, role="staff"))
    block = add_block(runtime, "vetnet_scenarios", FORUM_OLX)
    return runtime, block
