"""Members rate, review and adopt resources, group them in collections; retirement removes their traces."""
import pytest

from tests.factories import OTHER_COURSE_KEY, UserFactory, member
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound, RateLimited
from vetnet_plugin.models import Adoption, Collection, Resource, Review

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


@pytest.fixture
def resource():
    return deposit(member(), link_url="https://example.org/tool")


def test_one_review_per_member_editable_and_counted(resource):
    ctx = in_course()
    first, second = member(), member()
    api.review_resource(user=first, **ctx, resource_uuid=resource.uuid, rating=4, text="Useful *for us*")
    api.review_resource(user=second, **ctx, resource_uuid=resource.uuid, rating=2)
    edited = api.review_resource(user=first, **ctx, resource_uuid=resource.uuid, rating=5, text="Great")
    assert edited.rating == 5 and Review.objects.filter(author=first).count() == 1
    seen = api.get_resource(user=first, **ctx, resource_uuid=resource.uuid)
    assert seen.rating_count == 2 and seen.rating_average == 3.5
    reviews = api.list_reviews(user=second, **ctx, resource_uuid=resource.uuid)
    assert reviews.count == 2 and reviews.extra["own"].rating == 2
    api.delete_review(user=second, **ctx, resource_uuid=resource.uuid)
    assert api.get_resource(user=first, **ctx, resource_uuid=resource.uuid).rating_average == 5


def test_review_text_is_sanitised_on_output(resource):
    review = api.review_resource(user=member(), **in_course(), resource_uuid=resource.uuid, rating=3,
                                 text="<img src=x onerror=alert(1)>ok")
    assert "onerror" not in review.text_html and "<img" in review.text


@pytest.mark.parametrize("rating", [0, 6, "five", None])
def test_ratings_are_one_to_five(resource, rating):
    with pytest.raises(InvalidInput) as error:
        api.review_resource(user=member(), **in_course(), resource_uuid=resource.uuid, rating=rating)
    assert "rating" in error.value.errors


def test_authors_do_not_review_their_own_resource():
    author = member()
    resource = deposit(author, link_url="https://example.org/tool")
    with pytest.raises(InvalidInput):
        api.review_resource(user=author, **in_course(), resource_uuid=resource.uuid, rating=5)


def test_the_review_rate_limit(settings, resource):
    settings.VETNET_RATE_LIMITS = {"review": [1, 3600]}
    reviewer = member()
    api.review_resource(user=reviewer, **in_course(), resource_uuid=resource.uuid, rating=4)
    # Editing is not creating.
    api.review_resource(user=reviewer, **in_course(), resource_uuid=resource.uuid, rating=5)
    other = deposit(member(), link_url="https://example.org/other")
    with pytest.raises(RateLimited):
        api.review_resource(user=reviewer, **in_course(), resource_uuid=other.uuid, rating=4)


def test_adopting_then_reporting_the_outcome(resource):
    ctx = in_course()
    adopter = member()
    with pytest.raises(NotFound):
        api.report_adoption_outcome(user=adopter, **ctx, resource_uuid=resource.uuid, outcome="success")
    api.adopt_resource(user=adopter, **ctx, resource_uuid=resource.uuid, context_note="In our bakery school")
    api.adopt_resource(user=adopter, **ctx, resource_uuid=resource.uuid)
    assert api.get_resource(user=adopter, **ctx, resource_uuid=resource.uuid).adoption_count == 1
    with pytest.raises(InvalidInput):
        api.report_adoption_outcome(user=adopter, **ctx, resource_uuid=resource.uuid, outcome="great")
    reported = api.report_adoption_outcome(user=adopter, **ctx, resource_uuid=resource.uuid,
                                           outcome="partial", report="Worked for level 3 only.")
    assert reported.outcome == "partial" and reported.outcome_reported
    summary = api.list_adoptions(user=member(), **ctx, resource_uuid=resource.uuid)
    assert summary["count"] == 1 and summary["outcomes"] == {"partial": 1}
    assert summary["reports"][0].outcome_report == "Worked for level 3 only."
    api.withdraw_adoption(user=adopter, **ctx, resource_uuid=resource.uuid)
    assert api.get_resource(user=adopter, **ctx, resource_uuid=resource.uuid).adoption_count == 0


