"""Operators move a whole community between instances with ``manage.py vetnet_community``."""
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, member
from tests.vetnet_plugin.toolbox_helpers import context, deposit, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.models import MemberProfile, Resource

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]

PROFILE = {
    "organisation": "Scuola Edile Torino", "organisation_type": "vet_provider", "country": "IT",
    "bio": "I teach bricklaying on Tuesdays.", "languages": ["it", "en"], "sectors": ["construction"],
    "topics": ["digital_transition"], "open_to_partnership": True,
}


def _export(folder, *extra):
    err = io.StringIO()
    call_command("vetnet_community", "export", str(folder), *extra, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def _import(folder, *extra):
    out = io.StringIO()
    call_command("vetnet_community", "import", str(folder), "--no-progress", *extra, stdout=out)
    return out.getvalue()


def test_round_trip_moves_organisations_and_resources_but_no_personal_parts(tmp_path):
    teacher = member(**PROFILE)
    teacher.email, teacher.first_name = "anna@example.org", "Anna"
    teacher.save()
    deposit(teacher, link_url="https://example.org/site-safety", title="Site safety kit")

    folder = tmp_path / "community"
    progress = _export(folder)
    assert "Profiles" in progress and "Resources" in progress  # both progress bars ran
    written = (folder / "profiles.json").read_text()
    assert "Scuola Edile Torino" in written
    for personal in ("Tuesdays", "anna@example.org", "Anna", "open_to_partnership"):
        assert personal not in written
    assert (folder / "library" / "library.json").is_file()

    # A fresh instance where the same member exists (same username), nothing else.
    Resource.objects.all().delete()
    MemberProfile.objects.all().delete()
    result = _import(folder, "--course", OTHER_COURSE_KEY)
    assert "Profiles: 1 filled in" in result and "Resources: 1 imported" in result
    profile = api.get_member_profile(user_id=teacher.id)
    assert (profile.organisation, profile.organisation_type, profile.country) == (
        "Scuola Edile Torino", "vet_provider", "IT")
    assert profile.languages == ("en", "it") and profile.sectors == ("construction",)
    assert profile.bio == "" and profile.open_to_partnership is False  # consent never travels
    reader = member(OTHER_COURSE_KEY)
    listed = api.list_resources(user=reader, context=context(OTHER_COURSE_KEY, scope="course"))
    assert [r.title for r in listed.items] == ["Site safety kit"]

    # The directory finds the member by the imported country and organisation straight away.
    found = api.list_community_members(user=teacher, course_key=COURSE_KEY,
                                       filters=api.DirectoryFilters(country="IT", search="edile"))
    assert [m.user_id for m in found.items] == [teacher.id]

    again = _import(folder)
    assert "Profiles: 0 filled in, 1 unchanged" in again and "Resources: 0 imported, 1 were already there" in again


def test_import_never_overwrites_what_a_member_entered_on_the_target(tmp_path):
    teacher = member(**PROFILE)
    _export(tmp_path)
    api.update_member_profile(user_id=teacher.id, changes={
        "organisation": "Edile Torino (new name)", "country": "", "sectors": ["hospitality"], "topics": [],
    })
    _import(tmp_path)
    profile = api.get_member_profile(user_id=teacher.id)
    assert profile.organisation == "Edile Torino (new name)"  # theirs wins
    assert profile.country == "IT"  # left empty there, so filled from the export
    assert profile.sectors == ("hospitality",)  # they chose sectors: untouched
    assert profile.topics == ("digital_transition",)


def test_members_missing_on_the_target_and_unknown_codes_are_skipped(tmp_path):
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "library.json").write_text(json.dumps({"format": 1, "resources": []}))
    known = member()
    (tmp_path / "profiles.json").write_text(json.dumps({"format": 1, "profiles": [
        {"username": "nobody-here", "organisation": "Ghost Ltd", "country": "ES"},
        {"username": known.username, "organisation": "<b>Real</b> Org", "organisation_type": "spaceship",
         "country": "Narnia", "sectors": ["construction", "'; DROP TABLE"], "topics": [], "languages": []},
    ]}))
    assert "Profiles: 1 filled in, 1 unchanged" in _import(tmp_path)
    profile = api.get_member_profile(user_id=known.id)
    assert profile.organisation == "<b>Real</b> Org"  # stored raw, escaped on output like any profile text
    assert (profile.organisation_type, profile.country, profile.sectors) == ("", "", ("construction",))


@pytest.mark.parametrize("content", ["not json", json.dumps({"format": 99, "profiles": []}),
                                     json.dumps({"format": 1, "profiles": [{"organisation": "x"}]})])
def test_a_folder_that_is_not_an_export_fails_clearly_and_changes_nothing(tmp_path, content):
    (tmp_path / "profiles.json").write_text(content)
    with pytest.raises(CommandError) as error:
        _import(tmp_path)
    assert "profiles.json" in str(error.value)
    assert not MemberProfile.objects.exists()


def test_export_of_one_course_community(tmp_path):
    member(organisation="Here")
    member(OTHER_COURSE_KEY, organisation="There")
    _export(tmp_path, "--course", OTHER_COURSE_KEY, "--no-progress")
    profiles = json.loads((tmp_path / "profiles.json").read_text())["profiles"]
    assert [p["organisation"] for p in profiles] == ["There"]
