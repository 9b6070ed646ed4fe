"""Operators move a whole community between instances with ``manage.py vetnet_community``."""
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, member
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.models import BestPractice, BestPracticeAssignment, MemberProfile, RepositoryEntry, Resource

from .best_practice_helpers import configure, learner, write_and_submit
from .repository_helpers import graded, staff_user

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


# Committed rows: the directory's word search reads MariaDB's FULLTEXT index, which sees them only then.
@pytest.mark.django_db(transaction=True)
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
    listed = api.list_resources(user=reader, **in_course(OTHER_COURSE_KEY, scope="course"))
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


# The best-practice repository ------------------------------------------------------

def _snapshot(reader, course_key=COURSE_KEY):
    page = api.list_repository(user=reader, course_key=course_key)
    return sorted(
        (e.title, tuple(sorted(label.code for label in e.labels)), e.topic, e.country, e.sector, e.eqf_level,
         e.language, e.licence, e.score, e.authors, e.adoption_count)
        for e in page.items
    )


@pytest.fixture
def repository(settings):
    """Two listed practices (one credited by name, one not, adopted once) and a pending one."""
    settings.VETNET_RATE_LIMITS = {"best_practice": [0, 0], "adoption": [0, 0], "peer_review": [0, 0]}
    configure(topic="labour_market_vet", repository_threshold=0.7)
    credited, _uuid = graded(score=0.9, title="Paired mentors in carpentry", country="IT")
    entry = RepositoryEntry.objects.get(practice__author=credited)
    api.describe_repository_entry(user=credited, course_key=COURSE_KEY, entry_uuid=entry.uuid,
                                  credit_author=True, sector="construction", eqf_level="4", language="it",
                                  summary="Two mentors per apprentice.")
    uncredited, _uuid = graded(score=0.5, title="Evening courses for site managers", country="ES", approve=True,
                               staff=staff_user())
    uncredited.username = "quiet-author-zq"
    uncredited.save()
    adopter = learner(organisation="Lycée Pro", country="FR")
    api.update_member_profile(user_id=adopter.id, changes={"country": "FR"})
    api.adopt_practice(user=adopter, course_key=COURSE_KEY, context_note="Used with first-year masons.",
                       entry_uuid=RepositoryEntry.objects.get(practice__author=uncredited).uuid)
    write_and_submit(learner(country="GR"), title="Still waiting for reviews")
    return {"credited": credited, "uncredited": uncredited, "adopter": adopter}


def test_round_trip_moves_the_listed_repository_entries_and_credits_only_who_agreed(tmp_path, repository):
    reader = member()
    before = _snapshot(reader)
    assert len(before) == 2
    folder = tmp_path / "community"
    assert "Practices" in _export(folder)
    written = (folder / "repository.json").read_text()
    exported = json.loads(written)["entries"]
    assert sorted(e["title"] for e in exported) == ["Evening courses for site managers",
                                                    "Paired mentors in carpentry"]
    assert "Still waiting for reviews" not in written  # pending: never exported
    assert "quiet-author-zq" not in written  # not credited: not named anywhere
    assert repository["credited"].username in written

    BestPractice.objects.all().delete()
    BestPracticeAssignment.objects.all().delete()
    result = _import(folder)
    assert "Repository: 2 practices imported, 0 were already there." in result
    assert _snapshot(reader) == before  # same labels, facets, licence, score, credit and adoptions
    labels = {e.title: {label.code for label in e.labels} for e in api.list_repository(
        user=reader, course_key=COURSE_KEY).items}
    assert labels == {"Paired mentors in carpentry": set(),
                      "Evening courses for site managers": {"staff_approved", "adopted_elsewhere"}}

    # The practice's text keeps its section labels; the uncredited one has no author on the target.
    entry = RepositoryEntry.objects.get(title="Paired mentors in carpentry")
    detail = api.get_repository_entry(user=reader, course_key=COURSE_KEY, entry_uuid=entry.uuid)
    assert [(s.label, s.text) for s in detail.sections] == [("Context", "Small workshops in Emilia."),
                                                            ("Approach", "Paired mentors.")]
    assert entry.practice.author == repository["credited"]
    assert entry.practice.assignment.usage_key == f"vetnet-imported:{COURSE_KEY}"
    assert RepositoryEntry.objects.get(title="Evening courses for site managers").practice.author is None
    adopted = api.get_repository_entry(user=repository["adopter"], course_key=COURSE_KEY,
                                       entry_uuid=RepositoryEntry.objects.get(title__startswith="Evening").uuid)
    assert adopted.own_adoption is not None and adopted.own_adoption.country == "FR"

    counts = (BestPractice.objects.count(), RepositoryEntry.objects.count(), BestPracticeAssignment.objects.count())
    again = _import(folder)
    assert "Repository: 0 practices imported, 2 were already there." in again
    assert (BestPractice.objects.count(), RepositoryEntry.objects.count(),
            BestPracticeAssignment.objects.count()) == counts
    assert _snapshot(reader) == before


