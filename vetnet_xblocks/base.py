"""
``VetnetBlock``: what every VETNet block has in common.

A title and instructions that the course team writes in Studio, an editor
for them, and an honest learner view. Each block subclasses it, names its
section and adds its own features when they exist.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.exceptions import InvalidScopeError
from xblock.fields import Dict, Scope, String

from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from .backend import render_markdown
from .mixins import VetnetXBlockMixin, gettext_noop, json_handler

__all__ = ["EditableField", "VetnetBlock", "display_name_field"]

_ = gettext_noop


def display_name_field(default: str) -> String:
    """The ``display_name`` field, with the name a block gets when it is added in Studio."""
    return String(
        display_name=_("Display name"),
        help=_("The name shown in the course navigation."),
        scope=Scope.settings,
        default=default,
    )


@dataclass(frozen=True)
class EditableField:
    """A field of the Studio editor; labels are marked here and translated when shown."""

    name: str
    label: str
    help: str = ""
    max_length: int = 200
    required: bool = False
    multiline: bool = False
    # (stored value, label) pairs: the field is picked from a list.
    choices: tuple = ()
    # With ``choices``: any number of them, as a group of checkboxes, saved as a list.
    multiple: bool = False
    # The type of a one-line input ("text", "number").
    input_type: str = "text"
    # What to say when a value is not one of ``choices`` (marked, translated when shown).
    choice_error: str = ""
    # With ``multiline``: each line is an item whose order matters; the editor offers Move up / Move down.
    reorderable: bool = False


@XBlock.needs("user")
@XBlock.needs("i18n")
@XBlock.wants("studio_user_permissions")
class VetnetBlock(VetnetXBlockMixin, XBlock):
    """
    Base class of the VETNet blocks.

    Subclasses set ``entry_point_name`` (their ``xblock.v1`` name),
    ``display_name = display_name_field(...)``, ``default_title``,
    ``section``, ``css_class``, ``student_css`` and, in their package,
    ``templates/student_view.html``. To edit more fields in Studio, extend
    ``studio_fields`` and, for rules beyond length and presence, override
    ``clean_studio_input``.

    The learner view is built one way for every block (``student_view``
    below); a block fills its hooks: ``view_backend`` (the adapter of
    ``vetnet_xblocks.backend`` the view reads through, built once per view),
    ``student_context``, ``student_template``, ``student_css``, ``student_js``
    and ``student_js_init``. How a page renders is ADR 0007: the server
    renders the HTML, JavaScript enhances it.
    """

    # Informational until a block has member features: viewing it completes it, nothing is graded.
    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = False
    has_score = False
    icon_class = "other"

    entry_point_name = ""
    default_title = _("VETNet")
    # The learning phase the block belongs to (Communication, Sharing, Collaboration, Cooperation).
    section = ""
    css_class = "vetnet-block--generic"
    student_template = "templates/student_view.html"
    # Stylesheets under the block's own package, added after the shared one.
    student_css: tuple[str, ...] = ()
    # Scripts under the block's own package, added after the shared vetnet_common.js when
    # ``student_js_init`` asks for a script.
    student_js: tuple[str, ...] = ()

    display_name = display_name_field("VETNet")
    title = String(
        display_name=_("Title"),
        help=_("The heading learners see above the instructions."),
        scope=Scope.content,
        default="",
    )
    instructions = String(
        display_name=_("Instructions"),
        help=_("What learners should do here. Markdown is allowed."),
        scope=Scope.content,
        default="",
        multiline_editor=True,
        # A child element in OLX keeps multi-paragraph Markdown readable in exports.
        xml_node=True,
    )
    translations = Dict(
        display_name=_("Translations"),
        help=_("The title and instructions in other languages, by language code: "
               "{\"it\": {\"title\": \"…\", \"instructions\": \"…\"}}. Learners read the one in their language."),
        scope=Scope.content,
        default={},
        xml_node=True,
    )

    studio_fields = (
        EditableField(
            "display_name",
            _("Display name"),
            _("The name shown in the course navigation. Left empty, the block's usual name is used."),
            max_length=200,
        ),
        EditableField("title", _("Title"), _("The heading learners see."), max_length=200, required=True),
        EditableField(
            "instructions",
            _("Instructions"),
            _("What learners should do here. Markdown is allowed: **bold**, *italic*, lists, links."),
            max_length=10000,
            multiline=True,
        ),
    )

    # -- learner view ----------------------------------------------------------

    def reader_language(self) -> str:
        """The language the i18n service translates into for this user (``it``, ``el``, ``pt-br``...)."""
        service = self.runtime.service(self, "i18n")
        language = getattr(service, "language", None) or ""
        if not language:
            from django.utils import translation  # pylint: disable=import-outside-toplevel

            language = translation.get_language() or ""
        return language.lower()

    def translated(self, name: str) -> str:
        """
        The trainer's ``name`` ("title" or "instructions") in the reader's language,
        from ``translations``; the field itself when there is none.
        """
        language = self.reader_language()
        candidates = (language, language.split("-")[0])
        texts = self.translations if isinstance(self.translations, dict) else {}
        for code in candidates:
            entry = texts.get(code)
            if isinstance(entry, dict) and isinstance(entry.get(name), str) and entry[name].strip():
                return entry[name]
        return getattr(self, name)

    def display_title(self) -> str:
        """The title to show: the trainer's (in the reader's language if given), or the block's usual title."""
        return self.translated("title").strip() or self.gettext(self.default_title)

    def view_backend(self):
        """
        The backend adapter this view reads through, built once per view; None for blocks without data.

        The same adapter is handed to ``student_context`` and ``student_js_init``,
        so the acting user is resolved once for the whole page.
        """

    def student_context(self, backend=None) -> dict:  # pylint: disable=unused-argument
        """The template context of ``student_view``; subclasses add their own keys."""
        heading_id = f"{self.dom_id}-title"
        header = self.render_template(
            "templates/block_header.html",
            {
                "heading_id": heading_id,
                "section": self.gettext(self.section) if self.section else "",
                "title": self.display_title(),
                "instructions_html": render_markdown(self.translated("instructions")),
            },
            shared=True,
        )
        return {"block": self, "header": header, "heading_id": heading_id, "css_class": self.css_class}

    def student_js_init(self, backend, context: dict):  # pylint: disable=unused-argument
        """
        ``(function name, json args)`` to enhance the rendered page, or None for a page without script.

        The page must read well without it (phones with scripts off, assistive technology).
        """

    @XBlock.supports("multi_device")
    def student_view(self, context=None):  # pylint: disable=unused-argument
        """The learner's view: the server renders the block's page, its script (if any) enhances it."""
        backend = self.view_backend()
        values = self.student_context(backend)
        fragment = Fragment(self.render_template(self.student_template, values))
        fragment.add_css(self.load_resource("public/css/vetnet.css", shared=True))
        for path in self.student_css:
            fragment.add_css(self.load_resource(path))
        init = self.student_js_init(backend, values)
        if init is not None:
            function, json_args = init
            fragment.add_javascript(self.load_resource("public/js/vetnet_common.js", shared=True))
            for path in self.student_js:
                fragment.add_javascript(self.load_resource(path))
            fragment.initialize_js(function, json_args)
        return fragment

    def student_view_data(self, context=None):  # pylint: disable=unused-argument
        """Content and settings for the mobile apps; never user state."""
        return {"display_name": self.display_name, "title": self.title, "instructions": self.instructions,
                "translations": self.translations}

    # -- Studio editor -----------------------------------------------------------

    def studio_field_help(self, spec: EditableField) -> str:
        """The translated help of one editor field; override to fill in values known only when shown."""
        return self.gettext(spec.help) if spec.help else ""

    def _editor_fields(self) -> list[dict]:
        fields = []
        for spec in self.studio_fields:
            value = getattr(self, spec.name)
            if spec.name == "title" and not value:
                value = self.display_title()
            input_id = f"{self.dom_id}-{spec.name}"
            chosen = set(value or ()) if spec.multiple else {value}
            fields.append({
                "name": spec.name,
                "label": self.gettext(spec.label),
                "help": self.studio_field_help(spec),
                "value": value,
                "max_length": spec.max_length,
                "required": spec.required,
                "multiline": spec.multiline,
                "multiple": spec.multiple,
                "lines": [line for line in str(value or "").splitlines() if line.strip()]
                if spec.reorderable else None,
                "input_type": spec.input_type,
                "input_id": input_id,
                "help_id": f"{input_id}-help",
                "error_id": f"{input_id}-error",
                "choices": [
                    {"value": choice, "label": self.gettext(str(label)), "selected": choice in chosen,
                     "input_id": f"{input_id}-{index}"}
                    for index, (choice, label) in enumerate(spec.choices)
                ],
            })
        return fields

    def studio_view(self, context=None):  # pylint: disable=unused-argument
        """The course team's editor: labelled inputs, Save and Cancel."""
        fields = self._editor_fields()
        html = self.render_template(
            "templates/studio_view.html",
            {"fields": fields, "form_id": f"{self.dom_id}-editor"},
            shared=True,
        )
        fragment = Fragment(html)
        fragment.add_css(self.load_resource("public/css/vetnet.css", shared=True))
        fragment.add_javascript(self.load_resource("public/js/vetnet_common.js", shared=True))
        fragment.add_javascript(self.load_resource("public/js/vetnet_studio.js", shared=True))
        _ = self.gettext
        strings = dict(self.js_strings(), save_failed=_("Your changes were not saved."),
                       moved=_("“{item}” is now at position {position} of {count}."))
        fragment.initialize_js("VetnetStudioEditor", {
            "fields": [field["name"] for field in fields],
            # Sent as lists: the ticked boxes of each group.
            "lists": [field["name"] for field in fields if field["multiple"]],
            "strings": strings,
        })
        return fragment

    def clean_studio_input(self, data: dict) -> dict:
        """
        Check the editor's input and return the values to save.

        Raises ``InvalidInput`` with a message per field; nothing is saved then.
        Fields missing from ``data`` keep their current value. Blocks with rules
        of their own call ``check_studio_fields`` and add their errors to its,
        so every problem is reported at once.
        """
        values, errors = self.check_studio_fields(data)
        if errors:
            raise InvalidInput(self.gettext("Some fields need your attention."), errors=errors)
        return values

    def check_studio_fields(self, data: dict) -> tuple[dict, dict[str, list[str]]]:
        """The values of the fields in ``data`` that pass presence, length and choice rules, and the errors."""
        _ = self.gettext
        errors: dict[str, list[str]] = {}
        values: dict = {}
        for spec in self.studio_fields:
            if spec.name not in data:
                if spec.required and not spec.multiple and not getattr(self, spec.name).strip():
                    errors[spec.name] = [_("This field is required.")]
                continue
            raw = data[spec.name]
            allowed = [choice for choice, _label in spec.choices]
            not_a_choice = [_(spec.choice_error or "Choose from the list.")]
            if spec.multiple:
                if not isinstance(raw, list) or any(item not in allowed for item in raw):
                    errors[spec.name] = not_a_choice
                else:
                    # Saved in the order of the list, whatever order the boxes were ticked in.
                    values[spec.name] = [choice for choice in allowed if choice in raw]
                continue
            if raw is None:
                raw = ""
            if isinstance(raw, int) and not isinstance(raw, bool) and spec.input_type == "number":
                raw = str(raw)
            if not isinstance(raw, str):
                errors[spec.name] = [_("This field must be text.")]
                continue
            value = raw if spec.multiline else raw.strip()
            if spec.required and not value.strip():
                errors[spec.name] = [_("This field is required.")]
            elif len(value) > spec.max_length:
                errors[spec.name] = [
                    _("This field is too long: at most {limit} characters, not {length}.").format(
                        limit=spec.max_length, length=len(value)
                    )
                ]
            elif spec.choices and value not in allowed:
                errors[spec.name] = not_a_choice
            else:
                values[spec.name] = value
        if "display_name" in values and not values["display_name"]:
            values["display_name"] = self.fields["display_name"].default
        return values, errors

    @json_handler
    def studio_submit(self, data, suffix=""):  # pylint: disable=unused-argument
        """Save the editor's input (course team only); answer with the saved values of the fields sent."""
        self.require_staff()
        values = self.clean_studio_input(data)
        self._save_authored_fields(values)
        return {"saved": True, "values": {
            spec.name: getattr(self, spec.name) for spec in self.studio_fields if spec.name in data
        }}

    def _save_authored_fields(self, values: dict) -> None:
        for name, value in values.items():
            setattr(self, name, value)
        try:
            self.save()
        except InvalidScopeError as error:
            # The LMS keeps authored fields read-only. Forget the changes, or the
            # runtime's own save after the handler would fail with a server error.
            self._clear_dirty_fields()
            for name in values:
                self._field_data_cache.pop(name, None)
            raise AccessDenied(self.gettext("This part of the course is edited in Studio.")) from error

    # -- XBlock SDK workbench ----------------------------------------------------

    @classmethod
    def workbench_scenarios(cls):
        """One scenario per block, so the XBlock SDK's own workbench can show it."""
        tag = cls.entry_point_name
        if not tag:
            return []
        return [(
            cls.__name__,
            (f"<{tag} title={quoteattr(cls.default_title)}>"
             f'<option:instructions xmlns:option="http://code.edx.org/xblock/option">'
             "Read the introduction, then come back here.</option:instructions>"
             f"</{tag}>"),
        )]
