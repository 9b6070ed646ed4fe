"""
The optional machine-translation provider, an HTTP API such as LibreTranslate's.

Off unless the operator sets ``VETNET_MACHINE_TRANSLATION``. Any failure
(off, unreachable, slow, wrong answer) returns None: the page shows the
original and never breaks because a provider did.
"""
from __future__ import annotations

import logging

import requests

from ..conf import setting

log = logging.getLogger(__name__)


def provider_settings() -> dict | None:
    """The provider's settings, or None when machine translation is off."""
    config = setting("VETNET_MACHINE_TRANSLATION")
    if not config or not isinstance(config, dict) or not config.get("URL"):
        return None
    return config


def is_enabled() -> bool:
    """True if the operator configured a provider."""
    return provider_settings() is not None


def provider_name() -> str:
    config = provider_settings() or {}
    return str(config.get("NAME") or "LibreTranslate")


def translate_text(text: str, *, source: str, target: str) -> str | None:
    """
    ``text`` translated from ``source`` into ``target`` by the provider, or None.

    Speaks the LibreTranslate protocol: POST {q, source, target, format, api_key}
    and read ``translatedText``. Markdown is sent as text so its markup survives.
    """
    config = provider_settings()
    if config is None or not text or source == target:
        return None
    payload = {"q": text, "source": source or "auto", "target": target, "format": "text"}
    if config.get("API_KEY"):
        payload["api_key"] = config["API_KEY"]
    timeout = float(config.get("TIMEOUT", 3))
    try:
        response = requests.post(config["URL"], json=payload, timeout=(min(timeout, 2.0), timeout))
        response.raise_for_status()
        translated = response.json().get("translatedText")
    except (requests.RequestException, ValueError, AttributeError) as exc:
        log.warning("Machine translation failed (%s -> %s): %s", source, target, exc)
        return None
    if not isinstance(translated, str) or not translated.strip():
        return None
    return translated
