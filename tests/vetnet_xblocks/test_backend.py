"""
The blocks reach community data through ``vetnet_xblocks.backend``: one typed adapter per feature.

Each adapter is built once per view or handler call from the block's user and
course, offers a named method per call a block makes, and turns the block's
user into the Django user once for the whole call.
"""
import inspect

import pytest
import webob
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory, enroll
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied
from vetnet_xblocks import backend
from vetnet_xblocks.backend import (
    ActingUser,
    MembersBackend,
    ScenarioForumBackend,
    ToolboxBackend,
)
from vetnet_xblocks.mixins import ANONYMOUS, BlockUser
from vetnet_xblocks.toolbox.block import ToolboxBlock

from .runtime import COURSE_KEY, CourseRuntime, add_block, call_handler, lms_opt_attrs
from .scenarios_helpers import FORUM_OLX, person


@pytest.fixture
def member():
    user = get_user_model().objects.create_user(username="eleni", password="-")
    api.record_enrollment(user_id=user.id, course_key=COURSE_KEY, mode="audit")
    return BlockUser(user_id=user.id, username=user.username)


def user_lookups(queries) -> int:
    """How many queries looked the acting user up (``auth_user`` by primary key), on SQLite or MariaDB."""
    return sum(1 for query in queries
               if query["sql"].replace('"', "").replace("`", "").startswith("SELECT")
               and "FROM auth_user WHERE" in query["sql"].replace('"', "").replace("`", ""))


# -- members ------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_enrolled_learner_is_a_community_member(member):
    members = MembersBackend(user=member, course_key=COURSE_KEY)
    assert members.is_community_member()
    assert members.member_profile().username == "eleni"


@pytest.mark.django_db
def test_an_unenrolled_learner_is_not_a_member_and_is_refused_with_the_given_message(member):
    api.record_unenrollment(user_id=member.user_id, course_key=COURSE_KEY)

    members = MembersBackend(user=member, course_key=COURSE_KEY)
    assert not members.is_community_member()
    with pytest.raises(AccessDenied, match="Enrol in the course first."):
        members.require_community_member(message="Enrol in the course first.")


@pytest.mark.django_db
def test_course_staff_take_part_without_an_enrollment():
    staff = BlockUser(user_id=99, username="trainer", is_staff=True, role="staff")

    assert MembersBackend(user=staff, course_key=COURSE_KEY).is_community_member()


def test_anonymous_users_and_blocks_without_a_course_are_outside_every_community():
    assert not MembersBackend(user=ANONYMOUS, course_key=COURSE_KEY).is_community_member()
    assert not MembersBackend(user=BlockUser(user_id=1, is_staff=True), course_key="").is_community_member()
    assert MembersBackend(user=ANONYMOUS, course_key=COURSE_KEY).member_profile() is None


# -- named methods, no dispatch by name ---------------------------------------------------


def test_the_adapters_offer_named_typed_methods_and_nothing_looks_a_function_up_by_name():
    assert not hasattr(backend, "forum_call") and not hasattr(backend, "toolbox_call")
    for adapter in (MembersBackend, ScenarioForumBackend, ToolboxBackend):
        assert "__getattr__" not in vars(adapter), adapter
    forum = {name for name, _f in inspect.getmembers(ScenarioForumBackend, inspect.isfunction)
             if not name.startswith("_")}
    assert {"list_scenarios", "get_scenario", "propose_scenario", "moderate_scenario", "delphi_results",
            "rate_scenario", "open_rating_round", "close_rating_round", "list_rationales", "get_thread",
            "create_post", "edit_post", "list_post_revisions", "vote_post", "flag_post", "moderate_post",
            "list_flagged_posts", "follow_thread", "unfollow_thread", "contribute_translation",
            "machine_translate", "can_read_policy_brief", "is_moderator", "progress", "configure"} <= forum
    toolbox = {name for name, _f in inspect.getmembers(ToolboxBackend, inspect.isfunction)
               if not name.startswith("_")}
    assert {"list_resources", "get_resource", "list_reviews", "list_adoptions", "deposit_resource",
            "add_resource_version", "open_resource_download", "withdraw_resource", "review_resource",
            "adopt_resource", "report_adoption_outcome", "list_collections", "create_collection",
            "add_to_collection", "remove_from_collection", "list_moderation_queue", "approve_resource",
            "reject_resource", "hide_resource", "upload_limit"} <= toolbox
    for name in forum | toolbox:
        method = getattr(ScenarioForumBackend, name, None) or getattr(ToolboxBackend, name)
        parameters = list(inspect.signature(method).parameters.values())[1:]
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters), name


