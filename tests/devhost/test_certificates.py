"""The host plays the platform's course grade and certificate: the grading policy, then CERTIFICATE_CREATED."""
import pytest
from django.contrib.auth.models import AnonymousUser  # noqa: F401

from devhost import certificates, olx
from devhost.models import Grade
from devhost.runtime import HostRuntime
from tests.factories import UserFactory
from vetnet_plugin import api

pytestmark = pytest.mark.django_db

TOPICS = ("labour_market", "didactics", "competences", "funding")


@pytest.fixture
def cooperation_course(db):  # pylint: disable=unused-argument
    return olx.load_course(olx.templates_dir() / "cooperation-best-practices")


def _publish(user, course, topic, value):
    runtime = HostRuntime(course_key=course.course_key, user=user)
    usage_key = olx.root_usage_key(course.course_key).course_key.make_usage_key(
        "vetnet_best_practice", f"coop_{topic}_best_practice")
    block = runtime.get_block(usage_key)
    runtime.publish(block, "grade", {"value": value, "max_value": 1.0})


def test_the_course_grade_follows_the_grading_policy(cooperation_course):
    learner = UserFactory()
    _publish(learner, cooperation_course, "labour_market", 1.0)
    _publish(learner, cooperation_course, "didactics", 0.5)

    grade = certificates.course_grade(user_id=learner.id, course_key=cooperation_course.course_key)

    # Four assignments of equal weight, two not done yet: (1 + 0.5 + 0 + 0) / 4.
    assert grade.percent == 0.375 and not grade.passed and grade.cutoff == 0.6
    assert Grade.objects.filter(user=learner).count() == 2


def test_passing_issues_the_platforms_certificate_once_and_the_badge_shows(cooperation_course):
    learner = UserFactory()
    for topic in TOPICS[:2]:
        _publish(learner, cooperation_course, topic, 1.0)
    assert api.list_member_credentials(user_id=learner.id) == ()

    _publish(learner, cooperation_course, TOPICS[2], 0.5)  # (1 + 1 + 0.5) / 4 = 0.625: passed

    badges = api.list_member_credentials(user_id=learner.id)
    assert [(b.course_key, b.course_name, b.grade) for b in badges] == [
        (str(cooperation_course.course_key), "Cooperation: best practices and partnerships", "0.625")]
    _publish(learner, cooperation_course, TOPICS[3], 1.0)  # still passing: no second certificate
    assert len(api.list_member_credentials(user_id=learner.id)) == 1
