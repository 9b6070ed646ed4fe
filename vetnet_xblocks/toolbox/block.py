"""
The ``vetnet_toolbox`` block: the toolbox of resources shared from national
experiences (Sharing).

Members deposit files or links with VET metadata, find resources with a
search, filters with counts and sorting, rate, review and adopt them, group
them in collections and download them; course staff moderate. The trainer
chooses in Studio which library the block shows, which resource types it
accepts, whether deposits wait for approval and a lower upload limit.
"""
from __future__ import annotations

from xblock.fields import Integer, List, Scope, String

from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from ..backend import ToolboxBackend
from ..backend import toolbox as catalogue
from ..base import EditableField, VetnetBlock, display_name_field
from ..mixins import gettext_noop as _
from .handlers import ToolboxHandlersMixin
from .pages import ToolboxPages
from .vocabulary import block_vocabularies


def page_query() -> dict:
    """The query string of the page the block is shown in (search, filters, page), or nothing."""
    try:
        from crum import get_current_request  # pylint: disable=import-outside-toplevel
    except ImportError:  # pragma: no cover - the platform and the development host have it
        return {}
    request = get_current_request()
    if request is None:
        return {}
    try:
        return {name: request.GET.get(name) for name in request.GET}
    except UnicodeDecodeError:
        return {}


SCOPE_CODES = [code for code, _label in catalogue.SCOPES]
MODERATION_CODES = [code for code, _label in catalogue.MODERATION_MODES]
RESOURCE_TYPE_CODES = [code for code, _label in catalogue.RESOURCE_TYPES]


