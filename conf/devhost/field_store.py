"""
The host's XBlock field store: a ``KeyValueStore`` over ``BlockField`` rows.

The workbench's own store expects its scenario string ids; this one keys
values by opaque keys, scope and Django user id, the way the platform's
stores do. Values are cached for the life of one runtime (one request): the
first read of an authored field (shared by all users) reads the authored
fields of the block's whole course in one query, as a course outline needs
them all; the first read of a user's field reads all that block's fields for
that user in one more. A page reads each course once and each block's user
state once, however many fields it asks for.
"""
import functools
import json

from opaque_keys.edx.keys import UsageKey
from xblock.exceptions import InvalidScopeError
from xblock.field_data import FieldData
from xblock.fields import Scope
from xblock.runtime import KeyValueStore

from .models import BlockField

# Fields authored in Studio; the LMS refuses to write them.
AUTHORED_SCOPES = (Scope.content, Scope.settings, Scope.children, Scope.parent)


_IDENTITY = ("scope", "block_family", "block_scope_id", "user_id", "field_name")


def _identity(columns: dict) -> tuple:
    """What names one stored value (the unique constraint's columns), as the cache's key."""
    return tuple(columns[name] for name in _IDENTITY)


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
_REFERENCE_SCOPE_NAMES = {scope.name for scope in _REFERENCE_SCOPES}


def _encode(key, value) -> str:
    # children and parent hold usage keys; they are stored as their strings.
    return json.dumps(value, default=str)


# Usage keys are immutable values; a page reads its course's children and parents on every request,
# so each string is parsed once per process.
_usage_key = functools.lru_cache(maxsize=16384)(UsageKey.from_string)


def _decode(scope_name: str, raw: str):
    value = json.loads(raw)
    if scope_name in _REFERENCE_SCOPE_NAMES and value is not None:
        if isinstance(value, list):
            return [_usage_key(item) for item in value]
        return _usage_key(value)
    return value


class DjangoKeyValueStore(KeyValueStore):
    """Reads and writes ``BlockField`` rows; one instance per runtime."""

    def __init__(self):
        self._cache = {}
        # (block family, block scope id, user id) whose stored fields are all in the cache.
        self._read = set()
        # Courses whose authored fields (user id NO_USER) are all in the cache.
        self._read_courses = set()

    def _lookup(self, key):
        columns = _columns(key)
        cache_key = _identity(columns)
        if cache_key not in self._cache:
            block = (columns["block_family"], columns["block_scope_id"], columns["user_id"])
            course_key = columns["course_key"]
            if block not in self._read and block[2] == BlockField.NO_USER and course_key \
                    and course_key not in self._read_courses:
                self._read_course(course_key)
            if block not in self._read:
                self._read_block(block)
            # Not stored: the block's rows are all read, so the field has none.
            self._cache.setdefault(cache_key, KeyError)
        return cache_key, self._cache[cache_key]

    def _read_block(self, block) -> None:
        family, block_scope_id, user_id = block
        self._keep(BlockField.objects.filter(block_family=family, block_scope_id=block_scope_id, user_id=user_id))
        self._read.add(block)

    def _read_course(self, course_key: str) -> None:
        """Every authored field of the course's blocks (a block with none is read on its own if asked)."""
        self._read.update(self._keep(BlockField.objects.filter(course_key=course_key, user_id=BlockField.NO_USER)))
        self._read_courses.add(course_key)

    def _keep(self, rows) -> set:
        """Put ``rows`` in the cache; returns the blocks they belong to."""
        blocks = set()
        for scope_name, family, block_scope_id, user_id, field_name, raw in rows.values_list(
                "scope", "block_family", "block_scope_id", "user_id", "field_name", "value"):
            # A value this runtime wrote or deleted is newer than the row read now.
            self._cache.setdefault((scope_name, family, block_scope_id, user_id, field_name), _decode(scope_name, raw))
            blocks.add((family, block_scope_id, user_id))
        return blocks

    def get(self, key):
        _cache_key, value = self._lookup(key)
        if value is KeyError:
            raise KeyError(key.field_name)
        return value

    def has(self, key):
        return self._lookup(key)[1] is not KeyError

    def set(self, key, value):
        columns = _columns(key)
        identity = {name: columns[name] for name in _IDENTITY}
        BlockField.objects.update_or_create(
            **identity, defaults={"value": _encode(key, value), "course_key": columns["course_key"]}
        )
        self._cache[_identity(columns)] = value

    def set_many(self, update_dict):
        for key, value in update_dict.items():
            self.set(key, value)

    def delete(self, key):
        columns = _columns(key)
        BlockField.objects.filter(**{name: columns[name] for name in _IDENTITY}).delete()
        self._cache[_identity(columns)] = KeyError


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
