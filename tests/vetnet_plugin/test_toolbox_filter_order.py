"""
A list-field filter (sector, EQF level, language, tag) lists its resources
newest first along its own ``(kind, value, created)`` index: the same list,
pages and cursors as ever, in queries that do not grow with the library. A
frequent word with such a filter is read along that index too (the bounded
scan), and gives what the word index gives.
"""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import member, new_request
from tests.vetnet_plugin.toolbox_helpers import METADATA, deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.toolbox import library
from vetnet_plugin.toolbox.models import Resource, ResourceAttribute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


@pytest.fixture(autouse=True)
def unlimited(settings):
    settings.VETNET_RATE_LIMITS = {"deposit": [0, 0], "review": [0, 0], "adoption": [0, 0], "collection": [0, 0]}


def link(user, title, **metadata):
    return deposit(user, in_course(), link_url="https://example.org/r", title=title, **metadata)


def titles(page):
    return [r.title for r in page.items]


def walk(reader, filters, page_size=3):
    """Every page from the first, following ``next_cursor``: the titles of each."""
    pages, cursor = [], None
    while True:
        page = api.list_resources(user=reader, **in_course(), filters=filters, page_size=page_size,
                                  cursor=cursor)
        pages.append(titles(page))
        cursor = page.extra["next_cursor"]
        if not cursor:
            return pages


def test_attribute_rows_carry_their_resources_date_through_deposit_and_edit():
    author = member()
    resource = link(author, "Welding guide", tags=["welding"], sectors=["manufacturing"])
    created = Resource.objects.get(uuid=resource.uuid).created
    api.update_resource(user=author, **in_course(), resource_uuid=resource.uuid,
                        metadata={**METADATA, "title": "Welding guide", "tags": ["welding", "safety"],
                                  "sectors": ["energy"]})
    rows = ResourceAttribute.objects.filter(resource__uuid=resource.uuid)
    assert {(r.kind, r.value) for r in rows} >= {("tag", "safety"), ("sector", "energy")}
    assert {r.created for r in rows} == {created}


def test_a_filter_lists_newest_first_with_ties_broken_as_before_and_cursors_walk_it(settings):
    settings.VETNET_TOOLBOX_FACET_WINDOW = 4
    author, reader = member(), member()
    for n in range(9):
        link(author, f"Course {n}", eqf_levels=["4"] if n % 3 else ["2"], sectors=["ict"] if n % 2 else ["energy"])
    # Three resources share one date: the newest first is then the highest id first.
    same = timezone.now() + datetime.timedelta(days=1)
    tied = list(Resource.objects.filter(title__in=["Course 1", "Course 2", "Course 4"]).values_list("pk", flat=True))
    Resource.objects.filter(pk__in=tied).update(created=same)
    ResourceAttribute.objects.filter(resource_id__in=tied).update(created=same)

    level = api.ResourceFilters(eqf_level="4")
    expected = list(Resource.objects.filter(attributes__kind="eqf", attributes__value="4")
                    .order_by("-created", "-id").values_list("title", flat=True))
    first = api.list_resources(user=reader, **in_course(), filters=level, page_size=3)
    assert expected[:3] == ["Course 4", "Course 2", "Course 1"]
    assert titles(first) == expected[:3] and first.count == 6 and first.extra["facets_partial"]
    assert [t for page in walk(reader, level) for t in page] == expected
    assert titles(api.list_resources(user=reader, **in_course(), filters=level, page=2, page_size=3)) == \
        expected[3:6]
    both = api.ResourceFilters(eqf_level="4", sector="ict")
    assert [t for page in walk(reader, both, page_size=2) for t in page] == [
        t for t in expected if int(t.split()[1]) % 2]


def _queries(reader, filters, **kwargs):
    new_request()
    with CaptureQueriesContext(connection) as captured:
        api.list_resources(user=reader, **in_course(), filters=filters, **kwargs)
    return len(captured)


@pytest.mark.parametrize("filters", [
    {"sector": "ict"}, {"eqf_level": "4"}, {"tag": "shared"}, {"language": "en", "tag": "shared"},
    {"sector": "ict", "country": "DE"},
])
def test_a_filtered_list_keeps_its_query_budget_as_the_library_grows(settings, filters):
    settings.VETNET_TOOLBOX_FACET_WINDOW = 3
    settings.VETNET_TOOLBOX_COUNT_LIMIT = 8
    author, reader = member(), member()
    # Past the facet window from the start (so counted), then past the count limit.
    for n in range(5):
        link(author, f"Course {n}", tags=["shared"], sectors=["ict"], eqf_levels=["4"], languages=["en"],
             country="DE")
    chosen = api.ResourceFilters(**filters)
    small = _queries(reader, chosen, page_size=2)
    for n in range(5, 25):
        link(author, f"Course {n}", tags=["shared", f"t{n}"], sectors=["ict", "energy"], eqf_levels=["4"],
             languages=["en"], country="DE")
    # Membership check, leading ids, the capped count, the page, its attributes, the grouped facets.
    assert _queries(reader, chosen, page_size=2) == small <= 7
    cursor = api.list_resources(user=reader, **in_course(), filters=chosen, page_size=2).extra["next_cursor"]
    assert _queries(reader, chosen, page_size=2, cursor=cursor) <= small


# Committed rows: MariaDB's FULLTEXT index sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_a_frequent_word_with_a_filter_is_read_along_the_filter_and_lists_the_same(settings, monkeypatch):
    settings.VETNET_TOOLBOX_FACET_WINDOW = 3
    settings.VETNET_TOOLBOX_COUNT_LIMIT = 6
    author, reader = member(), member()
    for n in range(14):
        link(author, f"Welding course {n}" if n % 2 else f"Baking course {n}",
             eqf_levels=["4"] if n % 3 else ["5"], country="IT" if n % 4 else "DE")
    filters = api.ResourceFilters(search="welding", eqf_level="4", country="IT")
    plain = api.list_resources(user=reader, **in_course(), filters=filters, page_size=2)
    assert not plain.extra["date_scan"] or connection.vendor == "mysql"
    # Where the word index exists the scan is chosen; elsewhere it is forced, to compare the two.
    monkeypatch.setattr(library, "uses_fulltext", lambda terms: True)
    scanned = api.list_resources(user=reader, **in_course(), filters=filters, page_size=2)
    assert scanned.extra["date_scan"]
    expected = list(Resource.objects.filter(title__contains="Welding", country="IT", attributes__kind="eqf",
                                            attributes__value="4")
                    .order_by("-created", "-id").values_list("title", flat=True))
    assert len(expected) == 5
    assert titles(scanned) == titles(plain) == expected[:2]
    # The scan counts only as far as its window: "more than 3", the rest reached page by page.
    assert (scanned.count, scanned.extra["count_capped"], scanned.num_pages) == (3, True, 2)
    assert (plain.count, plain.extra["count_capped"], plain.num_pages) == (
        (3, True, 2) if plain.extra["date_scan"] else (5, False, 3))
    assert scanned.extra["facets"] == plain.extra["facets"]
    assert [t for page in walk(reader, filters, page_size=2) for t in page] == expected
    # A word the filtered rows rarely hold is left to the word index (or LIKE) as before.
    rare = api.list_resources(user=reader, **in_course(), page_size=2,
                              filters=api.ResourceFilters(search="course 13", eqf_level="4"))
    assert not rare.extra["date_scan"] and titles(rare) == ["Welding course 13"]
