"""
What members do with resources they found: rate and review them, report
adopting them, group them into collections. Also the retirement of a
member's toolbox data.
"""
from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import data as base_data
from ..core.adoption import adoption_summary, clean_adoption_text, clean_outcome, record_adoption, record_outcome
from ..core.adoption import withdraw_adoption as withdraw_member_adoption
from ..core.pagination import paginate
from ..core.transactions import lock_for_update, retrying_atomic
from ..exceptions import AccessDenied, InvalidInput, NotFound
from . import data
from .access import (
    check_rate_limit,
    get_visible_resource,
    in_course,
    parse_uuid,
    viewer_for,
    visible_resources,
)
from .files import delete_stored_files
from .library import rendered_page_items, with_relations
from .models import Adoption, Collection, CollectionItem, Resource, Review
from .render import to_adoption, to_collection, to_review


def _text(value, *, name: str, limit: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(_("Enter text."), errors={name: [_("Enter text.")]})
    value = value.strip()
    if len(value) > limit:
        message = _("Use at most {limit} characters.").format(limit=limit)
        raise InvalidInput(message, errors={name: [message]})
    if required and not value:
        message = _("This field is required.")
        raise InvalidInput(message, errors={name: [message]})
    return value


def refresh_rating(resource_id: int) -> None:
    """Recompute the resource's rating from its reviews in one UPDATE: no lost updates."""
    reviews = Review.objects.filter(resource_id=OuterRef("pk")).order_by().values("resource_id")
    Resource.objects.filter(pk=resource_id).update(
        rating_count=Coalesce(Subquery(reviews.annotate(n=Count("pk")).values("n")), 0),
        rating_average=Coalesce(Subquery(reviews.annotate(a=Avg("rating")).values("a")), 0.0),
    )


@in_course
def review_resource(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid, rating, text: str = ""
) -> data.Review:
    """Rate (1 to 5) and review a resource; a member's second review replaces their first."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        message = _("Choose a rating from 1 to 5 stars.")
        raise InvalidInput(message, errors={"rating": [message]})
    text = _text(text, name="text", limit=5000)
    resource = get_visible_resource(viewer, resource_uuid)
    if resource.status != Resource.PUBLISHED:
        raise InvalidInput(_("Only published resources can be reviewed."))
    if resource.author_id == user.id:
        raise InvalidInput(_("You cannot review your own resource."))
    existing = Review.objects.filter(resource=resource, author=user).first()
    if existing is None:
        check_rate_limit(viewer, "review")
    review = _write_review(resource.pk, user, rating, text)
    review.resource = resource
    return to_review(review)


@retrying_atomic
def _write_review(resource_id: int, user, rating: int, text: str) -> Review:
    # The resource first, then the review and the average: see core.transactions.
    lock_for_update(Resource.objects.filter(pk=resource_id))
    try:
        with transaction.atomic():
            review, _created = Review.objects.update_or_create(
                resource_id=resource_id, author=user, defaults={"rating": rating, "text": text}
            )
    except IntegrityError:
        # A second request from the same member created it first: edit that one.
        Review.objects.filter(resource_id=resource_id, author=user).update(rating=rating, text=text,
                                                                           modified=timezone.now())
        review = Review.objects.get(resource_id=resource_id, author=user)
    refresh_rating(resource_id)
    return review


@in_course
def delete_review(*, user, course_key, context: data.ToolboxContext | None = None, resource_uuid) -> None:
    """Withdraw one's own review of a resource."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    resource = get_visible_resource(viewer, resource_uuid)
    _delete_review(resource.pk, user)


@retrying_atomic
def _delete_review(resource_id: int, user) -> None:
    lock_for_update(Resource.objects.filter(pk=resource_id))
    Review.objects.filter(resource_id=resource_id, author=user).delete()
    refresh_rating(resource_id)


@in_course
def list_reviews(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid, page: int = 1, page_size: int | None = None
) -> base_data.Page:
    """A resource's reviews, newest first; ``extra["own"]`` is the user's own review or None."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    resource = get_visible_resource(viewer, resource_uuid)
    reviews = Review.objects.filter(resource=resource).select_related("author").order_by("-modified", "-id")
    own = Review.objects.filter(resource=resource, author=user).select_related("author").first()
    if own:
        own.resource = resource

    def reviews_of(rows):
        for review in rows:
            review.resource = resource
            yield to_review(review)

    return paginate(reviews, page=page, page_size=page_size, transform=reviews_of,
                    extra={"own": to_review(own) if own else None})


@in_course
def adopt_resource(
    *, user, course_key, context: data.ToolboxContext | None = None,
    resource_uuid, context_note: str = ""
) -> data.Adoption:
    """Mark "I adopted this"; counted once per member on the resource."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    note = clean_adoption_text(context_note, name="context", limit=2000)
    resource = get_visible_resource(viewer, resource_uuid)
    if resource.status != Resource.PUBLISHED:
        raise InvalidInput(_("Only published resources can be adopted."))
    adoption = Adoption.objects.filter(resource=resource, member=user).select_related("member").first()
    if adoption is None:
        check_rate_limit(viewer, "adoption")
        adoption, _created = record_adoption(parent=Resource, parent_id=resource.pk, adoptions=Adoption,
                                             parent_field="resource", member=user, values={"context": note})
    elif note:
        Adoption.objects.filter(pk=adoption.pk).update(context=note)
        adoption.context = note
    adoption.resource = resource
    return to_adoption(adoption)


@in_course
def report_adoption_outcome(
    *, user, course_key, context: data.ToolboxContext | None = None, resource_uuid, outcome: str, report: str = ""
) -> data.Adoption:
    """Report how one's adoption of a resource went ("success", "partial", "not_successful")."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    clean_outcome(outcome)
    clean_adoption_text(report, name="outcome_report", limit=5000)
    resource = get_visible_resource(viewer, resource_uuid)
    adoption = record_outcome(adoptions=Adoption, member=user, outcome=outcome, report=report, resource=resource,
                              missing_message=_("Mark the resource as adopted before reporting how it went."))
    adoption.resource = resource
    return to_adoption(adoption)


@in_course
def withdraw_adoption(*, user, course_key, context: data.ToolboxContext | None = None, resource_uuid) -> None:
    """Take back one's "I adopted this"."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    resource = get_visible_resource(viewer, resource_uuid)
    withdraw_member_adoption(parent=Resource, parent_id=resource.pk, adoptions=Adoption, parent_field="resource",
                             member_id=user.id)


@in_course
def list_adoptions(*, user, course_key, context: data.ToolboxContext | None = None, resource_uuid) -> dict:
    """How a resource was adopted: counts per outcome, the user's own adoption and the reports."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    resource = get_visible_resource(viewer, resource_uuid)
    summary = adoption_summary(Adoption.objects.filter(resource=resource), user_id=user.id)
    for adoption in [*summary["newest"], summary["own"]]:
        if adoption is not None:
            adoption.resource = resource
    return {
        "count": summary["count"],
        "outcomes": summary["outcomes"],
        "own": to_adoption(summary["own"]) if summary["own"] else None,
        "reports": tuple(to_adoption(a) for a in summary["newest"] if a.outcome_report),
    }


# Collections ---------------------------------------------------------------

def _visible_collections(viewer):
    return Collection.objects.filter(
        Q(owner_id=viewer.user.id)
        | Q(visibility=Collection.COURSE, course_key=viewer.course_key)
        | Q(visibility=Collection.COMMUNITY)
    )


def _get_collection(viewer, collection_uuid, *, own: bool) -> Collection:
    queryset = _visible_collections(viewer).select_related("owner")
    collection = queryset.filter(uuid=parse_uuid(collection_uuid, what=_("collection"))).first()
    if collection is None:
        raise NotFound(_("No such collection, or it is not shared with you."))
    if own and collection.owner_id != viewer.user.id:
        raise AccessDenied(_("Only the owner can change this collection."))
    return collection


def _collection_fields(title, description, visibility) -> dict:
    if not isinstance(visibility, str) or visibility not in dict(Collection.VISIBILITY_CHOICES):
        message = _("Choose who may see the collection.")
        raise InvalidInput(message, errors={"visibility": [message]})
    return {
        "title": _text(title, name="title", limit=200, required=True),
        "description": _text(description, name="description", limit=2000),
        "visibility": visibility,
    }


@in_course
def create_collection(
    *, user, course_key, context: data.ToolboxContext | None = None,
    title: str, description: str = "", visibility: str = Collection.PRIVATE
) -> data.Collection:
    """Create a named collection, private or shared with the course or the community."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    fields = _collection_fields(title, description, visibility)
    check_rate_limit(viewer, "collection")
    collection = Collection.objects.create(owner=user, course_key=viewer.course_key, **fields)
    return to_collection(collection)


@in_course
def update_collection(
    *, user, course_key, context: data.ToolboxContext | None = None, collection_uuid, title: str, description: str = "",
    visibility: str = Collection.PRIVATE,
) -> data.Collection:
    """Rename, describe or re-share one's own collection."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    fields = _collection_fields(title, description, visibility)
    collection = _get_collection(viewer, collection_uuid, own=True)
    Collection.objects.filter(pk=collection.pk).update(**fields, modified=timezone.now())
    return get_collection(user=user, course_key=course_key, context=context, collection_uuid=collection_uuid)


@in_course
def delete_collection(*, user, course_key, context: data.ToolboxContext | None = None, collection_uuid) -> None:
    """Delete one's own collection (the resources stay)."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    _get_collection(viewer, collection_uuid, own=True).delete()


@in_course
def add_to_collection(
    *, user, course_key, context: data.ToolboxContext | None = None,
    collection_uuid, resource_uuid
) -> data.Collection:
    """Put a resource the user can see into their own collection (idempotent)."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    collection = _get_collection(viewer, collection_uuid, own=True)
    resource = get_visible_resource(viewer, resource_uuid)
    CollectionItem.objects.get_or_create(collection=collection, resource=resource)
    return get_collection(user=user, course_key=course_key, context=context, collection_uuid=collection_uuid)


@in_course
def remove_from_collection(
    *, user, course_key, context: data.ToolboxContext | None = None,
    collection_uuid, resource_uuid
) -> data.Collection:
    """Take a resource out of one's own collection."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    collection = _get_collection(viewer, collection_uuid, own=True)
    CollectionItem.objects.filter(
        collection=collection, resource__uuid=parse_uuid(resource_uuid, what=_("resource"))
    ).delete()
    return get_collection(user=user, course_key=course_key, context=context, collection_uuid=collection_uuid)


@in_course
def get_collection(*, user, course_key, context: data.ToolboxContext | None = None, collection_uuid) -> data.Collection:
    """A collection the user may see, listing only the resources they may see here."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    collection = _get_collection(viewer, collection_uuid, own=False)
    uuids = visible_resources(viewer).filter(
        pk__in=CollectionItem.objects.filter(collection=collection).values("resource_id")
    ).order_by("title").values_list("uuid", flat=True)
    return to_collection(collection, [str(u) for u in uuids])


@in_course
def list_collection_resources(
    *, user, course_key, context: data.ToolboxContext | None = None,
    collection_uuid, page: int = 1, page_size: int | None = None,
) -> base_data.Page:
    """
    One page of the resources in a collection the user may see, by title,
    as the library shows them; ``extra["collection"]`` is the collection.
    Resources the user may not see here are left out, as everywhere.
    """
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    collection = _get_collection(viewer, collection_uuid, own=False)
    queryset = visible_resources(viewer).filter(
        pk__in=CollectionItem.objects.filter(collection=collection).values("resource_id")
    ).order_by("title", "id")
    return paginate(with_relations(queryset), page=page, page_size=page_size,
                    transform=lambda rows: rendered_page_items(viewer, rows),
                    extra={"collection": to_collection(collection)})


@in_course
def list_collections(*, user, course_key, context: data.ToolboxContext | None = None, mine: bool = False) -> tuple:
    """The user's own collections and those shared with them here (up to 200)."""
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    queryset = _visible_collections(viewer)
    if mine:
        queryset = queryset.filter(owner_id=user.id)
    collections = list(queryset.select_related("owner").order_by("title", "id")[:200])
    items: dict[int, list[str]] = {c.pk: [] for c in collections}
    visible = visible_resources(viewer).values("pk")
    for collection_id, resource_uuid in (
        CollectionItem.objects.filter(collection_id__in=items, resource_id__in=visible)
        .order_by("resource__title").values_list("collection_id", "resource__uuid")
    ):
        items[collection_id].append(str(resource_uuid))
    return tuple(to_collection(c, items[c.pk]) for c in collections)


def retire_toolbox_member(*, user_id: int) -> None:
    """
    Remove a retired member's personal data from the toolbox (idempotent).

    Their reviews, adoptions and collections go, and the counters follow.
    Published resources stay for the community, as licensed, but no longer
    name their author; unpublished ones go with their files.
    """
    _retire_toolbox_rows(user_id)


@retrying_atomic
def _retire_toolbox_rows(user_id: int) -> None:
    reviewed = list(Review.objects.filter(author_id=user_id).values_list("resource_id", flat=True))
    adopted = list(Adoption.objects.filter(member_id=user_id).values_list("resource_id", flat=True))
    # The resources whose counters change are locked first, in one order, as every review and adoption does.
    lock_for_update(Resource.objects.filter(pk__in={*reviewed, *adopted}))
    Review.objects.filter(author_id=user_id).delete()
    for resource_id in reviewed:
        refresh_rating(resource_id)
    Adoption.objects.filter(member_id=user_id).delete()
    Resource.objects.filter(pk__in=adopted, adoption_count__gt=0).update(adoption_count=F("adoption_count") - 1)
    Collection.objects.filter(owner_id=user_id).delete()
    unpublished = Resource.objects.filter(author_id=user_id).exclude(status=Resource.PUBLISHED)
    names = [n for n in unpublished.values_list("versions__storage_name", flat=True) if n]
    unpublished.delete()
    Resource.objects.filter(author_id=user_id).update(author=None)
    transaction.on_commit(lambda: delete_stored_files(names))


def count_members_adoptions(*, user_ids) -> dict[int, int]:
    """How many resources each of ``user_ids`` reported adopting (one query; members without any are left out)."""
    ids = {int(user_id) for user_id in user_ids if user_id}
    if not ids:
        return {}
    rows = Adoption.objects.filter(member_id__in=ids).order_by().values("member_id").annotate(n=Count("pk"))
    return {row["member_id"]: row["n"] for row in rows}
