"""
The blocks' JSON handlers under input no form would send: wrong types, huge
values, malformed bodies, ids from another course, people without the right
to act. Every answer is a 2xx or a 4xx with a message, never a server error,
and what was saved stays saved.
"""
import json
from urllib.parse import urlencode

import pytest
import webob

from tests.factories import OTHER_COURSE_KEY, UserFactory, enroll
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_xblocks.best_practice.block import DEFAULT_SECTIONS
from vetnet_xblocks.toolbox.block import ToolboxBlock

from .counselling_helpers import desk  # noqa: F401 (fixture)
from .runtime import BLOCK_TYPES, COURSE_KEY, TRAINER, CourseRuntime, add_block, call_handler, lms_opt_attrs, reload
from .scenarios_helpers import forum, person  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]

NASTY = [None, True, False, -1, 0, 10 ** 30, -(10 ** 30), 1.5, "", " ", "x" * 100_000, "\x00", "../../etc/passwd",
         "<script>alert(1)</script>", [], [1, "a"], [["nested"]], {}, {"a": {"b": 1}}, "not-a-uuid",
         "00000000-0000-0000-0000-000000000000"]

SCENARIO_HANDLERS = {
    "forum_html": ["language", "open_threads"],
    "create_post": ["thread_id", "body", "parent_id", "language"],
    "edit_post": ["post_id", "body", "language"],
    "vote_post": ["post_id", "vote"],
    "flag_post": ["post_id", "reason"],
    "moderate_post": ["post_id", "hide", "reason"],
    "follow": ["thread_id", "follow", "email_digest"],
    "translate": ["kind", "object_id", "language", "title", "body"],
    "machine_translate": ["kind", "object_id", "language"],
    "propose": ["title", "narrative", "drivers", "policy_choices", "language"],
    "moderate_scenario": ["scenario_uuid", "publish", "reason"],
    "rate": ["scenario_uuid", "plausibility", "desirability", "rationale", "language"],
    "rating_round": ["action"],
}

COUNSELLING_HANDLERS = {
    "queue_html": ["state", "topic", "sector", "country", "language", "page"],
    "case_html": ["case", "order", "page"],
    "similar": ["text", "topics", "case"],
    "open_case": ["title", "problem", "already_tried", "outcome_wanted", "organisation_type", "country", "sector",
                  "topics", "language"],
    "answer": ["case", "body", "parent_id", "language"],
    "vote": ["case", "post_id", "vote"],
    "accept": ["case", "post_id", "accepted"],
    "report_outcome": ["case", "outcome", "note"],
}

TOOLBOX_POST_HANDLERS = {
    "withdraw": ["resource"],
    "review": ["resource", "rating", "text"],
    "adopt": ["resource", "context", "outcome", "outcome_report"],
    "create_collection": ["title", "description", "visibility"],
    "collect": ["collection", "resource", "remove"],
    "moderate": ["resource", "action", "reason"],
}

TOOLBOX_GET_HANDLERS = {
    "library": ["scope", "search", "resource_type", "sector", "eqf_level", "language", "sort", "page", "page_size",
                "mine", "tag", "cursor"],
    "library_html": ["search", "sector", "sort", "page", "mine", "tag"],
    "resource": ["resource"],
    "details_html": ["resource"],
    "collections": ["mine"],
    "collections_html": ["mine"],
    "collection_html": ["collection", "page"],
    "moderation_queue": ["status", "page"],
}
QUERY_VALUES = ["-1", "0", "abc", "1e3", str(10 ** 30), "", "x" * 5000, "%00", "galaxy"]


def assert_answered(status, body, where):
    assert status < 500, (where, status, body)
    if status >= 400:
        assert body and body.get("error"), (where, status, body)


def get(runtime, block, handler, query):
    request = webob.Request.blank("/?" + urlencode(query), method="GET")
    response = runtime.handle(block, handler, request)
    body = response.json if response.content_type == "application/json" and response.body else None
    return response.status_code, body


