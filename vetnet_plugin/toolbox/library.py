"""
Browsing and searching the library: filters, facet counts, sorting, pages.

The number of queries is fixed whatever the library's size, and so, mostly,
is the work: the leading matches (a bounded window) are found with one
ordered query, and the facets, the early pages and usually the count come
from them. Counters are denormalised on ``Resource`` for the sorts.
"""
from __future__ import annotations

import dataclasses

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from .. import data as base_data
from ..conf import setting
from ..core.pagination import (
    after_position,
    check_page_exists,
    clean_page_number,
    clean_page_size,
    decode_cursor,
    encode_cursor,
    num_pages,
    paginate,
)
from ..core.search import bounded_word_scan, substring_filter, uses_fulltext, word_filter
from ..exceptions import AccessDenied, InvalidInput
from . import data
from .access import can_moderate, in_course, viewer_for, visible_resources
from .models import Resource, ResourceAttribute
from .render import to_resource
from .vocabulary import SORT_CODES

MAX_SEARCH_TERMS = 8
_ORDERINGS = {
    "newest": ("-created", "-id"),
    "best_rated": ("-rating_average", "-rating_count", "-created", "-id"),
    "most_adopted": ("-adoption_count", "-created", "-id"),
}
_SINGLE_FACETS = ("resource_type", "country", "target_group", "licence")
_ATTRIBUTE_FACETS = {
    ResourceAttribute.SECTOR: ("sector", "sectors"),
    ResourceAttribute.EQF_LEVEL: ("eqf_level", "eqf_levels"),
    ResourceAttribute.LANGUAGE: ("language", "languages"),
    ResourceAttribute.TAG: ("tag", "tags"),
}
# Tags are free text: show the most used ones only.
MAX_TAG_FACETS = 30


def search_terms(filters: data.ResourceFilters) -> list[str]:
    """The words searched for, lower-cased (at most ``MAX_SEARCH_TERMS``)."""
    search = (filters.search or "").strip().lower()
    if len(search) > 200:
        raise InvalidInput(_("Search for at most 200 characters."), errors={"search": [_("Too long.")]})
    return search.split()[:MAX_SEARCH_TERMS]


# The list field a filtered list is read along when several are given: the one most likely the
# rarest (a tag), so the rows read before a page is full are the fewest.
_DRIVER_PREFERENCE = (ResourceAttribute.TAG, ResourceAttribute.SECTOR, ResourceAttribute.EQF_LEVEL,
                      ResourceAttribute.LANGUAGE)


def _attribute_filters(filters: data.ResourceFilters) -> list[tuple[str, str]]:
    """The ``(kind, value)`` of each list-field filter given, the driver (see ``_DRIVER_PREFERENCE``) last."""
    chosen = []
    for kind, (name, _plural) in _ATTRIBUTE_FACETS.items():
        value = getattr(filters, name)
        if value:
            chosen.append((kind, str(value).lower() if kind == ResourceAttribute.TAG else str(value)))
    return sorted(chosen, key=lambda row: -_DRIVER_PREFERENCE.index(row[0]))


def apply_filters(queryset, filters: data.ResourceFilters, *, user, words: bool = True, driver_range=None):
    """
    Narrow ``queryset`` by search text and every metadata filter given.

    The last list-field filter's join is the driver: ``driver_range`` (lookups
    on its ``created``) bounds it, and ordering by ``attributes__created``
    orders by it, so the list is read along its ``(kind, value, created)``
    index. ``words=False`` leaves the search text out.
    """
    terms = search_terms(filters) if words else []
    if terms:
        queryset = queryset.filter(word_filter(Resource, "search_text", terms))
    for name in _SINGLE_FACETS:
        value = getattr(filters, name)
        if value:
            queryset = queryset.filter(**{name: value.upper() if name == "country" else value})
    attributes = _attribute_filters(filters)
    for n, (kind, value) in enumerate(attributes):
        bounds = (driver_range or {}) if n == len(attributes) - 1 else {}
        # One join per filter; (resource, kind, value) is unique, so no duplicates.
        queryset = queryset.filter(attributes__kind=kind, attributes__value=value,
                                   **{f"attributes__created__{lookup}": date for lookup, date in bounds.items()})
    if filters.mine:
        queryset = queryset.filter(author_id=user.id)
    return queryset