def test_imported_practices_go_to_the_course_given(tmp_path, repository):
    _export(tmp_path, "--no-progress")
    BestPractice.objects.all().delete()
    _import(tmp_path, "--course", OTHER_COURSE_KEY)
    assert {str(key) for key in RepositoryEntry.objects.values_list("course_key", flat=True)} == {OTHER_COURSE_KEY}
    assert BestPracticeAssignment.objects.filter(usage_key=f"vetnet-imported:{OTHER_COURSE_KEY}").exists()


def test_an_export_made_before_the_repository_travelled_still_imports(tmp_path, repository):
    member(**PROFILE)
    _export(tmp_path, "--no-progress")
    (tmp_path / "repository.json").unlink()
    MemberProfile.objects.all().delete()
    BestPractice.objects.all().delete()
    result = _import(tmp_path)
    assert "Profiles: " in result and "filled in" in result
    assert "no repository.json" in result and "skipped" in result
    assert not RepositoryEntry.objects.exists()


@pytest.mark.parametrize("break_it", [
    lambda content: "not json",
    lambda content: json.dumps({**content, "format": 7}),
    lambda content: json.dumps({**content, "entries": [*content["entries"], {"uuid": "nope", "title": "x"}]}),
    lambda content: json.dumps({**content, "entries": [{**content["entries"][0], "score": "high"}]}),
])
def test_a_malformed_repository_file_fails_clearly_and_writes_nothing(tmp_path, repository, break_it):
    member(**PROFILE)
    _export(tmp_path, "--no-progress")
    path = tmp_path / "repository.json"
    path.write_text(break_it(json.loads(path.read_text())))
    MemberProfile.objects.all().delete()
    BestPractice.objects.all().delete()
    Resource.objects.all().delete()
    with pytest.raises(CommandError) as error:
        _import(tmp_path)
    assert "repository.json" in str(error.value)
    assert not RepositoryEntry.objects.exists() and not BestPractice.objects.exists()
    assert not MemberProfile.objects.exclude(organisation="").exists()


def test_an_imported_entry_keeps_the_threshold_and_labels_it_earned_when_its_author_offers_it_again(
        tmp_path, repository):
    _export(tmp_path, "--no-progress")
    path = tmp_path / "repository.json"
    content = json.loads(path.read_text())
    for record in content["entries"]:
        if record["credit_author"]:  # peer-reviewed there at 65% against that course's 60%
            record.update(score=0.65, threshold=0.6, peer_reviewed=True)
    path.write_text(json.dumps(content))
    BestPractice.objects.all().delete()
    _import(tmp_path)
    author, reader = repository["credited"], member()
    uuid = RepositoryEntry.objects.get(practice__author=author).uuid
    api.withdraw_from_repository(user=author, course_key=COURSE_KEY, entry_uuid=uuid)
    api.withdraw_from_repository(user=author, course_key=COURSE_KEY, entry_uuid=uuid, withdrawn=False)
    entry = next(e for e in api.list_repository(user=reader, course_key=COURSE_KEY).items if e.uuid == str(uuid))
    assert (entry.threshold, {label.code for label in entry.labels}) == (0.6, {"peer_reviewed"})
