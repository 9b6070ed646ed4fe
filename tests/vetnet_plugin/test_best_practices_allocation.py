"""Live allocation of peer reviews: never one's own, fewest reviews first, leases that expire, anonymity."""
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import COURSE_KEY, UserFactory
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, Conflict, InvalidInput
from vetnet_plugin.models import BestPractice, PeerReview

from .best_practice_helpers import (
    USAGE_KEY,
    cohort,
    configure,
    learner,
    review,
    review_until_done,
    write_and_submit,
)

pytestmark = pytest.mark.django_db


def _authors():
    return dict(BestPractice.objects.values_list("uuid", "author_id"))


@pytest.mark.parametrize("size", [3, 4, 10, 200])
def test_every_practice_of_a_cohort_reaches_its_review_count_without_self_review(size):
    configure(reviews_required=2, reviews_to_give=2)
    learners = cohort(size)

    reviewed = review_until_done(learners)

    authors = {str(uuid): author for uuid, author in _authors().items()}
    for reviewer_id, practices in reviewed.items():
        assert all(authors[uuid] != reviewer_id for uuid in practices), "nobody reviews their own practice"
        assert len(practices) == len(set(practices)), "nobody reviews the same practice twice"
    counts = list(BestPractice.objects.values_list("review_count", flat=True))
    assert counts == [2] * size
    assert set(BestPractice.objects.values_list("status", flat=True)) == {BestPractice.GRADED}
    # Live allocation spreads the work: nobody reviewed more than a fair share plus one.
    assert max(len(p) for p in reviewed.values()) <= 3


@pytest.mark.parametrize("size", [3, 4, 10, 200])
def test_past_the_waiting_rule_no_learner_of_a_cohort_is_left_without_a_grade(size):
    due = timezone.now() - timedelta(hours=1)
    configure(reviews_required=3, reviews_to_give=3, review_due=due, waiting_hours=0)
    learners = cohort(size)
    # A third of the cohort takes leases and never writes the review.
    idle = learners[::3]
    review_until_done(learners, skip=idle)
    api.expire_leases(now=timezone.now() + timedelta(days=2))
    review_until_done([user for user in learners if user not in idle])

    api.apply_waiting_rule()

    practices = BestPractice.objects.all()
    assert practices.count() == size
    assert all(p.status == BestPractice.GRADED and p.score is not None for p in practices)
    assert all(p.review_count == 3 or p.waiting_outcome == BestPractice.WAITED_COMPLETED for p in practices)
    for user in learners:
        view = api.get_learner_view(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY)
        assert view.practice.grade is not None
        if view.practice.waiting_outcome:
            assert "completed with the reviews you received" in view.message


