"""Reviewers asking at the same moment, in separate connections to MariaDB, never exceed a practice's review count."""
import threading

import pytest
from django.db import connection

from tests.factories import COURSE_KEY
from vetnet_plugin import api
from vetnet_plugin.models import BestPractice, PeerReview

from .best_practice_helpers import USAGE_KEY, configure, learner, write_and_submit

REVIEWERS = 8


def _ask_at_once(reviewers):
    barrier = threading.Barrier(len(reviewers))
    leases, errors = {}, []

    def ask(user):
        try:
            barrier.wait(timeout=30)
            leases[user.id] = api.request_review(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY)
        except Exception as error:  # pylint: disable=broad-except
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask, args=(user,)) for user in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return leases


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_concurrent_reviewers_never_get_more_leases_than_the_practice_needs():
    assert connection.vendor == "mysql"
    configure(reviews_required=2, reviews_to_give=2)
    author = learner()
    write_and_submit(author)
    reviewers = [learner() for _ in range(REVIEWERS)]
    for user in reviewers:
        write_and_submit(user)
    # Only the author's practice still needs reviews: every reviewer wants the same one.
    BestPractice.objects.exclude(author=author).update(status=BestPractice.GRADED, score=1)

    leases = _ask_at_once(reviewers)

    given = [lease for lease in leases.values() if lease is not None]
    assert len(leases) == REVIEWERS
    assert len(given) == 2
    assert PeerReview.objects.filter(status=PeerReview.LEASED).count() == 2
    assert BestPractice.objects.get(author=author).allocated_count == 2


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_crowd_of_reviewers_spreads_over_the_practices_without_self_review_or_overbooking():
    configure(reviews_required=2, reviews_to_give=2)
    crowd = [learner() for _ in range(REVIEWERS)]
    for user in crowd:
        write_and_submit(user)

    for _round in range(3):
        _ask_at_once(crowd)

    for practice in BestPractice.objects.all():
        live = practice.reviews.filter(status=PeerReview.LEASED)
        assert live.count() <= 2
        assert not live.filter(reviewer_id=practice.author_id).exists()
        assert practice.allocated_count == live.count()
    # Each reviewer holds exactly one lease: asking again returns it, not a second one.
    assert sorted(PeerReview.objects.values_list("reviewer_id", flat=True)) == sorted(u.id for u in crowd)
