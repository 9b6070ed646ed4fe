"""
Robustness of the v1 REST API: generated requests checked against the API's own
OpenAPI schema, and hand-written cases a generator would not find.

Whatever a client sends, the answer is a 2xx or a 4xx with a message, never a
5xx; what was saved stays saved; and every lookup is scoped on the server to
the course in the URL and to what the requester may see.
"""
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from rest_framework.test import APIClient
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, enroll, member
from tests.vetnet_plugin.communication_helpers import USAGE_KEY, configure_forum, seed_uuid, staff_user
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]

BASE = f"/api/vetnet/v1/courses/{COURSE_KEY}"
FORUM = f"{BASE}/scenario-forums/{USAGE_KEY}"
DESK = f"{BASE}/counselling/{USAGE_KEY}"
OTHER_USAGE_KEY = "block-v1:VETNet+Other+2026+type@vetnet_scenarios+block@futures"
SCHEMA_PATH = "/api/vetnet/v1/schema/?format=json"
CSRF_TOKEN = "r0bustnessCsrfSecretOf32Chars000"
EXAMPLES_PER_OPERATION = 25
# Unsafe methods run after the reads, and deletions last, so that every read
# meets the objects the fixture made before a generated request removes them.
METHOD_ORDER = {"GET": 0, "POST": 1, "PUT": 1, "PATCH": 1, "DELETE": 2}


def browser_of(user) -> tuple:
    """What a browser of the logged-in ``user`` sends: the session and CSRF cookies, and the CSRF header."""
    client = Client()
    client.force_login(user)
    cookies = {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_TOKEN}
    return cookies, {"X-CSRFToken": CSRF_TOKEN}


@pytest.fixture
def world():
    """One course with a forum, a thread with a post, a published resource and a collection."""
    configure_forum()
    staff = staff_user()
    alice = member()
    scenario_uuid = seed_uuid(alice)
    thread_id = api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)[0].thread_id
    post = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Short courses help.")
    resource = deposit(alice)
    collection = api.create_collection(user=alice, **in_course(), title="Carpentry", description="",
                                       visibility="course")
    counsellor = member(open_to_counselling=True)
    practice_uuid, review_uuid = best_practice_world(alice)
    entry_uuid = repository_world(staff)
    case_uuid = counselling_world(alice)
    workspace_uuid, task_uuid = workspace_world(alice)
    response_uuid = policy_world(staff, scenario_uuid)
    partnership_uuid = api.propose_partnership(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                               title="Digital crafts", instrument="erasmus_ka220").uuid
    return {
        "staff": staff, "alice": alice,
        "path_parameters": {
            "course_key": COURSE_KEY, "usage_key": USAGE_KEY, "scenario_uuid": scenario_uuid,
            "thread_id": thread_id, "post_id": post.id, "number": 1,
            "resource_uuid": resource.uuid, "collection_uuid": collection.uuid, "user_id": counsellor.id,
            "role": "policy_maker",
            "practice_uuid": practice_uuid, "review_uuid": review_uuid,
            "entry_uuid": entry_uuid, "export_format": "json",
            "case_uuid": case_uuid,
            "workspace_uuid": workspace_uuid, "task_uuid": task_uuid,
            "indicator": "counselling_topics", "response_uuid": response_uuid,
            "partnership_uuid": partnership_uuid,
            "phase": "communication", "credential_uuid": "5b0c7f1e-8a47-4d1c-9a0e-2c4b9d3e6f10",
        },
    }


def policy_world(staff, scenario_uuid):
    """A policy maker (not alice) has answered a scenario; the dashboard's snapshots exist."""
    reader = member()
    api.grant_community_role(user=staff, course_key=COURSE_KEY, member_id=reader.id, role="policy_maker")
    response = api.create_policy_response(user=reader, course_key=COURSE_KEY, target_kind="scenario",
                                          target=scenario_uuid, body="We will fund this.")
    api.refresh_policy_snapshots()
    return response.uuid


