"""The host's pages, as a learner and a course team member use them."""
import json

import pytest
from django.test import Client

from devhost.models import Completion, Grade

from .conftest import probe_key

pytestmark = pytest.mark.django_db

PROBE_UNIT = "/courses/course-v1:VETNet+Probe+2026/units/unit/"
PROBE_STUDIO = "/courses/course-v1:VETNet+Probe+2026/studio/devhost_probe/probe/"
PROBE_HANDLER = "/xblock/handler/block-v1:VETNet+Probe+2026+type@devhost_probe+block@probe/{}/"
PROBE_STUDIO_HANDLER = "/studio/xblock/handler/block-v1:VETNet+Probe+2026+type@devhost_probe+block@probe/{}/"


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def _post_json(client, url, payload, token=None):
    extra = {"HTTP_X_CSRFTOKEN": token} if token else {}
    return client.post(url, json.dumps(payload), content_type="application/json", **extra)


def test_course_pages_need_a_login(client, probe_course):
    for url in (f"/courses/{probe_course.course_key}/", PROBE_UNIT, PROBE_STUDIO):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url


def test_course_pages_refuse_users_who_are_not_enrolled(client, probe_course, outsider):
    client.force_login(outsider)

    for url in (f"/courses/{probe_course.course_key}/", PROBE_UNIT, f"/courses/{probe_course.course_key}/members/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Enroll in Probe course" in response.content


def test_handlers_refuse_anonymous_and_not_enrolled_users(client, probe_course, outsider):
    assert _post_json(client, PROBE_HANDLER.format("submit"), {"answer": "yes"}).status_code == 403
    client.force_login(outsider)
    assert _post_json(client, PROBE_HANDLER.format("submit"), {"answer": "yes"}).status_code == 403
    assert not Grade.objects.exists()


def test_an_enrolled_learner_reads_the_outline_and_a_unit(client, probe_course, learner, enrolled):
    enrolled(probe_course)
    client.force_login(learner)

    outline = client.get(f"/courses/{probe_course.course_key}/")
    unit = client.get(PROBE_UNIT)

    assert outline.status_code == 200
    assert b"Phase" in outline.content and b'href="/courses/course-v1:VETNet+Probe+2026/units/unit/"' in outline.content
    assert unit.status_code == 200
    html = unit.content.decode()
    assert "<p>Welcome to the probe.</p>" in html
    assert "data-usage-id='block-v1:VETNet+Probe+2026+type@devhost_probe+block@probe'" in html
    assert "data-course-id='course-v1:VETNet+Probe+2026'" in html
    assert '<p class="probe-title">First title</p>' in html
    assert "Edit “Probe” in Studio" not in html


def test_viewing_a_unit_completes_its_plain_components(client, probe_course, learner, enrolled):
    enrolled(probe_course)
    client.force_login(learner)

    client.get(PROBE_UNIT)

    completed = set(Completion.objects.filter(user=learner, completion=1.0).values_list("usage_key", flat=True))
    # The html block is done once seen; the scored probe reports its own progress.
    assert completed == {"block-v1:VETNet+Probe+2026+type@html+block@intro"}


def test_a_learner_handler_call_needs_the_csrf_token_and_stores_the_grade(
    csrf_client, probe_course, learner, enrolled
):
    enrolled(probe_course)
    csrf_client.force_login(learner)
    token = csrf_client.get(PROBE_UNIT).cookies["csrftoken"].value

    refused = _post_json(csrf_client, PROBE_HANDLER.format("submit"), {"answer": "yes"})
    accepted = _post_json(csrf_client, PROBE_HANDLER.format("submit"), {"answer": "yes"}, token)

    assert refused.status_code == 403
    assert accepted.status_code == 200 and accepted.json() == {"answer": "yes"}
    grade = Grade.objects.get(user=learner)
    assert (grade.usage_key, grade.earned, grade.possible) == (str(probe_key(probe_course)), 1, 1)


def test_handlers_see_the_logged_in_user(client, probe_course, learner, enrolled):
    enrolled(probe_course)
    client.force_login(learner)

    attrs = client.get(PROBE_HANDLER.format("whoami")).json()

    assert attrs["edx-platform.user_id"] == learner.id
    assert attrs["edx-platform.user_role"] == "student"


def test_the_course_team_saves_in_studio_and_learners_see_it(
    csrf_client, client, probe_course, trainer, learner, enrolled
):
    enrolled(probe_course)
    csrf_client.force_login(trainer)
    page = csrf_client.get(PROBE_STUDIO)
    token = page.cookies["csrftoken"].value
    assert page.status_code == 200
    assert b'<label for="probe-title">Title</label>' in page.content
    assert b"handlerBaseUrl = \"/studio/xblock/handler/\"" in page.content

    assert _post_json(csrf_client, PROBE_STUDIO_HANDLER.format("studio_submit"), {"title": "Saved"}).status_code == 403
    saved = _post_json(csrf_client, PROBE_STUDIO_HANDLER.format("studio_submit"), {"title": "Saved"}, token)
    assert saved.status_code == 200

    assert "title=&quot;Saved&quot;" in csrf_client.get(PROBE_STUDIO).content.decode()
    client.force_login(learner)
    assert '<p class="probe-title">Saved</p>' in client.get(PROBE_UNIT).content.decode()


def test_studio_is_for_the_course_team_only(client, probe_course, learner, enrolled):
    enrolled(probe_course)
    client.force_login(learner)

    assert client.get(PROBE_STUDIO).status_code == 403
    assert _post_json(client, PROBE_STUDIO_HANDLER.format("studio_submit"), {"title": "Hacked"}).status_code == 403


def test_writing_authored_fields_through_the_lms_is_refused(client, probe_course, trainer):
    client.force_login(trainer)

    response = _post_json(client, PROBE_HANDLER.format("studio_submit"), {"title": "From the LMS"})

    assert response.status_code == 400
    assert b"First title" in client.get(PROBE_STUDIO).content


def test_the_olx_export_of_a_block_downloads(client, probe_course, trainer):
    client.force_login(trainer)

    response = client.get(PROBE_STUDIO + "olx/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="devhost_probe-probe.xml"'
    assert b'<devhost_probe xblock-family="xblock.v1"' in response.content
    assert b'url_name="probe"' in response.content


def test_unknown_units_and_blocks_are_404(client, probe_course, trainer):
    client.force_login(trainer)

    assert client.get("/courses/course-v1:VETNet+Probe+2026/units/nope/").status_code == 404
    assert client.get("/courses/course-v1:VETNet+Probe+2026/studio/devhost_probe/nope/").status_code == 404
    assert client.get("/xblock/handler/not-a-key/submit/").status_code == 404
    assert client.get(PROBE_HANDLER.format("no_such_handler")).status_code == 404


def test_the_language_switcher_changes_the_page_language(client, learner):
    client.force_login(learner)

    client.post("/i18n/setlang/", {"language": "it", "next": "/"})
    page = client.get("/").content.decode()

    assert '<html lang="it"' in page
    assert "<h1>Corsi</h1>" in page
    assert "Cambia lingua" in page


def test_a_unit_page_reads_the_course_s_authored_fields_once(client, template_course, learner, enrolled):
    """The outline names every block: their authored fields are one read, whatever the course's size."""
    from django.db import connection  # pylint: disable=import-outside-toplevel
    from django.test.utils import CaptureQueriesContext  # pylint: disable=import-outside-toplevel

    enrolled(template_course)
    client.force_login(learner)
    unit = f"/courses/{template_course.course_key}/units/sharing_toolbox/"
    client.get(unit)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(unit)
    assert response.status_code == 200 and "vetnet-toolbox" in response.content.decode()
    # The field store's reads (the page also asks once whether the unit exists).
    field_reads = [q["sql"] for q in queries.captured_queries
                   if "devhost_blockfield" in q["sql"] and "value" in q["sql"].split(" FROM ", 1)[0]]
    shared = [sql for sql in field_reads if '"user_id" = 0' in sql or "`user_id` = 0" in sql]
    # The course's authored fields once; the rest is the learner's own state of the blocks shown.
    assert len(shared) == 1, shared
    assert len(field_reads) <= 12, field_reads


def test_a_unit_page_reads_the_user_s_course_roles_once_and_sees_a_role_granted_meanwhile(
        client, template_course, learner, enrolled):
    """The LMS keeps a user's course roles for the request; a role saved in it is seen at once."""
    from django.db import connection  # pylint: disable=import-outside-toplevel
    from django.test.utils import CaptureQueriesContext  # pylint: disable=import-outside-toplevel

    from devhost import course_roles  # pylint: disable=import-outside-toplevel
    from devhost.models import CourseAccessRole  # pylint: disable=import-outside-toplevel

    enrolled(template_course)
    client.force_login(learner)
    unit = f"/courses/{template_course.course_key}/units/communication_scenarios/"
    client.get(unit)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(unit)
    assert response.status_code == 200 and 'class="component-tools"' not in response.content.decode()
    role_reads = [q["sql"] for q in queries.captured_queries if "devhost_courseaccessrole" in q["sql"]]
    assert len(role_reads) == 1, role_reads

    assert course_roles.user_role(learner, template_course.course_key) == "student"
    CourseAccessRole.objects.create(user=learner, course_key=template_course.course_key,
                                    role=CourseAccessRole.STAFF)
    assert course_roles.user_role(learner, template_course.course_key) == "staff"
    assert course_roles.has_staff_access(learner, template_course.course_key)
    assert 'class="component-tools"' in client.get(unit).content.decode()
