"""
The course structure blocks the platform provides and the host plays:
``course``, ``chapter``, ``sequential``, ``vertical`` and ``html``.

They are only as rich as the host needs to show an outline and units; the
product's blocks never depend on them.
"""
from lxml import etree
from markupsafe import escape
from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, List, Scope, String


class StructureBlock(XBlock):
    """A container with a title: what the outline shows."""

    has_children = True
    completion_mode = XBlockCompletionMode.AGGREGATOR
    display_name = String(scope=Scope.settings, default="")

    def student_view(self, context=None):
        frag = Fragment()
        for child_id in self.children:
            child_frag = self.runtime.render_child(self.get_child(child_id), "student_view", context)
            frag.add_fragment_resources(child_frag)
            frag.add_content(child_frag.content)
        return frag


class CourseBlock(StructureBlock):
    """The course root; its settings come from the OLX policy file too."""

    advanced_modules = List(scope=Scope.settings, default=[])
    language = String(scope=Scope.settings, default="en")
    start = String(scope=Scope.settings, default=None)
    self_paced = Boolean(scope=Scope.settings, default=False)
    course_image = String(scope=Scope.settings, default="")


class ChapterBlock(StructureBlock):
    """A section of the course: here, one learning phase."""


class SequentialBlock(StructureBlock):
    """A subsection; ``graded`` and ``format`` tie it to the grading policy."""

    graded = Boolean(scope=Scope.settings, default=False)
    format = String(scope=Scope.settings, default="")


class VerticalBlock(StructureBlock):
    """A unit: the page a learner sees."""


class HtmlBlock(XBlock):
    """Authored HTML, shown as written, as the LMS shows it (course authors are trusted)."""

    display_name = String(scope=Scope.settings, default="Text")
    data = String(scope=Scope.content, default="")

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        for name, value in node.items():
            if name in block.fields:
                setattr(block, name, block.fields[name].from_string(value))
        inner = [node.text or ""] + [etree.tostring(child, encoding="unicode") for child in node]
        block.data = "".join(inner).strip()
        return block

    def add_xml_to_node(self, node):
        node.tag = "html"
        node.set("display_name", self.display_name)
        node.text = etree.CDATA(self.data) if self.data else None

    def student_view(self, context=None):  # pylint: disable=unused-argument
        return Fragment(self.data)


class UnavailableBlock(XBlock):
    """
    Stands in for a block type the host cannot load (not installed, or its
    module fails to import), as the LMS shows an error block: the rest of the
    course still works, and the OLX is kept so nothing is lost on export.
    """

    display_name = String(scope=Scope.settings, default="")
    olx = String(scope=Scope.content, default="")
    load_error = ""

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        block.display_name = node.get("display_name", "")
        block.olx = etree.tostring(node, encoding="unicode")
        return block

    def add_xml_to_node(self, node):
        original = etree.fromstring(self.olx) if self.olx else etree.Element(self.scope_ids.block_type)
        node.tag = original.tag
        node.text = original.text
        for name, value in original.items():
            node.set(name, value)
        node.extend(list(original))

    def student_view(self, context=None):  # pylint: disable=unused-argument
        message = f"This component ({self.scope_ids.block_type}) is not available on this host."
        return Fragment(f'<p class="devhost-unavailable" role="note">{escape(message)}</p>')

    studio_view = student_view


# The block types the platform itself provides; everything else comes from entry points.
PLATFORM_BLOCK_TYPES = {
    "course": CourseBlock,
    "chapter": ChapterBlock,
    "sequential": SequentialBlock,
    "vertical": VerticalBlock,
    "html": HtmlBlock,
}
