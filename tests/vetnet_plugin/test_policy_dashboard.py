"""
The policy dashboard: who may read it, what its tables say (and suppress),
the country filter, the CSV export, across courses, and its fixed cost.
"""
import csv
import io
from datetime import UTC

import pytest
from django.test import override_settings

from tests.factories import OTHER_COURSE_KEY, UserFactory, member, new_request
from vetnet_plugin import api

from .policy_helpers import BASE, COURSE_KEY, DESK, cases_from, client_for, configure_desk, policy_maker, staff_user

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    f"{BASE}/dashboard/", f"{BASE}/indicators/", f"{BASE}/indicators/counselling_topics/csv/",
    "/api/vetnet/v1/policy/dashboard/", "/api/vetnet/v1/policy/indicators/",
    "/api/vetnet/v1/policy/indicators/counselling_topics/csv/",
]


@pytest.fixture
def community():
    configure_desk()
    staff = staff_user()
    reader = policy_maker(staff=staff)
    italians = cases_from("IT", 12)
    greeks = cases_from("GR", 3)
    cases_from("ES", 11, topic="dropout")
    api.refresh_policy_snapshots()
    return staff, reader, italians, greeks


def table(dashboard, key):
    return next(t for t in dashboard.tables if t.key == key)


def value(t, row, column):
    cell = t.cell(row, column)
    return None if cell is None else ("suppressed" if cell.suppressed else cell.value)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_only_staff_and_holders_of_the_granted_policy_role_read_the_dashboard(community, url):
    staff, reader, italians, _greeks = community
    self_declared = member(organisation_type="policy_maker")
    revoked = policy_maker(staff=staff)
    api.revoke_community_role(user=staff, course_key=COURSE_KEY, member_id=revoked.id, role="policy_maker")
    outsider = UserFactory()
    for who in (None, outsider, italians[0], self_declared, revoked):
        assert client_for(who).get(url).status_code in (401, 403), who
    for who in (reader, staff):
        assert client_for(who).get(url).status_code == 200, who


def test_a_policy_maker_of_another_course_does_not_read_this_one(community):
    elsewhere = policy_maker(course_key=OTHER_COURSE_KEY)
    assert client_for(elsewhere).get(f"{BASE}/indicators/").status_code == 403
    across = client_for(elsewhere).get("/api/vetnet/v1/policy/indicators/").json()
    assert across["course_keys"] == [OTHER_COURSE_KEY]


def test_small_groups_are_suppressed_with_their_complements_and_large_ones_shown(community):
    _staff, reader, _it, _gr = community
    dashboard = api.get_policy_dashboard(user=reader, course_key=COURSE_KEY)
    topics = table(dashboard, "counselling_topics")
    assert dashboard.min_cell == 10
    assert value(topics, "dropout", "ES") == 11
    assert value(topics, "apprenticeships", "GR") == "suppressed"
    # 15 apprenticeship cases in all: showing Italy's 12 beside it would give Greece's 3 away.
    assert value(topics, "apprenticeships", "IT") == "suppressed"
    assert value(topics, "apprenticeships", "") == 15 and value(topics, "", "") == 26
    shown = {(c.row, c.column): c.value for c in topics.cells if not c.suppressed}
    assert 3 not in shown.values()


def test_the_smallest_group_shown_is_a_setting(community):
    _staff, reader, _it, _gr = community
    with override_settings(VETNET_POLICY_MIN_CELL=3):
        topics = table(api.get_policy_dashboard(user=reader, course_key=COURSE_KEY), "counselling_topics")
    assert value(topics, "apprenticeships", "GR") == 3 and value(topics, "apprenticeships", "IT") == 12


def test_every_indicator_says_what_it_measures_and_which_european_indicator_it_informs(community):
    _staff, reader, _it, _gr = community
    dashboard = api.get_policy_dashboard(user=reader, course_key=COURSE_KEY)
    keys = {t.key for t in dashboard.tables}
    assert {"delphi_convergence", "delphi_desirability_by_country", "counselling_topics", "counselling_outcomes",
            "counselling_answer_hours", "resources_types", "resources_adopted", "resources_eqf", "resources_licences",
            "workspaces", "best_practices", "partnerships", "participation_countries",
            "participation_organisations"} <= keys
    for t in dashboard.tables:
        assert t.description and t.informs, t.key
    assert "EQAVET indicator 9" in table(dashboard, "counselling_topics").informs


