"""The peer counselling block: its page, its handlers, its Studio topics and OLX."""
import re

import pytest
from lxml import etree

from vetnet_plugin import api

from .counselling_helpers import desk  # noqa: F401 (fixture)
from .runtime import COURSE_KEY, TRAINER, CourseRuntime, add_block, call_handler, reload
from .scenarios_helpers import person

pytestmark = pytest.mark.django_db


def act(who, block, name, payload=None):
    return call_handler(who.runtime, who.block(block), name, payload if payload is not None else {})


def html_of(fragment) -> str:
    return fragment.body_html()


INTAKE = {"title": "Workshops refuse apprentices", "problem": "Carpentry workshops say apprentices cost too much.",
          "already_tried": "Phoning the chamber.", "outcome_wanted": "Five placements.", "sector": "wood_furniture",
          "country": "IT", "organisation_type": "vet_provider", "topics": ["apprenticeships"], "language": "en"}


@pytest.fixture
def people(desk):  # noqa: F811
    runtime, block = desk
    return block, [person(runtime) for _ in range(3)], person(runtime, staff=True)


def test_the_page_shows_the_intake_and_the_queue_to_members_only(people, desk):  # noqa: F811
    block, (alice, _bob, _carol), _staff = people
    page = html_of(alice.block(block).student_view())
    assert "Ask for help: open a case" in page and "Finding companies for apprenticeships" in page
    assert "VetnetCounselling" in alice.block(block).student_view().js_init_fn
    outsider = person(desk[0], enrolled=False)
    shut = outsider.block(block).student_view()
    assert "Enroll in the course" in html_of(shut) and "open a case" not in html_of(shut)
    assert not shut.js_init_fn


