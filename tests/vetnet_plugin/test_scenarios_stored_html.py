"""
A scenario's narrative is rendered to sanitised HTML once, when it is written
(a seed saved from Studio, a member's proposal), and stored: the forum serves
that copy; ``manage.py vetnet_render_html`` renders it again after the
sanitiser's rules change.
"""
from io import StringIO

import pytest
from django.core.management import call_command

from vetnet_plugin import api
from vetnet_plugin.core import markup
from vetnet_plugin.core import stored_html as core_stored_html
from vetnet_plugin.models import Scenario

from .communication_helpers import COURSE_KEY, SEEDS, USAGE_KEY, configure_forum, member
from .test_discussions_stored_html import HOSTILE, assert_harmless, rows_written_before

pytestmark = pytest.mark.django_db


def titles_and_html(user):
    return {s.title: s.narrative_html for s in api.list_scenarios(user=user, course_key=COURSE_KEY,
                                                                   usage_key=USAGE_KEY)}


def test_a_seed_is_rendered_when_saved_and_the_forum_serves_the_stored_copy(monkeypatch):
    configure_forum(seeds=[dict(SEEDS[0], narrative="Councils steer **continuing** VET.")])
    stored = Scenario.objects.get(seed_key="labour-market")
    assert stored.narrative_html == "<p>Councils steer <strong>continuing</strong> VET.</p>"

    def refuse(text):
        raise AssertionError(f"Markdown rendered on read: {text!r}")
    monkeypatch.setattr(core_stored_html, "render_missing", refuse)
    Scenario.objects.filter(pk=stored.pk).update(narrative_html="<p>the stored copy</p>")
    assert titles_and_html(member()) == {"Labour-market-driven VET": "<p>the stored copy</p>"}


def test_a_seed_edited_in_studio_and_a_proposal_get_their_own_html():
    configure_forum()
    configure_forum(seeds=[dict(SEEDS[0], narrative="Councils steer *every* course.")])
    alice = member()
    api.propose_scenario(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Apprenticeships everywhere",
                         narrative="Every craft firm trains **one** apprentice.")
    shown = titles_and_html(alice)
    assert shown["Labour-market-driven VET"] == "<p>Councils steer <em>every</em> course.</p>"
    assert shown["Apprenticeships everywhere"] == "<p>Every craft firm trains <strong>one</strong> apprentice.</p>"
    assert Scenario.objects.get(title="Apprenticeships everywhere").narrative_html == shown[
        "Apprenticeships everywhere"]


def test_a_hostile_narrative_is_stored_and_served_sanitised():
    configure_forum()
    alice = member()
    api.propose_scenario(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Hostile", narrative=HOSTILE)
    assert_harmless(Scenario.objects.get(title="Hostile").narrative_html)
    assert_harmless(titles_and_html(alice)["Hostile"])


def test_rows_written_in_bulk_without_html_are_rendered_on_read():
    configure_forum()
    Scenario.objects.update(narrative_html="")
    assert titles_and_html(member())["Green and digital crafts"] == (
        "<p>Small firms learn digital and green skills together in short modular courses.</p>")


def test_the_command_renders_the_narratives_again_after_a_sanitiser_change(monkeypatch):
    configure_forum(seeds=[dict(SEEDS[0], narrative="Councils steer **continuing** VET.")])
    monkeypatch.setattr(markup, "ALLOWED_TAGS", markup.ALLOWED_TAGS - {"strong"})
    out = StringIO()
    call_command("vetnet_render_html", "--course", COURSE_KEY, "--only", "scenarios", "--no-progress", stdout=out,
                 stderr=StringIO())
    assert "Scenarios: 1 read, 1 with new HTML." in out.getvalue()
    assert titles_and_html(member()) == {"Labour-market-driven VET": "<p>Councils steer continuing VET.</p>"}
    again = StringIO()
    call_command("vetnet_render_html", "--only", "scenarios", "--no-progress", stdout=again, stderr=StringIO())
    assert "Scenarios: 1 read, 0 with new HTML." in again.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_migration_stores_the_html_of_scenarios_written_before_it():
    with rows_written_before("0023_best_practice_repository") as old:
        old.get_model("vetnet", "Scenario").objects.create(
            course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Old", narrative="An *old* scenario", language="en")
        old.get_model("vetnet", "Scenario").objects.create(
            course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Old hostile", narrative=HOSTILE, language="en")
    stored = {s.title: s.narrative_html for s in Scenario.objects.filter(usage_key=USAGE_KEY)}
    assert stored["Old"] == "<p>An <em>old</em> scenario</p>"
    assert_harmless(stored["Old hostile"])
