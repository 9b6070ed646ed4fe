"""
The learner's progress page shows the course grade and each graded
assignment with its score, as the LMS's progress page does; a certified
member's badge shows on their profile and on their card in the directory.
"""
import pytest

from devhost import enrollment, olx
from devhost.runtime import HostRuntime
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROGRESS = "/courses/course-v1:VETNet+Coop+2026/progress/"


@pytest.fixture
def course(db):  # pylint: disable=unused-argument
    return olx.load_course(olx.templates_dir() / "cooperation-best-practices")


def _publish(user, course, topic, value):
    runtime = HostRuntime(course_key=course.course_key, user=user)
    block = runtime.get_block(runtime.course_key.make_usage_key("vetnet_best_practice", f"coop_{topic}_best_practice"))
    runtime.publish(block, "grade", {"value": value, "max_value": 1.0})


def _rows(html, caption):
    table = html.split(caption, 1)[1].split("</table>", 1)[0]
    return [" ".join(row.split()) for row in table.split("<tr>")[2:]]


def test_the_progress_page_shows_the_course_grade_and_each_graded_assignment(client, course):
    learner = UserFactory()
    enrollment.enroll(learner, course.course_key)
    _publish(learner, course, "labour_market", 0.7)
    client.force_login(learner)

    html = client.get(PROGRESS).content.decode()

    # (0.7 + 0 + 0 + 0) / 4
    assert "Your current grade is <strong>18%</strong>. A grade of 60% passes the course." in html
    assert "You have not passed this course yet." in html
    assert _rows(html, "Grade by assignment type") == [
        '<th scope="row">Best practice</th><td>100%</td><td>18%</td></tr> </tbody>']
    rows = _rows(html, "Your score in each graded assignment")
    assert len(rows) == 4
    assert "Labour-market-driven VET" in rows[0] and "70% (0.70 of 1)" in rows[0]
    assert "/courses/course-v1:VETNet+Coop+2026/units/coop_labour_market_practice/" in rows[0]
    assert all("Not graded yet" in row for row in rows[1:])


def test_passing_shows_on_the_progress_page_and_the_badge_on_the_profile_and_directory(client, course):
    learner, other = UserFactory(first_name="Eleni", last_name="Papadopoulou"), UserFactory()
    for user in (learner, other):
        enrollment.enroll(user, course.course_key)
    for topic in ("labour_market", "didactics", "competences"):
        _publish(learner, course, topic, 1.0)

    client.force_login(learner)
    progress = client.get(PROGRESS).content.decode()
    assert "Your current grade is <strong>75%</strong>." in progress
    assert "You have passed this course: the platform has issued your certificate." in progress
    badge = "Certified: Cooperation: best practices and partnerships"
    assert badge in client.get("/profile/").content.decode()

    client.force_login(other)
    directory = client.get("/courses/course-v1:VETNet+Coop+2026/members/").content.decode()
    cards = {card.split("</h2>")[0].split(">")[-1]: card for card in directory.split('<li class="card">')[1:]}
    assert badge in cards["Eleni Papadopoulou"]
    assert [name for name, card in cards.items() if badge in card] == ["Eleni Papadopoulou"]
    assert badge not in client.get("/profile/").content.decode()


def test_the_progress_page_is_for_enrolled_learners(client, course):
    client.force_login(UserFactory())
    assert client.get(PROGRESS).status_code == 403
