"""
Markdown written by members and trainers, turned into HTML that is safe to show.

Text is stored as written and made safe only on output: Markdown first, then an
allowlist sanitiser (nh3), so a ``<script>`` or an ``onclick`` never reaches a
page, and a better policy later fixes every old text too.
"""
from __future__ import annotations

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = frozenset({
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# A block's title is an <h3> in the course page; headings in the text sit below it.
FIRST_HEADING_LEVEL = 4


class _ShiftHeadings(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1].isdigit():
                element.tag = f"h{min(int(element.tag[1]) + FIRST_HEADING_LEVEL - 1, 6)}"


class _ShiftHeadingsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (the Markdown extension API's name)
        md.treeprocessors.register(_ShiftHeadings(md), "vetnet_shift_headings", 5)


def render_markdown(text: str) -> SafeString:
    """Return ``text`` (Markdown) as sanitised HTML, ready for an autoescaping template."""
    if not text or not text.strip():
        return mark_safe("")
    html = markdown.markdown(
        text, extensions=["sane_lists", "tables", "fenced_code", _ShiftHeadingsExtension()], output_format="html"
    )
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # nosec: nh3 has just removed everything outside the allowlist
