"""
A word found in most repository entries is searched the way the toolbox
library searches it: on MariaDB by reading the newest entries along the
filters' index with the words checked row by row, so its pages cost the same
however large the repository grows; rare words stay with the FULLTEXT index.
Members see the same entries, newest first, on every page.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import COURSE_KEY, member, new_request
from vetnet_plugin import api
from vetnet_plugin.best_practices import repository

from .best_practice_helpers import configure
from .repository_helpers import graded, staff_user

# Committed rows: MariaDB's FULLTEXT index sees a word only once its transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)

ON_MARIADB = connection.vendor == "mysql"


@pytest.fixture
def entries(settings, monkeypatch):
    settings.VETNET_RATE_LIMITS = {"best_practice": [0, 0], "adoption": [0, 0], "peer_review": [0, 0]}
    configure(topic="labour_market_vet", repository_threshold=0.7)
    monkeypatch.setattr(repository, "FACET_WINDOW", 3)
    monkeypatch.setattr(repository, "COUNT_LIMIT", 8)
    staff = staff_user()
    for n in range(24):
        title = f"Training tutors {n:02d}" if n % 2 == 0 else f"Mentor guide {n:02d}"
        if n == 5:
            title = "Zeolite filters in the workshop"
        graded(title=title, country="ES" if n % 4 == 0 else "IT", staff=staff)


def search(reader, text, **kwargs):
    new_request()
    cursor = kwargs.pop("cursor", None)
    with CaptureQueriesContext(connection) as captured:
        page = api.list_repository(user=reader, course_key=COURSE_KEY, page_size=2, cursor=cursor,
                                   filters=api.RepositoryFilters(search=text, **kwargs))
    return page, len(captured)


def every_page(reader, text, **filters):
    page, queries = search(reader, text, **filters)
    pages, most = [page], queries
    while page.extra["next_cursor"]:
        page, queries = search(reader, text, cursor=page.extra["next_cursor"], **filters)
        pages.append(page)
        most = max(most, queries)
    return pages, most


@pytest.mark.usefixtures("entries")
def test_a_frequent_word_is_found_newest_first_on_every_page_and_costs_a_few_queries_more():
    reader = member()
    pages, most = every_page(reader, "training")
    assert pages[0].extra["date_scan"] is ON_MARIADB
    assert [e.title for e in pages[0].items] == ["Training tutors 22", "Training tutors 20"]
    # "More than 8" from the index; "more than 3" (the window) from the scan, which counts no further.
    assert pages[0].count == (3 if ON_MARIADB else 8) and pages[0].extra["count_capped"]
    assert pages[0].extra["facets_partial"]
    seen = [e.title for page in pages for e in page.items]
    assert seen == [f"Training tutors {n:02d}" for n in range(22, -1, -2)], "every match once, newest first"
    # The membership, the sample and the scan with their two bounds (MariaDB), the capped count,
    # the page and its certificates.
    assert most <= (10 if ON_MARIADB else 6)


@pytest.mark.usefixtures("entries")
def test_a_frequent_word_with_a_country_reads_along_the_country_index():
    reader = member()
    pages, _most = every_page(reader, "training", country="ES")
    assert [e.title for page in pages for e in page.items] == [
        f"Training tutors {n:02d}" for n in range(20, -1, -4)]


@pytest.mark.usefixtures("entries")
def test_a_rare_word_stays_with_the_index_and_finds_its_one_entry():
    page, _queries = search(member(), "zeolite")
    assert page.extra["date_scan"] is False
    assert [e.title for e in page.items] == ["Zeolite filters in the workshop"] and page.count == 1


@pytest.mark.usefixtures("entries")
def test_a_frequent_word_in_another_order_is_found_by_the_index():
    page = api.list_repository(user=member(), course_key=COURSE_KEY, page_size=30, sort="best_reviewed",
                               filters=api.RepositoryFilters(search="training"))
    assert page.extra["date_scan"] is False
    assert len(page.items) == 12 and all(e.title.startswith("Training") for e in page.items)