def facet_counts(leading_rows) -> dict:
    """
    Counts per value of each filter among ``leading_rows`` (``(pk, *single
    fields)`` as the leading query read them): the single-valued fields are
    counted from those rows, without reading the matches again, and the list
    fields with one grouped query over their ids.
    """
    facets: dict[str, dict[str, int]] = {name: {} for name in _SINGLE_FACETS}
    for _name, plural in _ATTRIBUTE_FACETS.values():
        facets[plural] = {}
    if not leading_rows:
        return facets
    for row in leading_rows:
        for name, value in zip(_SINGLE_FACETS, row[1:], strict=False):
            if value:
                facets[name][value] = facets[name].get(value, 0) + 1
    resource_ids = [row[0] for row in leading_rows]
    rows = (
        ResourceAttribute.objects.filter(resource_id__in=resource_ids)
        .values("kind", "value").annotate(n=Count("resource_id")).values_list("kind", "value", "n")
    )
    for kind, value, count in rows:
        facets[_ATTRIBUTE_FACETS[kind][1]][value] = count
    if len(facets["tags"]) > MAX_TAG_FACETS:
        top = sorted(facets["tags"].items(), key=lambda item: (-item[1], item[0]))[:MAX_TAG_FACETS]
        facets["tags"] = dict(top)
    return facets


def rendered_page_items(viewer, resources) -> tuple:
    """The resources as the viewer may see them (``with_relations`` spares a query per resource)."""
    return tuple(to_resource(r, user=viewer.user, can_moderate=can_moderate(viewer, r)) for r in resources)


def with_relations(queryset):
    """The queryset with what rendering a resource reads, fetched in two queries in all."""
    return queryset.select_related("author", "current_version").prefetch_related(
        Prefetch("attributes", queryset=ResourceAttribute.objects.order_by("kind", "value"))
    )


def _facet_window() -> int:
    return max(1, int(setting("VETNET_TOOLBOX_FACET_WINDOW")))


def _date_of_row(number: int):
    """
    The date of the ``number``-th newest resource of the whole table (None
    when there are fewer), read from the date index alone.
    """
    dates = list(Resource.objects.order_by("-created").values_list("created", flat=True)[number - 1:number])
    return dates[0] if dates else None


def _since(queryset, date):
    return queryset if date is None else queryset.filter(created__gte=date)


def _date_scanned(unsearched, terms, window: int):
    """
    For a frequent word, newest first: the list read along the date index with
    the words checked row by row, or None when the words are not frequent among
    the newest resources (``core.search.bounded_word_scan`` says why and how).
    """
    newest = unsearched.order_by(*_ORDERINGS["newest"])
    return bounded_word_scan(lambda date: _since(newest, date), _date_of_row, column="search_text", terms=terms,
                             window=window, fields=("pk", *_SINGLE_FACETS))


# Newest first along the driving list-field filter's index (see ``apply_filters``): the same order as
# ("-created", "-id"), as an attribute row holds its resource's date and id.
_ALONG_ATTRIBUTE = ("-attributes__created", "-attributes__resource_id")


def _driver_date(kind: str, value: str, number: int):
    """The date of the ``number``-th newest resource with this list-field value, from its index alone."""
    dates = list(ResourceAttribute.objects.filter(kind=kind, value=value).order_by("-created")
                 .values_list("created", flat=True)[number - 1:number])
    return dates[0] if dates else None


def _along_filter(unsearched, filters: data.ResourceFilters, *, user, driver_range):
    """The filters without the words, newest first along the driving filter's index, within ``driver_range``."""
    return apply_filters(unsearched, filters, user=user, words=False,
                         driver_range=driver_range).order_by(*_ALONG_ATTRIBUTE)