def test_participation_over_time_counts_members_by_country(community):
    _staff, reader, _it, _gr = community
    with override_settings(VETNET_POLICY_MIN_CELL=3):
        participation = table(api.get_policy_dashboard(user=reader, course_key=COURSE_KEY),
                              "participation_countries")
    month = participation.rows[0][0]
    assert value(participation, month, "IT") == 12 and value(participation, month, "ES") == 11


def test_the_country_filter_keeps_that_countrys_figures_only(community):
    _staff, reader, _it, _gr = community
    response = client_for(reader).get(f"{BASE}/indicators/", {"country": "ES"})
    assert response.status_code == 200
    topics = next(t for t in response.json()["tables"] if t["key"] == "counselling_topics")
    assert topics["columns"] == [["ES", "Spain"]]
    assert {c["column"] for c in topics["cells"]} == {"ES"}
    assert client_for(reader).get(f"{BASE}/indicators/", {"country": "Spain"}).status_code == 400


def test_a_table_exports_as_csv_as_it_is_shown(community):
    _staff, reader, _it, _gr = community
    response = client_for(reader).get(f"{BASE}/indicators/counselling_topics/csv/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="vetnet-counselling_topics.csv"' == response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Topic" and rows[0][-1] == "Total"
    lines = {row[0]: row for row in rows[1:]}
    assert "suppressed (fewer than 10 people)" in lines["Finding companies for apprenticeships"]
    assert lines["Early leaving from VET"][rows[0].index("Spain")] == "11"
    assert client_for(reader).get(f"{BASE}/indicators/no_such_table/csv/").status_code == 400


def test_the_page_shows_each_chart_with_its_table_text_and_export(community):
    _staff, reader, _it, _gr = community
    client = client_for(reader)
    client.force_login(reader)
    html = client.get(f"{BASE}/dashboard/", {"country": "ES"}).content.decode()
    assert 'role="img"' in html and 'aria-labelledby="vetnet-policy-counselling_topics-chart-title' in html
    assert "<caption" in html and 'scope="col"' in html and "European indicator:" in html
    assert 'href="/api/vetnet/v1/courses/' in html and "indicators/counselling_topics/csv/?country=ES" in html
    assert '<option value="ES" selected>' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html


def test_across_courses_a_cell_is_not_shown_when_a_courses_own_cell_is_suppressed(community):
    staff, reader, _it, _gr = community
    api.grant_community_role(user=staff, course_key=OTHER_COURSE_KEY,
                             member_id=_enrolled(reader, OTHER_COURSE_KEY).id, role="policy_maker")
    configure_desk(course_key=OTHER_COURSE_KEY, usage_key="block-v1:VETNet+Other+2026+type@vetnet_counselling+block@h")
    api.refresh_policy_snapshots()
    with override_settings(VETNET_POLICY_MIN_CELL=3):
        across = api.get_policy_dashboard(user=reader)
        own = api.get_policy_dashboard(user=reader, course_key=COURSE_KEY)
    assert across.course_keys == (OTHER_COURSE_KEY, COURSE_KEY) or set(across.course_keys) == {
        COURSE_KEY, OTHER_COURSE_KEY}
    assert value(table(across, "counselling_topics"), "apprenticeships", "IT") == 12
    assert value(table(own, "counselling_topics"), "apprenticeships", "IT") == 12


def _enrolled(user, course_key):
    from tests.factories import enroll  # pylint: disable=import-outside-toplevel

    enroll(user, course_key)
    return user


def test_the_dashboard_reads_in_the_same_queries_whatever_the_size_of_the_community(
    community, django_assert_num_queries,
):
    from django.db import connection  # pylint: disable=import-outside-toplevel
    from django.test.utils import CaptureQueriesContext  # pylint: disable=import-outside-toplevel

    _staff, reader, _it, _gr = community
    client = client_for(reader)
    client.force_login(reader)
    budgets = {}
    for url in (f"{BASE}/dashboard/", f"{BASE}/indicators/", "/api/vetnet/v1/policy/dashboard/"):
        new_request()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        budgets[url] = len(captured)
    cases_from("FR", 15, topic="digital-skills")
    cases_from("DE", 14, topic="eu-funding", sector="manufacturing")
    api.refresh_policy_snapshots()
    for url, budget in budgets.items():
        new_request()
        with django_assert_num_queries(budget):
            assert client.get(url).status_code == 200
    assert budgets[f"{BASE}/indicators/"] <= 8


def test_the_periodic_task_is_scheduled_and_fills_the_snapshots(settings):
    from vetnet_plugin.settings.common import PERIODIC_TASKS  # pylint: disable=import-outside-toplevel
    from vetnet_plugin.tasks import refresh_policy_snapshots  # pylint: disable=import-outside-toplevel

    assert PERIODIC_TASKS["vetnet-policy-snapshots"] == "vetnet.refresh_policy_snapshots"
    configure_desk()
    reader = policy_maker()
    cases_from("IT", 10)
    assert api.get_policy_dashboard(user=reader, course_key=COURSE_KEY).computed is None
    assert refresh_policy_snapshots.delay().get() == 1
    dashboard = api.get_policy_dashboard(user=reader, course_key=COURSE_KEY)
    assert dashboard.computed is not None
    assert value(table(dashboard, "counselling_topics"), "apprenticeships", "IT") == 10


def test_partnerships_show_by_the_funding_instrument_they_target_and_their_state(community):
    from .partnership_helpers import accept, partner, propose  # pylint: disable=import-outside-toplevel

    _staff, reader, _it, _gr = community
    proposers = [partner("IT") for _ in range(12)]
    spanish, greek = partner("ES"), partner("GR")
    for proposer in proposers:
        propose(proposer, instrument="erasmus_ka210", partners=[spanish])
    formed = propose(proposers[0], partners=[spanish, greek])
    accept(spanish, formed)
    accept(greek, formed)
    api.refresh_policy_snapshots()
    with override_settings(VETNET_POLICY_MIN_CELL=3):
        partnerships = table(api.get_policy_dashboard(user=reader, course_key=COURSE_KEY), "partnerships")
    assert value(partnerships, "erasmus_ka210", "forming") == 12  # thirteen people: shown
    assert value(partnerships, "erasmus_ka220", "formed") == 1  # its three partners: just enough here
    assert partnerships.row_heading == "Funding instrument" and partnerships.unit == "partnerships"
    assert ("erasmus_ka210", "Erasmus+ KA210 small-scale partnership") in partnerships.rows
    assert ("formed", "Formed") in partnerships.columns
    # At the default of ten people, the formed partnership's three partners are not shown.
    default = table(api.get_policy_dashboard(user=reader, course_key=COURSE_KEY), "partnerships")
    assert value(default, "erasmus_ka220", "formed") == "suppressed"


def test_participation_counts_each_member_once_a_month_from_joining_and_from_what_they_did():
    from datetime import datetime  # pylint: disable=import-outside-toplevel

    from django.utils import timezone  # pylint: disable=import-outside-toplevel

    from vetnet_plugin.models import CounsellingCase, CourseMembership  # pylint: disable=import-outside-toplevel

    configure_desk()
    reader = staff_user()  # course staff read the dashboard without being counted in it
    askers = cases_from("PT", 4)
    idle = member(country="PT")
    march = datetime(2026, 3, 15, tzinfo=UTC)
    CourseMembership.objects.filter(user__in=[*askers, idle]).update(joined=march)
    CounsellingCase.objects.filter(owner__in=askers).update(created=march)
    case = next(c for c in api.list_cases(user=askers[3], course_key=COURSE_KEY, usage_key=DESK).items
                if c.title == "Case PT 3")
    for adviser in askers[:3]:  # an answer and a comment in the same month count the adviser once
        answer = api.answer_case(user=adviser, course_key=COURSE_KEY, usage_key=DESK, case_uuid=case.uuid,
                                 body="Ask the chamber for a shared tutor.")
        api.answer_case(user=adviser, course_key=COURSE_KEY, usage_key=DESK, case_uuid=case.uuid,
                        body="The chamber in Porto did it in 2025.", parent_id=answer.id)
    api.refresh_policy_snapshots()
    with override_settings(VETNET_POLICY_MIN_CELL=3):
        participation = table(api.get_policy_dashboard(user=reader, course_key=COURSE_KEY),
                              "participation_countries")
    assert value(participation, "2026-03", "PT") == 5, "four joined and opened a case, one only joined"
    assert value(participation, timezone.now().strftime("%Y-%m"), "PT") == 3, "three answered this month"