class ToolboxBlock(ToolboxHandlersMixin, VetnetBlock):
    """The toolbox of resources shared from national experiences (Sharing)."""

    entry_point_name = "vetnet_toolbox"
    default_title = _("Toolbox")
    section = _("Sharing")
    css_class = "vetnet-toolbox"
    student_css = ("public/css/toolbox.css",)
    student_js = ("public/js/toolbox_panels.js", "public/js/toolbox.js")
    # Members use it again and again; viewing it is what completes it.
    display_name = display_name_field("VETNet Toolbox")

    library_scope = String(
        display_name=_("Library shown"),
        help=_("This course's resources, the community library across courses, or both."),
        scope=Scope.settings, default="both", values=SCOPE_CODES,
    )
    moderation = String(
        display_name=_("Moderation"),
        help=_("Publish deposits at once, or only after course staff approve them."),
        scope=Scope.settings, default="open", values=MODERATION_CODES,
    )
    allowed_resource_types = List(
        display_name=_("Resource types accepted"),
        help=_("Leave empty to accept every type."),
        scope=Scope.settings, default=[],
    )
    max_upload_mb = Integer(
        display_name=_("Upload limit (MB)"),
        help=_("0 means the platform's limit; a higher number than the platform's is lowered to it."),
        scope=Scope.settings, default=0,
    )

    studio_fields = VetnetBlock.studio_fields + (
        EditableField("library_scope", _("Library shown"), max_length=20, choices=tuple(catalogue.SCOPES),
                      choice_error=_("Choose which library the block shows.")),
        EditableField("moderation", _("Moderation"), max_length=20, choices=tuple(catalogue.MODERATION_MODES),
                      choice_error=_("Choose how deposits are moderated.")),
        EditableField("allowed_resource_types", _("Resource types accepted (none ticked: every type)"),
                      choices=tuple(catalogue.RESOURCE_TYPES), multiple=True,
                      choice_error=_("Choose resource types from the list.")),
        EditableField("max_upload_mb", _("Upload limit (MB)"),
                      _("0 means the platform's limit (%(operator_limit_mb)s MB); a higher number is lowered to it."),
                      max_length=6, input_type="number"),
    )

    # -- context ---------------------------------------------------------------

    def toolbox_backend(self) -> ToolboxBackend:
        """This block's library as the current user sees it; built once per view or handler call."""
        if not self.course_key:
            raise InvalidInput(self.gettext("The toolbox works only inside a course."))
        return ToolboxBackend(
            user=self.current_user, course_key=self.course_key, usage_key=self.usage_key, scope=self.library_scope,
            moderation=self.moderation, resource_types=self.allowed_resource_types,
            max_upload_bytes=max(0, int(self.max_upload_mb or 0)) * 1024 * 1024,
        )

    def toolbox_arguments(self) -> dict:
        """The course and the ``ToolboxContext`` (its Studio settings) this block calls the toolbox with."""
        backend = self.toolbox_backend()
        return {"course_key": backend.course_key, "context": backend.context}

    # -- learner view ----------------------------------------------------------

    def view_backend(self):
        return self.toolbox_backend() if self.course_key else None

    def student_context(self, backend=None) -> dict:
        context = super().student_context(backend)
        toolbox = backend
        user = self.current_user
        is_member = toolbox.members.is_community_member() if toolbox is not None else False
        vocabularies = block_vocabularies(self.gettext, self.allowed_resource_types)
        limit = toolbox.upload_limit() if toolbox is not None else catalogue.operator_upload_limit()
        extensions = catalogue.upload_extensions()
        if is_member:
            # What a member came to read is in the HTML (ADR 0007): the library's page the
            # address asks for (or the block's defaults), and the staff's moderation queue.
            query = page_query()
            pages = ToolboxPages(self, toolbox, vocabularies)
            try:
                context.update(pages.library(query))
                context.update(pages.details(query))
                if user.is_staff:
                    context.update(pages.queue(query))
            except AccessDenied:
                pass  # the runtime's word (staff) is not the platform's: the shell only, as the handlers answer

        context.update({
            "dom_id": self.dom_id,
            "is_member": is_member,
            "is_staff": user.is_staff,
            "needs_approval": self.moderation == "approval" and not user.is_staff,
            "vocabularies": vocabularies,
            "extensions": ", ".join(extensions),
            "accept": ",".join(f".{ext}" for ext in extensions),
            "upload_limit_mb": round(limit / (1024 * 1024), 1),
            "shows_community": self.library_scope != "course",
        })
        return context

    def student_js_init(self, backend, context):
        # Only members get the toolbox itself; others read why they cannot use it.
        if not context["is_member"]:
            return None
        return ("VetnetToolbox", {"strings": self.toolbox_strings()})

    def toolbox_strings(self) -> dict:
        """What the script says itself; everything it shows of the toolbox the server renders."""
        _t = self.gettext
        return dict(
            self.js_strings(),
            details=_t("Details, reviews and adoption"),
            hide_details=_t("Hide details"),
            deposited=_t("Thank you: your resource is published."),
            deposited_pending=_t("Thank you: your resource waits for the course staff's approval."),
            reviewed=_t("Your review is saved."),
            adopted=_t("Marked as adopted. Later, tell the community how it went."),
            outcome_saved=_t("Thank you for reporting how the adoption went."),
            collection_created=_t("Collection created."),
            removed_from_collection=_t("Removed from the collection."),
            added_to_collection=_t("Added to the collection."),
            moderated=_t("Done."),
            version_saved=_t("The new version is saved; the earlier ones stay in the history."),
        )

    # -- Studio ----------------------------------------------------------------

    def studio_field_help(self, spec: EditableField) -> str:
        if spec.name == "max_upload_mb":
            limit = round(catalogue.operator_upload_limit() / (1024 * 1024), 1)
            return self.gettext(spec.help) % {"operator_limit_mb": limit}
        return super().studio_field_help(spec)

    def clean_studio_input(self, data: dict) -> dict:
        """The shared fields' rules, then the upload limit's; every error reported at once."""
        _t = self.gettext
        values, errors = self.check_studio_fields(data)
        if "max_upload_mb" in values:
            try:
                megabytes = int(values["max_upload_mb"] or 0)
                if megabytes < 0:
                    raise ValueError
                values["max_upload_mb"] = megabytes
            except ValueError:
                del values["max_upload_mb"]
                errors["max_upload_mb"] = [_t("Enter a whole number of megabytes (0 for the platform's limit).")]
        if errors:
            raise InvalidInput(_t("Some fields need your attention."), errors=errors)
        return values
