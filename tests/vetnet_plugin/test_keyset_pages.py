"""
Deep pages of the big lists (the toolbox library, the member directory) are
read by position: each page names the next one with ``next_cursor``, and that
page is read from the index after the last row shown, with no OFFSET, in the
same number of queries however deep; it reaches past the last counted page and
keeps its place when new rows arrive. Page numbers keep working.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, UserFactory, enroll, member, new_request
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.exceptions import InvalidInput

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]

LIBRARY = f"/api/vetnet/v1/courses/{COURSE_KEY}/toolbox/resources/"
DIRECTORY = f"/api/vetnet/v1/courses/{COURSE_KEY}/members/"


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def link(user, title, **metadata):
    return deposit(user, in_course(), link_url="https://example.org/r", title=title, **metadata)


@pytest.fixture
def small_window(settings):
    """Windows and count limits small enough that a few dozen rows make a "large" list."""
    settings.VETNET_RATE_LIMITS = {"deposit": [10_000, 60]}
    settings.VETNET_TOOLBOX_FACET_WINDOW = 6
    settings.VETNET_TOOLBOX_COUNT_LIMIT = 10
    settings.VETNET_DIRECTORY_COUNT_LIMIT = 10


@pytest.fixture
def library(small_window):
    author = member()
    for n in range(23):
        link(author, f"Resource {n:02d}")
    return author


def walk(client, url, **params):
    """Every page from the first, following ``next``; the titles or names of each."""
    pages, response = [], client.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        pages.append(body)
        if not body["next"]:
            return pages
        response = client.get(body["next"])


def test_following_cursors_reads_the_whole_library_in_order_past_the_counted_pages(library):
    reader = member()
    pages = walk(client_for(reader), LIBRARY, page_size=4)
    titles = [r["title"] for body in pages for r in body["results"]]
    assert titles == [f"Resource {n:02d}" for n in range(22, -1, -1)], "every resource once, newest first"
    first = pages[0]
    # Shallow pages link by number; the count stops at the limit, so beyond it only cursors go on.
    assert first["count"] == 10 and first["count_capped"] is True
    assert "page=2" in first["next"] and first["next_cursor"]
    assert [body["current_page"] for body in pages] == [1, 2, 3, 4, 5, 6]
    assert "cursor=" in pages[3]["next"], "page 4 is past the counted pages: the link is a cursor"
    assert pages[-1]["next_cursor"] is None and pages[-1]["next"] is None


def test_a_cursor_page_is_the_numbered_page_and_keeps_its_place_when_resources_arrive(library):
    client = client_for(member())
    second_by_number = [r["title"] for r in client.get(LIBRARY, {"page": 2, "page_size": 4}).json()["results"]]
    cursor = client.get(LIBRARY, {"page": 1, "page_size": 4}).json()["next_cursor"]
    assert [r["title"] for r in client.get(LIBRARY, {"cursor": cursor, "page_size": 4}).json()["results"]] == (
        second_by_number)
    for n in range(3):
        link(library, f"New resource {n}")
    after_inserts = client.get(LIBRARY, {"cursor": cursor, "page_size": 4}).json()
    assert [r["title"] for r in after_inserts["results"]] == second_by_number, "no resource shown twice"
    shifted = [r["title"] for r in client.get(LIBRARY, {"page": 2, "page_size": 4}).json()["results"]]
    assert shifted != second_by_number, "a page number moves with the inserts; a cursor does not"


@pytest.mark.parametrize("sort", ["best_rated", "most_adopted"])
def test_cursors_follow_every_order(library, sort):
    reader = member()
    client = client_for(reader)
    by_number = [r["title"] for n in (1, 2, 3) for r in
                 client.get(LIBRARY, {"sort": sort, "page": n, "page_size": 2}).json()["results"]]
    first = client.get(LIBRARY, {"sort": sort, "page_size": 2}).json()
    second = client.get(LIBRARY, {"sort": sort, "page_size": 2, "cursor": first["next_cursor"]}).json()
    assert "cursor=" in second["next"] and "sort=" in second["next"]
    third = client.get(second["next"]).json()
    assert [r["title"] for body in (first, second, third) for r in body["results"]] == by_number


def test_a_deep_library_page_costs_what_a_shallow_one_costs_and_uses_no_offset(library):
    reader = member()
    viewer = {"user": reader, **in_course()}
    first = api.list_resources(**viewer, page_size=2)
    cursor, shallow, deep = first.extra["next_cursor"], None, None
    for depth in range(1, 12):
        with CaptureQueriesContext(connection) as captured:
            page = api.list_resources(**viewer, page_size=2, cursor=cursor)
        if depth == 1:
            shallow = len(captured)
        deep = captured
        cursor = page.extra["next_cursor"]
    assert page.page == 12 and len(page.items) == 1 and cursor is None
    assert len(deep) == shallow
    assert not any("OFFSET" in q["sql"].upper() for q in deep.captured_queries)


def test_a_bad_or_foreign_cursor_is_a_400_with_a_message(library):
    client = client_for(member())
    newest = client.get(LIBRARY, {"page_size": 4}).json()["next_cursor"]
    for cursor in ("nonsense", newest[:-3] + "abc", newest):
        params = {"cursor": cursor, "sort": "best_rated"} if cursor == newest else {"cursor": cursor}
        response = client.get(LIBRARY, params)
        assert response.status_code == 400
        assert "first page" in response.json()["detail"] and "cursor" in response.json()["errors"]
    with pytest.raises(InvalidInput):
        api.list_community_members(user=member(), course_key=COURSE_KEY, cursor=newest)


@pytest.fixture
def community(small_window):
    people = []
    for n in range(17):
        user = UserFactory(first_name="Member", last_name=f"{n:02d}")
        enroll(user, COURSE_KEY)
        people.append(user)
    return people


def test_the_directory_reads_deep_pages_by_name_and_keeps_its_place(community, django_assert_num_queries):
    reader = community[0]
    client = client_for(reader)
    pages = walk(client, DIRECTORY, page_size=3)
    names = [m["full_name"] for body in pages for m in body["results"]]
    assert names == sorted(names) and len(names) == 17
    assert pages[0]["count"] == 10 and "cursor=" in pages[-2]["next"]
    cursor = pages[1]["next_cursor"]
    third = [m["full_name"] for m in client.get(DIRECTORY, {"cursor": cursor, "page_size": 3}).json()["results"]]
    early = UserFactory(first_name="Aaron", last_name="Early")
    enroll(early, COURSE_KEY)
    assert [m["full_name"] for m in client.get(DIRECTORY, {"cursor": cursor, "page_size": 3}).json()["results"]] == third
    # A deep page costs the queries of the first page read by cursor: access, the capped count, the page.
    new_request()  # each read is a request of its own
    with django_assert_num_queries(3):
        api.list_community_members(user=reader, course_key=COURSE_KEY, cursor=pages[0]["next_cursor"], page_size=3)
    new_request()
    with CaptureQueriesContext(connection) as captured:
        deep = api.list_community_members(user=reader, course_key=COURSE_KEY, cursor=pages[4]["next_cursor"],
                                          page_size=3)
    assert len(captured) == 3 and not any("OFFSET" in q["sql"].upper() for q in captured.captured_queries)
    assert deep.page == 6 and [m.full_name for m in deep.items] == names[15:]


def test_the_schema_describes_the_cursor_of_the_library_and_the_directory():
    client = client_for(UserFactory(is_staff=True))
    document = client.get("/api/vetnet/v1/schema/", {"format": "json"}).json()
    schemas = document["components"]["schemas"]
    for name in ("LibraryPage", "MemberPage"):
        assert "next_cursor" in schemas[name]["properties"], name
    for path in (LIBRARY, DIRECTORY):
        template = path.replace(COURSE_KEY, "{course_key}")
        parameters = {p["name"] for p in document["paths"][template]["get"]["parameters"]}
        assert {"page", "cursor"} <= parameters, template
