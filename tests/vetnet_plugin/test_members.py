"""Member profiles and the member directory of a course community."""
import pytest

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member, unenroll
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound

pytestmark = pytest.mark.django_db


def test_a_new_member_has_an_empty_profile():
    user = UserFactory(first_name="Eleni", last_name="Papadaki")
    profile = api.get_member_profile(user_id=user.id)
    assert profile.full_name == "Eleni Papadaki"
    assert profile.organisation == "" and profile.languages == ()
    assert not profile.open_to_counselling


def test_member_fills_in_the_profile():
    user = UserFactory()
    profile = api.update_member_profile(user_id=user.id, changes={
        "organisation": "  ECIPA CNA ",
        "organisation_type": "vet_provider",
        "country": "it",
        "languages": ["it", "en", "it"],
        "sectors": ["construction"],
        "topics": ["digital_transition", "trainer_competences"],
        "bio": "Training for craft enterprises.",
        "open_to_counselling": True,
    })
    assert profile.organisation == "ECIPA CNA"
    assert profile.country == "IT"
    assert profile.languages == ("en", "it")
    assert profile.topics == ("digital_transition", "trainer_competences")
    assert profile.open_to_counselling and not profile.open_to_partnership


def test_changing_one_field_keeps_the_others():
    user = UserFactory()
    api.update_member_profile(user_id=user.id, changes={"organisation": "PIMEC", "sectors": ["ict", "retail_trade"]})
    profile = api.update_member_profile(user_id=user.id, changes={"sectors": ["ict"]})
    assert profile.organisation == "PIMEC"
    assert profile.sectors == ("ict",)


def test_invalid_profile_is_refused_field_by_field_and_nothing_is_saved():
    user = UserFactory()
    api.update_member_profile(user_id=user.id, changes={"organisation": "IME GSEVEE", "country": "GR"})
    with pytest.raises(InvalidInput) as error:
        api.update_member_profile(user_id=user.id, changes={
            "organisation": "Changed",
            "country": "XX",
            "sectors": ["not-a-sector"],
            "organisation_type": "pirate",
            "bio": "x" * 2001,
            "open_to_partnership": "yes",
            "user_id": 99,
        })
    assert set(error.value.errors) == {
        "country", "sectors", "organisation_type", "bio", "open_to_partnership", "user_id",
    }
    assert "not-a-sector" in error.value.errors["sectors"][0]
    profile = api.get_member_profile(user_id=user.id)
    assert (profile.organisation, profile.country) == ("IME GSEVEE", "GR")


def test_profile_of_unknown_user_is_not_found():
    with pytest.raises(NotFound):
        api.get_member_profile(user_id=987654)


def _names(page):
    return [item.username for item in page.items]


def test_directory_lists_active_members_of_this_course_only():
    viewer = member()
    member(organisation="Active")
    leaver = member()
    unenroll(leaver)
    member(OTHER_COURSE_KEY)
    UserFactory()  # never enrolled

    page = api.list_community_members(user=viewer, course_key=COURSE_KEY)

    assert page.count == 2
    assert leaver.username not in _names(page)


@pytest.mark.parametrize("filters, expected", [
    (api.DirectoryFilters(country="it"), {"italian"}),
    (api.DirectoryFilters(organisation_type="policy_maker"), {"policy"}),
    (api.DirectoryFilters(sector="construction"), {"italian", "greek"}),
    (api.DirectoryFilters(language="ca"), {"catalan"}),
    (api.DirectoryFilters(topic="eu_funding"), {"policy", "catalan"}),
    (api.DirectoryFilters(sector="construction", country="GR"), {"greek"}),
    (api.DirectoryFilters(search="pimec"), {"catalan"}),
    (api.DirectoryFilters(sector="energy"), set()),
])
# Committed rows: MariaDB's FULLTEXT index (the search) sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_directory_filters(filters, expected):
    people = {
        "italian": dict(country="IT", organisation_type="vet_provider", sectors=["construction"], languages=["it"]),
        "greek": dict(country="GR", organisation_type="sme_association", sectors=["construction", "ict"],
                      languages=["el", "en"]),
        "catalan": dict(country="ES", organisation="PIMEC", organisation_type="sme_association",
                        languages=["ca", "es"], topics=["eu_funding"]),
        "policy": dict(country="BE", organisation_type="policy_maker", topics=["eu_funding", "inclusion"]),
    }
    users = {}
    for name, profile in people.items():
        users[name] = member(**profile)
        users[name].username = name
        users[name].save()

    page = api.list_community_members(user=users["italian"], course_key=COURSE_KEY, filters=filters)

    assert set(_names(page)) == expected
    assert page.count == len(expected)


def test_directory_is_paginated():
    viewer = member()
    for _ in range(11):
        member()

    first = api.list_community_members(user=viewer, course_key=COURSE_KEY, page_size=5)
    last = api.list_community_members(user=viewer, course_key=COURSE_KEY, page=3, page_size=5)

    assert (first.count, first.num_pages, len(first.items)) == (12, 3, 5)
    assert first.has_next and not first.has_previous
    assert len(last.items) == 2 and not last.has_next
    with pytest.raises(NotFound):
        api.list_community_members(user=viewer, course_key=COURSE_KEY, page=4, page_size=5)


def test_directory_is_for_members_and_staff_only():
    outsider = UserFactory()
    member(OTHER_COURSE_KEY)
    with pytest.raises(AccessDenied):
        api.list_community_members(user=outsider, course_key=COURSE_KEY)

    leaver = member()
    unenroll(leaver)
    with pytest.raises(AccessDenied):
        api.list_community_members(user=leaver, course_key=COURSE_KEY)

    staff = UserFactory(is_staff=True)
    assert api.list_community_members(user=staff, course_key=COURSE_KEY).count == 0


def test_directory_query_count_does_not_grow_with_members(django_assert_max_num_queries):
    viewer = member(sectors=["ict"], languages=["en"])
    for index in range(20):
        member(country="IT", sectors=["ict", "energy"], languages=["it", "en"], topics=["eu_funding"],
               organisation=f"Org {index}")
    # membership check, count, page of users with profiles, their attributes
    with django_assert_max_num_queries(4):
        page = api.list_community_members(user=viewer, course_key=COURSE_KEY, page_size=21)
    assert page.count == 21
    assert all(item.sectors for item in page.items)


def test_bad_course_key_is_a_clear_error():
    with pytest.raises(InvalidInput, match="not a valid course key"):
        api.list_community_members(user=UserFactory(), course_key="not a key")


def test_retirement_removes_the_profile_and_memberships_and_is_idempotent():
    user = member(organisation="ECIPA", bio="About me")
    api.retire_member(user_id=user.id)
    api.retire_member(user_id=user.id)
    profile = api.get_member_profile(user_id=user.id)
    assert profile.organisation == "" and profile.bio == ""
    assert api.get_membership(user_id=user.id, course_key=COURSE_KEY) is None
