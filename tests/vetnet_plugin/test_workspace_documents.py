"""The shared document: saves from stale revisions merge, true collisions keep both texts, every save is a revision."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import COURSE_KEY
from vetnet_plugin import api
from vetnet_plugin.exceptions import InvalidInput, NotFound

from .workspace_helpers import configure, workspace_with_members

pytestmark = pytest.mark.django_db

OUTLINE = "# Retrofit module\nUnit 1: insulation\nUnit 2: windows\nUnit 3: heating\n"


@pytest.fixture
def team():
    configure()
    workspace, (ana, ben) = workspace_with_members(2)

    def save(user, base, text):
        return api.save_document(user=user, course_key=COURSE_KEY, workspace_uuid=workspace.uuid,
                                 base_revision=base, text=text)

    save(ana, 0, OUTLINE)
    return workspace, ana, ben, save


def test_edits_made_from_the_same_revision_to_different_lines_both_land(team):
    workspace, ana, ben, save = team
    save(ana, 1, OUTLINE.replace("insulation", "insulation and airtightness"))
    saved = save(ben, 1, OUTLINE.replace("heating", "heat pumps"))
    assert saved.merged and saved.conflicts == 0
    text = api.get_document(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid).text
    assert "insulation and airtightness" in text and "heat pumps" in text and "<<<<<<<" not in text


def test_two_edits_of_the_same_line_keep_both_texts_marked_for_the_members_to_settle(team):
    workspace, ana, ben, save = team
    save(ana, 1, OUTLINE.replace("windows", "windows and doors"))
    saved = save(ben, 1, OUTLINE.replace("windows", "glazing"))
    assert saved.conflicts == 1 and saved.document.conflicts == 1
    text = saved.document.text
    assert "windows and doors" in text and "glazing" in text and "<<<<<<<" in text and ">>>>>>>" in text
    settled = save(ana, saved.document.revision, OUTLINE.replace("windows", "glazing and doors"))
    assert settled.document.conflicts == 0 and "<<<<<<<" not in settled.document.text


def test_lines_added_at_the_same_place_are_both_kept_without_a_conflict(team):
    workspace, ana, ben, save = team
    save(ana, 1, OUTLINE + "Unit 4: solar\n")
    saved = save(ben, 1, OUTLINE + "Unit 4: ventilation\n")
    assert saved.conflicts == 0
    assert saved.document.text.endswith("Unit 4: solar\nUnit 4: ventilation\n")


def test_every_save_is_a_revision_with_its_author_and_any_two_can_be_compared(team):
    workspace, ana, ben, save = team
    save(ben, 1, OUTLINE.replace("Unit 3: heating\n", "Unit 3: heat pumps\n"))
    page = api.list_revisions(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert [(r.number, r.author_name) for r in page.items] == [(2, api.display_name(ben)), (1, api.display_name(ana))]
    comparison = api.compare_revisions(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, older=2,
                                       newer=1)
    changed = [(line.kind, line.text) for line in comparison.lines if line.kind != "same"]
    assert changed == [("removed", "Unit 3: heating"), ("added", "Unit 3: heat pumps")]
    with pytest.raises(NotFound):
        api.compare_revisions(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, older=1, newer=9)


def test_a_save_that_changes_nothing_makes_no_revision_and_the_latest_revision_is_cheap_to_ask(team):
    workspace, ana, ben, save = team
    assert save(ben, 1, OUTLINE).document.revision == 1
    assert api.latest_revision(user=ben, course_key=COURSE_KEY, workspace_uuid=workspace.uuid) == 1


def test_a_save_naming_a_revision_that_does_not_exist_or_too_much_text_is_refused_and_nothing_is_lost(team):
    workspace, ana, ben, save = team
    for base, text in ((7, "Mine\n"), (-1, "Mine\n"), (1, "x" * 200_001), (1, None)):
        with pytest.raises(InvalidInput):
            save(ben, base, text)
    assert api.get_document(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid).text == OUTLINE


def queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def test_opening_and_saving_cost_the_same_queries_however_long_the_history(team):
    workspace, ana, ben, save = team

    def costs():
        opening = queries(lambda: api.get_document(user=ben, course_key=COURSE_KEY, workspace_uuid=workspace.uuid))
        revision = api.latest_revision(user=ben, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
        saving = queries(lambda: save(ben, revision - 1, OUTLINE + f"from an old page {revision}\n"))
        return opening, saving

    save(ana, 1, OUTLINE + "a second revision, so every save below starts from a stored one\n")
    short = costs()
    for number in range(api.latest_revision(user=ana, course_key=COURSE_KEY, workspace_uuid=workspace.uuid), 80):
        save(ana, number, OUTLINE + f"note {number}\n")
    assert costs() == short
