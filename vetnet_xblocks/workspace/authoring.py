"""
The themes as the course team writes them in Studio: one theme per paragraph,

    key | title | VET topic code | sector code
    starts YYYY-MM-DD | ends YYYY-MM-DD | maximum size | open, request or invitation | members create: yes or no
    description (any further lines, Markdown)

and back again, so what Studio shows is what OLX stores (the ``themes`` field).
"""
from __future__ import annotations

from vetnet_plugin.exceptions import InvalidInput


def format_themes(themes) -> str:
    paragraphs = []
    for theme in themes or ():
        head = " | ".join(str(theme.get(name) or "") for name in ("key", "title", "topic", "sector"))
        rule = " | ".join([str(theme.get("starts") or ""), str(theme.get("ends") or ""),
                           str(theme.get("max_size") or 8), str(theme.get("join_rule") or "open"),
                           "yes" if theme.get("members_create", True) else "no"])
        lines = [head, rule]
        if theme.get("description"):
            lines.append(str(theme["description"]))
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def parse_themes(text: str, gettext) -> list[dict]:
    _ = gettext
    themes = []
    for number, paragraph in enumerate((p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()), start=1):
        lines = [line for line in paragraph.strip().split("\n")]
        head = [part.strip() for part in lines[0].split("|")]
        rule = [part.strip() for part in lines[1].split("|")] if len(lines) > 1 else []
        if len(head) != 4 or len(rule) != 5:
            message = _("Theme {number}: write “key | title | topic | sector” and, on the next line, "
                        "“starts | ends | maximum size | join rule | members create”.").format(number=number)
            raise InvalidInput(message, errors={"themes_text": [message]})
        if rule[4] not in ("yes", "no"):
            message = _("Theme {number}: say yes or no to members creating workspaces.").format(number=number)
            raise InvalidInput(message, errors={"themes_text": [message]})
        themes.append({
            "key": head[0], "title": head[1], "topic": head[2], "sector": head[3], "starts": rule[0] or None,
            "ends": rule[1] or None, "max_size": rule[2], "join_rule": rule[3], "members_create": rule[4] == "yes",
            "description": "\n".join(lines[2:]).strip(),
        })
    return themes