def best_practice_world(alice):
    """A best-practice assignment (at the same opaque usage key) with alice's practice and her lease on another."""
    from tests.vetnet_plugin.best_practice_helpers import CRITERIA, write_and_submit  # pylint: disable=import-outside-toplevel

    api.configure_best_practice(course_key=COURSE_KEY, usage_key=USAGE_KEY, criteria=CRITERIA, reviews_required=1,
                                sections=[{"key": "context", "label": "Context"}])
    bea = member()
    own = write_and_submit(alice, USAGE_KEY)
    write_and_submit(bea, USAGE_KEY)
    lease = api.request_review(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    return own.uuid, lease.uuid


def repository_world(staff):
    """A practice of another member in the repository: graded by staff above the threshold."""
    from tests.vetnet_plugin.best_practice_helpers import write_and_submit  # pylint: disable=import-outside-toplevel

    author = member()
    practice = write_and_submit(author, USAGE_KEY)
    api.override_grade(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, practice_uuid=practice.uuid,
                       score=0.9, reason="Graded by the course team.")
    return api.list_repository(user=author, course_key=COURSE_KEY).items[0].uuid


def counselling_world(alice):
    """A counselling desk (at the same opaque usage key) with a case of alice's, answered by another member."""
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                   topics=[{"code": "apprenticeships", "label": "Apprenticeships"}])
    case = api.open_case(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Apprentices",
                         problem="Workshops refuse apprentices.", topics=["apprenticeships"])
    api.answer_case(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                    body="Share one among firms.")
    return case.summary.uuid


def workspace_world(alice):
    """Workspace themes (at the same opaque usage key), a workspace alice facilitates, its document and a task."""
    from tests.vetnet_plugin.workspace_helpers import THEMES  # pylint: disable=import-outside-toplevel

    api.configure_workspace_themes(course_key=COURSE_KEY, usage_key=USAGE_KEY, themes=THEMES)
    workspace = api.create_workspace(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY, theme_key=THEMES[0]["key"],
                                     title="Retrofit module", goal="An outline")
    api.save_document(user=alice, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, base_revision=0,
                      text="Unit 1\n")
    task = api.create_task(user=alice, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, title="Interview SMEs")
    return workspace.uuid, task.uuid


