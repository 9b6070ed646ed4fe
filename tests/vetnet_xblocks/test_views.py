"""What learners and the course team see when a VETNet block is rendered."""
import re

import pytest
from django.utils import translation
from lxml import html as lxml_html
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock

from .runtime import BLOCK_TYPES, LEARNER, TRAINER, CourseRuntime, add_block

# A block with member features asks the database whether the viewer belongs to the course.
pytestmark = pytest.mark.django_db

# Blocks whose member features exist, with the Studio editor's JavaScript they start.
WITH_MEMBER_FEATURES = {"vetnet_toolbox", "vetnet_scenarios", "vetnet_best_practice", "vetnet_counselling",
                        "vetnet_workspace", "vetnet_partnership"}

SCRIPTED = (
    "Read the brief.\n\n"
    "<script>alert('x')</script>\n\n"
    '<img src="x" onerror="alert(1)"> [click](javascript:alert(1)) '
    '<a href="https://example.org" onclick="steal()">partner site</a>'
)


def render(runtime, block, view="student_view"):
    return runtime.render(block, view)


def visible_text(fragment_html):
    return " ".join(lxml_html.fromstring(f"<div>{fragment_html}</div>").text_content().split())


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
class TestLearnerView:
    def test_shows_the_title_and_the_instructions(self, block_type):
        runtime = CourseRuntime(LEARNER)
        block = add_block(runtime, block_type, f'<{block_type} title="Our futures"/>')
        block.instructions = "Read **the brief** first."

        content = render(runtime, block).content

        assert "Our futures" in visible_text(content)
        assert "<strong>the brief</strong>" in content

    def test_without_a_title_shows_the_blocks_usual_title(self, block_type):
        runtime = CourseRuntime(LEARNER)
        block = add_block(runtime, block_type)

        assert block.title == ""
        assert block.display_title() in visible_text(render(runtime, block).content)

    def test_the_section_is_a_labelled_region_with_one_heading(self, block_type):
        runtime = CourseRuntime(LEARNER)
        content = render(runtime, add_block(runtime, block_type, f'<{block_type} title="T"/>')).content

        tree = lxml_html.fromstring(f"<div>{content}</div>")
        (section,) = tree.xpath("//section")
        (heading,) = tree.xpath("//h3")
        assert section.get("aria-labelledby") == heading.get("id")
        assert "vetnet-block" in section.get("class")

    def test_instructions_with_scripts_are_sanitised(self, block_type):
        runtime = CourseRuntime(LEARNER)
        block = add_block(runtime, block_type)
        block.instructions = SCRIPTED

        content = render(runtime, block).content

        assert "<script" not in content
        assert "alert" not in content
        assert "onerror" not in content and "onclick" not in content
        assert "javascript:" not in content
        assert '<a href="https://example.org" rel="nofollow ugc noopener">partner site</a>' in content
        assert "Read the brief." in visible_text(content)

    def test_a_title_with_markup_is_shown_as_text(self, block_type):
        runtime = CourseRuntime(LEARNER)
        block = add_block(runtime, block_type)
        block.title = "<b>Bold</b> & <script>x()</script>"

        content = render(runtime, block).content

        assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;" in content
        assert "<script>" not in content

    def test_mobile_data_holds_only_content_and_settings(self, block_type):
        block = add_block(CourseRuntime(LEARNER), block_type, f'<{block_type} title="T"/>')
        block.instructions = "Do this."
        block.translations = {"el": {"instructions": "Κάντε αυτό."}}

        assert block.student_view_data() == {
            "display_name": block.display_name, "title": "T", "instructions": "Do this.",
            "translations": {"el": {"instructions": "Κάντε αυτό."}},
        }






# The scenario forum completes by the trainer's rule and may be graded (test_scenarios_block_handlers).
@pytest.mark.parametrize("block_type", [t for t in BLOCK_TYPES
                                        if t not in ("vetnet_scenarios", "vetnet_best_practice")])
def test_is_not_graded_and_completes_on_view(block_type):
    block_class = XBlock.load_class(block_type)

    assert block_class.has_score is False
    assert XBlockCompletionMode.get_mode(block_class) == XBlockCompletionMode.COMPLETABLE
    assert block_class.has_custom_completion is False


