"""The course outline: chapters, subsections and units of a loaded course, in order."""
from dataclasses import dataclass, field

from .olx import root_usage_key


@dataclass
class OutlineNode:
    """One block of the outline; leaves (units) list the types of their components."""

    usage_key: object
    block_type: str
    display_name: str
    children: list = field(default_factory=list)
    component_types: tuple = ()
    graded: bool = False

    @property
    def block_id(self) -> str:
        return self.usage_key.block_id


@dataclass
class Outline:
    """The tree under the course, and its units in reading order for previous/next."""

    title: str
    chapters: list
    units: list

    def position(self, unit_key):
        """(previous unit, this unit's ancestors, next unit) of a unit, or None if it is not in the course."""
        keys = [unit.usage_key for unit in self.units]
        if unit_key not in keys:
            return None
        index = keys.index(unit_key)
        previous = self.units[index - 1] if index > 0 else None
        following = self.units[index + 1] if index + 1 < len(self.units) else None
        for chapter in self.chapters:
            for sequential in chapter.children:
                for unit in sequential.children:
                    if unit.usage_key == unit_key:
                        return previous, (chapter, sequential, unit), following
        return None


def build_outline(runtime) -> Outline:
    """Read the outline through the runtime (as the learner it is bound to sees the blocks)."""
    course = runtime.get_block(root_usage_key(runtime.course_key))
    chapters, units = [], []
    for chapter in course.get_children():
        chapter_node = OutlineNode(chapter.scope_ids.usage_id, "chapter", chapter.display_name)
        chapters.append(chapter_node)
        for sequential in chapter.get_children():
            sequential_node = OutlineNode(
                sequential.scope_ids.usage_id, "sequential", sequential.display_name,
                graded=bool(getattr(sequential, "graded", False)),
            )
            chapter_node.children.append(sequential_node)
            for unit in sequential.get_children():
                unit_node = OutlineNode(
                    unit.scope_ids.usage_id, "vertical", unit.display_name,
                    component_types=tuple(child.block_type for child in unit.children),
                )
                sequential_node.children.append(unit_node)
                units.append(unit_node)
    return Outline(title=course.display_name, chapters=chapters, units=units)
