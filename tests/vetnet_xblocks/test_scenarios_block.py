"""The scenario forum block: authoring in Studio and OLX, the learner's page, completion and grading."""
import io

import pytest
from lxml import etree

from vetnet_plugin import api
from vetnet_xblocks.scenarios.block import ScenariosBlock

from .runtime import COURSE_KEY, TRAINER, CourseRuntime, add_block, call_handler
from .scenarios_helpers import FORUM_OLX, forum, person  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def export(runtime, block) -> bytes:
    buffer = io.BytesIO()
    runtime.export_to_xml(block, buffer)
    return buffer.getvalue()


def test_olx_gives_the_structured_fields_and_exports_them_readably(forum):
    runtime, block = forum
    assert block.strategic_question.startswith("How will continuing VET")
    assert block.drivers[1] == {"name": "Digital transition", "description": "Digital tools change every craft."}
    assert block.policy_choices == ["Fund short modular courses", "Regional skills councils"]
    assert block.seed_scenarios[0]["key"] == "labour-market"
    assert block.seed_scenarios[0]["policy_choices"] == ["Regional skills councils"]

    olx = export(runtime, block)
    node = etree.fromstring(olx)
    assert node.find("driver").get("name") == "Skills shortages in SMEs"
    assert node.find("scenario/title").text == "Labour-market-driven VET"
    assert node.get("drivers") is None, "lists are elements, not JSON attributes"
    again = add_block(CourseRuntime(TRAINER), "vetnet_scenarios", olx)
    assert again.seed_scenarios == block.seed_scenarios and again.drivers == block.drivers
    assert export(CourseRuntime(TRAINER), again) == olx


def test_studio_editor_reads_plain_text_formats(forum):
    runtime, block = forum
    seeds = ("## Green crafts\nid: green\nlanguage: it\ndrivers: Digital transition\n"
             "policy choices: Fund short modular courses\n\nLe imprese artigiane diventano verdi.\n\n"
             "## Trainers as coaches\n\nTrainers coach apprentices in the workshop.")
    status, body, _response = call_handler(runtime, block, "studio_submit", {
        "title": "Futures", "strategic_question": "Q?", "horizon_text": "2040",
        "drivers_text": "Digital transition: tools change\nSkills shortages in SMEs",
        "policy_choices_text": "Fund short modular courses\n", "seeds_text": seeds,
        "allow_proposals_choice": "no", "pre_moderate_choice": "yes", "rating_rounds_choice": "3",
        "completion_rule": "posted", "has_score_choice": "yes",
    })
    assert status == 200, body
    assert block.horizon_year == 2040 and block.rating_rounds == 3 and block.has_score
    assert not block.allow_proposals and block.completion_rule == "posted"
    assert block.drivers == [{"name": "Digital transition", "description": "tools change"},
                             {"name": "Skills shortages in SMEs", "description": ""}]
    assert [s["key"] for s in block.seed_scenarios] == ["green", "trainers-as-coaches"]
    assert block.seed_scenarios[0]["language"] == "it"
    assert block.max_score() == 4
    assert "## Green crafts\nid: green" in block.seeds_text


def test_studio_editor_names_each_problem_and_saves_nothing(forum):
    runtime, block = forum
    status, body, _response = call_handler(runtime, block, "studio_submit", {
        "horizon_text": "next year", "seeds_text": "## A\ndrivers: Alien invasion\n\nText", "rating_rounds_choice": "9",
    })
    assert status == 400
    assert set(body["errors"]) == {"horizon_text", "rating_rounds_choice"}
    status, body, _response = call_handler(runtime, block, "studio_submit", {
        "seeds_text": "## A\ndrivers: Alien invasion\n\nText\n\n## B\n",
    })
    assert status == 400
    assert any("Alien invasion" in m for m in body["errors"]["seeds_text"])
    assert any("needs a narrative" in m for m in body["errors"]["seeds_text"])
    assert block.seed_scenarios[0]["key"] == "labour-market"


def test_has_score_only_when_the_trainer_enables_it(forum):
    _runtime, block = forum
    assert not block.has_score and block.max_score() is None
    block.has_score = True
    assert block.max_score() == 3


def test_members_see_the_forum_and_outsiders_a_clear_notice(forum):
    runtime, block = forum
    member = person(runtime)
    html = member.block(block).student_view().content
    assert "Labour-market-driven VET" in html and "Modular crafts" in html
    assert "Rating has not started yet" in html
    assert 'data-action="propose"' in html
    assert "Moderation" not in html
    outsider = person(runtime, enrolled=False)
    assert "Enroll in the course" in outsider.block(block).student_view().content


def test_staff_see_moderation_and_round_controls(forum):
    runtime, block = forum
    staff = person(runtime, staff=True)
    html = staff.block(block).student_view().content
    assert "Moderation" in html and "Open round 1" in html and "policy-brief" in html
    assert ScenariosBlock.workbench_scenarios()


def _handler(who, block, name, payload=None):
    return call_handler(who.runtime, who.block(block), name, payload or {})


def _published(runtime, block, who):
    who.block(block).student_view()
    return api.list_scenarios(user=who.user, course_key=COURSE_KEY, usage_key=str(block.scope_ids.usage_id))


def test_learners_read_the_policy_makers_answers_beside_the_scenario(forum):
    _runtime, block = forum
    staff = person(block.runtime, staff=True)
    learner = person(block.runtime)
    reader = person(block.runtime)
    api.grant_community_role(user=staff.user, course_key=COURSE_KEY, member_id=reader.user.id, role="policy_maker")
    learner.block(block).student_view()  # the forum saves its scenarios on the first view
    uuid = next(s.uuid for s in api.list_scenarios(user=learner.user, course_key=COURSE_KEY,
                                                   usage_key=str(block.scope_ids.usage_id))
                if s.title == "Labour-market-driven VET")
    api.create_policy_response(user=reader.user, course_key=COURSE_KEY, target_kind="scenario", target=uuid,
                               body="The region will **fund** skills councils.")
    html = learner.block(block).student_view().content
    assert "Policy makers answer" in html and "The region will <strong>fund</strong> skills councils." in html
    assert html.index("Policy makers answer") > html.index("Labour-market-driven VET")