def _words_along_filter(unsearched, filters: data.ResourceFilters, *, user, terms, driver_range):
    """The words (``LIKE``) and filters, newest first along the driving filter's index, within ``driver_range``."""
    return _along_filter(unsearched, filters, user=user, driver_range=driver_range).filter(
        substring_filter("search_text", terms))


def _filter_scanned(unsearched, filters: data.ResourceFilters, *, user, terms, window: int):
    """
    For words with a list-field filter, newest first: what ``_date_scanned``
    does for words alone, along the filter's ``(kind, value, created)`` index
    instead of the date index; or None when the words (with the other
    filters) are not frequent among that value's newest resources.

    ``FULLTEXT`` cannot be combined with another index: for a frequent word
    MariaDB takes every match from it and joins the attribute rows (seconds at
    100,000 resources), where this reads the value's newest rows and checks
    the rest row by row, in at most ``DATE_SCAN_WINDOWS`` windows.
    """
    kind, value = _attribute_filters(filters)[-1]

    def along(date):
        return _along_filter(unsearched, filters, user=user, driver_range={} if date is None else {"gte": date})

    return bounded_word_scan(along, lambda number: _driver_date(kind, value, number), column="search_text",
                             terms=terms, window=window, fields=("pk", *_SINGLE_FACETS))


