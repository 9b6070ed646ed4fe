"""The scenario forum at a phone's width, in Chromium."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from vetnet_plugin import api

COURSE_KEY = "course-v1:VETNet+CoVP+2026"
FORUM = f"/courses/{COURSE_KEY}/units/communication_scenarios/"
USAGE_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_scenarios+block@communication_scenarios_forum"


def _closed_round_with_results():
    users = {u.username: u for u in get_user_model().objects.all()}
    staff = users["trainer"]
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    scenarios = api.list_scenarios(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    for username, score in (("marco", 2), ("eleni", 3), ("claire", 5)):
        for scenario in scenarios:
            api.rate_scenario(user=users[username], course_key=COURSE_KEY, usage_key=USAGE_KEY,
                              scenario_uuid=scenario.uuid, plausibility=score, desirability=6 - score)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    # A discussion with a long word, a reply and a translation: what a phone has to fit once it is open.
    post = api.create_post(user=users["eleni"], course_key=COURSE_KEY, thread_id=scenarios[0].thread_id,
                           body="Η **μαθητεία** χρειάζεται εκπαιδευτές: Berufsausbildungsvorbereitungsmaßnahmen.",
                           language="el")
    api.create_post(user=users["marco"], course_key=COURSE_KEY, thread_id=scenarios[0].thread_id,
                    body="Anche da noi le botteghe scuola funzionano.", parent_id=post.id, language="it")
    api.contribute_translation(user=users["marco"], course_key=COURSE_KEY, kind="post", object_id=post.id,
                               language="it", body="L'apprendistato ha bisogno di formatori.")


WIDEST = """() => Array.from(document.querySelectorAll('body *'))
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.vetnet-scenarios__table-wrap') && !e.closest('details:not([open]) > :not(summary)'))
  .slice(0, 4).map((e) => e.tagName + '.' + e.className + ' < ' + e.parentElement.className + ' ' + Math.round(e.getBoundingClientRect().left) + '-' + Math.round(e.getBoundingClientRect().right) + ' ' + e.textContent.slice(0, 60))"""


def _no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.browser
@pytest.mark.parametrize("username", ["trainer", "marco"])
def test_the_forum_and_its_results_fit_a_phone(demo_site, logged_in_page, page, axe_check, js_errors, username):
    page.set_viewport_size({"width": 375, "height": 800})
    logged_in_page("trainer")
    page.goto(FORUM)  # the block hands its settings to the plugin on a view
    page.locator(".vetnet-scenarios").get_by_role("heading", name="Scenarios", exact=True).wait_for()
    _closed_round_with_results()
    page.context.clear_cookies()
    logged_in_page(username)
    page.goto(FORUM)
    forum = page.locator(".vetnet-scenarios")
    table = forum.locator(".vetnet-scenarios__table")
    table.wait_for()
    assert _no_sideways_scroll(page), f"the page scrolls sideways at 375 px: {page.evaluate(WIDEST)}"
    legend = forum.locator(".vetnet-chart__legend")
    assert legend.is_visible() and "first to third quartile" in legend.inner_text()
    axe_check(page)
    # Every discussion open: the posts, replies, translations and their forms fit the phone too.
    toggles = forum.locator("button[data-discussion]")
    for index in range(toggles.count()):
        toggles.nth(index).click()
        expect(forum.locator('button[data-discussion][aria-expanded="true"]')).to_have_count(index + 1)
    expect(forum.locator(".vetnet-scenarios__post").first).to_be_visible()
    assert _no_sideways_scroll(page), f"the open discussions scroll sideways at 375 px: {page.evaluate(WIDEST)}"
    axe_check(page)
    assert js_errors == []
