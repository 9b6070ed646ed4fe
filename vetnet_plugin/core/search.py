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

from django.db import connection
from django.db.models import Lookup, Q, TextField

__all__ = ["any_word_filter", "fulltext_available", "substring_filter", "uses_fulltext", "word_filter"]

# InnoDB's default FULLTEXT stopwords and its default ``innodb_ft_min_token_size``.
_STOPWORDS = frozenset({
    "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is",
    "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will",
    "with", "und", "www",
})
_MIN_TOKEN = 3


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
