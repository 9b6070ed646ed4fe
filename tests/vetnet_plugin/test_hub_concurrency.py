"""
Fifty members claiming their phase credential at the same moment, and one
member claiming it from fifty tabs, on MariaDB: every request succeeds, each
member holds exactly one credential, and their progress row is one row.
"""
import pytest
from django.db import connection

from tests.factories import COURSE_KEY, member
from tests.vetnet_plugin import hub_helpers as hub
from tests.vetnet_plugin.communication_helpers import staff_user
from tests.vetnet_plugin.test_concurrent_writes import WRITERS, all_at_once, assert_every_request_succeeded
from vetnet_plugin import api
from vetnet_plugin.hub.models import PhaseCredential, PhaseProgress

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

CLAIM = f"/api/vetnet/v1/courses/{COURSE_KEY}/hub/credentials/"


@pytest.fixture
def posters():
    assert connection.vendor == "mysql", "these writers must meet MariaDB's locks"
    api.set_phase_criteria(user=staff_user(), course_key=COURSE_KEY, phase="communication",
                           thresholds={"rated": 0, "posted": 1, "counselled": 0})
    thread_id = hub.thread()
    people = [member() for _ in range(WRITERS)]
    for person in people:
        hub.post(person, thread_id=thread_id)
    return people


def test_fifty_members_claiming_at_once_each_get_one_credential(posters):
    answers = all_at_once(posters, lambda client, user: client.post(CLAIM, {"phase": "communication"},
                                                                    format="json"))
    assert_every_request_succeeded(answers)
    assert PhaseCredential.objects.filter(course_key=COURSE_KEY, phase="communication").count() == WRITERS
    assert PhaseProgress.objects.filter(course_key=COURSE_KEY).count() == WRITERS


def test_one_member_claiming_from_fifty_tabs_holds_one_credential(posters):
    one = posters[0]
    answers = all_at_once([one] * WRITERS, lambda client, user: client.post(CLAIM, {"phase": "communication"},
                                                                            format="json"))
    assert_every_request_succeeded(answers)
    assert PhaseCredential.objects.filter(user=one).count() == 1
    assert PhaseProgress.objects.filter(user=one).count() == 1
