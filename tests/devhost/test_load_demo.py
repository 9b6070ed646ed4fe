"""load_demo prepares the demo community, and can run again and again."""
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from openedx_events.learning.signals import COURSE_ENROLLMENT_CREATED

from devhost import demo, olx
from devhost.models import Course, CourseAccessRole, Enrollment
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied

pytestmark = pytest.mark.django_db

COURSE_KEY = "course-v1:VETNet+CoVP+2026"
FORUM_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_scenarios+block@communication_scenarios_forum"
COUNSELLING_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_counselling+block@communication_peer_counselling"
# The Sharing unit's toolbox, as its block calls the toolbox API.
TOOLBOX = {"course_key": COURSE_KEY, "context": api.ToolboxContext(
    usage_key="block-v1:VETNet+CoVP+2026+type@vetnet_toolbox+block@sharing_toolbox", scope="both", moderation="open",
)}


def _run():
    out = StringIO()
    call_command("load_demo", "--url", "http://127.0.0.1:8123/", stdout=out)
    return out.getvalue()


def test_demo_prints_the_url_and_every_account_with_its_password():
    output = _run()

    assert "http://127.0.0.1:8123/" in output
    assert "Community of VET Practices (course-v1:VETNet+CoVP+2026)" in output
    for account in demo.ACCOUNTS:
        assert f"{account.username}" in output
    assert f"password: {demo.DEMO_PASSWORD}" in output


def test_demo_accounts_cover_the_partner_countries_a_trainer_and_a_policy_maker():
    _run()

    profiles = {
        account.username: api.get_member_profile(
            user_id=get_user_model().objects.get(username=account.username).id
        )
        for account in demo.ACCOUNTS
    }
    assert {"IT", "GR", "ES", "BE"} <= {profile.country for profile in profiles.values()}
    assert any(profile.organisation_type == "policy_maker" for profile in profiles.values())
    trainer = get_user_model().objects.get(username="trainer")
    assert trainer.is_staff
    assert CourseAccessRole.objects.filter(user=trainer, course_key=COURSE_KEY, role="instructor").exists()
    for username, profile in profiles.items():
        assert profile.organisation and profile.languages and profile.topics, username
        assert api.is_active_member(user_id=profile.user_id, course_key=COURSE_KEY), username


def test_running_the_demo_twice_changes_nothing_and_sends_no_second_enrollment():
    created = []

    def receiver(**kwargs):
        created.append(kwargs["enrollment"].user.id)

    COURSE_ENROLLMENT_CREATED.connect(receiver)
    try:
        _run()
        _run()
    finally:
        COURSE_ENROLLMENT_CREATED.disconnect(receiver)

    # Every account is enrolled once in every course template.
    assert Course.objects.count() == len(olx.available_templates()) == 2
    assert len(created) == len(demo.ACCOUNTS) * Course.objects.count()
    assert get_user_model().objects.count() == len(demo.ACCOUNTS)
    assert Enrollment.objects.filter(course_key=COURSE_KEY, is_active=True).count() == len(demo.ACCOUNTS)
    assert get_user_model().objects.get(username="marco").check_password(demo.DEMO_PASSWORD)


def _user(username):
    return get_user_model().objects.get(username=username)


def _forum(username):
    user = _user(username)
    where = {"user": user, "course_key": COURSE_KEY, "usage_key": FORUM_KEY}
    return api.list_scenarios(**where), api.get_delphi_results(**where)


def test_the_forum_shows_round_one_closed_with_its_chart_and_round_two_open(client):
    output = _run()

    assert "Scenario forum: round 1 closed, round 2 open" in output
    scenarios, results = _forum("eleni")
    assert [(r.number, r.is_open) for r in results.rounds] == [(1, False), (2, True)]
    seeds = [s for s in scenarios if s.is_seed]
    assert len(seeds) == 4
    for convergence in results.convergence:
        (aggregate,) = convergence.aggregates
        assert aggregate.round_number == 1 and aggregate.raters >= 4 and not aggregate.withheld
    rationales = api.list_rationales(user=_user("eleni"), course_key=COURSE_KEY, usage_key=FORUM_KEY,
                                     scenario_uuid=seeds[0].uuid, round_number=1)
    assert len(rationales) >= 2
    client.force_login(_user("eleni"))
    page = client.get(f"/courses/{COURSE_KEY}/units/communication_scenarios/").content.decode()
    assert "Scenarios by plausibility and desirability" in page


def test_the_forum_has_discussions_in_several_languages_a_translation_and_a_proposal_to_moderate():
    _run()

    scenarios, _results = _forum("marco")
    threads = [api.get_thread(user=_user("marco"), course_key=COURSE_KEY, thread_id=s.thread_id) for s in scenarios]
    posts = [post for thread in threads for post in thread.posts]
    replies = [reply for post in posts for reply in post.replies]
    assert replies
    assert {"it", "el", "ca", "fr"} <= {post.language for post in posts + replies}
    assert any(post.translations for post in posts)
    staff_view, _results = _forum("trainer")
    pending = [s for s in staff_view if s.status == "pending"]
    assert len(pending) == 1 and not pending[0].is_seed
    assert api.count_pending_proposals(course_key=COURSE_KEY, usage_key=FORUM_KEY) == 1
    assert pending[0].uuid not in {s.uuid for s in scenarios}


