"""
A word found in a large share of the library is searched by reading the newest
resources along the date index (MariaDB), so its pages cost the same however
large the library grows; rare words stay with the FULLTEXT index. Members see
the same resources, newest first, on every page.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import member
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.exceptions import NotFound

# Committed data: MariaDB's FULLTEXT index sees rows once their transaction commits.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("toolbox_media")]

ON_MARIADB = connection.vendor == "mysql"


@pytest.fixture
def library(settings):
    settings.VETNET_RATE_LIMITS = {"deposit": [10_000, 60]}
    settings.VETNET_TOOLBOX_FACET_WINDOW = 3
    settings.VETNET_TOOLBOX_COUNT_LIMIT = 8
    author = member()
    for n in range(40):
        frequent = n % 2 == 0
        deposit(author, in_course(), link_url="https://example.org/r", title=f"Resource {n:02d}",
                description=("Hands-on **training** for tutors." if frequent else "A guide for mentors.")
                + (" Zeolite filters." if n == 3 else ""))
    return author


def titles(page):
    return [r.title for r in page.items]


def search(reader, text, **kwargs):
    with CaptureQueriesContext(connection) as captured:
        page = api.list_resources(user=reader, **in_course(), filters=api.ResourceFilters(search=text),
                                  page_size=2, **kwargs)
    return page, len(captured)


def test_a_frequent_word_is_found_by_the_date_scan_newest_first_on_every_page(library):
    reader = member()
    first, queries = search(reader, "training")
    assert first.extra["date_scan"] is ON_MARIADB
    assert titles(first) == ["Resource 38", "Resource 36"]
    # "More than 8" from the index; "more than 3" (the window) from the scan, which counts no further.
    assert first.count == (3 if ON_MARIADB else 8) and first.extra["count_capped"]
    # Membership, on MariaDB the sample and the scan with their bounds (4, else the leading query and
    # the capped count), the page, its attributes, the facets.
    assert queries <= (8 if ON_MARIADB else 6)
    seen, page = titles(first), first
    while page.extra["next_cursor"]:
        page, deep_queries = search(reader, "training", cursor=page.extra["next_cursor"])
        assert deep_queries <= (8 if ON_MARIADB else 6)
        seen += titles(page)
    assert seen == [f"Resource {n:02d}" for n in range(38, -1, -2)], "every match once, newest first"


def test_a_page_number_past_the_counted_pages_shows_its_resources_until_the_list_ends(library):
    reader = member()
    counted = search(reader, "training")[0].num_pages
    # Twenty matches make ten pages of two; the count stopped before them ("more than ...").
    assert counted < 10
    page, _queries = search(reader, "training", page=counted + 2)
    assert titles(page) == [f"Resource {n:02d}" for n in (38 - 4 * (counted + 1), 36 - 4 * (counted + 1))]
    assert titles(search(reader, "training", page=10)[0]) == ["Resource 02", "Resource 00"]
    with pytest.raises(NotFound):
        search(reader, "training", page=11)


def test_a_rare_word_stays_with_the_index_and_finds_its_one_resource(library):
    reader = member()
    page, queries = search(reader, "zeolite")
    assert page.extra["date_scan"] is False
    assert titles(page) == ["Resource 03"] and page.count == 1
    assert queries <= (7 if ON_MARIADB else 5)


def test_a_frequent_word_in_another_order_uses_the_index(library):
    reader = member()
    page, _queries = search(reader, "training", sort="best_rated")
    assert page.extra["date_scan"] is False
    assert len(page.items) == 2 and all(n % 2 == 0 for n in (int(t.split()[1]) for t in titles(page)))