# -- the scenario forum ----------------------------------------------------------

@pytest.fixture
def forum_people(forum):
    runtime, block = forum
    alice, staff = person(runtime), person(runtime, staff=True)
    staff.block(block).student_view()
    usage_key = str(block.scope_ids.usage_id)
    scenario = api.list_scenarios(user=alice.user, course_key=COURSE_KEY, usage_key=usage_key)[0]
    post = api.create_post(user=alice.user, course_key=COURSE_KEY, thread_id=scenario.thread_id, body="Kept.")
    return block, alice, staff, {"thread_id": scenario.thread_id, "post_id": post.id,
                                 "scenario_uuid": scenario.uuid, "object_id": post.id}


@pytest.mark.parametrize("handler", sorted(SCENARIO_HANDLERS))
def test_scenario_handlers_answer_nasty_values_with_a_4xx(forum_people, handler):
    block, alice, staff, ids = forum_people
    for who in (alice, staff):
        for field in SCENARIO_HANDLERS[handler]:
            for value in NASTY:
                payload = {**ids, "kind": "post", "action": "open", field: value}
                status, body, _r = call_handler(who.runtime, who.block(block), handler, payload)
                assert_answered(status, body, (handler, field, repr(value)[:40]))


def test_scenario_handlers_refuse_non_members_and_members_acting_as_staff(forum_people, forum):
    block, alice, _staff, ids = forum_people
    runtime, _block = forum
    outsider = person(runtime, enrolled=False)
    for handler in SCENARIO_HANDLERS:
        status, body, _r = call_handler(outsider.runtime, outsider.block(block), handler,
                                        {**ids, "kind": "post", "action": "open"})
        assert status == 403, (handler, status, body)
        assert body["error"]
    for handler, payload in (("moderate_post", {"post_id": ids["post_id"], "hide": True}),
                             ("moderate_scenario", {"scenario_uuid": ids["scenario_uuid"], "publish": False}),
                             ("rating_round", {"action": "open"})):
        status, body, _r = call_handler(alice.runtime, alice.block(block), handler, payload)
        assert status == 403, (handler, status, body)


def test_scenario_handlers_do_not_reach_posts_of_another_course(forum_people):
    block, alice, _staff, _ids = forum_people
    bob = UserFactory()
    enroll(bob, OTHER_COURSE_KEY)
    enroll(alice.user, OTHER_COURSE_KEY)
    other_usage = "block-v1:VETNet+Other+2026+type@vetnet_scenarios+block@elsewhere"
    from tests.vetnet_plugin.communication_helpers import configure_forum  # pylint: disable=import-outside-toplevel
    configure_forum(course_key=OTHER_COURSE_KEY, usage_key=other_usage)
    thread = api.list_scenarios(user=bob, course_key=OTHER_COURSE_KEY, usage_key=other_usage)[0].thread_id
    post = api.create_post(user=bob, course_key=OTHER_COURSE_KEY, thread_id=thread, body="Elsewhere.")
    for handler, payload in (("create_post", {"thread_id": thread, "body": "Hi"}),
                             ("edit_post", {"post_id": post.id, "body": "Mine now"}),
                             ("vote_post", {"post_id": post.id}),
                             ("flag_post", {"post_id": post.id, "reason": "x"}),
                             ("follow", {"thread_id": thread})):
        status, body, _r = call_handler(alice.runtime, alice.block(block), handler, payload)
        assert status in (403, 404), (handler, status, body)
    assert api.get_thread(user=bob, course_key=OTHER_COURSE_KEY, thread_id=thread).posts[0].body == "Elsewhere."


@pytest.mark.parametrize("body", ['{"body": "unfinished', "[1, 2]", '"text"', "null", "\xff\xfe", "x" * 10_000])
def test_malformed_bodies_are_a_400(forum_people, body):
    block, alice, _staff, _ids = forum_people
    for handler in ("create_post", "rate", "propose"):
        status, data, _r = call_handler(alice.runtime, alice.block(block), handler, body=body)
        assert status == 400 and data["error"], (handler, status, data)


