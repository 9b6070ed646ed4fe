"""
The host's XBlock field store: a ``KeyValueStore`` over ``BlockField`` rows.

The workbench's own store expects its scenario string ids; this one keys
values by opaque keys, scope and Django user id, the way the platform's
stores do. Values are cached for the life of one runtime (one request), so a
page that reads a field many times hits the database once.
"""
import json

from opaque_keys.edx.keys import UsageKey
from xblock.exceptions import InvalidScopeError
from xblock.field_data import FieldData
from xblock.fields import Scope
from xblock.runtime import KeyValueStore

from .models import BlockField

# Fields authored in Studio; the LMS refuses to write them.
AUTHORED_SCOPES = (Scope.content, Scope.settings, Scope.children, Scope.parent)


def _columns(key: KeyValueStore.Key) -> dict:
    block_scope_id = key.block_scope_id
    course_key = ""
    if isinstance(block_scope_id, UsageKey):
        course_key = str(block_scope_id.context_key)
    return {
        "scope": key.scope.name,
        "block_family": key.block_family,
        "block_scope_id": "" if block_scope_id is None else str(block_scope_id),
        "user_id": BlockField.NO_USER if key.user_id is None else int(key.user_id),
        "field_name": key.field_name,
        "course_key": course_key,
    }


_REFERENCE_SCOPES = (Scope.children, Scope.parent)


def _encode(key, value) -> str:
    # children and parent hold usage keys; they are stored as their strings.
    return json.dumps(value, default=str)


def _decode(key, raw: str):
    value = json.loads(raw)
    if key.scope in _REFERENCE_SCOPES and value is not None:
        if isinstance(value, list):
            return [UsageKey.from_string(item) for item in value]
        return UsageKey.from_string(value)
    return value


class DjangoKeyValueStore(KeyValueStore):
    """Reads and writes ``BlockField`` rows; one instance per runtime."""

    def __init__(self):
        self._cache = {}

    def _lookup(self, key):
        columns = _columns(key)
        cache_key = tuple(columns.values())
        if cache_key not in self._cache:
            columns.pop("course_key")
            row = BlockField.objects.filter(**columns).values_list("value", flat=True).first()
            self._cache[cache_key] = KeyError if row is None else _decode(key, row)
        return cache_key, self._cache[cache_key]

    def get(self, key):
        _cache_key, value = self._lookup(key)
        if value is KeyError:
            raise KeyError(key.field_name)
        return value

    def has(self, key):
        return self._lookup(key)[1] is not KeyError

    def set(self, key, value):
        columns = _columns(key)
        names = ("scope", "block_family", "block_scope_id", "user_id", "field_name")
        identity = {name: columns[name] for name in names}
        BlockField.objects.update_or_create(
            **identity, defaults={"value": _encode(key, value), "course_key": columns["course_key"]}
        )
        self._cache[tuple(columns.values())] = value

    def set_many(self, update_dict):
        for key, value in update_dict.items():
            self.set(key, value)

    def delete(self, key):
        columns = _columns(key)
        cache_key = tuple(columns.values())
        columns.pop("course_key")
        BlockField.objects.filter(**columns).delete()
        self._cache[cache_key] = KeyError


class LmsFieldData(FieldData):
    """
    Field data as the LMS gives it: authored scopes are read-only.

    A block that writes its settings from a learner's request fails here as it
    would on the platform, instead of silently working only in development.
    """

    def __init__(self, inner):
        super().__init__()
        self._inner = inner

    def get(self, block, name):
        return self._inner.get(block, name)

    def has(self, block, name):
        return self._inner.has(block, name)

    def default(self, block, name):
        return self._inner.default(block, name)

    def _check_writable(self, block, name):
        if block.fields[name].scope in AUTHORED_SCOPES:
            raise InvalidScopeError(
                f"{name} ({block.fields[name].scope}) is authored in Studio and read-only in the LMS"
            )

    def set(self, block, name, value):
        self._check_writable(block, name)
        self._inner.set(block, name, value)

    def set_many(self, block, update_dict):
        for name in update_dict:
            self._check_writable(block, name)
        self._inner.set_many(block, update_dict)

    def delete(self, block, name):
        self._check_writable(block, name)
        self._inner.delete(block, name)


def usage_exists(usage_key) -> bool:
    """A usage exists in the host once a course load has stored its parent (None for the root)."""
    return BlockField.objects.filter(
        scope=Scope.parent.name, block_scope_id=str(usage_key), user_id=BlockField.NO_USER, field_name="parent"
    ).exists()
