"""The Delphi process in Chromium: propose, approve, rate, reply, close the round, see the chart."""
import re

import pytest
from playwright.sync_api import expect

COURSE = "/courses/course-v1:VETNet+CoVP+2026/"
FORUM = f"{COURSE}units/communication_scenarios/"
TITLE = "Craft academies run by SME associations"


def as_user(page, logged_in_page, username):
    page.context.clear_cookies()
    logged_in_page(username)
    page.goto(FORUM)
    forum = page.locator(".vetnet-scenarios")
    forum.get_by_role("heading", name="Scenarios", exact=True).wait_for()
    return forum


def done(forum, message):
    expect(forum.locator(".vetnet-status")).to_contain_text(message)


def scenario(forum, title=TITLE):
    heading = forum.page.get_by_role("heading", name=re.compile(title))
    return forum.locator("article.vetnet-scenarios__scenario", has=heading)


@pytest.mark.browser
def test_propose_rate_reply_close_and_see_the_chart(demo_site, settings, logged_in_page, page, axe_check, js_errors):
    forum = as_user(page, logged_in_page, "trainer")
    forum.get_by_role("button", name="Open round 1").click()
    done(forum, "Round 1 is open.")

    forum = as_user(page, logged_in_page, "marco")
    axe_check(page)
    proposal = forum.locator(".vetnet-scenarios__propose")
    proposal.get_by_label("Title").fill(TITLE)
    proposal.get_by_label("Narrative (Markdown allowed)").fill(
        "SME associations run **craft academies** where master craftspeople teach short courses."
    )
    proposal.get_by_label("Skills shortages in crafts and SMEs").check()
    proposal.get_by_label("Short modular courses with micro-credentials recognised across Europe").check()
    proposal.get_by_role("button", name="Send the proposal").click()
    done(forum, "once course staff have approved it")
    expect(scenario(forum)).to_contain_text("waiting for approval")

    forum = as_user(page, logged_in_page, "trainer")
    moderation = forum.locator(".vetnet-scenarios__moderation")
    expect(moderation).to_contain_text(TITLE)
    moderation.get_by_role("button", name="Publish").click()
    done(forum, "The scenario is published.")

    forum = as_user(page, logged_in_page, "marco")
    card = scenario(forum)
    card.get_by_role("group", name=re.compile("Plausibility")).get_by_label("4").check()
    card.get_by_role("group", name=re.compile("Desirability")).get_by_label("5").check()
    card.get_by_label(re.compile("Your reasons")).fill("Associations know what firms need.")
    card.get_by_role("button", name="Save my rating").click()
    done(forum, "Your rating is saved.")
    card = scenario(forum)
    card.get_by_label("Your contribution (Markdown allowed)").fill("Our association could start with tilers.")
    card.get_by_role("button", name="Post", exact=True).click()
    done(forum, "Your post is online.")

    forum = as_user(page, logged_in_page, "eleni")
    card = scenario(forum)
    card.get_by_role("group", name=re.compile("Plausibility")).get_by_label("2").check()
    card.get_by_role("group", name=re.compile("Desirability")).get_by_label("4").check()
    card.get_by_role("button", name="Save my rating").click()
    done(forum, "Your rating is saved.")
    # The discussion opens from the keyboard; its posts come with it and the focus stays on its button.
    assert scenario(forum).locator(".vetnet-scenarios__post").count() == 0
    toggle = scenario(forum).get_by_role("button", name="Show the discussion (1 conversation)")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.focus()
    page.keyboard.press("Enter")
    done(forum, "The discussion is shown.")
    hide = scenario(forum).get_by_role("button", name="Hide the discussion")
    expect(hide).to_be_focused()
    expect(hide).to_have_attribute("aria-expanded", "true")
    post = scenario(forum).locator(".vetnet-scenarios__post").first
    expect(post).to_contain_text("Our association could start with tilers.")
    post.get_by_text("Reply", exact=True).click()
    post.get_by_label("Your reply (Markdown allowed)").fill("In Greece the chambers could do the same.")
    post.get_by_role("button", name="Send the reply").click()
    done(forum, "Your post is online.")
    expect(scenario(forum).locator(".vetnet-scenarios__replies")).to_contain_text("chambers could do the same")
    axe_check(page)
    scenario(forum).get_by_role("button", name="Hide the discussion").click()
    done(forum, "The discussion is hidden.")
    expect(scenario(forum).locator(".vetnet-scenarios__post")).to_have_count(0)

    # A third rater: with two, each would know the other's rating from any result (ADR 0005).
    forum = as_user(page, logged_in_page, "claire")
    card = scenario(forum)
    card.get_by_role("group", name=re.compile("Plausibility")).get_by_label("3").check()
    card.get_by_role("group", name=re.compile("Desirability")).get_by_label("3").check()
    card.get_by_role("button", name="Save my rating").click()
    done(forum, "Your rating is saved.")

    forum = as_user(page, logged_in_page, "trainer")
    forum.get_by_text("Close round 1…").click()
    expect(forum.locator(".vetnet-scenarios__confirm")).to_contain_text("cannot be reopened")
    axe_check(page)
    forum.get_by_role("button", name="Yes, close round 1").click()
    done(forum, "Round 1 is closed")

    for username, own in (("marco", "Your rating: plausibility 4, desirability 5."),
                          ("eleni", "Your rating: plausibility 2, desirability 4.")):
        forum = as_user(page, logged_in_page, username)
        chart = forum.get_by_role("img", name="Scenarios by plausibility and desirability")
        expect(chart).to_be_visible()
        table = forum.locator(".vetnet-scenarios__table")
        expect(table).to_contain_text(TITLE)
        card = scenario(forum)
        expect(card).to_contain_text("plausibility median 3")
        expect(card).to_contain_text(own)
        axe_check(page)
    assert js_errors == []


@pytest.mark.browser
def test_the_trainer_adds_a_seed_scenario_in_studio(demo_site, logged_in_page, page, axe_check, js_errors):
    logged_in_page("trainer")
    page.goto(FORUM)
    page.get_by_role("link", name=re.compile("Scenarios of VET's future.* in Studio")).click()
    page.wait_for_url("**/studio/vetnet_scenarios/communication_scenarios_forum/")
    axe_check(page)
    seeds = page.get_by_label("Seed scenarios")
    seeds.fill(seeds.input_value() + "\n\n## Shared workshops\nid: shared-workshops\ndrivers: Green transition\n\n"
               "Small firms share machines and trainers in district workshops.")
    page.get_by_label("Number of rating rounds").select_option("3")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**?saved=1")
    assert "<title>Shared workshops</title>" in page.locator("pre.olx").inner_text()

    page.goto(FORUM)
    forum = page.locator(".vetnet-scenarios")
    expect(forum.get_by_role("heading", name="5. Shared workshops")).to_be_visible()
    expect(forum).to_contain_text("Rating has not started yet")
    axe_check(page)
    assert js_errors == []
