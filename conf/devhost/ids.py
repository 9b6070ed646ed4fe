"""
Identifiers of blocks as the platform makes them: opaque keys.

A block parsed into a course gets a ``BlockUsageLocator`` such as
``block-v1:VETNet+CoVP+2026+type@vetnet_toolbox+block@sharing_toolbox``, so
``block.scope_ids.usage_id.context_key`` is the real ``CourseKey``. Each usage
is its own definition here (as in the platform's XML import), so definition
ids are the usage keys too.
"""
from uuid import uuid4

from opaque_keys import InvalidKeyError
from opaque_keys.edx.asides import AsideDefinitionKeyV2, AsideUsageKeyV2
from opaque_keys.edx.keys import CourseKey, UsageKey
from xblock.exceptions import NoSuchDefinition, NoSuchUsage
from xblock.runtime import IdGenerator, IdReader


def parse_usage_key(value) -> UsageKey:
    """A ``UsageKey`` from a string or key; ``NoSuchUsage`` if it is not one."""
    if isinstance(value, UsageKey):
        return value
    try:
        return UsageKey.from_string(str(value))
    except InvalidKeyError as exc:
        raise NoSuchUsage(repr(value)) from exc


class CourseIdManager(IdReader, IdGenerator):
    """Reads usage keys of any course; makes new ones inside ``course_key``."""

    def __init__(self, course_key):
        self.course_key = course_key if isinstance(course_key, CourseKey) else CourseKey.from_string(course_key)

    # IdGenerator
    def create_definition(self, block_type, slug=None):
        # The slug is the OLX url_name; blocks written without one get a fresh id, as Studio gives them.
        return self.course_key.make_usage_key(block_type, slug or uuid4().hex)

    def create_usage(self, def_id):
        return def_id

    def create_aside(self, definition_id, usage_id, aside_type):
        return AsideDefinitionKeyV2(definition_id, aside_type), AsideUsageKeyV2(usage_id, aside_type)

    # IdReader
    def get_definition_id(self, usage_id):
        return parse_usage_key(usage_id)

    def get_block_type(self, def_id):
        try:
            return parse_usage_key(def_id).block_type
        except NoSuchUsage as exc:
            raise NoSuchDefinition(repr(def_id)) from exc

    def get_usage_id_from_aside(self, aside_id):
        return aside_id.usage_key

    def get_definition_id_from_aside(self, aside_id):
        return aside_id.definition_key

    def get_aside_type_from_usage(self, aside_id):
        return aside_id.aside_type

    def get_aside_type_from_definition(self, aside_id):
        return aside_id.aside_type