# -- peer counselling --------------------------------------------------------------

@pytest.fixture
def counselling_people(desk):  # noqa: F811
    runtime, block = desk
    alice, bob, staff = person(runtime), person(runtime), person(runtime, staff=True)
    staff.block(block).student_view()
    usage_key = str(block.scope_ids.usage_id)
    case = api.open_case(user=alice.user, course_key=COURSE_KEY, usage_key=usage_key, title="Kept case",
                         problem="Kept problem.", topics=["apprenticeships"])
    post = api.answer_case(user=bob.user, course_key=COURSE_KEY, usage_key=usage_key, case_uuid=case.summary.uuid,
                           body="Kept answer.")
    return block, alice, staff, {"case": case.summary.uuid, "post_id": post.id, "title": "T", "problem": "P",
                                 "body": "B"}


@pytest.mark.parametrize("handler", sorted(COUNSELLING_HANDLERS))
def test_counselling_handlers_answer_nasty_values_with_a_4xx(counselling_people, handler):
    block, alice, staff, ids = counselling_people
    for who in (alice, staff):
        for field in COUNSELLING_HANDLERS[handler]:
            for value in NASTY:
                status, body, _r = call_handler(who.runtime, who.block(block), handler, {**ids, field: value})
                assert_answered(status, body, (handler, field, repr(value)[:40]))
    case = api.get_case_page(user=alice.user, course_key=COURSE_KEY, usage_key=str(block.scope_ids.usage_id),
                             case_uuid=ids["case"])
    assert case.case.summary.title == "Kept case" and case.thread.posts[0].body == "Kept answer."


def test_counselling_handlers_refuse_non_members(counselling_people, desk):  # noqa: F811
    block, _alice, _staff, ids = counselling_people
    outsider = person(desk[0], enrolled=False)
    for handler in COUNSELLING_HANDLERS:
        status, body, _r = call_handler(outsider.runtime, outsider.block(block), handler, ids)
        assert status == 403 and body["error"], (handler, status, body)


def test_counselling_handlers_do_not_reach_cases_of_another_block(counselling_people):
    block, alice, _staff, ids = counselling_people
    other_usage = "block-v1:VETNet+CoVP+2025+type@vetnet_counselling+block@elsewhere"
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=other_usage, topics=[])
    elsewhere = api.open_case(user=alice.user, course_key=COURSE_KEY, usage_key=other_usage, title="Elsewhere",
                              problem="Not here.")
    for handler, payload in (("case_html", {"case": elsewhere.summary.uuid}),
                             ("answer", {"case": elsewhere.summary.uuid, "body": "Hi"}),
                             ("accept", {"case": elsewhere.summary.uuid, "post_id": ids["post_id"]}),
                             ("vote", {"case": elsewhere.summary.uuid, "post_id": ids["post_id"]})):
        status, body, _r = call_handler(alice.runtime, alice.block(block), handler, payload)
        assert status == 404, (handler, status, body)


# -- the toolbox -------------------------------------------------------------------

def member_runtime(course_key=COURSE_KEY, *, staff=False):
    user = UserFactory(is_staff=staff)
    enroll(user, course_key)
    attrs = lms_opt_attrs(user_id=user.id, username=user.username, is_staff=staff, role="staff" if staff else "student")
    return user, CourseRuntime(attrs)


@pytest.fixture
def toolbox():
    user, runtime = member_runtime()
    block = runtime.construct(ToolboxBlock)
    resource = deposit(user, in_course(COURSE_KEY))
    collection = api.create_collection(user=user, **in_course(COURSE_KEY), title="Mine", description="",
                                       visibility="course")
    return {"user": user, "runtime": runtime, "block": block, "resource": resource.uuid,
            "collection": collection.uuid}


