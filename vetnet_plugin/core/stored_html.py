"""
Stored HTML: the sanitised HTML that models keep beside their Markdown (a
post's body, a resource's description, a scenario's narrative, a repository
entry's summary) is rendered when the text is written (``StoresHtml``); after
a change of the renderer or the sanitiser's rules, every stored copy is
rendered again from its Markdown, in batches, by ``manage.py
vetnet_render_html``.
"""
from __future__ import annotations

from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

from .markup import render_markdown

BATCH_SIZE = 500


def stored_html(html: str, markdown: str) -> SafeString:
    """
    A row's stored HTML as the safe text a template shows unescaped, the same
    kind of value ``render_markdown`` gives; rendered from ``markdown`` here
    only for a row written in bulk without it.
    """
    if html:
        return mark_safe(html)  # noqa: S308  # nosec: sanitised by nh3 when it was stored (StoresHtml.save)
    return render_missing(markdown)


def render_missing(markdown: str) -> SafeString:
    """The HTML of a row written without it (in bulk, by SQL): the only rendering a read does."""
    return render_markdown(markdown)


class StoresHtml:
    """
    Model mixin: each Markdown field named in ``html_fields`` (source -> target)
    has its sanitised HTML kept in the target field, rendered in ``save()``
    whenever the source is saved (also with ``update_fields`` naming it).
    """

    html_fields: dict[str, str] = {}

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        for source, target in self.html_fields.items():
            if update_fields is None or source in update_fields:
                text = getattr(self, source)
                setattr(self, target, render_markdown(text) if text else "")
                if update_fields is not None:
                    update_fields = kwargs["update_fields"] = {*update_fields, target}
        super().save(*args, **kwargs)


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
