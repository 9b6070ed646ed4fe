"""
The repository on MariaDB: fifty members adopting one practice at once all
succeed and every adoption counts, and word search goes through the FULLTEXT index.
"""
import pytest
from django.db import connection

from tests.factories import COURSE_KEY, member
from vetnet_plugin import api
from vetnet_plugin.models import PracticeAdoption, RepositoryEntry

from .best_practice_helpers import configure
from .repository_helpers import graded, titles
from .test_concurrent_writes import WRITERS, all_at_once, assert_every_request_succeeded

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

BASE = f"/api/vetnet/v1/courses/{COURSE_KEY}/best-practices/repository"


@pytest.fixture
def entry(settings):
    assert connection.vendor == "mysql", "these writers must meet MariaDB's locks"
    settings.VETNET_RATE_LIMITS = {"best_practice": [0, 0], "adoption": [0, 0]}
    configure(topic="labour_market_vet")
    graded(title="Welding apprenticeships in shared workshops", country="IT")
    return RepositoryEntry.objects.get()


def test_fifty_members_adopting_one_practice_at_once_all_succeed_and_every_adoption_counts(entry):
    adopters = [member(country="GR" if index % 2 else "IT") for index in range(WRITERS)]

    answers = all_at_once(adopters, lambda client, _user: client.post(f"{BASE}/{entry.uuid}/adoption/",
                                                                      {"context": "Here too"}, format="json"))

    assert_every_request_succeeded(answers)
    entry.refresh_from_db()
    assert PracticeAdoption.objects.filter(entry=entry).count() == WRITERS
    assert entry.adoption_count == WRITERS and entry.adopted_elsewhere

    answers = all_at_once(adopters, lambda client, _user: client.delete(f"{BASE}/{entry.uuid}/adoption/"))
    assert_every_request_succeeded(answers)
    entry.refresh_from_db()
    assert entry.adoption_count == 0 and not entry.adopted_elsewhere


def test_word_search_uses_the_fulltext_index_and_finds_word_beginnings(entry):
    graded(title="Green kitchens for hotel schools", country="ES")
    reader = member()
    assert titles(reader, search="weld") == {"Welding apprenticeships in shared workshops"}
    assert titles(reader, search="kitchens hotel") == {"Green kitchens for hotel schools"}
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW INDEX FROM {RepositoryEntry._meta.db_table} WHERE Index_type = 'FULLTEXT'")
        assert cursor.fetchall()
    api.list_repository(user=reader, course_key=COURSE_KEY, filters=api.RepositoryFilters(search="weld"))