@pytest.mark.parametrize("handler", sorted(TOOLBOX_POST_HANDLERS))
def test_toolbox_handlers_answer_nasty_values_with_a_4xx(toolbox, handler):
    _staff, staff_runtime = member_runtime(staff=True)
    for runtime in (toolbox["runtime"], staff_runtime):
        block = runtime.construct(ToolboxBlock) if runtime is staff_runtime else toolbox["block"]
        for field in TOOLBOX_POST_HANDLERS[handler]:
            for value in NASTY:
                payload = {"resource": toolbox["resource"], "collection": toolbox["collection"], "rating": 4,
                           "title": "T", "action": "approve", field: value}
                status, body, _r = call_handler(runtime, block, handler, payload)
                assert_answered(status, body, (handler, field, repr(value)[:40]))


@pytest.mark.parametrize("handler", sorted(TOOLBOX_GET_HANDLERS))
def test_toolbox_queries_answer_strange_values_with_a_4xx(toolbox, handler):
    _staff, staff_runtime = member_runtime(staff=True)
    for runtime in (toolbox["runtime"], staff_runtime):
        block = runtime.construct(ToolboxBlock) if runtime is staff_runtime else toolbox["block"]
        for field in TOOLBOX_GET_HANDLERS[handler]:
            for value in QUERY_VALUES:
                status, body = get(runtime, block, handler, {"resource": toolbox["resource"], field: value})
                assert_answered(status, body, (handler, field, value[:40]))


def test_toolbox_handlers_refuse_outsiders_and_members_acting_as_staff(toolbox):
    outsider = UserFactory()
    runtime = CourseRuntime(lms_opt_attrs(user_id=outsider.id, username=outsider.username))
    block = runtime.construct(ToolboxBlock)
    for handler in TOOLBOX_POST_HANDLERS:
        status, body, _r = call_handler(runtime, block, handler,
                                        {"resource": toolbox["resource"], "title": "T", "action": "approve"})
        assert status == 403 and body["error"], (handler, status, body)
    for handler in TOOLBOX_GET_HANDLERS:
        status, body = get(runtime, block, handler, {"resource": toolbox["resource"]})
        assert status == 403 and body["error"], (handler, status, body)
    _author, member_rt = member_runtime()
    member_block = member_rt.construct(ToolboxBlock)
    status, _body, _r = call_handler(member_rt, member_block, "moderate",
                                     {"resource": toolbox["resource"], "action": "hide", "reason": "x"})
    assert status == 403
    assert get(member_rt, member_block, "moderation_queue", {})[0] == 403
    assert api.get_resource(user=toolbox["user"], **in_course(COURSE_KEY),
                            resource_uuid=toolbox["resource"]).status == "published"


def test_toolbox_handlers_do_not_reach_resources_kept_in_another_course(toolbox):
    bob = UserFactory()
    enroll(bob, OTHER_COURSE_KEY)
    enroll(toolbox["user"], OTHER_COURSE_KEY)
    kept = deposit(bob, in_course(OTHER_COURSE_KEY, scope="course"), title="Kept at home")
    runtime, block = toolbox["runtime"], toolbox["block"]
    for handler in ("resource", "details_html"):
        status, body = get(runtime, block, handler, {"resource": kept.uuid})
        assert status in (403, 404) and "Kept at home" not in json.dumps(body), handler
    for handler, payload in (("review", {"resource": kept.uuid, "rating": 5}), ("adopt", {"resource": kept.uuid}),
                             ("withdraw", {"resource": kept.uuid}),
                             ("collect", {"resource": kept.uuid, "collection": toolbox["collection"]})):
        status, body, _r = call_handler(runtime, block, handler, payload)
        assert status in (403, 404), (handler, status, body)
    assert api.get_resource(user=bob, **in_course(OTHER_COURSE_KEY, scope="course"),
                            resource_uuid=kept.uuid).status == "published"