def test_headings_in_instructions_sit_below_the_block_title():
    runtime = CourseRuntime(LEARNER)
    block = add_block(runtime, "vetnet_toolbox")
    block.instructions = "# Step one\n\n## Detail"

    content = render(runtime, block).content

    assert "<h4>Step one</h4>" in content and "<h5>Detail</h5>" in content
    assert "<h1" not in content and "<h2" not in content


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
class TestStudioEditor:
    def test_has_a_labelled_input_for_each_field_and_save_and_cancel(self, block_type):
        runtime = CourseRuntime(TRAINER)
        block = add_block(runtime, block_type, f'<{block_type} title="Futures &amp; &quot;choices&quot;"/>')

        fragment = render(runtime, block, "studio_view")
        tree = lxml_html.fromstring(f"<div>{fragment.content}</div>")

        for name in ("display_name", "title", "instructions"):
            (field,) = tree.xpath(f'//*[@name="{name}"]')
            (label,) = tree.xpath(f'//label[@for="{field.get("id")}"]')
            assert label.text_content().strip()
        assert tree.xpath('//*[@name="title"]')[0].get("value") == 'Futures & "choices"'
        assert tree.xpath('//*[@name="title"]')[0].get("required") is not None
        buttons = [button.text_content().strip() for button in tree.xpath("//button")
                   if not button.get("data-move")]  # besides a reorderable field's Move up / Move down
        assert buttons == ["Save", "Cancel"]
        assert tree.xpath('//*[@role="status" and @aria-live="polite"]')

    def test_starts_its_javascript_with_translated_strings(self, block_type):
        # The view's own fragment, before the runtime wraps it.
        fragment = add_block(CourseRuntime(TRAINER), block_type).studio_view()

        # Every block, member features or not, is edited with the one shared editor.
        editor = "VetnetStudioEditor"
        assert fragment.js_init_fn == editor
        assert fragment.json_init_args["fields"][:3] == ["display_name", "title", "instructions"]
        assert fragment.json_init_args["strings"]["saved"] == "Saved."
        scripts = " ".join(resource.data for resource in fragment.resources if resource.kind == "text")
        assert "X-CSRFToken" in scripts and f"function {editor}" in scripts

    def test_a_new_block_offers_its_usual_title_to_edit(self, block_type):
        runtime = CourseRuntime(TRAINER)
        block = add_block(runtime, block_type)
        tree = lxml_html.fromstring(f"<div>{render(runtime, block, 'studio_view').content}</div>")

        assert tree.xpath('//*[@name="title"]')[0].get("value") == block.display_title()


class CatalogI18nService:
    """An i18n service shaped like the LMS's: a gettext translator with the block's catalog."""

    def __init__(self, catalog):
        self._catalog = dict(catalog)
        self._info = {}
        self._fallback = None
        self.plural = lambda n: int(n != 1)

    def gettext(self, message):
        return self._catalog.get(message, message)

    ugettext = gettext


def test_learner_view_text_comes_from_the_i18n_service():
    italian = CatalogI18nService({
        "Communication": "Comunicazione",
        "Peer counselling": "Consulenza tra pari",
        "Enroll in the course to join its community and take part in peer counselling.":
            "Iscriviti al corso per entrare nella sua comunità e partecipare alla consulenza tra pari.",
    })
    runtime = CourseRuntime(LEARNER, i18n=italian)
    block = add_block(runtime, "vetnet_counselling")

    with translation.override("it"):
        text = visible_text(render(runtime, block).content)

    assert "Comunicazione" in text
    assert "Consulenza tra pari" in text
    assert "Iscriviti al corso per entrare nella sua comunità e partecipare alla consulenza tra pari." in text


def test_every_block_uses_vetnet_prefixed_classes():
    runtime = CourseRuntime(TRAINER)
    for block_type in BLOCK_TYPES:
        block = add_block(runtime, block_type)
        for view in ("student_view", "studio_view"):
            inner = getattr(block, view)(None).content
            classes = set(re.findall(r'class="([^"]+)"', inner))
            own = {name for value in classes for name in value.split()}
            # Studio's editor also uses Studio's own class names, so it looks right in the modal.
            studio = {"editor-with-buttons", "list-input", "settings-list", "field", "comp-setting-entry",
                      "wrapper-comp-setting", "label", "setting-label", "input", "setting-input", "tip",
                      "setting-help", "xblock-actions", "action-item", "button", "action-primary",
                      "save-button", "cancel-button"}
            assert {name for name in own if not name.startswith("vetnet-")} <= studio, (block_type, view)
