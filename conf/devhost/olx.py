"""
OLX in and out of the host, in the directory layout Studio imports and exports.

A course folder holds ``course.xml`` (org, course number, run) pointing to
``course/<run>.xml``; children are either written inline or as pointer tags
(``<chapter url_name="x"/>``) whose definition is ``chapter/x.xml``; an
``html`` definition may name its content file (``html/x.html``);
``policies/<run>/policy.json`` carries settings by ``type/url_name``, the
course's ``advanced_modules`` among them. Pointers are resolved into one
inline tree before any block parses it, so blocks only ever see inline OLX.
"""
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from lxml import etree
from opaque_keys.edx.keys import CourseKey
from xblock.core import XML_NAMESPACES, XBlock
from xblock.plugin import PluginMissingError

from .blocks import PLATFORM_BLOCK_TYPES
from .field_store import AUTHORED_SCOPES
from .models import BlockField, Course
from .runtime import HostRuntime

_PARSER = etree.XMLParser(remove_blank_text=True, remove_comments=True, resolve_entities=False)
# Split-modulestore courses name their root block "course", whatever the run.
ROOT_BLOCK_ID = "course"


class OlxError(Exception):
    """The folder is not a course Studio would import."""


@dataclass
class OlxCourse:
    """A course read from its folder, pointers resolved, policy applied."""

    course_key: CourseKey
    root: etree._Element
    policy: dict
    directory: Path

    @property
    def display_name(self) -> str:
        return self.root.get("display_name") or str(self.course_key)

    @property
    def advanced_modules(self) -> list:
        return self.policy.get(f"course/{self.course_key.run}", {}).get("advanced_modules", [])

    def block_types(self) -> set:
        # Namespaced elements (``option:instructions``) are fields of their parent, not blocks;
        # so are the elements inside a block without children, which its parse_xml reads itself.
        found = set()

        def walk(element):
            if not isinstance(element.tag, str) or etree.QName(element).namespace is not None:
                return
            found.add(element.tag)
            if _may_have_children(element.tag):
                for child in element:
                    walk(child)

        walk(self.root)
        return found


def _may_have_children(tag: str) -> bool:
    if tag in PLATFORM_BLOCK_TYPES:
        return bool(PLATFORM_BLOCK_TYPES[tag].has_children)
    try:
        return bool(XBlock.load_class(tag).has_children)
    except PluginMissingError:
        return False


def templates_dir() -> Path:
    return Path(getattr(settings, "DEVHOST_COURSE_TEMPLATES", settings.REPO_ROOT / "course_templates"))


def available_templates() -> list[Path]:
    """Folders under ``course_templates/`` that hold a course."""
    return sorted(path.parent for path in templates_dir().glob("*/course.xml"))


def _parse_file(path: Path) -> etree._Element:
    try:
        return etree.parse(str(path), _PARSER).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise OlxError(f"{path}: {exc}") from exc


def _is_pointer(node) -> bool:
    return node.keys() == ["url_name"] and len(node) == 0 and not (node.text or "").strip()


def _resolve(directory: Path, node):
    """Return ``node`` with every pointer below it replaced by its definition, inline."""
    if _is_pointer(node):
        url_name = node.get("url_name")
        definition = _parse_file(directory / node.tag / f"{url_name.replace(':', '/')}.xml")
        definition.set("url_name", url_name)
        node = definition
    if node.tag == "html" and node.get("filename"):
        html_path = directory / "html" / f"{node.attrib.pop('filename')}.html"
        try:
            node.text = html_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise OlxError(f"{html_path}: {exc}") from exc
    for child in list(node):
        node.replace(child, _resolve(directory, child))
    return node


def _apply_policy(root, policy: dict) -> None:
    """Settings in policy.json win over the XML's attributes, as on import."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in policy.get(f"{element.tag}/{element.get('url_name')}", {}).items():
            element.set(name, value if isinstance(value, str) else json.dumps(value))


def read_course(directory) -> OlxCourse:
    """Read a course folder into one inline tree; ``OlxError`` if it is not a course."""
    directory = Path(directory)
    pointer = _parse_file(directory / "course.xml")
    try:
        org, number, run = pointer.attrib.pop("org"), pointer.attrib.pop("course"), pointer.get("url_name")
        course_key = CourseKey.from_string(f"course-v1:{org}+{number}+{run}")
    except (KeyError, ValueError) as exc:
        raise OlxError(f"{directory}/course.xml needs url_name, org and course attributes") from exc
    root = _resolve(directory, pointer)
    policy_path = directory / "policies" / run / "policy.json"
    try:
        policy = json.loads(policy_path.read_text(encoding="utf-8")) if policy_path.exists() else {}
    except ValueError as exc:
        raise OlxError(f"{policy_path}: {exc}") from exc
    _apply_policy(root, policy)
    return OlxCourse(course_key=course_key, root=root, policy=policy, directory=directory)


def missing_advanced_modules(course: OlxCourse) -> list[str]:
    """Block types the course uses but does not enable: Studio would not let its team add them."""
    return sorted(course.block_types() - set(PLATFORM_BLOCK_TYPES) - set(course.advanced_modules))


@transaction.atomic
def load_course(directory) -> Course:
    """
    Load (or reload) a course folder into the host, the way a Studio import
    replaces a course's content: authored fields are rewritten from the OLX,
    what learners did in the blocks stays.
    """
    course = read_course(directory)
    missing = missing_advanced_modules(course)
    if missing:
        raise OlxError(f"{course.directory}: advanced_modules lacks {', '.join(missing)}")
    BlockField.objects.filter(
        course_key=str(course.course_key), scope__in=[scope.name for scope in AUTHORED_SCOPES]
    ).delete()
    course.root.set("url_name", ROOT_BLOCK_ID)
    runtime = HostRuntime(course_key=course.course_key, user=AnonymousUser(), studio=True)
    runtime.parse_node(course.root)
    record, _created = Course.objects.update_or_create(
        course_key=str(course.course_key),
        defaults={"display_name": course.display_name, "template": course.directory.name},
    )
    return record


def root_usage_key(course_key):
    """The usage key of a loaded course's root block."""
    course_key = course_key if isinstance(course_key, CourseKey) else CourseKey.from_string(str(course_key))
    return course_key.make_usage_key("course", ROOT_BLOCK_ID)


def export_block(block) -> str:
    """One block (and its children) as the OLX element Studio would write inline."""
    node = etree.Element("unknown", nsmap=XML_NAMESPACES)
    block.add_xml_to_node(node)
    node.set("url_name", block.scope_ids.usage_id.block_id)
    etree.cleanup_namespaces(node)
    return etree.tostring(node, encoding="unicode", pretty_print=True)


def import_block(olx: str, runtime: HostRuntime, parent_id=None):
    """Parse one inline OLX element into ``runtime``'s course (Studio mode); return its usage key."""
    if not runtime.studio:
        raise ValueError("Blocks are imported through a Studio-mode runtime.")
    try:
        node = etree.fromstring(olx.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise OlxError(str(exc)) from exc
    return runtime.parse_node(node, parent_id)
