"""What a trainer writes in Studio survives a course export and a re-import (OLX)."""
import io

import pytest
from lxml import etree

from .runtime import BLOCK_TYPES, TRAINER, CourseRuntime, add_block

INSTRUCTIONS = (
    "# Before you start\n\n"
    "Read the *policy brief* & the annex <with angle brackets>.\n\n"
    "- Italiano: è\n- Ελληνικά: ά\n- Català: l·l\n"
)


def export(runtime, block) -> bytes:
    buffer = io.BytesIO()
    runtime.export_to_xml(block, buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_export_then_import_keeps_title_instructions_and_display_name(block_type):
    runtime = CourseRuntime(TRAINER)
    block = add_block(runtime, block_type)
    block.display_name = 'Forum "2035"'
    block.title = "Futures & choices <2035>"
    block.instructions = INSTRUCTIONS
    block.save()

    olx = export(runtime, block)
    imported = add_block(CourseRuntime(TRAINER), block_type, olx)

    assert imported.display_name == 'Forum "2035"'
    assert imported.title == "Futures & choices <2035>"
    assert imported.instructions == INSTRUCTIONS
    # ...and once more, so an imported course exports the same way again.
    assert export(CourseRuntime(TRAINER), imported) == olx


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_the_export_is_plain_olx_named_after_the_block_type(block_type):
    runtime = CourseRuntime(TRAINER)
    block = add_block(runtime, block_type)
    block.title = "T"
    block.instructions = "Line one\n\nLine two"
    block.save()

    root = etree.fromstring(export(runtime, block))

    assert root.tag == block_type
    assert root.get("title") == "T"
    (instructions,) = root.findall("{http://code.edx.org/xblock/option}instructions")
    assert instructions.text == "Line one\n\nLine two"


def test_hand_written_olx_may_give_instructions_as_an_attribute():
    block = add_block(
        CourseRuntime(TRAINER), "vetnet_toolbox",
        '<vetnet_toolbox display_name="Toolbox" title="Tools" instructions="Share one tool.&#10;Then another."/>',
    )

    assert (block.display_name, block.title, block.instructions) == ("Toolbox", "Tools", "Share one tool.\nThen another.")


def test_a_block_never_edited_exports_without_invented_values():
    runtime = CourseRuntime(TRAINER)
    root = etree.fromstring(export(runtime, add_block(runtime, "vetnet_workspace")))

    assert root.get("title") is None
    assert not root.findall("{http://code.edx.org/xblock/option}instructions")


@pytest.mark.django_db
@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_the_sdk_workbench_scenario_of_each_block_loads(block_type):
    from workbench.runtime import WorkbenchRuntime  # pylint: disable=import-outside-toplevel
    from xblock.core import XBlock  # pylint: disable=import-outside-toplevel

    ((_, xml),) = XBlock.load_class(block_type).workbench_scenarios()
    runtime = WorkbenchRuntime()
    runtime.id_generator.set_scenario(f"olx-{block_type}")
    block = runtime.get_block(runtime.parse_xml_string(xml))

    assert block.title and block.instructions
