"""
The best-practice repository: which practices it lists, the quality labels
and their criteria, facets and search, adoption evidence, and retirement.
"""
import pytest
from openedx_events.learning.signals import CERTIFICATE_CREATED, CERTIFICATE_REVOKED

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member, new_request
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound
from vetnet_plugin.models import PracticeAdoption, RepositoryEntry

from .best_practice_helpers import USAGE_KEY, configure, learner, review_until_done, write_and_submit
from .repository_helpers import certificate, entry_of, graded, staff_user, titles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def assignment(settings):
    settings.VETNET_RATE_LIMITS = {"best_practice": [0, 0], "adoption": [0, 0], "peer_review": [0, 0]}
    return configure(topic="labour_market_vet", repository_threshold=0.7)


def labels(entry) -> set[str]:
    return {label.code for label in entry.labels}


# Visibility ---------------------------------------------------------------------

def test_a_practice_graded_at_or_above_the_threshold_is_listed():
    graded(score=0.7, title="At the threshold")
    assert titles(member()) == {"At the threshold"}


def test_a_pending_practice_is_never_listed():
    author = learner(country="IT")
    write_and_submit(author, title="Still in review")
    assert titles(member()) == set()
    assert not RepositoryEntry.objects.exists()


def test_a_rejected_practice_below_the_threshold_is_never_listed():
    graded(score=0.4, title="Below the threshold")
    assert titles(member()) == set()


def test_staff_approval_lists_a_practice_below_the_threshold_and_taking_it_back_unlists_it():
    staff = staff_user()
    _author, uuid = graded(score=0.5, title="Approved by staff", staff=staff, approve=True)
    reader = member()
    assert titles(reader) == {"Approved by staff"}
    assert labels(entry_of(reader, "Approved by staff")) == {"staff_approved"}

    api.approve_for_repository(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, practice_uuid=uuid,
                               approved=False)
    assert titles(reader) == set()


def test_a_practice_its_author_withdrew_is_never_listed_and_can_be_offered_again():
    author, _uuid = graded(title="Taken back")
    entry = RepositoryEntry.objects.get()
    api.withdraw_from_repository(user=author, course_key=COURSE_KEY, entry_uuid=entry.uuid)
    reader = member()
    assert titles(reader) == set()
    with pytest.raises(NotFound):
        api.get_repository_entry(user=reader, course_key=COURSE_KEY, entry_uuid=entry.uuid)
    # The author still reads it, marked as withdrawn.
    own = api.get_repository_entry(user=author, course_key=COURSE_KEY, entry_uuid=entry.uuid)
    assert own.withdrawn and not own.listed

    api.withdraw_from_repository(user=author, course_key=COURSE_KEY, entry_uuid=entry.uuid, withdrawn=False)
    assert titles(reader) == {"Taken back"}


