"""
Word search shared by the lists that members search (the toolbox library,
the member directory).

On MariaDB/MySQL a word of at least three letters that is not one of
InnoDB's stopwords is found through the column's ``FULLTEXT`` index as a word
prefix (``weld`` finds "welding"); shorter words and stopwords, and every
word on other databases (SQLite, the embedded default), are found with
``LIKE``, as before.
"""
from __future__ import annotations

from contextlib import contextmanager

from django.db import connection
from django.db.models import Lookup, Q, TextField

__all__ = [
    "DATE_SAMPLE_ROWS", "DATE_SCAN_WINDOWS", "any_word_filter", "bounded_word_scan", "fulltext_available",
    "substring_filter", "uses_fulltext", "word_filter",
]

# InnoDB's default FULLTEXT stopwords and its default ``innodb_ft_min_token_size``.
_STOPWORDS = frozenset({
    "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is",
    "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will",
    "with", "und", "www",
})
_MIN_TOKEN = 3


@contextmanager
def along_the_order():
    """
    On MariaDB/MySQL, run the queries inside with each ``EXISTS`` filter checked row
    by row as the order's index is read, so a page of a list whose filter matches
    many rows stops after the page (ADR 0008). Left to itself, the optimizer turns
    the ``EXISTS`` into a semi-join: it collects every match of the filter, then
    sorts them all, which is the right plan when matches are few, not when they
    are many. Other databases are left as they are.
    """
    if connection.vendor != "mysql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET @vetnet_optimizer_switch = @@SESSION.optimizer_switch")
        cursor.execute("SET SESSION optimizer_switch = 'semijoin=off,materialization=off'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET SESSION optimizer_switch = @vetnet_optimizer_switch")


def fulltext_available() -> bool:
    """True where the ``FULLTEXT`` indexes of the 0004 migration exist."""
    return connection.vendor == "mysql"


def _indexable(term: str) -> bool:
    return len(term) >= _MIN_TOKEN and term not in _STOPWORDS and term.isalnum()


@TextField.register_lookup
class MatchesWords(Lookup):
    """``column__vetnet_matches="+word*"``: a bare ``MATCH ... AGAINST`` that MariaDB serves from its index."""

    lookup_name = "vetnet_matches"

    def as_sql(self, compiler, connection):  # pylint: disable=redefined-outer-name
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"MATCH ({lhs}) AGAINST ({rhs} IN BOOLEAN MODE)", [*lhs_params, *rhs_params]


def word_filter(model, column: str, terms) -> Q:
    """
    A condition that ``column`` of ``model`` holds every one of ``terms``
    (already lower-cased), through the ``FULLTEXT`` index where there is one.
    """
    condition = Q()
    indexed = [t for t in terms if fulltext_available() and _indexable(t)]
    for term in terms:
        if term not in indexed:
            condition &= Q(**{f"{column}__contains": term})
    if indexed:
        condition &= Q(**{f"{column}__vetnet_matches": " ".join(f"+{term}*" for term in indexed)})
    return condition


def any_word_filter(model, column: str, terms) -> Q:
    """
    A condition that ``column`` of ``model`` holds at least one of ``terms``
    (already lower-cased), through the ``FULLTEXT`` index where there is one:
    for suggestions ("cases like this one"), where one shared word is a lead.
    """
    terms = [t for t in terms if t]
    indexed = [t for t in terms if fulltext_available() and _indexable(t)]
    condition = Q()
    for term in terms:
        if term not in indexed:
            condition |= Q(**{f"{column}__contains": term})
    if indexed:
        condition |= Q(**{f"{column}__vetnet_matches": " ".join(f"{term}*" for term in indexed)})
    return condition


def uses_fulltext(terms) -> bool:
    """True if ``word_filter`` would look any of ``terms`` up in a ``FULLTEXT`` index."""
    return fulltext_available() and any(_indexable(t) for t in terms)


def substring_filter(column: str, terms) -> Q:
    """
    A condition that ``column`` holds every one of ``terms`` anywhere (``LIKE``),
    for the bounded date scan of a frequent word: checked row by row along an
    ordered index, where a ``FULLTEXT`` lookup would collect and sort every match.
    """
    condition = Q()
    for term in terms:
        condition &= Q(**{f"{column}__contains": term})
    return condition


# The bounded date scan reads at most this many windows of the newest rows:
# a word found in more than one in ten of them is "frequent".
DATE_SCAN_WINDOWS = 10
# How many of the newest rows are sampled to tell whether a word is frequent.
DATE_SAMPLE_ROWS = 200


def bounded_word_scan(along, date_of, *, column: str, terms, window: int, fields):
    """
    For a frequent word, newest first: the list read along a date index with
    the words checked row by row (``LIKE``), or None when the words are not
    frequent among the newest rows (``word_filter`` then answers).

    ``along(date)`` is the list without its words, newest first along an
    index, from ``date`` on (every row for None); ``date_of(number)`` is the
    date of that list's ``number``-th newest row (None when there are fewer),
    read from the index alone. Read first, as a constant, so the scan that
    follows is a range of the index: a bound the optimizer cannot see at
    planning time would let it scan every row.

    ``FULLTEXT`` finds a rare word at once, but for a word in half of the
    rows it collects and sorts every match, so it grows with the table. The
    date scan stops after the window's matches; a frequent word fills it
    within the newest ``DATE_SCAN_WINDOWS`` windows of rows, read in one
    bounded query. Whether a word is frequent is first judged on the newest
    ``DATE_SAMPLE_ROWS`` (one in ``DATE_SCAN_WINDOWS`` of them must match), so
    a rare word costs a short scan and its bound before ``FULLTEXT`` answers.
    The trade-off: a frequent word is then matched anywhere in a word, as on
    SQLite ("training" also finds "retraining"), on every page of that list,
    where ``FULLTEXT`` matches words and word beginnings.

    Returns ``(queryset, leading_rows)``: the whole list with its words, in
    the index's order, and its first ``window + 1`` rows as ``fields`` values.
    """
    matching = substring_filter(column, terms)
    sample = max(1, min(window, DATE_SAMPLE_ROWS))
    hits = along(date_of(sample)).filter(matching).order_by().count()
    if hits * DATE_SCAN_WINDOWS < sample:
        return None
    leading_rows = list(along(date_of(window * DATE_SCAN_WINDOWS)).filter(matching)
                        .values_list(*fields)[: window + 1])
    if len(leading_rows) <= window:
        return None
    return along(None).filter(matching), leading_rows
