"""
Stored HTML made again: the sanitised HTML that models keep beside their
Markdown (a post's body, a resource's description) is rendered when the text is
written; after a change of the renderer or the sanitiser's rules, every stored
copy is rendered again from its Markdown, in batches, by
``manage.py vetnet_render_html``.
"""
from __future__ import annotations

from collections.abc import Callable

from .markup import render_markdown

BATCH_SIZE = 500


def rerender_stored_html(queryset, *, source: str, target: str,
                         progress: Callable[[int], None] | None = None, batch_size: int = BATCH_SIZE) -> int:
    """
    Render ``source`` (Markdown) into ``target`` (HTML) for every row of ``queryset``.

    Reads the rows in primary-key batches (each batch one query, whatever the
    table's size), writes only the rows whose HTML changed, and calls
    ``progress(n)`` after each batch of ``n`` rows. Returns how many rows changed.
    """
    changed_rows, last = 0, 0
    rows = queryset.order_by("pk")
    while True:
        batch = list(rows.filter(pk__gt=last).only("pk", source, target)[:batch_size])
        if not batch:
            return changed_rows
        changed = []
        for row in batch:
            text = getattr(row, source)
            html = str(render_markdown(text)) if text else ""
            if html != getattr(row, target):
                setattr(row, target, html)
                changed.append(row)
        if changed:
            queryset.model.objects.bulk_update(changed, [target])
        changed_rows += len(changed)
        last = batch[-1].pk
        if progress is not None:
            progress(len(batch))
