"""
How the blocks' JSON handlers read a request body: the one way the whole
product reads JSON (``vetnet_plugin.api.parse_json_payload``), so a handler
refuses what a REST view refuses, with the same message.
"""
from __future__ import annotations

from vetnet_plugin import api

__all__ = ["parse_json_payload"]


def parse_json_payload(raw: bytes) -> dict:
    """The JSON object in ``raw``, or ``InvalidInput`` (numbers, text or nesting nothing behind could hold)."""
    return api.parse_json_payload(raw)
