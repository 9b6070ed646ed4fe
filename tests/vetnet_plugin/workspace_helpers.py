"""Factories of the themed workspaces: a block's themes, a workspace, its members."""
from tests.factories import COURSE_KEY, member
from vetnet_plugin import api

USAGE_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_workspace+block@collaboration"

THEMES = [
    {"key": "green-skills", "title": "Green skills in construction", "description": "Retrofitting curricula.",
     "topic": "green_transition", "sector": "construction", "starts": "2026-01-10", "ends": "2026-06-30",
     "max_size": 4, "join_rule": "open", "members_create": True},
    {"key": "apprenticeships", "title": "Apprenticeships in SMEs", "topic": "work_based_learning", "sector": "wood_furniture",
     "max_size": 6, "join_rule": "request", "members_create": True},
    {"key": "policy", "title": "Funding short courses", "topic": "eu_funding", "sector": "cross_sector",
     "max_size": 5, "join_rule": "invitation", "members_create": False},
]


def configure(themes=None, usage_key=USAGE_KEY, course_key=COURSE_KEY):
    return api.configure_workspace_themes(course_key=course_key, usage_key=usage_key, themes=themes or THEMES)


def open_workspace(facilitator, theme_key="green-skills", title="Retrofit module", goal="Write a module outline."):
    return api.create_workspace(user=facilitator, course_key=COURSE_KEY, usage_key=USAGE_KEY, theme_key=theme_key,
                                title=title, goal=goal)


def workspace_with_members(count=2, theme_key="green-skills"):
    """A workspace opened by a facilitator and joined by ``count - 1`` more members; returns it and the members."""
    people = [member(country="IT", organisation_type="vet_provider") for _ in range(count)]
    workspace = open_workspace(people[0], theme_key=theme_key)
    for person in people[1:]:
        api.join_workspace(user=person, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    return workspace, people