# -- one user resolution per request --------------------------------------------------------


@pytest.mark.django_db
def test_the_acting_user_is_looked_up_once_and_kept_for_the_call(member, django_assert_num_queries):
    acting = ActingUser(member)
    with django_assert_num_queries(1):
        first = acting.django_user("Sign in.")
        assert acting.django_user("Sign in.") is first
    with django_assert_num_queries(0), pytest.raises(AccessDenied, match="Sign in to take part in the forum."):
        ScenarioForumBackend(user=ANONYMOUS, course_key=COURSE_KEY, usage_key="u").list_scenarios()


@pytest.mark.django_db
def test_an_adapter_resolves_its_user_once_for_all_its_calls_and_a_new_request_again(member):
    forum = ScenarioForumBackend(user=member, course_key=COURSE_KEY, usage_key="block-v1:VETNet+CoVP+2025+type@x+block@y")
    forum.configure(title="F", strategic_question="", horizon_year=2035, drivers=(), policy_choices=(), seeds=(),
                    allow_proposals=True, pre_moderate=True, max_rounds=2)
    with CaptureQueriesContext(connection) as first_request:
        forum.list_scenarios()
        forum.delphi_results()
        forum.is_moderator()
        forum.can_read_policy_brief()
    assert user_lookups(first_request.captured_queries) == 1
    with CaptureQueriesContext(connection) as next_request:
        ScenarioForumBackend(user=member, course_key=COURSE_KEY, usage_key=forum.usage_key).list_scenarios()
    assert user_lookups(next_request.captured_queries) == 1, "a new request does not trust an earlier lookup"


@pytest.mark.django_db
def test_a_whole_forum_page_looks_the_member_up_once():
    runtime = CourseRuntime(lms_opt_attrs(user_id=999999, is_staff=True, role="staff"))
    block = add_block(runtime, "vetnet_scenarios", FORUM_OLX)
    alice = person(runtime)
    call_handler(alice.runtime, alice.block(block), "forum_html", {})
    with CaptureQueriesContext(connection) as page:
        status, _body, _response = call_handler(alice.runtime, alice.block(block), "forum_html", {})
    assert status == 200
    # Two scenarios, each with its thread, the results, the moderator check: still one lookup.
    assert user_lookups(page.captured_queries) == 1
    with CaptureQueriesContext(connection) as view:
        alice.block(block).student_view()
    assert user_lookups(view.captured_queries) == 1


@pytest.mark.django_db
def test_a_toolbox_handler_that_makes_three_calls_looks_the_member_up_once(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    user = UserFactory()
    enroll(user, COURSE_KEY)
    runtime = CourseRuntime(lms_opt_attrs(user_id=user.id, username=user.username))
    block = runtime.construct(ToolboxBlock)
    resource = block.toolbox_backend().deposit_resource(
        metadata={"title": "Guide", "resource_type": "document", "licence": "cc-by"},
        link_url="https://example.org/guide",
    )
    request = webob.Request.blank(f"/?resource={resource.uuid}", method="GET")
    with CaptureQueriesContext(connection) as handler:
        # The resource, its reviews and its adoptions: three calls of one adapter.
        response = runtime.handle(block, "resource", request)
    assert response.status_code == 200, response.body
    assert user_lookups(handler.captured_queries) == 1
