"""
One pagination for every list: the page number and size read the same way,
and the page cut in the database (a count and one sliced query), never from
a list held in memory.

Deep pages are read by position (keyset, or "seek", pagination): every page
of a list paginated with ``seek`` carries ``extra["next_cursor"]``, an opaque token
naming its last row's place in the list's order. Asked with that cursor, the
next page is read from the index starting just after that row
(``WHERE (created, id) < (c, i) ... LIMIT n``), so page 5,000 costs what
page 1 costs, where an ``OFFSET`` reads and throws away every row before it.
Page numbers keep working (a shallow page, a link to page 3); a cursor page
still knows its number, carried in the cursor. The two read the same rows:
the page a cursor names is the page with that number, as long as nothing is
inserted before it; with inserts, the cursor keeps its place (no row shown
twice or skipped), where a page number shifts.
"""
from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q
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


_CURSOR_SALT = "vetnet.core.pagination.cursor"


def _bad_cursor() -> InvalidInput:
    message = _("This link to a page is not valid any more: go back to the first page.")
    return InvalidInput(message, errors={"cursor": [message]})


def _order_fields(model, ordering: Sequence[str]):
    """The model fields an ordering sorts by, with their direction (True: descending)."""
    fields = []
    for name in ordering:
        descending, attname = name.startswith("-"), name.lstrip("-")
        field = model._meta.pk if attname == "pk" else model._meta.get_field(attname)
        fields.append((field, descending))
    return fields


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def encode_cursor(row, ordering: Sequence[str], *, page: int) -> str:
    """
    The cursor of the page after ``row`` (a model instance) in ``ordering``,
    which is page ``page``: an opaque, signed token for URLs.
    """
    values = [_json_value(getattr(row, field.attname)) for field, _desc in _order_fields(type(row), ordering)]
    return signing.dumps({"o": list(ordering), "v": values, "p": page}, salt=_CURSOR_SALT, compress=True)


def decode_cursor(cursor: str, model, ordering: Sequence[str]) -> tuple[list, int]:
    """
    The sort values and the page number that ``cursor`` names, for a list of
    ``model`` in ``ordering``; ``InvalidInput`` (400) for anything else
    (tampered, from another order, malformed).
    """
    try:
        content = signing.loads(str(cursor), salt=_CURSOR_SALT)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise _bad_cursor() from exc
    if not isinstance(content, dict) or content.get("o") != list(ordering):
        raise _bad_cursor()
    raw, number = content.get("v"), content.get("p")
    fields = _order_fields(model, ordering)
    if not isinstance(raw, list) or len(raw) != len(fields) or not isinstance(number, int) or number < 2:
        raise _bad_cursor()
    try:
        values = [field.to_python(value) for (field, _desc), value in zip(fields, raw, strict=True)]
    except (ValidationError, FieldDoesNotExist, TypeError, ValueError) as exc:
        raise _bad_cursor() from exc
    return values, number


def after_position(ordering: Sequence[str], values, model) -> Q:
    """
    The rows after ``values`` in ``ordering`` (a strict total order, ending
    with the primary key), as a condition the order's index can serve: the
    first field bounded (``created <= c``), then the tie broken field by field.
    """
    fields = _order_fields(model, ordering)
    condition = None
    for (field, descending), value in reversed(list(zip(fields, values, strict=True))):
        beyond = Q(**{f"{field.attname}__{'lt' if descending else 'gt'}": value})
        condition = beyond if condition is None else beyond | (Q(**{field.attname: value}) & condition)
    first, descending = fields[0]
    return Q(**{f"{first.attname}__{'lte' if descending else 'gte'}": values[0]}) & condition


def paginate(
    queryset, *, page=1, page_size=None, transform: Callable[[list], Iterable] | None = None,
    extra: dict | None = None, count_limit: int | None = None, seek: bool = False, cursor: str | None = None,
    when_capped: Callable[[Any], tuple[Any, AbstractContextManager]] | None = None,
) -> Page:
    """
    One page of an ordered ``queryset``: one count and one sliced query.

    ``transform`` turns the page's rows into the values callers receive
    (it gets the whole page's list, so it can fetch related data for the page
    at once). Bad numbers raise ``InvalidInput`` (400), a page past the last
    one ``NotFound`` (404). With ``count_limit``, counting stops there ("more
    than ..."), so a page costs the same however long the list grows;
    ``extra["count_capped"]`` says whether it stopped.

    With ``seek``, ``extra["next_cursor"]`` names the next page by position
    (None on the last page); given as ``cursor``, it is read from the index after this
    page's last row, however deep (``page`` is then ignored). The queryset's
    order must end with its primary key. With a capped count, cursor pages go
    on past the last counted page; ``num_pages`` then counts up to the page
    read, and one more while there is a next.

    When the count stopped at ``count_limit``, ``when_capped(queryset)`` gives the
    queryset to read the page from (the same rows in the same order) and a context
    manager to read it in: a list whose matches are many may be read with another
    plan than one whose matches are few (``core.search.along_the_order``).
    """
    size = clean_page_size(page_size)
    ordering = tuple(queryset.query.order_by)
    extra = dict(extra or {})
    if count_limit is None:
        count = queryset.count()
    else:
        count = queryset.order_by()[: count_limit + 1].count()
        extra["count_capped"] = count > count_limit
        count = min(count, count_limit)
    pages = num_pages(count, size)
    plan = nullcontext()
    if when_capped is not None and extra.get("count_capped"):
        queryset, plan = when_capped(queryset)
    with plan:
        if seek and cursor not in (None, ""):
            values, number = decode_cursor(cursor, queryset.model, ordering)
            rows = list(queryset.filter(after_position(ordering, values, queryset.model))[: size + 1])
        else:
            number = clean_page_number(page)
            check_page_exists(number, pages)
            rows = list(queryset[(number - 1) * size: number * size + 1]) if count else []
    more = len(rows) > size
    rows = rows[:size]
    if seek:
        extra["next_cursor"] = encode_cursor(rows[-1], ordering, page=number + 1) if more and rows else None
        pages = max(pages, number + (1 if more else 0))
    items = tuple(transform(rows)) if transform is not None else tuple(rows)
    return Page(items=items, count=count, page=number, num_pages=pages, page_size=size, extra=extra)
