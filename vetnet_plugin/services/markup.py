"""Members write Markdown; pages get HTML that passed an allowlist."""
import markdown
import nh3

_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre",
    "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul", "del",
}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    """
    Turn a member's Markdown into HTML safe to put in a page.

    Raw HTML in the text is not trusted: everything outside the allowlist is
    dropped, and links are marked so search engines and openers get no credit.
    Headings start at h3 because the block's own headings sit above.
    """
    if not text:
        return ""
    html = markdown.markdown(text, extensions=["sane_lists", "tables", "fenced_code"], output_format="html")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h4>").replace("</h2>", "</h4>")
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )
