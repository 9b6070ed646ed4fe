"""
Reading a request's JSON body: the one door every REST view and every block
handler takes, so that what JSON allows but the rest of the system cannot
hold is refused here, with a clear message, and never reaches a field.

Refused, each as ``InvalidInput`` (a 400):
- bytes that are not UTF-8 (not JSON at all), and text that is not valid
  Unicode (a lone surrogate such as ``"\\ud800"``, which no database or
  encoder can store);
- numbers Python or a database cannot hold: ``1e400`` (infinite as a float),
  ``NaN`` and ``Infinity``, integers beyond 64 bits;
- documents nested deeper than any form of VETNet sends;
- where an object is expected, anything else (a list, a string, ``null``).
"""
from __future__ import annotations

import json
import math

from django.utils.translation import gettext as _

from ..exceptions import InvalidInput

__all__ = ["MAX_JSON_DEPTH", "check_json_value", "parse_json_payload"]

# The deepest body VETNet's own forms send is about four levels (a block's
# settings with lists of objects); anything far deeper is not a form.
MAX_JSON_DEPTH = 32
_LARGEST_INTEGER = 2 ** 63 - 1


class _Unrepresentable(ValueError):
    """A JSON number the system cannot hold."""


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Unrepresentable(text)
    return value


def _integer(text: str) -> int:
    # The digits are counted before Python converts them (and meets its own digit limit).
    if len(text.lstrip("-")) > 19:
        raise _Unrepresentable(text)
    value = int(text)
    if abs(value) > _LARGEST_INTEGER:
        raise _Unrepresentable(text)
    return value


def _constant(text: str):
    raise _Unrepresentable(text)  # NaN, Infinity, -Infinity: JavaScript's, not JSON's


def _number_error() -> InvalidInput:
    return InvalidInput(_("The request contains a number that is too large or not a number."))


def _unreadable_error() -> InvalidInput:
    return InvalidInput(_("The request could not be read: it is not valid JSON."))


def _unicode_error() -> InvalidInput:
    return InvalidInput(_("The request contains text that is not valid Unicode."))


def _depth_error() -> InvalidInput:
    return InvalidInput(_("The request is nested too deeply."))


def _valid_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_json_value(value, *, max_depth: int = MAX_JSON_DEPTH) -> None:
    """
    Raise ``InvalidInput`` if ``value`` (parsed JSON) holds text that is not
    valid Unicode, a non-finite number, or is nested deeper than ``max_depth``.
    """
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            if not _valid_text(item):
                raise _unicode_error()
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise _number_error()
        elif isinstance(item, (dict, list)):
            if depth > max_depth:
                raise _depth_error()
            if isinstance(item, dict):
                for key, child in item.items():
                    if isinstance(key, str) and not _valid_text(key):
                        raise _unicode_error()
                    pending.append((child, depth + 1))
            else:
                pending.extend((child, depth + 1) for child in item)


def parse_json_payload(raw, *, expect_object: bool = True, max_depth: int = MAX_JSON_DEPTH):
    """
    The JSON document in ``raw`` (bytes in UTF-8, or text), checked as the module says.

    With ``expect_object`` (the default) anything but a JSON object is refused.
    Raises ``InvalidInput`` with a message a person can act on.
    """
    if isinstance(raw, (bytes, bytearray)):
        try:
            raw = bytes(raw).decode("utf-8")
        except UnicodeDecodeError as error:
            raise _unreadable_error() from error  # JSON is UTF-8: these bytes are no JSON at all
    try:
        value = json.loads(raw, parse_float=_float, parse_int=_integer, parse_constant=_constant)
    except _Unrepresentable as error:
        raise _number_error() from error
    except RecursionError as error:
        raise _depth_error() from error
    except ValueError as error:
        raise _unreadable_error() from error
    check_json_value(value, max_depth=max_depth)
    if expect_object and not isinstance(value, dict):
        raise InvalidInput(_("The request could not be read: a JSON object was expected."))
    return value
