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
# The staff table filtered by a state, or at its last page, costs the same as its first page; the
# learner's own rating (self-assessment) comes with the reviews they received.
BUDGETS = {"learner": 7, "staff": 4, "quality": 3, "staff: searched": 4, "staff: graded": 4,
           "staff: last page": 4, "learner: self-assessment": 7}


@pytest.mark.parametrize("read", sorted(BUDGETS))
def test_reads_do_not_grow_with_the_number_of_submissions(read, django_assert_num_queries):
    configure(reviews_required=2, reviews_to_give=2, self_assessment=read == "learner: self-assessment")
    staff = UserFactory(is_staff=True)
    learners = cohort(4)
    review_until_done(learners)

    def staff_page(**query):
        return lambda: api.list_submissions(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, **query)

    def last_page():
        count = api.list_submissions(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY).num_pages
        return staff_page(page=count)

    calls = {
        "staff: searched": staff_page(state="graded", search="carpentry"),
        "staff: graded": staff_page(state="graded"),
        "learner: self-assessment": lambda: api.get_learner_view(user=learners[0], course_key=COURSE_KEY,
                                                                 usage_key=USAGE_KEY),
        "learner": lambda: api.get_learner_view(user=learners[0], course_key=COURSE_KEY, usage_key=USAGE_KEY),
        "staff": lambda: api.list_submissions(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY),
        "quality": lambda: api.list_reviewer_quality(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY),
    }
    if read == "learner: self-assessment":
        api.submit_self_assessment(user=learners[0], course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                   scores={"relevance": 2, "evidence": 1})
    if read == "staff: last page":
        calls[read] = last_page()
    new_request()  # each read is a request of its own
    with django_assert_num_queries(BUDGETS[read]):
        calls[read]()

    review_until_done(cohort(16))
    if read == "staff: last page":
        calls[read] = last_page()

    new_request()
    with django_assert_num_queries(BUDGETS[read]):
        result = calls[read]()
    if read == "staff":
        assert result.count == 20 and len(result.items) == 5  # pages of 5 in the test settings
    if read == "learner":
        assert result.can_see_received and len(result.received) == 2
    if read == "staff: searched":
        assert result.count == 20
    if read == "staff: graded":
        assert result.count == 20 and {row.state for row in result.items} == {"graded"}
    if read == "staff: last page":
        assert result.page == 4 and len(result.items) == 5
    if read == "learner: self-assessment":
        assert result.self_assessment is not None and [points for _k, _l, points in result.self_assessment.scores] \
            == [2.0, 1.0]