def test_a_lease_that_expires_goes_to_the_next_reviewer():
    configure(reviews_required=1, reviews_to_give=1, lease_hours=2)
    author, slow, quick = learner(), learner(), learner()
    write_and_submit(author)
    write_and_submit(slow)
    write_and_submit(quick)
    # With one review needed each and three practices, the first two leases are taken.
    lease = api.request_review(user=slow, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    taken = BestPractice.objects.get(uuid=lease.practice.uuid)
    other = api.request_review(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert other.practice.uuid != lease.practice.uuid

    # Asking again gives the same unfinished lease, not a second one.
    again = api.request_review(user=slow, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert again.uuid == lease.uuid

    assert api.expire_leases(now=timezone.now() + timedelta(hours=3)) == 2
    taken.refresh_from_db()
    assert taken.allocated_count == 0

    # Its author aside, the next reviewer who asks gets it.
    reviewer = quick if taken.author_id != quick.id else author
    reassigned = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert reassigned is not None


def test_a_late_review_on_an_expired_lease_is_still_taken_while_the_practice_needs_it():
    configure(reviews_required=1, reviews_to_give=1)
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    lease = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    api.expire_leases(now=timezone.now() + timedelta(days=3))

    practice = review(reviewer, lease)

    assert practice.uuid == lease.practice.uuid
    assert BestPractice.objects.get(uuid=lease.practice.uuid).status == BestPractice.GRADED


def test_a_late_review_is_refused_clearly_when_others_already_reviewed():
    configure(reviews_required=1, reviews_to_give=1)
    author, slow, quick = learner(), learner(), learner()
    for user in (author, slow, quick):
        write_and_submit(user)
    lease = api.request_review(user=slow, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    target = BestPractice.objects.get(uuid=lease.practice.uuid)
    api.expire_leases(now=timezone.now() + timedelta(days=3))
    someone = next(u for u in (author, quick) if u.id != target.author_id)
    while True:
        other = api.request_review(user=someone, course_key=COURSE_KEY, usage_key=USAGE_KEY)
        review(someone, other)
        if other.practice.uuid == lease.practice.uuid:
            break

    with pytest.raises(Conflict) as refused:
        review(slow, lease)
    assert "ran out" in refused.value.message


def test_reviewers_prefer_practices_of_another_organisation_and_country():
    configure(reviews_required=1, reviews_to_give=1)
    same = learner("Scuola Edile Bologna", "IT")
    same_country = learner("Cometa Formazione", "IT")
    elsewhere = learner("Escola Profissional Porto", "PT")
    for user in (same, same_country, elsewhere):
        write_and_submit(user)
    reviewer = learner("Scuola Edile Bologna", "IT")
    write_and_submit(reviewer)

    first = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    assert BestPractice.objects.get(uuid=first.practice.uuid).author_id == elsewhere.id


def test_the_practice_with_the_fewest_reviews_comes_first():
    configure(reviews_required=3, reviews_to_give=3)
    first, second, third, fourth = learner(), learner(), learner(), learner()
    for user in (first, second, third, fourth):
        write_and_submit(user)
    review(second, api.request_review(user=second, course_key=COURSE_KEY, usage_key=USAGE_KEY))
    reviewed = BestPractice.objects.filter(review_count=1).get()

    lease = api.request_review(user=third if reviewed.author_id != third.id else fourth,
                               course_key=COURSE_KEY, usage_key=USAGE_KEY)

    assert lease.practice.uuid != str(reviewed.uuid)


def test_reviewers_never_see_the_authors_name_when_the_trainer_chose_anonymous_review():
    configure(anonymous=True, reviews_required=1)
    author = learner()
    author.first_name, author.last_name = "Giulia", "Rossi"
    author.save()
    write_and_submit(author, title="Mentoring in Emilia")
    reviewer = learner()
    write_and_submit(reviewer)

    lease = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    view = api.get_learner_view(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    for practice in (lease.practice, view.lease.practice):
        assert practice.author_name == "" and practice.author_id is None
        assert "Giulia" not in repr(practice) and "Rossi" not in repr(practice)


def test_reviewers_see_the_authors_name_when_review_is_open():
    configure(anonymous=False, reviews_required=1)
    author = learner()
    author.first_name, author.last_name = "Giulia", "Rossi"
    author.save()
    write_and_submit(author)
    reviewer = learner()
    write_and_submit(reviewer)

    lease = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    assert lease.practice.author_name == "Giulia Rossi"


def test_authors_never_learn_who_reviewed_them():
    configure(reviews_required=1, reviews_to_give=1)
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    review(reviewer, api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY))
    review(author, api.request_review(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY))

    view = api.get_learner_view(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    assert len(view.received) == 1
    assert reviewer.username not in repr(view.received)


def test_a_reviewer_must_submit_their_own_practice_first_and_be_a_member():
    configure()
    author = learner()
    write_and_submit(author)
    lurker = learner()
    with pytest.raises(InvalidInput):
        api.request_review(user=lurker, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    with pytest.raises(AccessDenied):
        api.request_review(user=UserFactory(), course_key=COURSE_KEY, usage_key=USAGE_KEY)


def test_a_review_must_rate_every_criterion_on_its_levels_and_give_the_required_feedback():
    configure(reviews_required=1, feedback_required="criterion")
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    lease = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    with pytest.raises(InvalidInput) as refused:
        api.submit_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=lease.uuid,
                          scores={"relevance": 3}, feedback={"relevance": "Fine"})

    assert set(refused.value.errors) == {"relevance", "evidence"}
    assert PeerReview.objects.get(uuid=lease.uuid).status == PeerReview.LEASED


def test_staff_reassign_an_unfinished_review_to_another_member():
    configure(reviews_required=1)
    author, slow, helper = learner(), learner(), learner()
    for user in (author, slow):
        write_and_submit(user)
    staff = UserFactory(is_staff=True)
    lease = api.request_review(user=slow, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    target = BestPractice.objects.get(uuid=lease.practice.uuid)
    new_reviewer = helper

    moved = api.reassign_review(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=lease.uuid,
                                to_user_id=new_reviewer.id)

    assert PeerReview.objects.get(uuid=lease.uuid).status == PeerReview.EXPIRED
    assert moved.practice.uuid == str(target.uuid)
    assert PeerReview.objects.get(uuid=moved.uuid).reviewer_id == new_reviewer.id
    with pytest.raises(InvalidInput):
        api.reassign_review(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=moved.uuid,
                            to_user_id=target.author_id)
    with pytest.raises(AccessDenied):
        api.reassign_review(user=slow, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=moved.uuid)