# -- Studio ------------------------------------------------------------------------

@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_studio_submit_answers_nasty_values_with_a_400_and_keeps_what_was_saved(block_type):
    runtime = CourseRuntime(TRAINER)
    block = add_block(runtime, block_type, f'<{block_type} display_name="Before" title="Old title"/>')
    names = [spec.name for spec in block.studio_fields]
    for name in names:
        for value in NASTY:
            status, body, _r = call_handler(runtime, reload(runtime, block), "studio_submit", {name: value})
            assert_answered(status, body, (block_type, name, repr(value)[:40]))
    for body in ("[1]", "{broken", "null"):
        status, data, _r = call_handler(runtime, reload(runtime, block), "studio_submit", body=body)
        assert status == 400 and data["error"]
    learner = runtime.as_user(lms_opt_attrs(user_id=77, username="learner"))
    status, data, _r = call_handler(learner, learner.get_block(block.scope_ids.usage_id), "studio_submit",
                                    {"title": "Taken over"})
    assert status == 403 and data["error"]
    assert reload(runtime, block).title != "Taken over"


# -- the five families of hostile input, at every handler ------------------------------

HOSTILE_BODIES = {
    "number beyond a float": '{"rating": 1e400, "post_id": 1, "body": "Hi"}',
    "NaN": '{"rating": NaN, "plausibility": NaN}',
    "Infinity": '{"desirability": Infinity, "vote": -Infinity}',
    "integer beyond 64 bits": '{"post_id": 123456789012345678901234567890}',
    "lone surrogate": '{"body": "\\ud800", "title": "\\udfff", "reason": "\\ud800", "text": "\\ud800"}',
    "lone surrogate in a key": '{"\\ud800": "value"}',
    "nested thousands of levels": '{"drivers": ' + "[" * 5000 + "]" * 5000 + "}",
    "a string": '"just a string"',
    "a number": "42",
    "null": "null",
    "a list": "[1, 2]",
}
HOSTILE_QUERIES = {
    "a name given twice": "resource={resource}&page=1&page=2",
    "a value that is not UTF-8": "resource={resource}&search=%ED%A0%80",
    "a name that is not UTF-8": "resource={resource}&%ff=1",
}


def assert_refused_with_a_message(status, body, where):
    assert status == 400, (where, status, body)
    assert body and body.get("error"), (where, body)


@pytest.mark.parametrize("family", sorted(HOSTILE_BODIES))
def test_every_scenario_handler_refuses_hostile_json_with_a_400(forum_people, family):
    block, alice, staff, _ids = forum_people
    for who in (alice, staff):
        for handler in SCENARIO_HANDLERS:
            status, body, _r = call_handler(who.runtime, who.block(block), handler, body=HOSTILE_BODIES[family])
            assert_refused_with_a_message(status, body, (handler, family))


@pytest.mark.parametrize("family", sorted(HOSTILE_BODIES))
def test_every_toolbox_handler_refuses_hostile_json_with_a_400(toolbox, family):
    for handler in TOOLBOX_POST_HANDLERS:
        status, body, _r = call_handler(toolbox["runtime"], toolbox["block"], handler, body=HOSTILE_BODIES[family])
        assert_refused_with_a_message(status, body, (handler, family))


@pytest.mark.parametrize("family", sorted(HOSTILE_QUERIES))
def test_every_toolbox_query_refuses_a_hostile_query_string_with_a_400(toolbox, family):
    query = HOSTILE_QUERIES[family].format(resource=toolbox["resource"])
    for handler in TOOLBOX_GET_HANDLERS:
        response = toolbox["runtime"].handle(toolbox["block"], handler, webob.Request.blank(f"/?{query}"))
        assert_refused_with_a_message(response.status_code, response.json, (handler, family))


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_studio_submit_of_every_block_refuses_hostile_json_and_keeps_what_was_saved(block_type):
    runtime = CourseRuntime(TRAINER)
    block = add_block(runtime, block_type, f'<{block_type} display_name="Before" title="Old title"/>')
    for family, hostile in HOSTILE_BODIES.items():
        status, body, _r = call_handler(runtime, reload(runtime, block), "studio_submit", body=hostile)
        assert_refused_with_a_message(status, body, (block_type, family))
    assert reload(runtime, block).display_name == "Before"


