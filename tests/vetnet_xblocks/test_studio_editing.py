"""The course team edits a block's title and instructions; nobody else can, and bad input saves nothing."""
import pytest

from .runtime import (
    BLOCK_TYPES,
    COURSE_KEY,
    LEARNER,
    TRAINER,
    CourseRuntime,
    StudioPermissions,
    add_block,
    call_handler,
    lms_opt_attrs,
    reload,
)

GOOD = {"display_name": "Futures forum", "title": "Scenarios 2035", "instructions": "Rate each *scenario*."}


def block_with_content(runtime, block_type):
    return add_block(
        runtime, block_type,
        f'<{block_type} display_name="Before" title="Old title">'
        '<option:instructions xmlns:option="http://code.edx.org/xblock/option">Old text</option:instructions>'
        f"</{block_type}>",
    )


def stored(runtime, block):
    saved = reload(runtime, block)
    return {"display_name": saved.display_name, "title": saved.title, "instructions": saved.instructions}


BEFORE = {"display_name": "Before", "title": "Old title", "instructions": "Old text"}


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_the_course_team_saves_title_and_instructions(block_type):
    runtime = CourseRuntime(TRAINER)
    block = block_with_content(runtime, block_type)

    status, data, _ = call_handler(runtime, block, "studio_submit", GOOD)

    assert status == 200
    assert data == {"saved": True, "values": GOOD}
    assert stored(runtime, block) == GOOD


@pytest.mark.django_db
def test_what_was_saved_is_what_learners_then_see():
    runtime = CourseRuntime(TRAINER)
    block = block_with_content(runtime, "vetnet_scenarios")
    call_handler(runtime, block, "studio_submit", GOOD)

    learner_runtime = runtime.as_user(LEARNER, lms=True)
    content = learner_runtime.render(reload(learner_runtime, block), "student_view").content

    assert "Scenarios 2035" in content and "<em>scenario</em>" in content


def test_an_author_in_studio_saves_through_studios_permissions():
    author = lms_opt_attrs(user_id=11, username="ana", is_staff=False, role="")
    runtime = CourseRuntime(author, studio_user_permissions=StudioPermissions([COURSE_KEY]))
    block = block_with_content(runtime, "vetnet_partnership")

    status, _, _ = call_handler(runtime, block, "studio_submit", GOOD)

    assert status == 200
    assert stored(runtime, block) == GOOD


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_a_learner_cannot_save_and_nothing_changes(block_type):
    trainer_runtime = CourseRuntime(TRAINER)
    block = block_with_content(trainer_runtime, block_type)
    runtime = trainer_runtime.as_user(LEARNER)

    status, data, _ = call_handler(runtime, reload(runtime, block), "studio_submit", GOOD)

    assert status == 403
    assert data["error"] == "Only the course team can change this part of the course."
    assert stored(runtime, block) == BEFORE


def test_an_anonymous_visitor_cannot_save():
    trainer_runtime = CourseRuntime(TRAINER)
    block = block_with_content(trainer_runtime, "vetnet_toolbox")
    runtime = trainer_runtime.as_user({"edx-platform.is_authenticated": False})

    status, _, _ = call_handler(runtime, reload(runtime, block), "studio_submit", GOOD)

    assert status == 403
    assert stored(runtime, block) == BEFORE


@pytest.mark.parametrize("payload, field, message", [
    ({**GOOD, "title": ""}, "title", "This field is required."),
    ({**GOOD, "title": "   "}, "title", "This field is required."),
    ({**GOOD, "title": "x" * 201}, "title", "This field is too long: at most 200 characters, not 201."),
    ({**GOOD, "display_name": "x" * 201}, "display_name", "This field is too long: at most 200 characters, not 201."),
    ({**GOOD, "instructions": "x" * 10001}, "instructions",
     "This field is too long: at most 10000 characters, not 10001."),
    ({**GOOD, "title": 42}, "title", "This field must be text."),
    ({**GOOD, "instructions": ["a", "list"]}, "instructions", "This field must be text."),
], ids=["empty-title", "blank-title", "long-title", "long-display-name", "long-instructions", "number", "list"])
def test_bad_input_is_refused_with_a_message_per_field_and_nothing_is_saved(payload, field, message):
    runtime = CourseRuntime(TRAINER)
    block = block_with_content(runtime, "vetnet_counselling")

    status, data, response = call_handler(runtime, block, "studio_submit", payload)

    assert status == 400
    assert response.content_type == "application/json"
    assert data["error"] == "Some fields need your attention."
    assert data["errors"] == {field: [message]}
    assert stored(runtime, block) == BEFORE


def test_all_field_errors_are_reported_at_once():
    runtime = CourseRuntime(TRAINER)
    block = block_with_content(runtime, "vetnet_workspace")

    _, data, _ = call_handler(runtime, block, "studio_submit", {"title": "", "display_name": "x" * 300})

    assert set(data["errors"]) == {"title", "display_name"}


def test_an_empty_display_name_falls_back_to_the_blocks_usual_name():
    runtime = CourseRuntime(TRAINER)
    block = block_with_content(runtime, "vetnet_best_practice")

    status, data, _ = call_handler(runtime, block, "studio_submit", {**GOOD, "display_name": "  "})

    assert status == 200
    assert data["values"]["display_name"] == "VETNet Best Practices"


def test_fields_left_out_keep_their_values_and_unknown_fields_are_ignored():
    runtime = CourseRuntime(TRAINER)
    block = block_with_content(runtime, "vetnet_toolbox")

    status, _, _ = call_handler(runtime, block, "studio_submit", {"title": "Only the title", "has_score": True})

    assert status == 200
    assert stored(runtime, block) == {**BEFORE, "title": "Only the title"}
    assert reload(runtime, block).has_score is False


def test_the_title_is_trimmed_and_instructions_keep_their_layout():
    runtime = CourseRuntime(TRAINER)
    block = block_with_content(runtime, "vetnet_toolbox")

    call_handler(runtime, block, "studio_submit", {"title": "  Toolbox  ", "instructions": "  - one\n  - two\n"})

    assert stored(runtime, block)["title"] == "Toolbox"
    assert stored(runtime, block)["instructions"] == "  - one\n  - two\n"


def test_a_learner_with_bad_input_is_told_about_access_not_about_fields():
    trainer_runtime = CourseRuntime(TRAINER)
    block = block_with_content(trainer_runtime, "vetnet_toolbox")
    runtime = trainer_runtime.as_user(LEARNER)

    status, data, _ = call_handler(runtime, reload(runtime, block), "studio_submit", {"title": ""})

    assert status == 403
    assert data["errors"] == {}


def test_course_staff_posting_to_the_lms_are_sent_to_studio_and_nothing_changes():
    studio_runtime = CourseRuntime(TRAINER)
    block = block_with_content(studio_runtime, "vetnet_scenarios")
    runtime = studio_runtime.as_user(TRAINER, lms=True)

    status, data, _ = call_handler(runtime, reload(runtime, block), "studio_submit", GOOD)

    assert status == 403
    assert data["error"] == "This part of the course is edited in Studio."
    assert stored(runtime, block) == BEFORE
