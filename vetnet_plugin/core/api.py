"""
The public part of ``core``: the shared vocabularies and the text services a
caller needs to render what the features return.
"""
from .access import Actor, display_name
from .keys import parse_course_key
from .languages import community_languages, detect_language
from .markup import render_markdown
from .payloads import parse_json_payload
from .taxonomy import ADOPTION_OUTCOMES, LANGUAGES, SECTORS, TOPICS, OrganisationType
from .transactions import is_transient_lock_error

__all__ = [
    "ADOPTION_OUTCOMES",
    "LANGUAGES",
    "SECTORS",
    "TOPICS",
    "Actor",
    "OrganisationType",
    "community_languages",
    "detect_language",
    "display_name",
    "is_transient_lock_error",
    "parse_course_key",
    "parse_json_payload",
    "render_markdown",
]
