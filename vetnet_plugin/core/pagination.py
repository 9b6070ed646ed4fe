"""
One pagination for every list: the page number and size read the same way,
and the page cut in the database (a count and one sliced query), never from
a list held in memory.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _

from ..conf import setting
from ..data import Page
from ..exceptions import InvalidInput, NotFound


def clean_page_size(value=None) -> int:
    """The page size asked for, within ``VETNET_MAX_PAGE_SIZE``; ``VETNET_PAGE_SIZE`` when none is given."""
    default = int(setting("VETNET_PAGE_SIZE"))
    maximum = int(setting("VETNET_MAX_PAGE_SIZE"))
    if value in (None, ""):
        return max(1, min(default, maximum))
    try:
        size = int(value)
    except (TypeError, ValueError, OverflowError) as exc:
        message = _("The page size must be a whole number.")
        raise InvalidInput(message, errors={"page_size": [message]}) from exc
    return max(1, min(size, maximum))


def clean_page_number(value=None) -> int:
    """The page number asked for (1 when none is given)."""
    if value in (None, ""):
        return 1
    try:
        return max(1, int(value))
    except (TypeError, ValueError, OverflowError) as exc:
        message = _("The page number must be a whole number.")
        raise InvalidInput(message, errors={"page": [message]}) from exc


def num_pages(count: int, size: int) -> int:
    """How many pages ``count`` items fill (an empty list still has its first page)."""
    return max(1, -(-count // size))


def check_page_exists(number: int, pages: int) -> None:
    """``NotFound`` for a page past the last one."""
    if number > pages:
        raise NotFound(_("There is no page {number}.").format(number=number))


def paginate(
    queryset, *, page=1, page_size=None, transform: Callable[[list], Iterable] | None = None,
    extra: dict | None = None, count_limit: int | None = None,
) -> Page:
    """
    One page of an ordered ``queryset``: one count and one sliced query.

    ``transform`` turns the page's rows into the values callers receive
    (it gets the whole page's list, so it can fetch related data for the page
    at once). Bad numbers raise ``InvalidInput`` (400), a page past the last
    one ``NotFound`` (404). With ``count_limit``, counting stops there ("more
    than ..."), so a page costs the same however long the list grows;
    ``extra["count_capped"]`` says whether it stopped.
    """
    size = clean_page_size(page_size)
    number = clean_page_number(page)
    extra = dict(extra or {})
    if count_limit is None:
        count = queryset.count()
    else:
        count = queryset.order_by()[: count_limit + 1].count()
        extra["count_capped"] = count > count_limit
        count = min(count, count_limit)
    pages = num_pages(count, size)
    check_page_exists(number, pages)
    rows = list(queryset[(number - 1) * size: number * size]) if count else []
    items = tuple(transform(rows)) if transform is not None else tuple(rows)
    return Page(items=items, count=count, page=number, num_pages=pages, page_size=size, extra=extra)
