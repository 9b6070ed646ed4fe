"""
Plain data returned by ``vetnet_plugin.api``.

No Django imports here: callers (XBlocks, views, tasks) receive frozen values
they can render or serialise, never model instances they could save.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list."""

    items: tuple[T, ...]
    count: int
    page: int
    num_pages: int
    page_size: int = 20
    extra: dict = field(default_factory=dict)

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1



@dataclass(frozen=True)
class CountCell:
    """
    One cell of an aggregate table: how many things (``items``) and how many
    distinct people they come from (``people``). An empty ``row`` or
    ``column`` is that line's total (a margin); both empty is the grand total.
    """

    row: str
    column: str
    items: int
    people: int


@dataclass(frozen=True)
class ValueCell:
    """One cell of a table of non-additive values (a median, a spread) over ``people`` distinct people."""

    row: str
    column: str
    values: dict
    people: int
