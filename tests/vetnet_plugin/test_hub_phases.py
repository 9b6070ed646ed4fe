"""The four phases as each member's progression, recorded from what they did, against the course's criteria."""
import pytest

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member, new_request
from tests.vetnet_plugin import hub_helpers as hub
from tests.vetnet_plugin.communication_helpers import staff_user
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput

pytestmark = pytest.mark.django_db


def _progression(user, course_key=COURSE_KEY):
    return next(item for item in api.get_progressions(user_id=user.id) if item.course_key == str(course_key))


def _step(progression, phase):
    return next(step for step in progression.steps if step.phase == phase)


def test_a_new_member_starts_at_communication_with_what_to_do_next():
    learner = member()
    progression = _progression(learner)
    assert progression.next_phase == "communication"
    communication = _step(progression, "communication")
    assert not communication.is_met
    assert "Rate 1 more scenario." in communication.next_steps
    assert "Post 2 more times in discussions." in communication.next_steps
    assert [step.phase for step in progression.steps] == ["communication", "sharing", "collaboration", "cooperation"]
    assert _step(progression, "cooperation").is_formal and not _step(progression, "sharing").is_formal


def test_what_a_member_did_is_recorded_and_moves_them_to_the_next_phase():
    learner, other = member(), member()
    hub.communicate(learner)
    # Nothing is counted on a page view: until the progress is recorded, the page shows the last record.
    assert _progression(learner).next_phase == "communication"
    assert api.record_phase_progress(course_key=COURSE_KEY) == 2
    progression = _progression(learner)
    assert _step(progression, "communication").is_met
    assert progression.next_phase == "sharing"
    done = {item.action: item.done for item in _step(progression, "communication").actions}
    assert done == {"rated": 1, "posted": 2, "counselled": 0}

    hub.deposit_and_adopt(learner, other)
    hub.collaborate(learner)
    api.record_phase_progress(course_key=COURSE_KEY, user_ids=[learner.id])
    progression = _progression(learner)
    assert _step(progression, "sharing").is_met and _step(progression, "collaboration").is_met
    assert progression.next_phase == "cooperation"
    assert "Submit 1 more best practice." in _step(progression, "cooperation").next_steps


def test_only_what_was_done_in_the_course_counts_there():
    learner = member()
    api.record_enrollment(user_id=learner.id, course_key=OTHER_COURSE_KEY)
    hub.post(learner, times=3, course_key=OTHER_COURSE_KEY)
    api.record_all_phase_progress()
    assert _progression(learner, OTHER_COURSE_KEY).steps[0].actions[1].done == 3
    assert _progression(learner, COURSE_KEY).steps[0].actions[1].done == 0


def test_trainers_set_the_criteria_of_their_course():
    staff, learner = staff_user(), member()
    hub.post(learner, times=1)
    criteria = api.set_phase_criteria(user=staff, course_key=COURSE_KEY, phase="communication",
                                      thresholds={"rated": 0, "posted": 1})
    assert criteria.thresholds == {"rated": 0, "posted": 1, "counselled": 0} and not criteria.is_default
    api.record_phase_progress(course_key=COURSE_KEY)
    assert _step(_progression(learner), "communication").is_met
    # Another course keeps the defaults.
    other = api.get_phase_criteria(user=staff, course_key=OTHER_COURSE_KEY)
    assert other[0].is_default and other[0].thresholds["posted"] == 2


def test_only_staff_set_criteria_and_only_sensible_numbers():
    learner, staff = member(), staff_user()
    with pytest.raises(AccessDenied):
        api.set_phase_criteria(user=learner, course_key=COURSE_KEY, phase="communication", thresholds={"posted": 0})
    with pytest.raises(InvalidInput) as error:
        api.set_phase_criteria(user=staff, course_key=COURSE_KEY, phase="communication",
                               thresholds={"posted": -1, "deposited": 1, "rated": "many"})
    assert set(error.value.errors) == {"posted", "deposited", "rated"}
    with pytest.raises(InvalidInput):
        api.set_phase_criteria(user=staff, course_key=COURSE_KEY, phase="flying", thresholds={})


def test_a_phase_that_asks_for_nothing_is_met_by_taking_part_once():
    staff, learner, idle = staff_user(), member(), member()
    api.set_phase_criteria(user=staff, course_key=COURSE_KEY, phase="communication",
                           thresholds={"rated": 0, "posted": 0, "counselled": 0})
    hub.post(learner)
    api.record_phase_progress(course_key=COURSE_KEY)
    assert _step(_progression(learner), "communication").is_met
    assert not _step(_progression(idle), "communication").is_met


def test_recording_a_course_costs_the_same_for_ten_or_forty_members(django_assert_max_num_queries):
    for _ in range(10):
        hub.post(member())
    new_request()
    # Two reads of the member batches, eleven counts (one or two per feature), one upsert in its savepoint.
    with django_assert_max_num_queries(16) as small:
        api.record_phase_progress(course_key=COURSE_KEY)
    for _ in range(30):
        hub.post(member())
    new_request()
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert api.record_phase_progress(course_key=COURSE_KEY) == 40


def test_non_members_have_no_hub_or_criteria():
    outsider = UserFactory()
    with pytest.raises(AccessDenied):
        api.get_phase_criteria(user=outsider, course_key=COURSE_KEY)
    with pytest.raises(AccessDenied):
        api.get_hub(user=outsider, course_key=COURSE_KEY)


def test_a_formed_partnership_counts_for_its_proposer_and_partners_but_not_one_still_forming():
    from tests.vetnet_plugin.partnership_helpers import accept, partner, propose  # pylint: disable=import-outside-toplevel

    proposer, spanish, greek, invited = partner("IT"), partner("ES"), partner("GR"), partner("PT")
    formed = propose(proposer, partners=[spanish, greek])
    accept(spanish, formed)
    accept(greek, formed)
    propose(proposer, partners=[invited], title="Still forming")  # forming: counts for nobody
    api.record_phase_progress(course_key=COURSE_KEY)
    partnered = {
        person: next(a.done for a in _step(_progression(person), "cooperation").actions if a.action == "partnered")
        for person in (proposer, spanish, greek, invited)
    }
    assert partnered == {proposer: 1, spanish: 1, greek: 1, invited: 0}
