"""Each funding instrument's rules, as operator data, give the verdict and say what is missing."""
import pytest
from django.test import override_settings

from vetnet_plugin import api
from vetnet_plugin.settings.common import DEFAULTS


def instrument(key):
    return next(i for i in api.list_funding_instruments() if i.key == key)


def verdict(key, partners):
    return api.check_partnership_composition(instrument(key), partners)


def test_the_default_instruments_are_offered():
    keys = [i.key for i in api.list_funding_instruments()]
    assert keys == ["erasmus_ka220", "erasmus_ka210", "erasmus_ka1", "erasmus_cove", "esf_plus", "other"]


def test_ka220_needs_three_organisations_from_three_programme_countries():
    two = verdict("erasmus_ka220", [("IT", "vet_provider"), ("ES", "sme_association")])
    assert not two.eligible
    assert two.missing == ("Add 1 more organisation.", "Add a partner from 1 more programme country.")
    same_country = verdict("erasmus_ka220", [("IT", "vet_provider"), ("ES", "sme_association"), ("ES", "school")])
    assert not same_country.eligible and same_country.missing == ("Add a partner from 1 more programme country.",)
    assert verdict("erasmus_ka220", [("IT", "vet_provider"), ("ES", "sme_association"), ("GR", "school")]).eligible


def test_a_country_outside_the_programme_does_not_count_for_ka220():
    result = verdict("erasmus_ka220", [("IT", "vet_provider"), ("ES", "sme_association"), ("US", "school")])
    assert not result.eligible and result.countries == ("ES", "IT", "US")
    assert result.missing == ("Add a partner from 1 more programme country.",)


def test_ka210_needs_two_organisations_from_two_programme_countries():
    assert verdict("erasmus_ka210", [("IT", "vet_provider")]).missing == (
        "Add 1 more organisation.", "Add a partner from 1 more programme country.")
    assert verdict("erasmus_ka210", [("IT", "vet_provider"), ("DE", "vet_provider")]).eligible


def test_ka1_mobility_needs_a_sending_and_a_hosting_organisation_abroad():
    assert not verdict("erasmus_ka1", [("IT", "vet_provider"), ("IT", "sme_association")]).eligible
    assert verdict("erasmus_ka1", [("IT", "vet_provider"), ("PT", "sme_association")]).eligible


def test_a_centre_of_vocational_excellence_needs_eight_partners_four_countries_a_vet_provider_and_an_sme_body():
    seven = [("IT", "vet_provider")] * 4 + [("ES", "vet_provider"), ("DE", "vet_provider"), ("FR", "vet_provider")]
    result = verdict("erasmus_cove", seven)
    assert result.missing == ("Add 1 more organisation.", "Add a partner of this type: SME or craft association.")
    assert verdict("erasmus_cove", seven + [("FR", "sme_association")]).eligible
    three_countries = [("IT", "vet_provider")] * 6 + [("ES", "sme_association"), ("DE", "vet_provider")]
    assert verdict("erasmus_cove", three_countries).missing == ("Add a partner from 1 more programme country.",)


@pytest.mark.parametrize("key", ["esf_plus", "other"])
def test_esf_plus_and_other_funding_need_one_organisation_in_any_country(key):
    assert verdict(key, [("US", "")]).eligible
    assert verdict(key, []).missing == ("Add 1 more organisation.", "Add a partner from 1 more country.")


def test_an_operator_changes_the_rules_without_a_release():
    rules = [dict(rule) for rule in DEFAULTS["VETNET_PARTNERSHIP_INSTRUMENTS"]]
    rules[0] = {**rules[0], "min_organisations": 4, "min_countries": 4}
    with override_settings(VETNET_PARTNERSHIP_INSTRUMENTS=rules,
                           VETNET_PARTNERSHIP_PROGRAMME_COUNTRIES=["IT", "ES", "GR", "US"]):
        three = [("IT", "vet_provider"), ("ES", "sme_association"), ("GR", "school")]
        assert verdict("erasmus_ka220", three).missing == (
            "Add 1 more organisation.", "Add a partner from 1 more programme country.")
        assert verdict("erasmus_ka220", three + [("US", "school")]).eligible