def test_peer_counselling_has_cases_in_several_languages_some_solved():
    output = _run()

    assert "Peer counselling: 4 cases, 2 solved" in output
    where = {"user": _user("anna"), "course_key": COURSE_KEY, "usage_key": COUNSELLING_KEY}
    cases = api.list_cases(**where).items
    assert {"it", "el", "ca", "en"} <= {case.language for case in cases}
    assert cases[0].answer_count == 0 and cases[-1].status == "solved"
    solved = api.get_case_page(**where, case_uuid=cases[-1].uuid)
    assert solved.case.accepted_answer_ids == (solved.thread.posts[0].id,)
    assert [t.code for t in api.get_counselling_desk(course_key=COURSE_KEY, usage_key=COUNSELLING_KEY).topics][:2] == [
        "apprenticeships", "digital-skills"]


def test_the_toolbox_lists_published_resources_to_members_and_the_pending_one_to_the_trainer():
    output = _run()

    assert "Toolbox: 7 published resources (2 files)" in output
    marco, trainer = _user("marco"), _user("trainer")
    published = api.list_resources(user=marco, **TOOLBOX, page_size=100).items
    assert len(published) == 7
    assert len({resource.author_id for resource in published}) >= 5
    assert sum(1 for resource in published if not resource.current_version.is_link) == 2
    for resource in published:
        assert resource.status == "published"
        assert resource.resource_type and resource.country and resource.languages and resource.licence
        assert resource.target_group and resource.tags
    assert sum(resource.rating_count for resource in published) >= 2
    assert any(resource.adoption_count for resource in published)
    queue = api.list_moderation_queue(user=trainer, **TOOLBOX).items
    assert len(queue) == 1 and queue[0].uuid not in {resource.uuid for resource in published}
    with pytest.raises(AccessDenied):
        api.list_moderation_queue(user=marco, **TOOLBOX)
    adopted = next(resource for resource in published if resource.adoption_count)
    adoptions = api.list_adoptions(user=_user("eleni"), **TOOLBOX, resource_uuid=adopted.uuid)
    assert adoptions["outcomes"] == {"success": 1}
    assert adoptions["reports"][0].outcome_report
    collections = api.list_collections(user=marco, **TOOLBOX)
    assert len(collections) == 1


def _content_counts():
    trainer = _user("trainer")
    scenarios, results = _forum("trainer")
    thread_ids = [s.thread_id for s in scenarios]
    resources = api.list_resources(user=trainer, **TOOLBOX, page_size=100)
    return {
        "scenarios": len(scenarios),
        "rounds": len(results.rounds),
        "raters": results.current_raters,
        "posts": sum(api.post_counts(thread_ids=thread_ids).values()),
        "resources": resources.count,
        "queue": api.list_moderation_queue(user=trainer, **TOOLBOX).count,
        "reviews": sum(r.rating_count for r in resources.items),
        "collections": len(api.list_collections(user=trainer, **TOOLBOX)),
        "cases": api.list_cases(user=trainer, course_key=COURSE_KEY, usage_key=COUNSELLING_KEY).count,
    }


# Committed rows, as in a real run: the demo finds its toolbox content through the search,
# and MariaDB's FULLTEXT index sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_running_the_demo_twice_adds_no_content():
    first_output = _run()
    first = _content_counts()
    second_output = _run()

    assert _content_counts() == first
    assert first["rounds"] == 2 and first["resources"] == 8 and first["cases"] == 4
    assert first_output == second_output


WORKSPACES_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_workspace+block@collaboration_workspace"


def test_the_collaboration_unit_has_themes_on_vet_topics_and_an_active_workspace_with_work_in_it(client):
    output = _run()
    _run()

    assert "Workspaces: “Renovation module for small building firms” (active, 3 members)" in output
    themes = api.list_themes(user=_user("claire"), course_key=COURSE_KEY, usage_key=WORKSPACES_KEY)
    assert [(t.theme.topic, t.theme.sector, t.theme.join_rule) for t in themes] == [
        ("green_transition", "construction", "open"), ("digital_transition", "automotive", "request"),
        ("work_based_learning", "hospitality", "invitation")]
    [workspace] = themes[0].workspaces
    assert workspace.state == "active" and {m.country for m in workspace.members} == {"IT", "GR", "ES"}
    document = api.get_document(user=_user("eleni"), course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert document.revision == 2 and "Heat pumps in small renovations" in document.text
    assert len(api.list_tasks(user=_user("eleni"), course_key=COURSE_KEY, workspace_uuid=workspace.uuid)) == 2
    with pytest.raises(AccessDenied):
        api.get_document(user=_user("claire"), course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    client.force_login(_user("jordi"))
    page = client.get(f"/courses/{COURSE_KEY}/units/collaboration_workspaces/").content.decode()
    assert "Renovation module for small building firms" in page and "Draft unit 2 on heat pumps" in page