# -- the best-practice block -------------------------------------------------------------

BEST_PRACTICE_POST_HANDLERS = {
    "save_draft": ["title", "sections", "version"],
    "submit_practice": ["version"],
    "withdraw_practice": [],
    "request_review": [],
    "submit_review": ["review_uuid", "scores", "feedback", "overall_feedback"],
    "calibrate": ["scores"],
    "self_assess": ["scores", "feedback", "overall_feedback"],
    "override_grade": ["practice_uuid", "score", "reason"],
    "reassign_review": ["review_uuid", "to_user_id", "to_username"],
    "approve_for_repository": ["practice_uuid", "approved"],
}
BEST_PRACTICE_GET_HANDLERS = {
    "learner_state": [],
    "staff_table": ["state", "search", "page"],
    "staff_table_html": ["state", "search", "page"],
    "staff_reviews": ["practice_uuid"],
    "staff_reviews_html": ["practice_uuid"],
}
BEST_PRACTICE_STAFF_HANDLERS = ("staff_table", "staff_table_html", "staff_reviews", "staff_reviews_html",
                                "override_grade", "reassign_review", "approve_for_repository")
BEST_PRACTICE_OLX = ('<vetnet_best_practice title="Labour-market-driven VET" reviews_required="1" reviews_to_give="1"'
                     ' self_assessment="true"/>')


@pytest.fixture
def best_practice():
    runtime = CourseRuntime(lms_opt_attrs(user_id=999999, is_staff=True, role="staff"))
    block = add_block(runtime, "vetnet_best_practice", BEST_PRACTICE_OLX)
    runtime.get_block(block.scope_ids.usage_id).student_view()
    ana, ben, staff = person(runtime), person(runtime), person(runtime, staff=True)
    for who in (ana, ben):
        saved = call_handler(who.runtime, who.block(block), "save_draft", {
            "version": 0, "title": "Kept", "sections": {s["key"]: "Kept text." for s in DEFAULT_SECTIONS}})[1]
        assert call_handler(who.runtime, who.block(block), "submit_practice", {"version": saved["version"]})[0] == 200
    lease = call_handler(ben.runtime, ben.block(block), "request_review", {})[1]["lease"]
    return block, ana, ben, staff, {"review_uuid": lease["uuid"], "practice_uuid": lease["practice"]["uuid"]}


@pytest.mark.parametrize("handler", sorted(BEST_PRACTICE_POST_HANDLERS))
def test_best_practice_handlers_answer_nasty_values_with_a_4xx(best_practice, handler):
    block, ana, _ben, staff, ids = best_practice
    for who in (ana, staff):
        for field in BEST_PRACTICE_POST_HANDLERS[handler] or ["unused"]:
            for value in NASTY:
                status, body, _r = call_handler(who.runtime, who.block(block), handler, {**ids, field: value})
                assert_answered(status, body, (handler, field, repr(value)[:40]))
    texts = api.get_learner_view(user=ana.user, course_key=COURSE_KEY, usage_key=str(block.scope_ids.usage_id))
    assert texts.practice.title == "Kept"


@pytest.mark.parametrize("handler", sorted(BEST_PRACTICE_GET_HANDLERS))
def test_best_practice_queries_answer_strange_values_with_a_4xx(best_practice, handler):
    block, ana, _ben, staff, ids = best_practice
    for who in (ana, staff):
        for field in BEST_PRACTICE_GET_HANDLERS[handler] or ["unused"]:
            for value in QUERY_VALUES:
                status, body = get(who.runtime, who.block(block), handler, {**ids, field: value})
                assert_answered(status, body, (handler, field, value[:40]))


