"""
Three learners write best practices and review each other through the
block's pages; the one whose practice the others rate best passes the course,
the development host issues the platform's certificate without that learner
opening the block again, and the badge shows on their member profile. Their
next practice then reaches its reviewer "from a certified member".
"""
import pytest

from .test_phone_width import PHONE, assert_fits

COMMUNITY = "/courses/course-v1:VETNet+CoVP+2026/"
COMMUNITY_BLOCK = f"{COMMUNITY}studio/vetnet_best_practice/cooperation_best_practice/"
COMMUNITY_UNIT = f"{COMMUNITY}units/cooperation_best_practice/"
COOPERATION = "/courses/course-v1:VETNet+Coop+2026/"
COOPERATION_BLOCK = f"{COOPERATION}studio/vetnet_best_practice/coop_labour_market_best_practice/"
COOPERATION_UNIT = f"{COOPERATION}units/coop_labour_market_practice/"
LEARNERS = {"marco": "Marco Bianchi", "eleni": "Eleni Papadopoulou", "jordi": "Jordi Puig"}
SECTIONS = {"Context": "Craft SMEs in {who}'s region host few apprentices.",
            "Challenge": "Workshops are too small to train alone.",
            "Approach": "Four workshops share one mentor and rotate apprentices.",
            "Results and evidence": "Twice as many apprentices in two years.",
            "Transferability": "Any district with small workshops and a training centre."}


def _as(page, log_in, username):
    page.context.clear_cookies()
    log_in(username)


def _trainer_sets_review(page, log_in, address, *, needs, gives):
    """The trainer's Studio editor: how many reviews, and reviewers see the author's name."""
    _as(page, log_in, "trainer")
    page.goto(address)
    page.get_by_label("Reviews each practice needs").fill(str(needs))
    page.get_by_label("Reviews each learner gives").fill(str(gives))
    page.get_by_label("Anonymous review").select_option("no")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your changes are saved.").wait_for()


def _write_and_submit(page, unit, username):
    page.goto(unit)
    block = page.locator(".vetnet-best-practice")
    block.get_by_label("Title").fill(f"Shared mentors: the practice of {LEARNERS[username]}")
    for label, text in SECTIONS.items():
        block.get_by_label(label, exact=True).fill(text.format(who=username))
    block.get_by_role("button", name="Submit for peer review").click()
    block.get_by_text("Reviews received so far: 0.").wait_for()


def _review_twice(page, unit, *, best):
    """Ask for practices to review; the one by ``best`` gets every top level, the others the lowest."""
    authors = []
    for _ in range(2):
        page.goto(unit)
        block = page.locator(".vetnet-best-practice")
        block.get_by_role("button", name="Review a practice").click()
        form = block.locator(".vetnet-best-practice__review")
        form.wait_for()
        author = form.get_by_text("By ").first.inner_text()
        authors.append(author)
        for fieldset in form.locator("fieldset").all():
            levels = fieldset.get_by_role("radio")
            (levels.last if best in author else levels.first).check()
        form.get_by_label("Your overall feedback").fill("Thank you: the rubric says why.")
        form.get_by_role("button", name="Submit your review").click()
        block.get_by_role("button", name="Review a practice").wait_for()
    return authors


@pytest.mark.browser
def test_three_learners_review_each_other_and_the_best_is_certified(demo_site, log_in, page, axe_check, js_errors):
    from devhost.models import Grade  # pylint: disable=import-outside-toplevel

    _trainer_sets_review(page, log_in, COMMUNITY_BLOCK, needs=2, gives=2)
    for username in LEARNERS:
        _as(page, log_in, username)
        _write_and_submit(page, COMMUNITY_UNIT, username)
    axe_check(page)

    # Marco reviews first and never opens the block again: the others' reviews complete his grade.
    _as(page, log_in, "marco")
    reviewed = _review_twice(page, COMMUNITY_UNIT, best="Marco Bianchi")
    assert sorted(reviewed) == ["By Eleni Papadopoulou", "By Jordi Puig"]
    for username in ("eleni", "jordi"):
        _as(page, log_in, username)
        _review_twice(page, COMMUNITY_UNIT, best="Marco Bianchi")
    axe_check(page)

    marco = Grade.objects.get(user__username="marco", usage_key__endswith="@cooperation_best_practice")
    assert (marco.earned, marco.possible) == (1.0, 1.0)
    assert [grade.earned for grade in Grade.objects.exclude(user__username="marco")] == [0.0, 0.0]

    # The badge on Marco's card in the member directory, as another member sees it.
    for name, certified in (("Marco Bianchi", True), ("Jordi Puig", False)):
        page.goto(f"{COMMUNITY}members/")
        page.get_by_label("Name or organisation").fill(name.split()[-1])
        page.get_by_role("button", name="Show members").click()
        card = page.locator(".member-list .card").filter(has=page.get_by_role("heading", name=name))
        card.wait_for()
        assert card.get_by_text("Certified: Community of VET Practices").count() == int(certified), name
    axe_check(page)

    # Marco's own pages, on a phone: his profile's badge and his progress.
    _as(page, log_in, "marco")
    page.set_viewport_size(PHONE)
    page.goto("/profile/")
    page.get_by_text("Certified: Community of VET Practices").wait_for()
    assert_fits(page)
    axe_check(page)
    page.goto(f"{COMMUNITY}progress/")
    page.get_by_text("Your current grade is 100%.").wait_for()
    page.get_by_text("You have passed this course: the platform has issued your certificate.").wait_for()
    assert page.get_by_role("row").filter(has_text="Best practices").get_by_text("100% (1 of 1)").count() == 1
    assert_fits(page)
    axe_check(page)
    page.set_viewport_size({"width": 1280, "height": 800})

    # In the next course, Marco's practice reaches its reviewer from a certified member.
    _trainer_sets_review(page, log_in, COOPERATION_BLOCK, needs=3, gives=3)
    for username in ("marco", "eleni"):
        _as(page, log_in, username)
        _write_and_submit(page, COOPERATION_UNIT, username)
    page.locator(".vetnet-best-practice").get_by_role("button", name="Review a practice").click()
    page.get_by_text("By Marco Bianchi · from a certified member").wait_for()
    axe_check(page)
    assert js_errors == []
