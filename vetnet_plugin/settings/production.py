"""Production settings: read overrides from the platform's YAML/ENV tokens."""
from .common import DEFAULTS


def plugin_settings(settings):
    """Let ``ENV_TOKENS`` (the LMS/CMS YAML config) override each VETNet setting."""
    env_tokens = getattr(settings, "ENV_TOKENS", {}) or {}
    for name in DEFAULTS:
        if name in env_tokens:
            setattr(settings, name, env_tokens[name])
