"""
The host's XBlock runtime: the workbench's, bound to a course, a user and a mode.

The workbench runtime brings the page side (jQuery, its JavaScript runtime,
Django template rendering); the host replaces what the workbench fakes:
opaque usage keys instead of scenario ids, a field store keyed by those keys,
the LMS's user and i18n services for the request's Django user, handler URLs
routed through login- and CSRF-checked views, and grade and completion events
that are stored instead of logged.

Two modes, as on the platform: the LMS mode (learners, authored fields
read-only) and the Studio mode (course team, authored fields writable).
"""
import functools
import logging

from django.contrib.auth import get_user_model
from django.urls import reverse
from lxml import etree
from opaque_keys.edx.keys import CourseKey
from workbench.runtime import WorkbenchRuntime
from xblock.core import XBlock, XBlockAside
from xblock.fields import ScopeIds
from xblock.plugin import PluginMissingError
from xblock.runtime import KvsFieldData, Runtime

from . import course_roles
from .blocks import PLATFORM_BLOCK_TYPES, UnavailableBlock
from .field_store import DjangoKeyValueStore, LmsFieldData
from .ids import CourseIdManager, parse_usage_key
from .models import AnonymousUserId, Completion
from .services import I18nService, LmsUserService

log = logging.getLogger(__name__)


@functools.cache
def _installed_aside_types() -> tuple[str, ...]:
    """The asides installed in this process: read from the entry points once, not per block rendered."""
    return tuple(aside_type for aside_type, _cls in XBlockAside.load_classes())


class HostRuntime(WorkbenchRuntime):
    """Renders and runs the blocks of one course for one user."""

    def __init__(self, *, course_key, user, studio=False):  # pylint: disable=super-init-not-called
        self.course_key = course_key if isinstance(course_key, CourseKey) else CourseKey.from_string(str(course_key))
        self.user = user
        self.studio = studio
        store = KvsFieldData(DjangoKeyValueStore())
        id_manager = CourseIdManager(self.course_key)
        # WorkbenchRuntime.__init__ would bind the workbench's global scenario
        # ids and field store, which cannot hold opaque keys; set up the base
        # runtime with the host's own instead.
        Runtime.__init__(  # pylint: disable=non-parent-init-called
            self,
            id_manager,
            id_manager,
            services={
                "field-data": store if studio else LmsFieldData(store),
                "user": LmsUserService(user, self.course_key),
                "i18n": I18nService(),
            },
            default_class=UnavailableBlock,
        )

    # Blocks
    def load_block_type(self, block_type):
        if block_type in PLATFORM_BLOCK_TYPES:
            return PLATFORM_BLOCK_TYPES[block_type]
        try:
            return XBlock.load_class(block_type, select=self.select)
        except PluginMissingError:
            return UnavailableBlock
        except Exception:  # pylint: disable=broad-except
            # A block whose code does not import must not take the course down with it.
            log.exception("Block type %s is installed but cannot be loaded", block_type)
            return UnavailableBlock

    def applicable_aside_types(self, block):
        return list(_installed_aside_types())

    def get_block(self, usage_id, for_parent=None):
        usage_key = parse_usage_key(usage_id)
        user_id = self.user.id if self.user.is_authenticated else None
        keys = ScopeIds(user_id, usage_key.block_type, usage_key, usage_key)
        return self.construct_xblock(usage_key.block_type, keys, for_parent=for_parent)

    def service(self, block, service_name):
        service = super().service(block, service_name)
        if service_name == "i18n" and service is not None:
            # Each block gets its own catalogs, as the LMS's i18n service gives them.
            return I18nService(block)
        return service

    def get_user_role(self):
        return course_roles.user_role(self.user, self.course_key)

    def get_real_user(self, anonymous_student_id):
        row = AnonymousUserId.objects.select_related("user").filter(anonymous_user_id=anonymous_student_id).first()
        return row.user if row else None

    def _patch_xblock(self, block):
        # The workbench pins mock course attributes on blocks; the host's blocks
        # have real keys, so nothing is patched.
        pass

    # OLX
    def parse_node(self, node, parent_id=None):
        """
        Parse one OLX element (pointers already resolved) into a block of this
        course and return its usage key; ``url_name`` becomes the block id.
        """
        node.attrib.pop("xblock-family", None)
        url_name = node.attrib.pop("url_name", None)
        usage_key = self.id_generator.create_usage(self.id_generator.create_definition(node.tag, url_name))
        keys = ScopeIds(None, node.tag, usage_key, usage_key)
        block_class = self.mixologist.mix(self.load_block_type(node.tag))
        block = block_class.parse_xml(node, self, keys)
        block.parent = parent_id
        block.save()
        return usage_key

    def add_node_as_child(self, block, node):
        block.children.append(self.parse_node(node, block.scope_ids.usage_id))

    def parse_xml_file(self, fileobj):
        return self.parse_node(etree.parse(fileobj).getroot())

    def add_block_as_child_node(self, block, node):
        child = etree.SubElement(node, "unknown")
        block.add_xml_to_node(child)
        child.set("url_name", block.scope_ids.usage_id.block_id)

    # Page side
    def wrap_xblock(self, block, view, frag, context):
        # The LMS also names the usage and the course on each block's element.
        extra = {"usage-id": str(block.scope_ids.usage_id), "course-id": str(self.course_key)}
        if block.name:
            extra["name"] = block.name
        return self._wrap_ele(block, view, frag, extra)

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):  # pylint: disable=too-many-positional-arguments
        func = getattr(block, handler_name, None)
        if not func or not getattr(func, "_is_xblock_handler", False):
            raise ValueError(f"{handler_name!r} is not a handler of {block.scope_ids.block_type}")
        route = "devhost:studio_handler" if self.studio else "devhost:xblock_handler"
        url = reverse(route, args=(str(block.scope_ids.usage_id), handler_name, suffix))
        if query:
            url += "?" + query
        return url

    def local_resource_url(self, block, uri):
        return reverse("devhost:xblock_resource", args=(block.scope_ids.block_type, uri))

    def publish(self, block, event_type, event_data):
        usage_key = block.scope_ids.usage_id
        if self.studio or not self.user.is_authenticated:
            return
        user_id = event_data.get("user_id") or self.user.id
        if event_type == "grade":
            if not getattr(block, "has_score", False):
                log.warning("%s published a grade but has_score is False; the LMS would ignore it", usage_key)
                return
            from .grades import record_score  # pylint: disable=import-outside-toplevel

            user = self.user if user_id == self.user.id else get_user_model().objects.get(pk=user_id)
            record_score(user=user, course_key=self.course_key, usage_key=usage_key,
                         earned=float(event_data["value"]), possible=float(event_data["max_value"]))
        elif event_type == "completion":
            Completion.objects.update_or_create(
                user_id=user_id, usage_key=str(usage_key),
                defaults={"course_key": str(self.course_key), "completion": float(event_data["completion"])},
            )
        else:
            log.info("Event %s from %s: %s", event_type, usage_key, event_data)