def test_pending_resources_cannot_be_adopted_or_reviewed():
    author, staff = member(), UserFactory(is_staff=True)
    resource = deposit(author, in_course(moderation="approval"), link_url="https://example.org/x")
    with pytest.raises(InvalidInput):
        api.adopt_resource(user=staff, **in_course(), resource_uuid=resource.uuid)
    with pytest.raises(InvalidInput):
        api.review_resource(user=staff, **in_course(), resource_uuid=resource.uuid, rating=4)


def test_collections_private_course_and_community(resource):
    owner, classmate, elsewhere = member(), member(), member(OTHER_COURSE_KEY)
    ctx = in_course()
    private = api.create_collection(user=owner, **ctx, title="My picks")
    shared = api.create_collection(user=owner, **ctx, title="For our course", visibility="course")
    public = api.create_collection(user=owner, **ctx, title="Best of", visibility="community")
    for collection in (private, shared, public):
        api.add_to_collection(user=owner, **ctx, collection_uuid=collection.uuid, resource_uuid=resource.uuid)
    api.add_to_collection(user=owner, **ctx, collection_uuid=private.uuid, resource_uuid=resource.uuid)
    assert api.get_collection(user=owner, **ctx, collection_uuid=private.uuid).resource_uuids == (resource.uuid,)

    assert {c.title for c in api.list_collections(user=classmate, **ctx)} == {"For our course", "Best of"}
    assert {c.title for c in api.list_collections(user=owner, **ctx, mine=True)} == {
        "My picks", "For our course", "Best of"}
    there = in_course(OTHER_COURSE_KEY, scope="course")
    assert [c.title for c in api.list_collections(user=elsewhere, **there)] == ["Best of"]
    # The collection is visible there, but not the course-only view of its resources.
    assert api.get_collection(user=elsewhere, **there, collection_uuid=public.uuid).resource_uuids == ()
    with pytest.raises(NotFound):
        api.get_collection(user=classmate, **ctx, collection_uuid=private.uuid)
    with pytest.raises(AccessDenied):
        api.add_to_collection(user=classmate, **ctx, collection_uuid=shared.uuid, resource_uuid=resource.uuid)

    renamed = api.update_collection(user=owner, **ctx, collection_uuid=shared.uuid, title="Renamed",
                                    visibility="private")
    assert renamed.title == "Renamed" and renamed.visibility == "private"
    api.remove_from_collection(user=owner, **ctx, collection_uuid=shared.uuid, resource_uuid=resource.uuid)
    assert api.get_collection(user=owner, **ctx, collection_uuid=shared.uuid).resource_uuids == ()
    api.delete_collection(user=owner, **ctx, collection_uuid=shared.uuid)
    assert Resource.objects.filter(uuid=resource.uuid).exists()


def test_collection_needs_a_title_and_a_known_visibility():
    with pytest.raises(InvalidInput) as error:
        api.create_collection(user=member(), **in_course(), title=" ")
    assert "title" in error.value.errors
    with pytest.raises(InvalidInput):
        api.create_collection(user=member(), **in_course(), title="x", visibility="everyone")


def test_retirement_removes_the_members_traces_and_is_idempotent(resource, django_capture_on_commit_callbacks):
    ctx = in_course()
    leaving, staying = member(), member()
    api.review_resource(user=leaving, **ctx, resource_uuid=resource.uuid, rating=1, text="About my firm")
    api.review_resource(user=staying, **ctx, resource_uuid=resource.uuid, rating=5)
    api.adopt_resource(user=leaving, **ctx, resource_uuid=resource.uuid, context_note="At my firm")
    api.create_collection(user=leaving, **ctx, title="Mine")
    published = deposit(leaving, link_url="https://example.org/p")
    pending = deposit(leaving, in_course(moderation="approval"))

    with django_capture_on_commit_callbacks(execute=True):
        api.retire_member(user_id=leaving.id)
    api.retire_member(user_id=leaving.id)

    assert not Review.objects.filter(author=leaving).exists()
    assert not Adoption.objects.filter(member=leaving).exists()
    assert not Collection.objects.filter(owner=leaving).exists()
    assert not Resource.objects.filter(uuid=pending.uuid).exists()
    kept = api.get_resource(user=staying, **ctx, resource_uuid=published.uuid)
    assert kept.author_id is None and kept.author_name == "Former member"
    after = api.get_resource(user=staying, **ctx, resource_uuid=resource.uuid)
    assert after.rating_count == 1 and after.rating_average == 5 and after.adoption_count == 0
