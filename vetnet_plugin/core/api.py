"""
The public part of ``core``: the shared vocabularies and the text services a
caller needs to render what the features return.
"""
from .access import Actor, display_name
from .keys import parse_course_key
from .languages import community_languages, detect_language
from .markup import render_markdown
from .taxonomy import LANGUAGES, SECTORS, TOPICS, OrganisationType

__all__ = [
    "LANGUAGES",
    "SECTORS",
    "TOPICS",
    "Actor",
    "OrganisationType",
    "community_languages",
    "detect_language",
    "display_name",
    "parse_course_key",
    "render_markdown",
]
