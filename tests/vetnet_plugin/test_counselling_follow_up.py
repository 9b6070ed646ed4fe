"""The follow-up: after the trainer's delay the owner is asked, by e-mail and in the block, what happened."""
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import COURSE_KEY, member
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from .counselling_helpers import TOPICS, USAGE_KEY, open_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def desk():
    return api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS,
                                          follow_up_days=7, allow_private=True)


def later(days):
    return timezone.now() + timedelta(days=days)


def test_the_owner_is_asked_once_by_e_mail_after_the_delay():
    owner = member()
    open_case(owner, title="Workshops refuse apprentices")
    assert api.send_counselling_follow_ups(now=later(3)) == 0
    assert api.send_counselling_follow_ups(now=later(8)) == 1
    assert api.send_counselling_follow_ups(now=later(9)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email] and "Workshops refuse apprentices" in message.subject
    assert "solved, partly solved or not solved" in message.body


def test_no_follow_up_for_cases_with_an_outcome_nor_for_owners_who_left_the_course():
    owner = member()
    case = open_case(owner)
    api.report_outcome(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                       outcome="partly", note="Two firms said yes.")
    leaver = member()
    open_case(leaver, title="Another")
    from tests.factories import change_enrollment  # pylint: disable=import-outside-toplevel

    change_enrollment(leaver, is_active=False)
    assert api.send_counselling_follow_ups(now=later(8)) == 0
    assert mail.outbox == []


def test_the_follow_up_of_a_private_case_goes_to_its_owner_only():
    owner, adviser = member(), member()
    open_case(owner, private=True, advisers=[adviser.username], title="Private matter")
    assert api.send_counselling_follow_ups(now=later(8)) == 1
    assert [m.to for m in mail.outbox] == [[owner.email]]


def test_the_owner_reports_the_outcome_and_everyone_reads_it():
    owner = member()
    case = open_case(owner)
    updated = api.report_outcome(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                 case_uuid=case.summary.uuid, outcome="solved", note="A **shared tutor** worked.")
    assert updated.outcome == "solved" and not updated.follow_up_due
    seen = api.get_case(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid)
    assert "<strong>shared tutor</strong>" in seen.outcome_note_html
    with pytest.raises(AccessDenied):
        api.report_outcome(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                           outcome="not_solved")
    with pytest.raises(InvalidInput):
        api.report_outcome(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                           outcome="maybe")


def test_the_block_asks_the_owner_when_the_follow_up_is_due(monkeypatch):
    owner = member()
    case = open_case(owner)
    from vetnet_plugin.models import CounsellingCase  # pylint: disable=import-outside-toplevel

    assert not api.get_case(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                            case_uuid=case.summary.uuid).follow_up_due
    CounsellingCase.objects.filter(uuid=case.summary.uuid).update(created=timezone.now() - timedelta(days=8))
    assert api.get_case(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                        case_uuid=case.summary.uuid).follow_up_due
    assert not api.get_case(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY,
                            case_uuid=case.summary.uuid).follow_up_due