@pytest.fixture
def wsgi_app():
    """
    Django's WSGI application, sharing the test's connection and transaction.

    As Django's test client does, requests do not close "old" connections: on
    MariaDB that would close the connection holding the test's transaction.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def generated_requests_failures(app, user, path_parameters, max_examples, only=lambda path: True) -> list:
    """Send generated requests to every operation (whose path ``only`` keeps) as ``user``; return what went wrong."""
    cookies, headers = browser_of(user)
    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, app)
    operations = sorted((result.ok() for result in schema.get_all_operations()),
                        key=lambda op: (METHOD_ORDER.get(op.method.upper(), 1), op.path, op.method))
    assert len(operations) > 40, "the schema lost its operations"
    failures = []
    for operation in operations:
        if only(operation.path) and not operation.path.endswith("/schema/"):
            sender(operation, cookies, headers, path_parameters, max_examples, failures)()
    return failures


def sender(operation, cookies, headers, path_parameters, max_examples, failures):
    """A Hypothesis test sending ``max_examples`` generated requests to ``operation``; it records, never shrinks."""
    label = f"{operation.method.upper()} {operation.path}"

    @hypothesis_settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
                         suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def send(case):
        # Real objects of the course: random ids would only ever meet the URL resolver's 404.
        case.path_parameters = {name: path_parameters[name] for name in (case.path_parameters or {})}
        response = case.call(headers=headers, cookies=cookies)
        if response.status_code >= 500:
            failures.append(f"{label}: {response.status_code} for {case.as_curl_command(headers=headers)}")
            return
        try:
            case.validate_response(response, checks=[response_schema_conformance, content_type_conformance],
                                   headers=headers)
        except (Failure, FailureGroup) as error:
            found = error.exceptions if isinstance(error, FailureGroup) else [error]
            failures.extend(f"{label}: {failure.title}: {str(failure.message)[:200]}" for failure in found)

    return send


def test_generated_requests_of_a_member_never_meet_a_server_error(world, wsgi_app):
    failures = generated_requests_failures(wsgi_app, world["alice"], world["path_parameters"], EXAMPLES_PER_OPERATION)
    assert not failures, "\n".join(sorted(set(failures))[:20])


STAFF_ONLY = ("/moderation/", "/flagged-posts/", "/policy-brief/", "/rounds/", "/submissions/", "/reassign/",
              "/reviewers/")


def test_generated_requests_of_course_staff_to_staff_actions_never_meet_a_server_error(world, wsgi_app):
    failures = generated_requests_failures(wsgi_app, world["staff"], world["path_parameters"], 15,
                                           only=lambda path: any(part in path for part in STAFF_ONLY))
    assert not failures, "\n".join(sorted(set(failures))[:20])


# Hand-written cases: what a generator that follows the schema would not send.

def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def assert_refused(response, *statuses):
    assert response.status_code in statuses, (response.status_code, response.content[:300])
    assert response.json()["detail"], response.content


@pytest.fixture
def two_courses(world):
    """``bob`` belongs to both courses; the other course has its own objects, kept in that course."""
    bob = member()
    enroll(bob, OTHER_COURSE_KEY)
    configure_forum(course_key=OTHER_COURSE_KEY, usage_key=OTHER_USAGE_KEY)
    other_thread = api.list_scenarios(user=bob, course_key=OTHER_COURSE_KEY, usage_key=OTHER_USAGE_KEY)[0].thread_id
    other_post = api.create_post(user=bob, course_key=OTHER_COURSE_KEY, thread_id=other_thread, body="Elsewhere.")
    other_resource = deposit(bob, in_course(OTHER_COURSE_KEY, scope="course"), title="Kept at home")
    other_collection = api.create_collection(user=bob, **in_course(OTHER_COURSE_KEY), title="Home",
                                             description="", visibility="course")
    return {**world, "bob": bob, "other": {
        "thread_id": other_thread, "post_id": other_post.id, "resource_uuid": other_resource.uuid,
        "collection_uuid": other_collection.uuid,
    }}


def test_ids_of_another_course_are_not_found_through_this_course(two_courses):
    other, client = two_courses["other"], client_for(two_courses["alice"])
    for method, path in (
        ("get", f"{BASE}/threads/{other['thread_id']}/"),
        ("post", f"{BASE}/threads/{other['thread_id']}/posts/"),
        ("get", f"{BASE}/posts/{other['post_id']}/history/"),
        ("patch", f"{BASE}/posts/{other['post_id']}/"),
        ("put", f"{BASE}/posts/{other['post_id']}/vote/"),
        ("post", f"{BASE}/posts/{other['post_id']}/flag/"),
        ("get", f"{BASE}/toolbox/resources/{other['resource_uuid']}/"),
        ("get", f"{BASE}/toolbox/resources/{other['resource_uuid']}/download/"),
        ("put", f"{BASE}/toolbox/resources/{other['resource_uuid']}/reviews/"),
        ("get", f"{BASE}/toolbox/collections/{other['collection_uuid']}/"),
        ("put", f"{BASE}/toolbox/collections/{other['collection_uuid']}/"),
    ):
        response = getattr(client, method)(path, {"body": "Hello", "rating": 5, "title": "Mine"}, format="json")
        assert_refused(response, 403, 404)
        assert b"Elsewhere" not in response.content and b"Kept at home" not in response.content
    # Even a member of both courses cannot reach one course's objects through the other's URL.
    bob = client_for(two_courses["bob"])
    assert_refused(bob.get(f"{BASE}/toolbox/resources/{other['resource_uuid']}/", {"scope": "course"}), 403, 404)
    assert_refused(bob.get(f"{BASE}/threads/{other['thread_id']}/"), 403, 404)
    assert_refused(bob.get(f"{BASE}/posts/{other['post_id']}/history/"), 403, 404)
    assert not api.list_post_revisions(user=two_courses["bob"], course_key=OTHER_COURSE_KEY,
                                       post_id=other["post_id"])


def test_people_outside_the_course_are_refused_everywhere(world):
    ids, outsider = world["path_parameters"], client_for(UserFactory())
    for path in (
        f"{BASE}/members/", f"{BASE}/threads/{ids['thread_id']}/", f"{BASE}/posts/{ids['post_id']}/history/",
        f"{FORUM}/", f"{FORUM}/scenarios/", f"{FORUM}/scenarios/{ids['scenario_uuid']}/",
        f"{BASE}/toolbox/resources/", f"{BASE}/toolbox/resources/{ids['resource_uuid']}/",
        f"{BASE}/toolbox/collections/", f"{DESK}/cases/", f"{DESK}/cases/{ids['case_uuid']}/",
    ):
        assert_refused(outsider.get(path), 403)
    assert_refused(outsider.post(f"{DESK}/cases/", {"title": "T", "problem": "P"}, format="json"), 403)
    assert_refused(outsider.post(f"{DESK}/similar/", {"text": "apprentices"}, format="json"), 403)
    assert_refused(outsider.post(f"{DESK}/cases/{ids['case_uuid']}/answers/", {"body": "Hi"}, format="json"), 403)
    assert_refused(outsider.post(f"{BASE}/threads/{ids['thread_id']}/posts/", {"body": "Hi"}, format="json"), 403)
    assert_refused(outsider.post(f"{BASE}/members/{ids['user_id']}/contact/",
                                 {"purpose": "counselling", "message": "A message long enough to send."},
                                 format="json"), 403)
    assert APIClient().get(f"{BASE}/toolbox/resources/").status_code in (401, 403)


def test_staff_actions_are_refused_to_members(world):
    ids, client = world["path_parameters"], client_for(world["alice"])
    for method, path, body in (
        ("get", f"{BASE}/flagged-posts/", None),
        ("post", f"{BASE}/posts/{ids['post_id']}/moderation/", {"hide": True, "reason": "spam"}),
        ("post", f"{FORUM}/rounds/", {"action": "open"}),
        ("post", f"{FORUM}/scenarios/{ids['scenario_uuid']}/moderation/", {"publish": False, "reason": "no"}),
        ("get", f"{FORUM}/policy-brief/", None),
        ("get", f"{BASE}/toolbox/moderation/", None),
        ("post", f"{BASE}/toolbox/resources/{ids['resource_uuid']}/moderation/", {"action": "hide", "reason": "x"}),
    ):
        response = getattr(client, method)(path, body, format="json") if body else getattr(client, method)(path)
        assert response.status_code == 403, (path, response.status_code)
    assert api.get_resource(user=world["alice"], **in_course(),
                            resource_uuid=ids["resource_uuid"]).status == "published"


def test_malformed_bodies_and_wrong_content_types_are_4xx(world):
    ids, client = world["path_parameters"], client_for(world["alice"])
    posts = f"{BASE}/threads/{ids['thread_id']}/posts/"
    for path in (posts, f"{FORUM}/scenarios/", f"{BASE}/toolbox/collections/", "/api/vetnet/v1/profile/",
                 f"{DESK}/cases/", f"{DESK}/similar/", f"{DESK}/cases/{ids['case_uuid']}/answers/",
                 f"{BASE}/toolbox/resources/{ids['resource_uuid']}/reviews/"):
        method = "patch" if path.endswith("profile/") else "put" if path.endswith("reviews/") else "post"
        for content, content_type in (
            ('{"body": "unfinished', "application/json"),
            ("[1, 2, 3]", "application/json"),
            ('"just a string"', "application/json"),
            ("null", "application/json"),
            ("body=hello", "text/plain"),
            ("<xml/>", "application/xml"),
        ):
            response = getattr(client, method)(path, content, content_type=content_type)
            assert 400 <= response.status_code < 500, (path, content, response.status_code, response.content[:200])
    assert [p.body for p in api.get_thread(user=world["alice"], course_key=COURSE_KEY,
                                           thread_id=ids["thread_id"]).posts] == ["Short courses help."]


def test_huge_strings_are_refused_with_a_message(world):
    ids, client = world["path_parameters"], client_for(world["alice"])
    huge = "x" * 200_000
    for method, path, body in (
        ("post", f"{BASE}/threads/{ids['thread_id']}/posts/", {"body": huge}),
        ("patch", f"{BASE}/posts/{ids['post_id']}/", {"body": huge}),
        ("post", f"{BASE}/posts/{ids['post_id']}/flag/", {"reason": huge}),
        ("post", f"{BASE}/posts/{ids['post_id']}/translations/", {"language": "it", "body": huge}),
        ("post", f"{FORUM}/scenarios/", {"title": huge, "narrative": huge}),
        ("put", f"{FORUM}/scenarios/{ids['scenario_uuid']}/rating/", {"plausibility": 3, "desirability": 3,
                                                                      "rationale": huge}),
        ("post", f"{BASE}/toolbox/collections/", {"title": huge}),
        ("put", f"{BASE}/toolbox/resources/{ids['resource_uuid']}/reviews/", {"rating": 4, "text": huge}),
        ("put", f"{BASE}/toolbox/resources/{ids['resource_uuid']}/adoption/", {"context": huge}),
        ("patch", "/api/vetnet/v1/profile/", {"bio": huge}),
        ("post", f"{DESK}/cases/", {"title": huge, "problem": huge}),
        ("post", f"{DESK}/cases/{ids['case_uuid']}/answers/", {"body": huge}),
        ("post", f"{DESK}/similar/", {"text": huge}),
        ("put", f"{DESK}/cases/{ids['case_uuid']}/outcome/", {"outcome": "solved", "note": huge}),
    ):
        assert_refused(getattr(client, method)(path, body, format="json"), 400, 409, 413)
    assert api.get_thread(user=world["alice"], course_key=COURSE_KEY,
                          thread_id=ids["thread_id"]).posts[0].body == "Short courses help."
    for path in (f"{BASE}/members/", f"{BASE}/toolbox/resources/", f"{FORUM}/scenarios/",
                 f"{BASE}/threads/{ids['thread_id']}/"):
        response = client.get(path, {"search": huge, "language": huge, "tag": huge, "order": huge})
        assert response.status_code < 500, (path, response.status_code)


@pytest.mark.parametrize("page", ["-1", "0", "1e3", "abc", "", str(10 ** 30), "99999"])
def test_strange_page_numbers_are_never_a_server_error(world, page):
    ids = world["path_parameters"]
    for user, path in (
        (world["alice"], f"{BASE}/members/"),
        (world["alice"], f"{BASE}/toolbox/resources/"),
        (world["alice"], f"{BASE}/toolbox/resources/{ids['resource_uuid']}/reviews/"),
        (world["alice"], f"{FORUM}/scenarios/"),
        (world["alice"], f"{BASE}/threads/{ids['thread_id']}/"),
        (world["staff"], f"{BASE}/toolbox/moderation/"),
        (world["staff"], f"{BASE}/flagged-posts/"),
    ):
        for query in ({"page": page}, {"page_size": page}):
            response = client_for(user).get(path, query)
            assert response.status_code in (200, 400, 404), (path, query, response.status_code)
            if response.status_code != 200:
                assert response.json()["detail"]


def test_huge_ids_in_the_path_are_not_found(world):
    client, huge = client_for(world["alice"]), str(10 ** 30)
    for path in (f"{BASE}/threads/{huge}/", f"{BASE}/posts/{huge}/history/"):
        assert_refused(client.get(path), 404)
    assert_refused(client.put(f"{BASE}/posts/{huge}/vote/"), 404)
    # No such round: no rationales, and no error either.
    rationales = client.get(f"{FORUM}/scenarios/{world['path_parameters']['scenario_uuid']}/rounds/{huge}/rationales/")
    assert rationales.status_code == 200 and rationales.json() == {"results": []}


def test_unknown_enum_values_are_4xx_with_a_message(world):
    ids, client, staff = world["path_parameters"], client_for(world["alice"]), client_for(world["staff"])
    resource = f"{BASE}/toolbox/resources/{ids['resource_uuid']}"
    for response in (
        client.get(f"{BASE}/toolbox/resources/", {"scope": "galaxy"}),
        client.get(f"{BASE}/toolbox/resources/", {"sort": "random"}),
        client.get(f"{resource}/", {"scope": "galaxy"}),
        client.post(f"{BASE}/toolbox/collections/", {"title": "T", "visibility": "cosmic"}, format="json"),
        client.put(f"{resource}/adoption/", {"outcome": "exploded"}, format="json"),
        client.put(f"{resource}/adoption/", {"outcome": ["success"]}, format="json"),
        client.put(f"{resource}/adoption/", {"outcome": {"success": True}}, format="json"),
        client.put(f"{resource}/reviews/", {"rating": 11}, format="json"),
        client.put(f"{resource}/reviews/", {"rating": "five"}, format="json"),
        client.put(f"{resource}/reviews/", {"rating": [5]}, format="json"),
        client.get(f"{resource}/download/", {"version": "-1"}),
        client.put(f"{FORUM}/scenarios/{ids['scenario_uuid']}/rating/", {"plausibility": 99, "desirability": -4},
                   format="json"),
        client.post(f"{FORUM}/rounds/", {"action": "explode"}, format="json"),
        staff.post(f"{FORUM}/rounds/", {"action": "explode"}, format="json"),
        staff.post(f"{resource}/moderation/", {"action": "explode"}, format="json"),
        staff.get(f"{BASE}/toolbox/moderation/", {"status": "sideways"}),
        staff.post(f"{BASE}/posts/{ids['post_id']}/moderation/", {"hide": "perhaps"}, format="json"),
    ):
        assert_refused(response, 400, 403, 404, 409)
    assert api.get_resource(user=world["alice"], **in_course(),
                            resource_uuid=ids["resource_uuid"]).status == "published"


@pytest.mark.parametrize("changes", [
    {"organisation_type": ["company"]},
    {"organisation_type": {"code": "company"}},
    {"country": 5},
    {"country": ["IT"]},
    {"languages": [["it"]]},
    {"open_to_counselling": "yes"},
])
def test_profile_values_of_the_wrong_type_are_a_400_and_nothing_is_saved(world, changes):
    api.update_member_profile(user_id=world["alice"].id, changes={"country": "IT", "organisation_type": "vet_provider"})
    response = client_for(world["alice"]).patch("/api/vetnet/v1/profile/", {**changes, "bio": "New bio"},
                                                format="json")
    assert_refused(response, 400)
    assert set(response.json()["errors"]) == set(changes)
    profile = api.get_member_profile(user_id=world["alice"].id)
    assert (profile.country, profile.organisation_type, profile.bio) == ("IT", "vet_provider", "")


# The five families of hostile input an outside run found, sent to every operation.

HOSTILE_BODIES = {
    "number beyond a float": '{"rating": 1e400, "body": "Hello", "title": "T", "reason": "r", "action": "open"}',
    "NaN": '{"rating": NaN, "plausibility": NaN, "hide": true, "reason": "r"}',
    "Infinity": '{"plausibility": Infinity, "desirability": -Infinity, "rating": Infinity}',
    "integer beyond 64 bits": '{"parent_id": 123456789012345678901234567890, "rating": 4, "body": "Hi"}',
    "lone surrogate": ('{"body": "\\ud800", "title": "\\udfff", "reason": "\\ud800", "text": "\\ud800", '
                       '"bio": "\\ud800", "narrative": "\\ud800", "context": "\\ud800", "rating": 4}'),
    "lone surrogate in a key": '{"\\ud800": "value", "body": "Hi"}',
    "nested thousands of levels": '{"body": ' + "[" * 5000 + "]" * 5000 + "}",
    "a string": '"just a string"',
    "a number": "42",
    "null": "null",
    "a list": '[{"body": "Hi"}]',
}
HOSTILE_QUERIES = ["page=1&page=2&scope=course&scope=community", "search=%ED%A0%80&tag=%ff", "%ff=1"]


def every_operation(app, path_parameters):
    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, app)
    operations = sorted((result.ok() for result in schema.get_all_operations()),
                        key=lambda op: (METHOD_ORDER.get(op.method.upper(), 1), op.path, op.method))
    assert len(operations) > 40, "the schema lost its operations"
    for operation in operations:
        if not operation.path.endswith("/schema/"):
            yield operation.method.lower(), operation.path.format(**path_parameters)


@pytest.mark.parametrize("who", ["alice", "staff"])
def test_every_operation_answers_the_five_families_of_hostile_input_with_a_4xx(world, wsgi_app, who):
    client, failures = client_for(world[who]), []
    for method, path in every_operation(wsgi_app, world["path_parameters"]):
        if method in ("get", "head"):
            for query in HOSTILE_QUERIES:
                response = client.generic(method.upper(), f"{path}?{query}")
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {path}?{query}: {response.status_code}")
            continue
        for family, body in HOSTILE_BODIES.items():
            response = getattr(client, method)(path, body, content_type="application/json")
            # An operation that takes no body (a vote, a deletion) may ignore it; none may fail on it.
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {path} with {family}: {response.status_code}")
            elif response.status_code >= 400 and response.status_code != 405:
                assert response.json()["detail"], (method, path, family)
    assert not failures, "\n".join(failures[:30])


def test_each_family_of_hostile_json_is_refused_with_a_message_that_says_why(world):
    posts = f"{BASE}/threads/{world['path_parameters']['thread_id']}/posts/"
    client = client_for(world["alice"])
    for family, expected in (
        ("number beyond a float", "a number that is too large or not a number"),
        ("NaN", "a number that is too large or not a number"),
        ("integer beyond 64 bits", "a number that is too large or not a number"),
        ("lone surrogate", "text that is not valid Unicode"),
        ("nested thousands of levels", "nested too deeply"),
        ("a string", "a JSON object was expected"),
        ("null", "a JSON object was expected"),
    ):
        response = client.post(posts, HOSTILE_BODIES[family], content_type="application/json")
        assert response.status_code == 400, (family, response.status_code)
        assert expected in response.json()["detail"], (family, response.json())
    assert [p.body for p in api.get_thread(user=world["alice"], course_key=COURSE_KEY,
                                           thread_id=world["path_parameters"]["thread_id"]).posts] == [
        "Short courses help."]
