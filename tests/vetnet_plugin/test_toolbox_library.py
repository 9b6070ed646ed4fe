"""Members find resources: search, filters with counts, sorting, pages, scope."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import OTHER_COURSE_KEY, UserFactory, member, new_request
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.exceptions import InvalidInput, NotFound

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


def link(user, ctx=None, **metadata):
    return deposit(user, ctx, link_url="https://example.org/r", **metadata)


@pytest.fixture
def library():
    author = member()
    link(author, title="Welding simulator", resource_type="technological_tool", country="DE",
         sectors=["manufacturing"], eqf_levels=["4"], languages=["de"], tags=["welding", "vr"],
         target_group="vet_learners", licence="cc-by")
    link(author, title="Green building course", description="Insulation for **plasterers**", country="IT",
         sectors=["construction", "energy"], eqf_levels=["3", "4"], languages=["it"], tags=["green"],
         licence="cc-by-nc")
    link(author, title="Tutor handbook", resource_type="document", country="ES", sectors=["cross_sector"],
         eqf_levels=["5"], languages=["es", "ca"], tags=["tutoring"], licence="all-rights-reserved")
    return author


def titles(page):
    return [r.title for r in page.items]


# Committed rows: MariaDB's FULLTEXT index sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_full_text_search_looks_in_title_description_and_tags(library):
    reader = member()
    find = lambda text: titles(api.list_resources(user=reader, **in_course(),  # noqa: E731
                                                  filters=api.ResourceFilters(search=text)))
    assert find("welding") == ["Welding simulator"]
    assert find("PLASTERERS") == ["Green building course"]
    assert find("tutoring") == ["Tutor handbook"]
    assert find("green insulation") == ["Green building course"]
    assert find("green welding") == []


@pytest.mark.parametrize("filters,expected", [
    ({"resource_type": "document"}, ["Tutor handbook"]),
    ({"country": "de"}, ["Welding simulator"]),
    ({"sector": "construction"}, ["Green building course"]),
    ({"eqf_level": "4"}, ["Green building course", "Welding simulator"]),
    ({"language": "ca"}, ["Tutor handbook"]),
    ({"target_group": "vet_learners"}, ["Welding simulator"]),
    ({"licence": "cc-by-nc"}, ["Green building course"]),
    ({"tag": "VR"}, ["Welding simulator"]),
    ({"eqf_level": "4", "sector": "energy"}, ["Green building course"]),
])
def test_every_metadata_field_filters(library, filters, expected):
    page = api.list_resources(user=member(), **in_course(), filters=api.ResourceFilters(**filters))
    assert sorted(titles(page)) == expected


def test_facets_count_each_value_among_the_results(library):
    page = api.list_resources(user=member(), **in_course())
    facets = page.extra["facets"]
    assert facets["eqf_levels"] == {"3": 1, "4": 2, "5": 1}
    assert facets["resource_type"] == {"technological_tool": 1, "training_material": 1, "document": 1}
    assert facets["country"] == {"DE": 1, "IT": 1, "ES": 1}
    assert facets["languages"]["ca"] == 1 and facets["sectors"]["construction"] == 1
    assert facets["tags"]["vr"] == 1 and facets["licence"]["cc-by"] == 1

    narrowed = api.list_resources(user=member(), **in_course(), filters=api.ResourceFilters(eqf_level="4"))
    assert narrowed.extra["facets"]["eqf_levels"] == {"3": 1, "4": 2}
    assert narrowed.extra["facets"]["country"] == {"DE": 1, "IT": 1}


def test_sorting_by_newest_best_rated_and_most_adopted(library):
    reader, other = member(), member()
    ctx = in_course()
    by_title = {r.title: r for r in api.list_resources(user=reader, **ctx).items}
    api.review_resource(user=reader, **ctx, resource_uuid=by_title["Tutor handbook"].uuid, rating=5)
    api.review_resource(user=other, **ctx, resource_uuid=by_title["Welding simulator"].uuid, rating=3)
    api.adopt_resource(user=reader, **ctx, resource_uuid=by_title["Welding simulator"].uuid)
    api.adopt_resource(user=other, **ctx, resource_uuid=by_title["Welding simulator"].uuid)
    api.adopt_resource(user=other, **ctx, resource_uuid=by_title["Green building course"].uuid)

    assert titles(api.list_resources(user=reader, **ctx, sort="newest")) == [
        "Tutor handbook", "Green building course", "Welding simulator"]
    assert titles(api.list_resources(user=reader, **ctx, sort="best_rated"))[:2] == [
        "Tutor handbook", "Welding simulator"]
    assert titles(api.list_resources(user=reader, **ctx, sort="most_adopted"))[:2] == [
        "Welding simulator", "Green building course"]
    with pytest.raises(InvalidInput):
        api.list_resources(user=reader, **ctx, sort="random")


def test_pages(library):
    reader = member()
    for n in range(5):
        link(library, title=f"Extra {n}")
    first = api.list_resources(user=reader, **in_course(), page_size=3)
    assert first.count == 8 and first.num_pages == 3 and len(first.items) == 3 and first.has_next
    last = api.list_resources(user=reader, **in_course(), page=3, page_size=3)
    assert len(last.items) == 2 and not last.has_next
    with pytest.raises(NotFound):
        api.list_resources(user=reader, **in_course(), page=4, page_size=3)
    with pytest.raises(InvalidInput):
        api.list_resources(user=reader, **in_course(), page="two")


def test_scope_course_community_or_both():
    here, there = member(), member(OTHER_COURSE_KEY)
    link(here, in_course(scope="course"), title="Ours only")
    link(here, in_course(scope="both"), title="Ours, shared")
    link(there, in_course(OTHER_COURSE_KEY, scope="both"), title="Theirs, shared")
    link(there, in_course(OTHER_COURSE_KEY, scope="course"), title="Theirs only")
    see = lambda scope: sorted(titles(api.list_resources(user=here, **in_course(scope=scope))))  # noqa: E731
    assert see("course") == ["Ours only", "Ours, shared"]
    assert see("community") == ["Ours, shared", "Theirs, shared"]
    assert see("both") == ["Ours only", "Ours, shared", "Theirs, shared"]


def test_a_member_sees_their_own_pending_resources_with_mine(library):
    author = member()
    link(author, in_course(moderation="approval"), title="Mine, waiting")
    mine = api.list_resources(user=author, **in_course(), filters=api.ResourceFilters(mine=True))
    assert titles(mine) == ["Mine, waiting"] and mine.items[0].status == "pending"
    assert "Mine, waiting" not in titles(api.list_resources(user=member(), **in_course()))


def _queries_for_one_page(user):
    new_request()  # the page is read in a request of its own
    with CaptureQueriesContext(connection) as queries:
        api.list_resources(user=user, **in_course(), filters=api.ResourceFilters(search="course", eqf_level="4"),
                           sort="best_rated")
    return len(queries)


def test_the_list_keeps_a_constant_query_budget_as_the_library_grows(settings):
    settings.VETNET_RATE_LIMITS = {"deposit": [0, 0], "review": [0, 0], "adoption": [0, 0], "collection": [0, 0]}
    reader, staff = member(), UserFactory(is_staff=True)
    author = member()
    for n in range(3):
        link(author, title=f"Course {n}", tags=[f"t{n}"])
    small = _queries_for_one_page(reader)
    for n in range(3, 30):
        link(author, title=f"Course {n}", tags=[f"t{n}", "shared"], sectors=["ict", "energy"])
    assert _queries_for_one_page(reader) == small
    # Membership check, leading ids, count, page, the page's attributes, two grouped facet queries.
    assert small <= 7
    assert _queries_for_one_page(staff) <= small


def test_beyond_the_facet_window_counts_stay_exact_and_facets_say_they_are_partial(settings):
    settings.VETNET_RATE_LIMITS = {"deposit": [0, 0], "review": [0, 0], "adoption": [0, 0], "collection": [0, 0]}
    settings.VETNET_TOOLBOX_FACET_WINDOW = 4
    author, reader = member(), member()
    for n in range(7):
        link(author, title=f"Course {n}", eqf_levels=["2"] if n < 3 else ["6"])
    first = api.list_resources(user=reader, **in_course(), page_size=3)
    assert first.count == 7 and first.num_pages == 3 and first.extra["facets_partial"]
    # The four newest: courses 6, 5, 4 and 3.
    assert first.extra["facets"]["eqf_levels"] == {"6": 4}
    assert titles(first) == ["Course 6", "Course 5", "Course 4"]
    assert titles(api.list_resources(user=reader, **in_course(), page=2, page_size=3)) == [
        "Course 3", "Course 2", "Course 1"]
    assert titles(api.list_resources(user=reader, **in_course(), page=3, page_size=3)) == ["Course 0"]
    narrow = api.list_resources(user=reader, **in_course(), filters=api.ResourceFilters(eqf_level="2"))
    assert narrow.count == 3 and not narrow.extra["facets_partial"]


# Committed rows: MariaDB's FULLTEXT index sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_very_large_results_are_counted_up_to_a_limit(settings):
    settings.VETNET_RATE_LIMITS = {"deposit": [0, 0], "review": [0, 0], "adoption": [0, 0], "collection": [0, 0]}
    settings.VETNET_TOOLBOX_FACET_WINDOW = 2
    settings.VETNET_TOOLBOX_COUNT_LIMIT = 4
    author, reader = member(), member()
    for n in range(6):
        link(author, title=f"Course {n}")
    page = api.list_resources(user=reader, **in_course(), page_size=2)
    assert page.count == 4 and page.extra["count_capped"] and page.num_pages == 2
    exact = api.list_resources(user=reader, **in_course(), filters=api.ResourceFilters(search="course 5"))
    assert exact.count == 1 and not exact.extra["count_capped"]