def test_best_practice_staff_handlers_refuse_learners_and_outsiders(best_practice):
    block, ana, ben, _staff, ids = best_practice
    outsider = person(ana.runtime, enrolled=False)
    for handler in BEST_PRACTICE_STAFF_HANDLERS:
        for who in (ana, outsider):
            if handler in BEST_PRACTICE_GET_HANDLERS:
                status, body = get(who.runtime, who.block(block), handler, ids)
            else:
                status, body, _r = call_handler(who.runtime, who.block(block), handler,
                                                {**ids, "score": 1, "reason": "Mine", "to_username": "x"})
            assert status == 403 and body["error"], (handler, status, body)
    view = api.get_learner_view(user=ben.user, course_key=COURSE_KEY, usage_key=str(block.scope_ids.usage_id))
    assert view.lease is not None and view.lease.uuid == ids["review_uuid"]  # the lease stayed with Ben


@pytest.mark.parametrize("family", sorted(HOSTILE_BODIES))
def test_every_best_practice_handler_refuses_hostile_json_with_a_400(best_practice, family):
    block, ana, _ben, staff, _ids = best_practice
    for who in (ana, staff):
        for handler in BEST_PRACTICE_POST_HANDLERS:
            status, body, _r = call_handler(who.runtime, who.block(block), handler, body=HOSTILE_BODIES[family])
            assert_refused_with_a_message(status, body, (handler, family))


@pytest.mark.parametrize("family", sorted(HOSTILE_QUERIES))
def test_every_best_practice_query_refuses_a_hostile_query_string_with_a_400(best_practice, family):
    block, _ana, _ben, staff, _ids = best_practice
    query = HOSTILE_QUERIES[family].format(resource="x")
    for handler in BEST_PRACTICE_GET_HANDLERS:
        response = staff.runtime.handle(staff.block(block), handler, webob.Request.blank(f"/?{query}"))
        assert_refused_with_a_message(response.status_code, response.json, (handler, family))
@pytest.mark.parametrize("family", sorted(HOSTILE_BODIES))
def test_every_counselling_handler_refuses_hostile_json_with_a_400(counselling_people, family):
    block, alice, _staff, _ids = counselling_people
    for handler in COUNSELLING_HANDLERS:
        status, body, _r = call_handler(alice.runtime, alice.block(block), handler, body=HOSTILE_BODIES[family])


# -- the workspaces ------------------------------------------------------------------

WORKSPACE_POST_HANDLERS = {
    "create_workspace": ["theme", "title", "goal"],
    "join": ["workspace"],
    "leave": ["workspace"],
    "approve": ["workspace", "user_id"],
    "set_state": ["workspace", "state"],
    "set_visibility": ["workspace", "community_readable"],
    "set_notices": ["workspace", "enabled"],
    "save_document": ["workspace", "base_revision", "text", "base_text"],
    "create_task": ["workspace", "title", "assignee_id", "due"],
    "update_task": ["workspace", "task", "state"],
    "publish_outcome": ["workspace", "licence", "description"],
}
WORKSPACE_GET_HANDLERS = {
    "document": ["workspace"],
    "latest_revision": ["workspace"],
    "compare": ["workspace", "older", "newer"],
    "workspace_html": ["workspace"],
}
WORKSPACE_OLX = ('<vetnet_workspace themes=\'[{"key": "green", "title": "Green skills", "topic": "green_transition", '
                 '"sector": "construction", "max_size": 4, "join_rule": "open", "members_create": true}]\'/>')


