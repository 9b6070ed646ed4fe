"""
The themes of a workspace block, as the trainer set them in Studio.

The block hands its themes over (``configure_workspace_themes``); a theme
removed in Studio is kept inactive, so its workspaces and their documents
stay readable.
"""
from __future__ import annotations

import re
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from ..core.keys import parse_course_key
from ..core.taxonomy import SECTORS, TOPICS
from ..exceptions import InvalidInput, NotFound
from . import data
from .models import WorkspaceTheme

MAX_THEMES = 30
MAX_WORKSPACE_SIZE = 50
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def _date(value, name: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise InvalidInput(_("Give the date as YYYY-MM-DD."), errors={name: [_("Give the date as YYYY-MM-DD.")]}) \
            from error


def check_themes(themes) -> list[dict]:
    """The themes cleaned, or ``InvalidInput`` saying which one is wrong and why."""
    if not isinstance(themes, (list, tuple)):
        raise InvalidInput(_("The themes must be a list."), errors={"themes": [_("The themes must be a list.")]})
    if len(themes) > MAX_THEMES:
        raise InvalidInput(_("A block holds at most {count} themes.").format(count=MAX_THEMES))
    cleaned, seen = [], set()
    for number, theme in enumerate(themes, start=1):
        if not isinstance(theme, dict):
            raise InvalidInput(_("Theme {number} is not a theme.").format(number=number))
        key = str(theme.get("key") or "").strip().lower()
        title = str(theme.get("title") or "").strip()
        if not _KEY.match(key) or key in seen:
            raise InvalidInput(_("Theme {number} needs a short unique key (letters, digits, hyphens).").format(
                number=number), errors={"themes": [_("Theme keys must be unique.")]})
        if not title or len(title) > 200:
            raise InvalidInput(_("Theme {number} needs a title of at most 200 characters.").format(number=number),
                               errors={"themes": [_("Every theme needs a title.")]})
        join_rule = str(theme.get("join_rule") or "open")
        if join_rule not in data.JOIN_RULES:
            raise InvalidInput(_("Theme {number}: choose how members join.").format(number=number))
        try:
            max_size = int(theme.get("max_size") or 8)
        except (TypeError, ValueError) as error:
            raise InvalidInput(_("Theme {number}: the maximum size must be a number.").format(number=number)) \
                from error
        if not 2 <= max_size <= MAX_WORKSPACE_SIZE:
            raise InvalidInput(_("Theme {number}: a workspace holds between 2 and {most} members.").format(
                number=number, most=MAX_WORKSPACE_SIZE))
        starts, ends = _date(theme.get("starts"), "starts"), _date(theme.get("ends"), "ends")
        if starts and ends and ends < starts:
            raise InvalidInput(_("Theme {number} ends before it starts.").format(number=number))
        topic, sector = str(theme.get("topic") or ""), str(theme.get("sector") or "")
        if topic and topic not in {code for code, _label in TOPICS}:
            raise InvalidInput(_("Theme {number}: choose a VET topic from the list.").format(number=number))
        if sector and sector not in {code for code, _label in SECTORS}:
            raise InvalidInput(_("Theme {number}: choose a sector from the list.").format(number=number))
        seen.add(key)
        cleaned.append({
            "key": key, "title": title, "description": str(theme.get("description") or "")[:5000],
            "topic": topic, "sector": sector,
            "starts": starts, "ends": ends, "max_size": max_size, "join_rule": join_rule,
            "members_create": bool(theme.get("members_create", True)),
        })
    return cleaned


def configure_workspace_themes(*, course_key, usage_key: str, themes) -> list[data.WorkspaceThemeSettings]:
    """Store the block's themes (from its Studio fields); themes no longer listed become inactive."""
    key = parse_course_key(course_key)
    cleaned = check_themes(themes)
    with transaction.atomic():
        for position, theme in enumerate(cleaned):
            WorkspaceTheme.objects.update_or_create(
                usage_key=str(usage_key), key=theme["key"],
                defaults={**theme, "course_key": key, "position": position, "is_active": True},
            )
        WorkspaceTheme.objects.filter(usage_key=str(usage_key)).exclude(
            key__in=[theme["key"] for theme in cleaned]).update(is_active=False)
    return list_theme_values(course_key=key, usage_key=usage_key)


def theme_value(theme: WorkspaceTheme) -> data.WorkspaceThemeSettings:
    return data.WorkspaceThemeSettings(
        key=theme.key, title=theme.title, description=theme.description, topic=theme.topic, sector=theme.sector,
        starts=theme.starts, ends=theme.ends, max_size=theme.max_size, join_rule=theme.join_rule,
        members_create=theme.members_create)


def list_theme_values(*, course_key, usage_key: str) -> list[data.WorkspaceThemeSettings]:
    key = parse_course_key(course_key)
    themes = WorkspaceTheme.objects.filter(course_key=key, usage_key=str(usage_key), is_active=True)
    return [theme_value(theme) for theme in themes.order_by("position")]


def get_theme(*, course_key, usage_key: str, theme_key: str) -> WorkspaceTheme:
    try:
        return WorkspaceTheme.objects.get(course_key=parse_course_key(course_key), usage_key=str(usage_key),
                                          key=str(theme_key), is_active=True)
    except WorkspaceTheme.DoesNotExist as error:
        raise NotFound(_("No such theme in this block.")) from error
