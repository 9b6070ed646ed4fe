"""The learner's page and the staff table cost the same number of queries however many practices there are."""
import pytest

from tests.factories import COURSE_KEY, UserFactory, new_request
from vetnet_plugin import api

from .best_practice_helpers import USAGE_KEY, cohort, configure, review_until_done

pytestmark = pytest.mark.django_db

# learner: membership, assignment, own practice, reviews given, current lease, badges, reviews received.
# staff (global staff outside the platform): assignment, practices with authors, badges.
# quality: assignment, reviews with reviewers and practices, calibrations.
# The staff table: the assignment, the count, the page, the authors' certificates.
BUDGETS = {"learner": 7, "staff": 4, "quality": 3}


@pytest.mark.parametrize("read", sorted(BUDGETS))
def test_reads_do_not_grow_with_the_number_of_submissions(read, django_assert_num_queries):
    configure(reviews_required=2, reviews_to_give=2)
    staff = UserFactory(is_staff=True)
    learners = cohort(4)
    review_until_done(learners)
    calls = {
        "learner": lambda: api.get_learner_view(user=learners[0], course_key=COURSE_KEY, usage_key=USAGE_KEY),
        "staff": lambda: api.list_submissions(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY),
        "quality": lambda: api.list_reviewer_quality(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY),
    }
    new_request()  # each read is a request of its own
    with django_assert_num_queries(BUDGETS[read]):
        calls[read]()

    review_until_done(cohort(16))

    new_request()
    with django_assert_num_queries(BUDGETS[read]):
        result = calls[read]()
    if read == "staff":
        assert result.count == 20 and len(result.items) == 5  # pages of 5 in the test settings
    if read == "learner":
        assert result.can_see_received and len(result.received) == 2