@in_course
def list_resources(
    *, user, course_key, context: data.ToolboxContext | None = None,
    filters: data.ResourceFilters | None = None, sort: str = "newest",
    page: int = 1, page_size: int | None = None, with_facets: bool = True, cursor: str | None = None,
) -> base_data.Page:
    """
    One page of the resources the user may see in this context, searched,
    filtered and sorted ("newest", "best_rated", "most_adopted").

    ``extra["facets"]`` holds the counts per filter value. They are exact
    when the result holds at most ``VETNET_TOOLBOX_FACET_WINDOW`` resources;
    beyond that they count the leading ones in the chosen order and
    ``extra["facets_partial"]`` is true. Likewise ``count`` stops at
    ``VETNET_TOOLBOX_COUNT_LIMIT`` ("more than ...") with
    ``extra["count_capped"]`` true; a frequent word read along an index
    (``extra["date_scan"]``) is counted only as far as the facet window. So a
    search stays fast however large the library grows.

    ``extra["next_cursor"]`` names the next page by position; given back as
    ``cursor`` (``page`` is then ignored), that page is read from the order's
    index after this page's last resource, however deep, and even past the
    last counted page (see ``core.pagination``).
    """
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    if sort not in SORT_CODES:
        raise InvalidInput(_("Sort by newest, best rated or most adopted."), errors={"sort": [_("Unknown order.")]})
    filters = filters or data.ResourceFilters()
    size = clean_page_size(page_size)
    ordering = _ORDERINGS[sort]
    position = decode_cursor(cursor, Resource, ordering) if cursor not in (None, "") else None
    number = position[1] if position else clean_page_number(page)
    window = _facet_window()
    terms = search_terms(filters)
    scanned = None
    unfiltered = dataclasses.replace(filters, search="") == data.ResourceFilters()
    # Words alone take the date scan; with a list-field filter, the scan along that filter's index
    # (rows matching everything are sparse along the date index); with single-valued filters only, FULLTEXT.
    # A list-field filter, newest first: read along its (kind, value, created) index, not sorted.
    along_attribute = sort == "newest" and bool(_attribute_filters(filters))
    read_order = _ALONG_ATTRIBUTE if along_attribute else ordering
    if terms and unfiltered and sort == "newest" and uses_fulltext(terms):
        scanned = _date_scanned(visible_resources(viewer), terms, window)
    elif terms and along_attribute and uses_fulltext(terms):
        scanned = _filter_scanned(visible_resources(viewer), filters, user=user, terms=terms, window=window)
    if scanned is not None:
        ordered, leading_rows = scanned
    else:
        ordered = apply_filters(visible_resources(viewer), filters, user=user).order_by(*read_order)
        # The leading ids in order, one query: they give the facets and the early
        # pages without grouping or sorting the whole result again.
        leading_rows = list(ordered.values_list("pk", *_SINGLE_FACETS)[: window + 1])
    partial = len(leading_rows) > window
    leading_rows = leading_rows[:window]
    leading = [row[0] for row in leading_rows]
    if partial and scanned is not None:
        # The scan found more than the window within its bounded read. Counting on would check the words row
        # by row through the rest of the list (every row of a filter's value when matches are sparse there):
        # "more than" the window, as the repository counts its frequent words.
        count, count_capped = window, True
    elif partial:
        # Counted only beyond the window, and only up to a limit ("more than ...").
        count_limit = max(window, int(setting("VETNET_TOOLBOX_COUNT_LIMIT")))
        # In the list's order, so the scan runs along its index and stops at the limit.
        count = ordered[: count_limit + 1].count()
        count_capped = count > count_limit
        count = min(count, count_limit)
    else:
        count, count_capped = len(leading), False
    pages = num_pages(count, size)
    start = (number - 1) * size
    if position:
        # A page named by position: read along the order's index from just after it.
        following = ordered
        if along_attribute:
            # Bounded on the driving index too, so the read starts at the position rather than the newest end.
            following = (_words_along_filter(visible_resources(viewer), filters, user=user, terms=terms,
                                             driver_range={"lte": position[0][0]})
                         if scanned is not None else
                         apply_filters(visible_resources(viewer), filters, user=user,
                                       driver_range={"lte": position[0][0]}).order_by(*read_order))
        resources = list(with_relations(following.filter(after_position(ordering, position[0], Resource)))
                         [:size + 1])
    elif start + size <= len(leading) or not partial:
        check_page_exists(number, pages)
        page_ids = leading[start:start + size + 1]
        rows = {r.pk: r for r in with_relations(Resource.objects.filter(pk__in=page_ids))}
        resources = [rows[pk] for pk in page_ids if pk in rows]
        if partial and len(page_ids) == size and len(resources) == size:
            # The window ends with this page and more matches follow it.
            resources.append(None)
    else:
        if not count_capped:
            check_page_exists(number, pages)
        resources = list(with_relations(ordered)[start:start + size + 1])
        if not resources:
            # Past the counted pages of a capped count, a page exists while it holds resources.
            check_page_exists(number, number - 1)
    more = len(resources) > size
    resources = resources[:size]
    next_cursor = encode_cursor(resources[-1], ordering, page=number + 1) if more and resources else None
    pages = max(pages, number + (1 if more else 0))
    extra = {"facets": facet_counts(leading_rows) if with_facets else {}, "facets_partial": partial,
             "count_capped": count_capped, "sort": sort, "next_cursor": next_cursor,
             "date_scan": scanned is not None}
    return base_data.Page(
        items=rendered_page_items(viewer, resources), count=count, page=number, num_pages=pages, page_size=size,
        extra=extra,
    )


# The moderation queue of changes waiting on published resources.
CHANGES = "changes"


@in_course
def list_moderation_queue(
    *, user, course_key, context: data.ToolboxContext | None = None, status: str = Resource.PENDING, page: int = 1,
    page_size: int | None = None,
) -> base_data.Page:
    """
    Resources deposited in the course that wait for (or had) moderation, oldest first. Course staff only.

    ``status`` "changes" lists published resources whose author's edit waits for approval.
    """
    viewer = viewer_for(user=user, course_key=course_key, context=context)
    if not viewer.is_staff:
        raise AccessDenied(_("Only course staff can moderate the toolbox."))
    if status == CHANGES:
        queryset = Resource.objects.filter(course_key=viewer.course_key, pending_change__isnull=False).order_by(
            "pending_change_at", "id"
        )
    elif status not in {Resource.PENDING, Resource.REJECTED, Resource.HIDDEN}:
        raise InvalidInput(_("Unknown moderation state."))
    else:
        queryset = Resource.objects.filter(course_key=viewer.course_key, status=status).order_by("created", "id")
    return paginate(with_relations(queryset), page=page, page_size=page_size,
                    transform=lambda rows: rendered_page_items(viewer, rows))