def test_a_withdrawn_submission_never_enters_the_repository():
    author = learner(country="ES")
    write_and_submit(author, title="Withdrawn before review")
    api.withdraw_practice(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert titles(member()) == set()


def test_only_the_author_withdraws_a_practice_from_the_repository():
    graded(title="Someone else's")
    entry = RepositoryEntry.objects.get()
    with pytest.raises(NotFound):
        api.withdraw_from_repository(user=member(), course_key=COURSE_KEY, entry_uuid=entry.uuid)
    assert titles(member()) == {"Someone else's"}


def test_non_members_cannot_browse_the_repository():
    graded(title="Members only")
    with pytest.raises(AccessDenied):
        api.list_repository(user=UserFactory(), course_key=COURSE_KEY)


def test_members_of_another_course_community_browse_the_same_repository():
    graded(title="Shared across courses")
    other = member(course_key=OTHER_COURSE_KEY)
    page = api.list_repository(user=other, course_key=OTHER_COURSE_KEY)
    assert [e.title for e in page.items] == ["Shared across courses"]


# Labels -------------------------------------------------------------------------

def test_peer_reviews_above_the_threshold_earn_the_peer_reviewed_label_with_its_criterion():
    learners = [learner(organisation=f"School {i}", country=c) for i, c in enumerate(("IT", "ES", "GR"))]
    for index, user in enumerate(learners):
        write_and_submit(user, title=f"Reviewed {index}")
    review_until_done(learners)
    reader = member()
    entry = entry_of(reader, "Reviewed 0")
    assert labels(entry) == {"peer_reviewed"}
    label = entry.labels[0]
    assert label.name == "Peer-reviewed" and "100%" in label.criterion and "70%" in label.criterion


def test_a_grade_staff_set_by_hand_is_not_peer_reviewed():
    graded(score=0.95, title="Staff grade")
    assert labels(entry_of(member(), "Staff grade")) == set()


def test_the_certified_label_follows_the_authors_certificate_and_goes_when_it_is_revoked():
    author, _uuid = graded(title="From a certified member")
    reader = member()
    assert "certified" not in labels(entry_of(reader, "From a certified member"))

    CERTIFICATE_CREATED.send_event(certificate=certificate(author))
    entry = entry_of(reader, "From a certified member")
    assert "certified" in labels(entry)
    assert any("certificate" in label.criterion for label in entry.labels)

    CERTIFICATE_REVOKED.send_event(certificate=certificate(author, status="unavailable"))
    assert "certified" not in labels(entry_of(reader, "From a certified member"))


def test_a_certificate_of_another_course_does_not_earn_the_label():
    author, _uuid = graded(title="Other certificate")
    CERTIFICATE_CREATED.send_event(certificate=certificate(author, course_key=OTHER_COURSE_KEY))
    assert "certified" not in labels(entry_of(member(), "Other certificate"))


def test_adopted_elsewhere_needs_an_adopter_from_another_country():
    graded(title="Adopted", country="IT")
    entry = RepositoryEntry.objects.get()
    same_country = member(country="IT")
    api.adopt_practice(user=same_country, course_key=COURSE_KEY, entry_uuid=entry.uuid)
    reader = member()
    assert "adopted_elsewhere" not in labels(entry_of(reader, "Adopted"))

    abroad = member(country="GR")
    detail = api.adopt_practice(user=abroad, course_key=COURSE_KEY, entry_uuid=entry.uuid, context_note="Crete")
    assert detail.entry.adoption_count == 2
    assert "adopted_elsewhere" in labels(entry_of(reader, "Adopted"))

    api.withdraw_practice_adoption(user=abroad, course_key=COURSE_KEY, entry_uuid=entry.uuid)
    after = entry_of(reader, "Adopted")
    assert "adopted_elsewhere" not in labels(after) and after.adoption_count == 1


# Adoption evidence ------------------------------------------------------------------

def test_an_adopter_reports_the_outcome_and_the_evidence_shows_it_without_their_name():
    graded(title="Evidence")
    entry = RepositoryEntry.objects.get()
    adopter = member(country="ES")
    with pytest.raises(NotFound):
        api.report_practice_outcome(user=adopter, course_key=COURSE_KEY, entry_uuid=entry.uuid, outcome="success")
    api.adopt_practice(user=adopter, course_key=COURSE_KEY, entry_uuid=entry.uuid)
    api.adopt_practice(user=adopter, course_key=COURSE_KEY, entry_uuid=entry.uuid)  # counted once
    with pytest.raises(InvalidInput):
        api.report_practice_outcome(user=adopter, course_key=COURSE_KEY, entry_uuid=entry.uuid, outcome="great")
    detail = api.report_practice_outcome(user=adopter, course_key=COURSE_KEY, entry_uuid=entry.uuid,
                                         outcome="success", report="Two workshops took it up in Valencia.")
    assert detail.entry.adoption_count == 1
    assert detail.own_adoption.outcome == "success"
    assert dict(detail.adoption_outcomes) == {"success": 1}

    seen = api.get_repository_entry(user=member(), course_key=COURSE_KEY, entry_uuid=entry.uuid)
    assert [r.outcome_report for r in seen.adoption_reports] == ["Two workshops took it up in Valencia."]
    assert adopter.username not in repr(seen)
    assert seen.own_adoption is None


def test_an_author_cannot_adopt_their_own_practice():
    author, _uuid = graded(title="Own")
    entry = RepositoryEntry.objects.get()
    with pytest.raises(InvalidInput):
        api.adopt_practice(user=author, course_key=COURSE_KEY, entry_uuid=entry.uuid)


# Authors and descriptions ------------------------------------------------------------

def test_authors_are_named_only_when_they_agree():
    author, _uuid = graded(title="Credit")
    author.first_name, author.last_name = "Giulia", "Rossi"
    author.save()
    entry = RepositoryEntry.objects.get()
    reader = member()
    assert entry_of(reader, "Credit").authors == ()
    with pytest.raises(InvalidInput):
        api.describe_repository_entry(user=staff_user(), course_key=COURSE_KEY, entry_uuid=entry.uuid,
                                      credit_author=True)
    api.describe_repository_entry(user=author, course_key=COURSE_KEY, entry_uuid=entry.uuid, credit_author=True)
    assert entry_of(reader, "Credit").authors == ("Giulia Rossi",)


def test_the_author_describes_the_entry_with_codes_and_bad_codes_are_refused():
    author, _uuid = graded(title="Described")
    entry = RepositoryEntry.objects.get()
    described = api.describe_repository_entry(
        user=author, course_key=COURSE_KEY, entry_uuid=entry.uuid, summary="Mentoring in **carpentry** SMEs.",
        sector="wood_furniture", eqf_level="4", language="it", licence="cc-by-sa",
    )
    assert (described.sector, described.eqf_level, described.language, described.licence) == (
        "wood_furniture", "4", "it", "cc-by-sa")
    assert "<strong>carpentry</strong>" in described.summary_html
    for field, value in (("sector", "rocket_science"), ("eqf_level", "9"), ("language", "xx"),
                         ("licence", "mine"), ("country", "ZZ"), ("topic", "<script>")):
        with pytest.raises(InvalidInput) as error:
            api.describe_repository_entry(user=author, course_key=COURSE_KEY, entry_uuid=entry.uuid,
                                          **{field: value})
        assert field in error.value.errors
    with pytest.raises(NotFound):
        api.describe_repository_entry(user=member(), course_key=COURSE_KEY, entry_uuid=entry.uuid, sector="ict")


# Facets and search -------------------------------------------------------------------

# Committed rows: MariaDB's FULLTEXT index sees a word only once its transaction commits.
@pytest.mark.django_db(transaction=True)
def test_browse_by_every_facet_and_search_by_words():
    a, _ = graded(title="Carpentry mentors", country="IT", sectors=["wood_furniture"], languages=["it"])
    b, _ = graded(title="Green kitchens", country="ES", sectors=["hospitality"], languages=["es"])
    first = RepositoryEntry.objects.get(title="Carpentry mentors")
    api.describe_repository_entry(user=a, course_key=COURSE_KEY, entry_uuid=first.uuid, eqf_level="4")
    reader = member()
    assert titles(reader, country="ES") == {"Green kitchens"}
    assert titles(reader, country="es") == {"Green kitchens"}
    assert titles(reader, sector="wood_furniture") == {"Carpentry mentors"}
    assert titles(reader, language="es") == {"Green kitchens"}
    assert titles(reader, eqf_level="4") == {"Carpentry mentors"}
    assert titles(reader, topic="labour_market_vet") == {"Carpentry mentors", "Green kitchens"}
    assert titles(reader, topic="green_transition") == set()
    assert titles(reader, search="kitchens") == {"Green kitchens"}
    assert titles(reader, search="carpentry", country="ES") == set()
    assert titles(reader, label="staff_approved") == set()

    facets = api.list_repository(user=reader, course_key=COURSE_KEY).extra["facets"]
    assert facets["country"] == {"IT": 1, "ES": 1}
    assert facets["sector"] == {"wood_furniture": 1, "hospitality": 1}
    assert facets["topic"] == {"labour_market_vet": 2}


@pytest.mark.parametrize("field, value", [
    ("topic", "nope"), ("country", "Italy"), ("country", "ZZ"), ("sector", "x" * 40), ("eqf_level", "0"),
    ("language", "klingon"), ("label", "certified"), ("search", "w" * 201),
])
def test_bad_facet_values_are_refused_with_the_field_named(field, value):
    with pytest.raises(InvalidInput) as error:
        api.list_repository(user=member(), course_key=COURSE_KEY, filters=api.RepositoryFilters(**{field: value}))
    assert field in error.value.errors


def test_an_unknown_order_is_refused():
    with pytest.raises(InvalidInput):
        api.list_repository(user=member(), course_key=COURSE_KEY, sort="random")


def test_pages_follow_by_cursor_without_repeating_an_entry():
    staff = staff_user()
    for index in range(5):
        graded(title=f"Paged {index}", staff=staff)
    reader = member()
    first = api.list_repository(user=reader, course_key=COURSE_KEY, page_size=2)
    seen = [e.title for e in first.items]
    cursor = first.extra["next_cursor"]
    while cursor:
        page = api.list_repository(user=reader, course_key=COURSE_KEY, page_size=2, cursor=cursor)
        seen += [e.title for e in page.items]
        cursor = page.extra["next_cursor"]
    assert sorted(seen) == [f"Paged {i}" for i in range(5)] and len(set(seen)) == 5


def _count_list_queries(django_assert_max_num_queries, reader, budget):
    new_request()
    with django_assert_max_num_queries(budget) as captured:
        page = api.list_repository(user=reader, course_key=COURSE_KEY, page_size=20)
    return len(captured.captured_queries), page


def test_the_list_costs_the_same_queries_however_many_entries(django_assert_max_num_queries):
    staff = staff_user()
    reader = member()
    for _index in range(2):
        graded(staff=staff)
    few, page = _count_list_queries(django_assert_max_num_queries, reader, 8)
    assert len(page.items) == 2
    for _index in range(12):
        author, _uuid = graded(staff=staff)
        CERTIFICATE_CREATED.send_event(certificate=certificate(author))
    many, page = _count_list_queries(django_assert_max_num_queries, reader, 8)
    assert len(page.items) == 14
    assert many == few


# Retirement and export of personal data -------------------------------------------------

def test_retiring_an_adopter_removes_their_adoption_and_the_counter_follows():
    graded(title="Retire adopter", country="IT")
    entry = RepositoryEntry.objects.get()
    adopter = member(country="GR")
    api.adopt_practice(user=adopter, course_key=COURSE_KEY, entry_uuid=entry.uuid, context_note="In Athens")
    exported = api.export_member_data(user_id=adopter.id)
    assert exported["tables"]["vetnet.PracticeAdoption"][0]["context"] == "In Athens"

    api.retire_member(user_id=adopter.id)
    api.retire_member(user_id=adopter.id)  # idempotent
    assert not PracticeAdoption.objects.exists()
    after = entry_of(member(), "Retire adopter")
    assert after.adoption_count == 0 and "adopted_elsewhere" not in labels(after)


def test_retiring_an_author_takes_their_practice_out_of_the_repository():
    author, _uuid = graded(title="Retire author")
    entry = RepositoryEntry.objects.get()
    api.describe_repository_entry(user=author, course_key=COURSE_KEY, entry_uuid=entry.uuid, credit_author=True)
    exported = api.export_member_data(user_id=author.id)["tables"]["vetnet.RepositoryEntry"]
    assert exported[0]["credit_author"] is True and exported[0]["title"] == "Retire author"
    api.retire_member(user_id=author.id)
    api.retire_member(user_id=author.id)
    assert titles(member()) == set()
    assert not RepositoryEntry.objects.exists()
