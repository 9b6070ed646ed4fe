"""Partner search: complementary members ranked first, each with one line saying why; contact only by consent."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, member, new_request
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied

from .partnership_helpers import partner

pytestmark = pytest.mark.django_db


def suggest(user, **kwargs):
    new_request()
    return api.suggest_partners(user=user, course_key=COURSE_KEY, **kwargs)


def test_a_member_of_another_country_ranks_above_one_of_the_searchers_own_and_says_it_adds_a_country():
    searcher = partner("IT", languages=["it", "en"])
    same = partner("IT", "school")
    spanish = partner("ES", "school")
    found = suggest(searcher)
    assert [s.user_id for s in found] == [spanish.id, same.id]
    assert found[0].reason == "adds a second country (Spain)"


def test_with_two_countries_chosen_a_third_country_is_the_reason():
    searcher, chosen = partner("IT"), partner("ES", "sme_association")
    greek = partner("GR", "school")
    found = suggest(searcher, chosen_user_ids=[chosen.id])
    assert [s.user_id for s in found] == [greek.id]
    assert found[0].reason == "adds a third country (Greece)"


def test_a_complementary_organisation_type_in_the_searchers_sector_is_said_so():
    searcher = partner("IT", "vet_provider", sectors=["construction"])
    sme = partner("IT", "sme_association", sectors=["construction"])
    school = partner("IT", "school", sectors=["construction"])
    found = suggest(searcher)
    assert [s.user_id for s in found] == [sme.id, school.id]
    assert found[0].reason == "SME or craft association in your sector (Construction and building crafts)"
    assert found[1].reason == "matches your search"


def test_shared_topic_language_and_experience_add_to_the_rank_with_their_reasons():
    searcher = partner("IT", languages=["en"], topics=["green_transition"])
    plain = partner("IT", "school")
    speaker = partner("IT", "school", languages=["en"])
    topical = partner("IT", "school", topics=["green_transition"], languages=["en"])
    found = suggest(searcher)
    assert [s.user_id for s in found] == [topical.id, speaker.id, plain.id]
    assert found[0].reasons == ("works on Green transition and sustainability", "speaks English, as you do")
    assert found[1].reason == "speaks English, as you do"


def test_experience_shown_by_certificates_and_adoptions_is_a_reason():
    searcher, plain, certified = partner("IT"), partner("IT", "school"), partner("IT", "school")
    api.record_certificate(user_id=certified.id, course_key=COURSE_KEY, event="created", status="downloadable",
                           course_name="Cooperation")
    found = suggest(searcher)
    assert [s.user_id for s in found] == [certified.id, plain.id]
    assert found[0].reason == "holds 1 course certificate" and found[0].certificates == 1


def test_filters_narrow_the_search():
    searcher = partner("IT")
    spanish_sme = partner("ES", "sme_association", topics=["inclusion"])
    partner("ES", "school")
    partner("GR", "sme_association")
    found = suggest(searcher, filters=api.DirectoryFilters(country="ES", organisation_type="sme_association",
                                                           topic="inclusion"))
    assert [s.user_id for s in found] == [spanish_sme.id]


def test_organisation_details_and_contact_only_for_members_who_allowed_partnership_contact():
    searcher = partner("IT")
    open_one = partner("ES", organisation="Fundación Oficios", open_to_partnership=True)
    closed = partner("GR", organisation="Hidden Guild")
    found = {s.user_id: s for s in suggest(searcher)}
    assert found[open_one.id].can_contact and found[open_one.id].organisation == "Fundación Oficios"
    assert not found[closed.id].can_contact and found[closed.id].organisation == ""


def test_only_members_of_the_course_community_search_and_only_its_members_are_found():
    partner("ES", course_key=OTHER_COURSE_KEY)
    outsider = member(course_key=OTHER_COURSE_KEY)
    with pytest.raises(AccessDenied):
        suggest(outsider)
    searcher = partner("IT")
    assert suggest(searcher) == ()


def test_each_suggestion_shows_the_member_as_the_directory_does_also_without_a_name_or_a_profile():
    searcher = partner("IT")
    full = partner("ES", "sme_association", languages=["es", "en"], sectors=["construction", "automotive"],
                   topics=["inclusion", "green_transition"], organisation="Gremio", open_to_partnership=True)
    unnamed = partner("GR", "policy_maker")
    type(unnamed).objects.filter(pk=unnamed.pk).update(first_name="", last_name="")
    no_profile = member()
    found = {s.user_id: s for s in suggest(searcher)}
    listed = {p.user_id: p for p in api.list_community_members(user=searcher, course_key=COURSE_KEY).items}
    assert set(found) == {full.id, unnamed.id, no_profile.id}
    for user_id, suggestion in found.items():
        shown = listed[user_id]
        assert (suggestion.name, suggestion.country, suggestion.organisation_type, suggestion.languages,
                suggestion.sectors, suggestion.topics) == (shown.full_name, shown.country, shown.organisation_type,
                                                          shown.languages, shown.sectors, shown.topics)
    assert found[full.id].name == f"{full.first_name} {full.last_name}"
    assert found[full.id].sectors == ("automotive", "construction") and found[full.id].organisation == "Gremio"
    assert found[unnamed.id].name == unnamed.username
    assert found[no_profile.id].country == "" and found[no_profile.id].languages == ()


def _queries(searcher):
    new_request()
    with CaptureQueriesContext(connection) as captured:
        api.suggest_partners(user=searcher, course_key=COURSE_KEY, topic="green_transition")
    return len(captured)


def test_the_search_costs_the_same_number_of_queries_however_many_members_there_are(settings):
    settings.VETNET_PARTNER_SEARCH_CANDIDATES = 5
    searcher = partner("IT", topics=["green_transition"])
    for index in range(3):
        partner(["ES", "GR", "FR"][index], ["sme_association", "policy_maker", "school"][index],
                topics=["green_transition"])
    small = _queries(searcher)
    for index in range(30):
        partner(["ES", "GR", "FR", "IT"][index % 4], ["sme_association", "policy_maker", "school"][index % 3],
                topics=["green_transition"], languages=["en"])
    assert _queries(searcher) == small
    assert small <= 14
    # Five candidates at most from each bucket (three organisation types wanted, elsewhere, topic, any).
    assert 5 <= len(api.suggest_partners(user=searcher, course_key=COURSE_KEY)) <= 5 * 6


def test_practices_the_repository_lists_are_experience_that_ranks_a_partner_higher(settings):
    from .best_practice_helpers import configure  # pylint: disable=import-outside-toplevel
    from .repository_helpers import graded  # pylint: disable=import-outside-toplevel

    settings.VETNET_RATE_LIMITS = {"best_practice": [0, 0]}
    configure(topic="labour_market_vet", repository_threshold=0.7)
    searcher = partner("ES")
    newcomer = partner("GR", "school")
    author, _uuid = graded(score=0.9, country="GR", organisation_type="school")
    graded(score=0.3, country="GR")  # below the threshold: not listed, no experience
    found = {s.user_id: s for s in suggest(searcher)}
    assert found[author.id].practices == 1 and found[newcomer.id].practices == 0
    assert "has 1 best practice in the repository" in found[author.id].reasons
    ranked = [s.user_id for s in suggest(searcher) if s.user_id in (author.id, newcomer.id)]
    assert ranked == [author.id, newcomer.id]