@pytest.fixture
def workspaces():
    user, runtime = member_runtime()
    block = add_block(runtime, "vetnet_workspace", WORKSPACE_OLX)
    status, opened, _r = call_handler(runtime, block, "create_workspace", {"theme": "green", "title": "Retrofit"})
    assert status == 200
    uuid = opened["uuid"]
    call_handler(runtime, block, "save_document", {"workspace": uuid, "base_revision": 0, "text": "Unit 1\n"})
    status, task, _r = call_handler(runtime, block, "create_task", {"workspace": uuid, "title": "Interview"})
    return {"user": user, "runtime": runtime, "block": block, "workspace": uuid, "task": task["uuid"]}


def _workspace_payload(workspaces, field, value):
    return {"workspace": workspaces["workspace"], "task": workspaces["task"], "theme": "green", "title": "T",
            "base_revision": 1, "text": "Unit 1\n", "state": "doing", "user_id": workspaces["user"].id,
            "community_readable": True, "enabled": False, "licence": "cc-by", field: value}


@pytest.mark.parametrize("handler", sorted(WORKSPACE_POST_HANDLERS))
def test_workspace_handlers_answer_nasty_values_with_a_4xx(workspaces, handler):
    for field in WORKSPACE_POST_HANDLERS[handler]:
        for value in NASTY:
            status, body, _r = call_handler(workspaces["runtime"], workspaces["block"], handler,
                                            _workspace_payload(workspaces, field, value))
            assert_answered(status, body, (handler, field, repr(value)[:40]))
    assert "Unit 1" in api.get_document(user=workspaces["user"], course_key=COURSE_KEY,
                                        workspace_uuid=workspaces["workspace"]).text


@pytest.mark.parametrize("handler", sorted(WORKSPACE_GET_HANDLERS))
def test_workspace_queries_answer_strange_values_with_a_4xx(workspaces, handler):
    for field in WORKSPACE_GET_HANDLERS[handler]:
        for value in QUERY_VALUES:
            query = {"workspace": workspaces["workspace"], "older": "0", "newer": "1", field: value}
            status, body = get(workspaces["runtime"], workspaces["block"], handler, query)
            assert_answered(status, body, (handler, field, value[:40]))


def test_workspace_handlers_refuse_people_outside_the_course_community(workspaces):
    outsider = UserFactory()
    runtime = workspaces["runtime"].as_user(lms_opt_attrs(user_id=outsider.id, username=outsider.username))
    block = runtime.get_block(workspaces["block"].scope_ids.usage_id)
    for handler in WORKSPACE_POST_HANDLERS:
        status, body, _r = call_handler(runtime, block, handler, _workspace_payload(workspaces, "x", 1))
        assert status == 403 and body["error"], (handler, status, body)
    for handler in WORKSPACE_GET_HANDLERS:
        status, body = get(runtime, block, handler, {"workspace": workspaces["workspace"], "older": 0, "newer": 1})
        assert status == 403 and body["error"], (handler, status, body)


def test_workspace_handlers_do_not_reach_a_workspace_of_another_course(workspaces):
    enroll(workspaces["user"], OTHER_COURSE_KEY)
    runtime = CourseRuntime(lms_opt_attrs(user_id=workspaces["user"].id, username=workspaces["user"].username),
                            course_key=OTHER_COURSE_KEY)
    block = add_block(runtime, "vetnet_workspace", WORKSPACE_OLX)
    for handler in ("save_document", "create_task", "join", "set_state"):
        status, body, _r = call_handler(runtime, block, handler, _workspace_payload(workspaces, "x", 1))
        assert status == 404 and body["error"], (handler, status, body)
    status, body = get(runtime, block, "document", {"workspace": workspaces["workspace"]})
    assert status == 404 and "Unit 1" not in json.dumps(body)


@pytest.mark.parametrize("family", sorted(HOSTILE_BODIES))
def test_every_workspace_handler_refuses_hostile_json_with_a_400(workspaces, family):
    for handler in WORKSPACE_POST_HANDLERS:
        status, body, _r = call_handler(workspaces["runtime"], workspaces["block"], handler,
                                        body=HOSTILE_BODIES[family])
        assert_refused_with_a_message(status, body, (handler, family))
