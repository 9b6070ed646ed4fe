"""Learners' practices: drafts that survive reloads and never silently lose text in two tabs, submit, withdraw."""
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import COURSE_KEY, UserFactory
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, Conflict, InvalidInput, NotFound
from vetnet_plugin.models import BestPracticeAssignment

from .best_practice_helpers import USAGE_KEY, configure, learner, review, write_and_submit

pytestmark = pytest.mark.django_db


def _save(user, version, **sections):
    return api.save_draft(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Mentoring apprentices",
                          sections=sections, version=version)


def test_a_draft_is_saved_as_the_learner_writes_and_is_there_after_a_reload():
    configure()
    user = learner()
    first = _save(user, 0, context="Small **workshops**.")
    second = _save(user, first.version, approach="Paired mentors.")

    view = api.get_learner_view(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    assert second.version == first.version + 1
    texts = {section.key: section.text for section in view.practice.sections}
    assert texts == {"context": "Small **workshops**.", "approach": "Paired mentors.", "partners": ""}
    assert "<strong>workshops</strong>" in view.practice.sections[0].html
    assert view.practice.state == "draft"


def test_a_save_from_a_stale_tab_is_refused_and_keeps_what_the_other_tab_saved():
    configure()
    user = learner()
    opened = _save(user, 0, context="First words.")
    _save(user, opened.version, context="Written in the second tab.")

    with pytest.raises(Conflict) as refused:
        _save(user, opened.version, context="Written in the first tab, later.")

    assert refused.value.status_code == 409
    assert "another tab" in refused.value.message
    view = api.get_learner_view(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert view.practice.sections[0].text == "Written in the second tab."


def test_two_tabs_starting_the_same_practice_do_not_overwrite_each_other():
    configure()
    user = learner()
    _save(user, 0, context="Tab one.")
    with pytest.raises(Conflict):
        _save(user, 0, context="Tab two.")


def test_submitting_needs_a_title_and_every_required_section():
    configure()
    user = learner()
    draft = api.save_draft(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="",
                           sections={"context": "Only the context."}, version=0)

    with pytest.raises(InvalidInput) as refused:
        api.submit_practice(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, version=draft.version)

    assert set(refused.value.errors) == {"title", "approach"}  # "partners" is optional
    view = api.get_learner_view(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert view.practice.status == "draft" and view.practice.sections[0].text == "Only the context."


def test_a_submitted_practice_cannot_be_edited_but_can_be_withdrawn_before_the_deadline():
    configure(submission_due=timezone.now() + timedelta(days=1))
    user = learner()
    submitted = write_and_submit(user)
    assert submitted.status == "submitted"
    with pytest.raises(InvalidInput):
        _save(user, submitted.version, context="Changed after submitting.")

    withdrawn = api.withdraw_practice(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    assert withdrawn.status == "draft"
    assert _save(user, withdrawn.version, context="Improved.").sections[0].text == "Improved."


def test_withdrawal_is_refused_after_the_deadline_or_once_a_review_is_written():
    configure(reviews_required=1)
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    review(reviewer, api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY))
    reviewed = author if api.get_learner_view(
        user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY).practice.review_count else reviewer
    with pytest.raises(InvalidInput):
        api.withdraw_practice(user=reviewed, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    BestPracticeAssignment.objects.update(submission_due=timezone.now() - timedelta(minutes=1))
    other = author if reviewed is reviewer else reviewer
    with pytest.raises(InvalidInput) as refused:
        api.withdraw_practice(user=other, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert "deadline" in refused.value.message


def test_no_submission_after_the_deadline():
    configure(submission_due=timezone.now() - timedelta(minutes=1))
    user = learner()
    with pytest.raises(InvalidInput):
        write_and_submit(user)


def test_only_members_write_and_only_in_a_configured_assignment_of_their_course():
    configure()
    with pytest.raises(AccessDenied):
        _save(UserFactory(), 0, context="Not enrolled.")
    with pytest.raises(NotFound):
        api.save_draft(user=learner(), course_key=COURSE_KEY, usage_key=USAGE_KEY + "x", sections={}, version=0)
    with pytest.raises(AccessDenied):
        api.save_draft(user=learner(), course_key="course-v1:VETNet+Other+2026", usage_key=USAGE_KEY,
                       sections={}, version=0)


def test_a_trainers_rubric_must_be_usable():
    with pytest.raises(InvalidInput):
        configure(criteria=[{"key": "relevance", "label": "Relevance", "levels": [{"points": 1}]}])
    with pytest.raises(InvalidInput):
        configure(sections=[])
