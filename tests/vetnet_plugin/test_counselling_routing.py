"""
Routing: members whose profiles match a new case, and who are willing to
counsel, are told by e-mail; never the owner, never an outsider, never about a
private circle; with a daily limit, an opt-out and the trainer's switch.
"""
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, member, new_request
from vetnet_plugin import api
from vetnet_plugin.counselling.models import CaseRouting, CounsellingCase
from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from .counselling_helpers import TOPICS, USAGE_KEY, open_case

pytestmark = pytest.mark.django_db

DESK = f"/api/vetnet/v1/courses/{COURSE_KEY}/counselling/{USAGE_KEY}"
WILLING = {"open_to_counselling": True, "sectors": ["construction"]}


def desk(**settings):
    return api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS, **settings)


def open_and_route(owner, capture, **intake):
    intake.setdefault("sector", "construction")
    with capture(execute=True):
        return open_case(owner, **intake)


def told(user) -> list:
    return [m for m in mail.outbox if m.to == [user.email]]


def test_matching_willing_members_are_told_and_nobody_else(django_capture_on_commit_callbacks):
    desk()
    owner = member(**WILLING)
    matching = member(**WILLING)
    by_language = member(open_to_counselling=True, languages=["en"])
    unwilling = member(sectors=["construction"])
    other_sector = member(open_to_counselling=True, sectors=["ict"])
    outsider = member(course_key=OTHER_COURSE_KEY, **WILLING)
    case = open_and_route(owner, django_capture_on_commit_callbacks, title="Site safety for apprentices",
                          language="en", anonymous=False)
    assert len(told(matching)) == 1 and len(told(by_language)) == 1
    for nobody in (owner, unwilling, other_sector, outsider):
        assert told(nobody) == []
    message = told(matching)[0]
    assert "Site safety for apprentices" in message.subject
    for name in (owner.username, owner.get_full_name()):
        assert name not in message.body + message.subject
    # The best match first: the member sharing the sector and the language comes before one sharing one of them.
    assert api.find_counsellors(course_key=COURSE_KEY, sectors=["construction"], languages=["en"],
                                exclude_user_ids=[owner.id]) == (matching.id, by_language.id)
    # A second run of the task (a retry) tells nobody again.
    assert api.route_counselling_case(case_id=CounsellingCase.objects.get(uuid=case.summary.uuid).pk) == 0
    assert len(mail.outbox) == 2


def test_private_circles_and_switched_off_desks_are_not_routed(django_capture_on_commit_callbacks):
    desk(allow_private=True)
    adviser, willing = member(**WILLING), member(**WILLING)
    open_and_route(member(), django_capture_on_commit_callbacks, private=True, advisers=[adviser.username])
    assert mail.outbox == []
    desk(allow_private=True, routing_enabled=False)
    open_and_route(member(), django_capture_on_commit_callbacks)
    assert mail.outbox == [] and CaseRouting.objects.count() == 0
    assert told(willing) == []


def test_opting_out_and_the_daily_limit(django_capture_on_commit_callbacks, settings):
    settings.VETNET_COUNSELLING_ROUTING_DAILY_LIMIT = 2
    desk()
    busy, quiet = member(**WILLING), member(**WILLING)
    api.set_routing_notices(user=quiet, enabled=False)
    assert api.routing_notices_enabled(user=quiet) is False
    for number in range(3):
        open_and_route(member(), django_capture_on_commit_callbacks, title=f"Case {number}")
    assert len(told(busy)) == 2 and told(quiet) == []
    # A day later the limit counts again.
    CaseRouting.objects.update(created=timezone.now() - timedelta(days=2))
    open_and_route(member(), django_capture_on_commit_callbacks, title="Case 4")
    assert len(told(busy)) == 3
    api.set_routing_notices(user=quiet, enabled=True)
    open_and_route(member(), django_capture_on_commit_callbacks, title="Case 5")
    assert len(told(quiet)) == 1


def test_a_case_reaches_at_most_the_configured_number_of_members(django_capture_on_commit_callbacks, settings):
    settings.VETNET_COUNSELLING_ROUTING_PER_CASE = 3
    desk()
    willing = [member(**WILLING) for _ in range(6)]
    open_and_route(member(), django_capture_on_commit_callbacks)
    assert sum(len(told(u)) for u in willing) == 3


def test_finding_counsellors_costs_the_same_queries_however_many_match():
    def cost():
        new_request()
        with CaptureQueriesContext(connection) as queries:
            api.find_counsellors(course_key=COURSE_KEY, sectors=["construction"], topics=["eu_funding"],
                                 languages=["en"], countries=["IT"])
        return len(queries)

    member(country="IT", languages=["en"], **WILLING)
    few = cost()
    for _ in range(10):
        member(country="IT", languages=["en"], topics=["eu_funding"], **WILLING)
    assert cost() == few <= 4
    assert api.find_counsellors(course_key=COURSE_KEY, sectors=["construction"], limit=0) == ()
    assert api.find_counsellors(course_key=COURSE_KEY, sectors=[{"$ne": 1}, None, 7]) == ()


def test_the_notice_choice_refuses_hostile_input_and_anonymous_users():
    for hostile in ("no", 0, None, {"enabled": False}):
        with pytest.raises(InvalidInput):
            api.set_routing_notices(user=member(), enabled=hostile)
    from django.contrib.auth.models import AnonymousUser  # pylint: disable=import-outside-toplevel

    with pytest.raises(AccessDenied):
        api.set_routing_notices(user=AnonymousUser(), enabled=False)


def test_the_notice_choice_over_rest():
    desk()
    client = APIClient()
    user = member()
    client.force_authenticate(user)
    assert client.get(f"{DESK}/notices/").json() == {"enabled": True}
    assert client.put(f"{DESK}/notices/", {"enabled": False}, format="json").json() == {"enabled": False}
    assert client.get(f"{DESK}/notices/").json() == {"enabled": False}
    assert client.put(f"{DESK}/notices/", {"enabled": "perhaps"}, format="json").status_code == 400
    assert client.put(f"{DESK}/notices/", "[]", content_type="application/json").status_code == 400
    other = f"/api/vetnet/v1/courses/{COURSE_KEY}/counselling/block-v1:VETNet+CoVP+2025+type@x+block@nope/notices/"
    assert client.get(other).status_code == 404
    assert APIClient().get(f"{DESK}/notices/").status_code in (401, 403)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_cases_routed_at_the_same_moment_keep_a_members_daily_limit(settings):
    from tests.concurrency import at_once  # pylint: disable=import-outside-toplevel

    settings.VETNET_COUNSELLING_ROUTING_DAILY_LIMIT = 2
    desk(routing_enabled=False)
    willing = member(**WILLING)
    for number in range(12):
        open_case(member(), title=f"Case at once {number}", sector="construction")
    cases = list(CounsellingCase.objects.values_list("pk", flat=True))
    CounsellingCase.objects.update(routed_at=None)
    desk(routing_enabled=True)
    errors = at_once([lambda pk=pk: api.route_counselling_case(case_id=pk) for pk in cases])
    assert errors == []
    assert CaseRouting.objects.filter(user=willing).count() == 2, "told about two cases, however many workers"
    assert len(told(willing)) == 2