@pytest.mark.django_db(transaction=True)  # MariaDB's FULLTEXT index reads committed rows
def test_the_counselling_cycle_through_the_handlers(people):
    block, (alice, bob, carol), _staff = people
    status, body, _r = act(alice, block, "open_case", INTAKE)
    assert status == 200, body
    case_uuid = body["case"]
    queue = act(bob, block, "queue_html", {"state": "unanswered"})[1]["html"]
    assert "Workshops refuse apprentices" in queue and "No answer yet" in queue
    similar = act(carol, block, "similar", {"text": "our carpentry workshops and apprentices", "topics": []})[1]
    assert similar["count"] == 1 and "Workshops refuse apprentices" in similar["html"]
    status, body, _r = act(bob, block, "answer", {"case": case_uuid, "body": "Share an apprentice among firms."})
    assert status == 200, body
    page = act(alice, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Share an apprentice among firms." in page and "Phoning the chamber." in page
    post_id = re.search(r'"post_id": "([0-9a-f-]+)"', page).group(1)
    assert act(carol, block, "vote", {"case": case_uuid, "post_id": post_id})[0] == 200
    assert act(carol, block, "accept", {"case": case_uuid, "post_id": post_id})[0] == 403
    status, body, _r = act(alice, block, "accept", {"case": case_uuid, "post_id": post_id})
    assert status == 200 and body["status"] == "solved"
    status, body, _r = act(alice, block, "answer", {"case": case_uuid, "body": "It worked!", "parent_id": post_id})
    assert status == 200, body
    page = act(carol, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Accepted: this helped" in page and "It worked!" in page and "1 vote" in page
    # Answers and comments are shown as their HTML, never as escaped tags.
    assert "<p>Share an apprentice among firms.</p>" in page and "<p>It worked!</p>" in page
    assert "&lt;p&gt;" not in page
    assert "Solved" in act(carol, block, "queue_html", {"state": "solved"})[1]["html"]


def test_member_text_is_escaped_or_sanitized_on_the_page(people):
    block, (alice, bob, _carol), _staff = people
    intake = dict(INTAKE, title="<img src=x onerror=alert(1)>", problem="<script>alert(2)</script>ok")
    case_uuid = act(alice, block, "open_case", intake)[1]["case"]
    for html in (act(bob, block, "queue_html", {})[1]["html"], act(bob, block, "case_html", {"case": case_uuid})[1]["html"]):
        assert "<img src=x" not in html and "<script>alert(2)" not in html


def test_bad_intake_is_a_400_with_a_message_per_field(people):
    block, (alice, _bob, _carol), _staff = people
    status, body, _r = act(alice, block, "open_case", {"title": "", "problem": "", "topics": ["nope"]})
    assert status == 400 and body["error"] and {"title", "problem", "topics"} <= set(body["errors"])


def test_the_trainer_edits_the_topics_in_studio_and_they_travel_in_olx():
    runtime = CourseRuntime(TRAINER)
    block = add_block(runtime, "vetnet_counselling", '<vetnet_counselling title="Help"/>')
    status, body, _r = call_handler(runtime, block, "studio_submit", {
        "topics_text": "dual-vet | Dual VET with small firms\ngreen | Green skills"})
    assert status == 200, body
    saved = reload(runtime, block)
    assert saved.topics == [{"code": "dual-vet", "label": "Dual VET with small firms"},
                            {"code": "green", "label": "Green skills"}]
    status, body, _r = call_handler(runtime, reload(runtime, block), "studio_submit", {"topics_text": "Bad line"})
    assert status == 400 and "topics_text" in body["errors"]
    assert reload(runtime, block).topics[0]["code"] == "dual-vet"
    node = etree.Element("root")
    saved.add_xml_to_node(node)
    again = add_block(CourseRuntime(TRAINER), "vetnet_counselling", etree.tostring(node).decode().replace(
        "<root", "<vetnet_counselling", 1).replace("</root>", "</vetnet_counselling>"))
    assert again.topics == saved.topics


def test_the_queue_shows_what_the_plugin_keeps(people):
    block, (alice, _bob, _carol), _staff = people
    alice.block(block).student_view()
    usage_key = str(block.scope_ids.usage_id)
    assert [t.code for t in api.get_counselling_desk(course_key=COURSE_KEY, usage_key=usage_key).topics] == [
        "apprenticeships", "eu-funding"]


def test_a_private_case_opened_in_the_block_stays_in_its_circle(people, desk):  # noqa: F811
    block, (alice, bob, carol), staff = people
    authored = reload(*desk)
    authored.allow_private = True
    authored.save()
    assert "private circle" in html_of(alice.block(block).student_view())
    status, body, _r = act(alice, block, "open_case", dict(INTAKE, title="Our secret dismissal", private=True,
                                                           advisers=bob.user.username))
    assert status == 200, body
    case_uuid = body["case"]
    assert "Our secret dismissal" in act(bob, block, "queue_html", {})[1]["html"]
    assert "Our secret dismissal" in act(staff, block, "queue_html", {})[1]["html"]
    assert "Our secret dismissal" not in act(carol, block, "queue_html", {})[1]["html"]
    assert "Our secret dismissal" not in html_of(carol.block(block).student_view())
    for handler, payload in (("case_html", {"case": case_uuid}), ("answer", {"case": case_uuid, "body": "Hi"})):
        status, body, _r = act(carol, block, handler, payload)
        assert status == 404 and "secret" not in str(body), (handler, status, body)
    similar = act(carol, block, "similar", {"text": "secret dismissal carpentry workshops apprentices"})[1]
    assert "Our secret dismissal" not in similar["html"]


def test_the_owner_reports_the_outcome_in_the_block_and_peers_read_it(people):
    block, (alice, bob, _carol), _staff = people
    case_uuid = act(alice, block, "open_case", INTAKE)[1]["case"]
    assert "Report the outcome" in act(alice, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Report the outcome" not in act(bob, block, "case_html", {"case": case_uuid})[1]["html"]
    status, body, _r = act(alice, block, "report_outcome", {"case": case_uuid, "outcome": "partly",
                                                            "note": "Two workshops said yes."})
    assert status == 200, body
    assert act(bob, block, "report_outcome", {"case": case_uuid, "outcome": "solved"})[0] == 403
    page = act(bob, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "What happened: Partly solved" in page and "Two workshops said yes." in page


def test_a_long_queue_says_how_many_cases_at_least(people, monkeypatch):
    from vetnet_plugin.counselling import cases as module  # pylint: disable=import-outside-toplevel

    block, (alice, bob, _carol), _staff = people
    for number in range(3):
        assert act(alice, block, "open_case", dict(INTAKE, title=f"Case {number}"))[0] == 200
    assert "3 cases" in act(bob, block, "queue_html", {})[1]["html"]
    monkeypatch.setattr(module, "QUEUE_COUNT_LIMIT", 2)
    queue = act(bob, block, "queue_html", {})[1]["html"]
    assert "2+ cases" in queue and "3 cases" not in queue


def test_the_trainer_switches_anonymous_cases_and_routing_in_studio():
    runtime = CourseRuntime(TRAINER)
    block = add_block(runtime, "vetnet_counselling", '<vetnet_counselling title="Help"/>')
    assert block.allow_anonymous is False and block.routing_enabled is True
    status, body, _r = call_handler(runtime, block, "studio_submit", {"allow_anonymous_choice": "yes",
                                                                      "routing_choice": "no"})
    assert status == 200, body
    saved = reload(runtime, block)
    assert saved.allow_anonymous is True and saved.routing_enabled is False
    status, body, _r = call_handler(runtime, saved, "studio_submit", {"routing_choice": "maybe"})
    assert status == 400 and "routing_choice" in body["errors"]
    node = etree.Element("root")
    saved.add_xml_to_node(node)
    assert node.get("allow_anonymous") == "true" and node.get("routing_enabled") == "false"


def test_an_anonymous_case_in_the_block_names_nobody_to_peers(people, desk):  # noqa: F811
    block, (alice, bob, carol), staff = people
    assert "Do not show my name" not in html_of(alice.block(block).student_view())
    status, body, _r = act(alice, block, "open_case", dict(INTAKE, anonymous=True))
    assert status == 400 and "anonymous" in body["errors"]
    authored = reload(*desk)
    authored.allow_anonymous = True
    authored.save()
    assert "Do not show my name" in html_of(alice.block(block).student_view())
    assert act(alice, block, "open_case", dict(INTAKE, anonymous="yes"))[0] == 400
    status, body, _r = act(alice, block, "open_case", dict(INTAKE, title="Who asks this?", anonymous=True))
    assert status == 200, body
    case_uuid = body["case"]
    post_id = api.answer_case(user=bob.user, course_key=COURSE_KEY, usage_key=str(block.scope_ids.usage_id),
                              case_uuid=case_uuid, body="Try a shared apprenticeship.").id
    act(alice, block, "answer", {"case": case_uuid, "body": "We tried, thanks.", "parent_id": post_id})
    names = (alice.user.username, alice.user.get_full_name())
    for html in (act(carol, block, "queue_html", {})[1]["html"],
                 act(carol, block, "case_html", {"case": case_uuid})[1]["html"],
                 act(carol, block, "similar", {"text": "carpentry workshops apprentices"})[1]["html"],
                 html_of(carol.block(block).student_view())):
        assert all(name not in html for name in names)
    page = act(carol, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Asked by a member of the community" in page and "The member who asked" in page
    assert alice.user.get_full_name() in act(staff, block, "case_html", {"case": case_uuid})[1]["html"]


def test_a_member_turns_the_routing_notices_off_in_the_block(people):
    block, (alice, _bob, _carol), _staff = people
    assert 'name="enabled" value="1" checked' in html_of(alice.block(block).student_view())
    status, body, _r = act(alice, block, "notices", {"enabled": False})
    assert status == 200 and body["enabled"] is False
    assert 'name="enabled" value="1" checked' not in html_of(alice.block(block).student_view())
    assert act(alice, block, "notices", {"enabled": "off"})[0] == 400


def test_answers_show_their_authors_counselling_reputation(people):
    block, (alice, bob, carol), _staff = people
    case_uuid = act(alice, block, "open_case", INTAKE)[1]["case"]
    act(bob, block, "answer", {"case": case_uuid, "body": "Share an apprentice among firms."})
    page = act(alice, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "accepted answer" not in page
    post_id = re.search(r'"post_id": "([0-9a-f-]+)"', page).group(1)
    act(carol, block, "vote", {"case": case_uuid, "post_id": post_id})
    act(alice, block, "accept", {"case": case_uuid, "post_id": post_id})
    page = act(carol, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "1 accepted answer, 1 up-vote on answers" in page


def test_a_case_clinic_runs_in_the_block(people):
    block, (alice, bob, carol), _staff = people
    case_uuid = act(alice, block, "open_case", INTAKE)[1]["case"]
    page = act(alice, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Start a case clinic" in page
    assert "Start a case clinic" not in act(carol, block, "case_html", {"case": case_uuid})[1]["html"]
    status, body, _r = act(alice, block, "start_clinic", {"case": case_uuid, "facilitator": bob.user.username,
                                                          "minutes": "15"})
    assert status == 200, body
    assert act(alice, block, "start_clinic", {"case": case_uuid, "facilitator": bob.user.username})[0] == 400
    page = act(carol, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Phase: Clarify the problem" in page and "You can read along." in page and "Send the answer" not in page
    assert act(carol, block, "answer", {"case": case_uuid, "body": "Let me in"})[0] == 403
    assert act(carol, block, "advance_clinic", {"case": case_uuid})[0] == 403
    assert "Move on to: Advise" in act(bob, block, "case_html", {"case": case_uuid})[1]["html"]
    for _phase in range(2):
        assert act(bob, block, "advance_clinic", {"case": case_uuid})[0] == 200
    status, body, _r = act(bob, block, "action_plan", {"case": case_uuid, "plan": "<script>x</script>Call firms."})
    assert status == 200, body
    page = act(carol, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Call firms." in page and "<script>x" not in page


def test_a_member_translates_a_case_in_the_block(people):
    block, (alice, bob, carol), _staff = people
    case_uuid = act(alice, block, "open_case", INTAKE)[1]["case"]
    page = act(bob, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Translate this case" in page
    status, body, _r = act(bob, block, "translate_case", {"case": case_uuid, "language": "it",
                                                          "title": "Le botteghe rifiutano apprendisti",
                                                          "problem": "Le falegnamerie dicono che costano troppo."})
    assert status == 200, body
    page = act(carol, block, "case_html", {"case": case_uuid})[1]["html"]
    assert "Le falegnamerie dicono che costano troppo." in page and 'lang="it"' in page
    assert act(bob, block, "translate_case", {"case": case_uuid, "language": "en", "title": "x",
                                              "problem": "y"})[0] == 400


def test_members_read_what_policy_makers_answered_on_the_blocks_topics(people):
    block, (alice, bob, _carol), staff = people
    alice.block(block).student_view()  # the first view hands the block's topics to the plugin
    assert "Policy makers answer on these topics" not in html_of(alice.block(block).student_view())
    api.grant_community_role(user=staff.user, course_key=COURSE_KEY, member_id=bob.user.id, role="policy_maker")
    api.create_policy_response(user=bob.user, course_key=COURSE_KEY, target_kind="topic", target="eu-funding",
                               body="The region **co-funds** the first Erasmus+ application.")
    api.create_policy_response(user=bob.user, course_key=COURSE_KEY, target_kind="topic",
                               target="digital_transition", body="Not a topic of this block.")
    page = html_of(alice.block(block).student_view())
    assert "Policy makers answer on these topics" in page
    assert "European funding applications" in page
    assert "The region <strong>co-funds</strong> the first Erasmus+ application." in page
    assert "Not a topic of this block." not in page
    hostile = api.create_policy_response(user=bob.user, course_key=COURSE_KEY, target_kind="topic",
                                         target="apprenticeships", body="<script>alert(1)</script> Tax credits.")
    page = html_of(alice.block(block).student_view())
    assert "Tax credits." in page and "<script>alert(1)</script>" not in page, hostile.uuid
