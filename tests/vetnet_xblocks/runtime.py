"""
The VETNet blocks under the XBlock SDK's workbench runtime, set up as the LMS sets up its own.

``CourseRuntime`` is the SDK's ``WorkbenchRuntime`` with three things the
LMS provides and the bare workbench does not: real opaque usage keys in a
course (so ``context_key`` is a ``CourseKey``), a user service speaking the
``edx-platform.*`` attributes, and an in-memory field store (the workbench's
own store only understands its string ids).
"""
import json
import uuid

import webob
from opaque_keys.edx.keys import CourseKey
from workbench.runtime import WorkbenchRuntime
from xblock.exceptions import NoSuchDefinition, NoSuchUsage
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import DictKeyValueStore, IdGenerator, IdReader, KvsFieldData

from devhost.field_store import LmsFieldData as AuthoredReadOnlyFieldData

COURSE_KEY = "course-v1:VETNet+CoVP+2025"

BLOCK_TYPES = [
    "vetnet_scenarios",
    "vetnet_counselling",
    "vetnet_toolbox",
    "vetnet_workspace",
    "vetnet_best_practice",
    "vetnet_partnership",
]


def lms_opt_attrs(user_id=7, username="maria", is_staff=False, role="student", anonymous_user_id=None):
    """The ``opt_attrs`` the LMS user service gives for a signed-in user."""
    return {
        "edx-platform.is_authenticated": True,
        "edx-platform.user_id": user_id,
        "edx-platform.username": username,
        "edx-platform.user_is_staff": is_staff,
        "edx-platform.user_role": role,
        "edx-platform.anonymous_user_id": anonymous_user_id or f"anon-{user_id}",
    }


LEARNER = lms_opt_attrs(user_id=7, username="maria", role="student")
TRAINER = lms_opt_attrs(user_id=3, username="giorgos", is_staff=True, role="staff")


class LmsUserService(UserService):
    """A user service shaped like the LMS's: everything useful is in ``opt_attrs``."""

    def __init__(self, opt_attrs):
        super().__init__()
        self._user = XBlockUser(is_current_user=True)
        self._user.opt_attrs = dict(opt_attrs or {})

    def get_current_user(self):
        return self._user


class StudioPermissions:
    """Studio's ``studio_user_permissions`` service, answering for one course."""

    def __init__(self, writable_course_keys):
        self.writable = {str(key) for key in writable_course_keys}
        self.asked = []

    def can_write(self, course_key):
        self.asked.append(course_key)
        return str(course_key) in self.writable


class CourseIdManager(IdReader, IdGenerator):
    """Gives each parsed block a real usage key in one course, as Open edX does."""

    def __init__(self, course_key):
        self.course_key = CourseKey.from_string(course_key)
        self._block_types = {}

    def create_definition(self, block_type, slug=None):
        usage_key = self.course_key.make_usage_key(block_type, slug or uuid.uuid4().hex)
        self._block_types[usage_key] = block_type
        return usage_key

    def create_usage(self, def_id):
        return def_id

    def get_definition_id(self, usage_id):
        if usage_id not in self._block_types:
            raise NoSuchUsage(repr(usage_id))
        return usage_id

    def get_block_type(self, def_id):
        try:
            return self._block_types[def_id]
        except KeyError as exc:
            raise NoSuchDefinition(repr(def_id)) from exc

    def create_aside(self, definition_id, usage_id, aside_type):
        raise NotImplementedError("These tests use no asides.")

    def get_aside_type_from_usage(self, aside_id):
        raise NoSuchUsage(repr(aside_id))

    def get_aside_type_from_definition(self, aside_id):
        raise NoSuchDefinition(repr(aside_id))

    def get_usage_id_from_aside(self, aside_id):
        raise NoSuchUsage(repr(aside_id))

    def get_definition_id_from_aside(self, aside_id):
        raise NoSuchDefinition(repr(aside_id))


class CourseRuntime(WorkbenchRuntime):
    """The workbench runtime with opaque keys, an LMS-like user and its own field store."""

    def __init__(self, opt_attrs=None, course_key=COURSE_KEY, kvs=None, *, lms=False, **services):
        super().__init__(user_id=(opt_attrs or {}).get("edx-platform.user_id"))
        ids = CourseIdManager(course_key)
        self.id_reader = ids
        self.id_generator = ids
        self.kvs = kvs if kvs is not None else DictKeyValueStore()
        field_data = KvsFieldData(self.kvs)
        # lms=True: authored fields are read-only, as in the LMS (Studio is where they change).
        self._services["field-data"] = AuthoredReadOnlyFieldData(field_data) if lms else field_data
        self._services["user"] = LmsUserService(opt_attrs)
        self._services.update(services)

    def as_user(self, opt_attrs, *, lms=False, **services):
        """The same course content seen by another user (a new runtime, as for a new request)."""
        other = CourseRuntime(opt_attrs, kvs=self.kvs, lms=lms, **services)
        other.id_reader = other.id_generator = self.id_reader
        return other

    def construct(self, cls):
        """A fresh block of ``cls`` (no entry point needed), with a real usage key."""
        usage_key = self.id_generator.create_definition(cls.entry_point_name or "vetnet_test")
        return self.construct_xblock_from_class(cls, ScopeIds(None, usage_key.block_type, usage_key, usage_key))


def add_block(runtime, block_type, xml=None):
    """Parse OLX for one block into ``runtime`` and return the block."""
    usage_id = runtime.parse_xml_string(xml or f"<{block_type}/>")
    return runtime.get_block(usage_id)


def reload(runtime, block):
    """The block as a later request sees it: a new instance over the same stored fields."""
    return runtime.get_block(block.scope_ids.usage_id)


def call_handler(runtime, block, handler, payload=None, *, method="POST", body=None):
    """Call a handler as the LMS would (through ``runtime.handle``); return (status, parsed JSON)."""
    if body is None and payload is not None:
        body = json.dumps(payload)
    request = webob.Request.blank("/", method=method)
    if body is not None:
        request.body = body.encode("utf-8") if isinstance(body, str) else body
        request.content_type = "application/json"
    response = runtime.handle(block, handler, request)
    data = response.json if response.content_type == "application/json" and response.body else None
    return response.status_code, data, response
