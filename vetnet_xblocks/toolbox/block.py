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

from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Integer, List, Scope, String

from vetnet_plugin import api
from vetnet_plugin.exceptions import InvalidInput

from .. import backend
from ..base import VetnetBlock, display_name_field
from ..mixins import gettext_noop as _
from .handlers import ToolboxHandlersMixin
from .vocabulary import block_vocabularies

SCOPE_CODES = [code for code, _label in api.SCOPES]
MODERATION_CODES = [code for code, _label in api.MODERATION_MODES]
RESOURCE_TYPE_CODES = [code for code, _label in api.RESOURCE_TYPES]


class ToolboxBlock(ToolboxHandlersMixin, VetnetBlock):
    """The toolbox of resources shared from national experiences (Sharing)."""

    entry_point_name = "vetnet_toolbox"
    default_title = _("Toolbox")
    section = _("Sharing")
    css_class = "vetnet-toolbox"
    student_css = ("public/css/toolbox.css",)
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

    # -- context ---------------------------------------------------------------

    def toolbox_context(self):
        return backend.toolbox_context(
            course_key=self.course_key, usage_key=self.usage_key, scope=self.library_scope,
            moderation=self.moderation, resource_types=self.allowed_resource_types,
            max_upload_bytes=max(0, int(self.max_upload_mb or 0)) * 1024 * 1024,
        )

    def call(self, name: str, **kwargs):
        """Call the toolbox API as the current user in this block's context."""
        if not self.course_key:
            raise InvalidInput(self.gettext("The toolbox works only inside a course."))
        return backend.toolbox_call(name, user=self.current_user, context=self.toolbox_context(), **kwargs)

    # -- learner view ----------------------------------------------------------

    def student_context(self) -> dict:
        context = super().student_context()
        user = self.current_user
        is_member = backend.is_community_member(user=user, course_key=self.course_key) if self.course_key else False
        vocabularies = block_vocabularies(self.gettext, self.allowed_resource_types)
        limit = api.upload_limit(self.toolbox_context())
        context.update({
            "dom_id": self.dom_id,
            "is_member": is_member,
            "is_staff": user.is_staff,
            "needs_approval": self.moderation == "approval" and not user.is_staff,
            "vocabularies": vocabularies,
            "extensions": ", ".join(api.upload_extensions()),
            "accept": ",".join(f".{ext}" for ext in api.upload_extensions()),
            "upload_limit_mb": round(limit / (1024 * 1024), 1),
            "shows_community": self.library_scope != "course",
        })
        return context

    @XBlock.supports("multi_device")
    def student_view(self, context=None):
        fragment = super().student_view(context)
        # Only members get the toolbox itself; others read why they cannot use it.
        if not self.course_key or not backend.is_community_member(user=self.current_user, course_key=self.course_key):
            return fragment
        fragment.add_javascript(self.load_resource("public/js/vetnet_common.js", shared=True))
        fragment.add_javascript(self.load_resource("public/js/toolbox_panels.js"))
        fragment.add_javascript(self.load_resource("public/js/toolbox.js"))
        fragment.initialize_js("VetnetToolbox", {
            "strings": self.toolbox_strings(),
            "labels": block_vocabularies(self.gettext, self.allowed_resource_types)["labels"],
        })
        return fragment

    def toolbox_strings(self) -> dict:
        _t = self.gettext
        return dict(
            self.js_strings(),
            results=self.js_plural("{count} resource found.", "{count} resources found."),
            results_one=_t("1 resource found."),
            results_more=_t("More than {count} resources found."),
            no_results=_t("No resource matches. Try fewer filters or other words."),
            facets_partial=_t("The numbers beside the filters count the first matches only; narrow the search to "
                              "count them all."),
            page=_t("Page {page} of {pages}"),
            by=_t("by {name}"),
            rating=self.js_plural("{average} out of 5 stars ({count} rating)", "{average} out of 5 stars ({count} ratings)"),
            no_ratings=_t("Not rated yet"),
            adoptions=self.js_plural("Adopted {count} time", "Adopted {count} times"),
            downloads=self.js_plural("Downloaded {count} time", "Downloaded {count} times"),
            download=_t("Download"),
            open_link=_t("Open the link"),
            being_checked=_t("The file is being checked; it can be downloaded in a minute."),
            blocked=_t("This file did not pass the safety check."),
            details=_t("Details, reviews and adoption"),
            hide_details=_t("Hide details"),
            deposited=_t("Thank you: your resource is published."),
            deposited_pending=_t("Thank you: your resource waits for the course staff's approval."),
            reviewed=_t("Your review is saved."),
            adopted=_t("Marked as adopted. Later, tell the community how it went."),
            outcome_saved=_t("Thank you for reporting how the adoption went."),
            collection_created=_t("Collection created."),
            added_to_collection=_t("Added to the collection."),
            moderated=_t("Done."),
            status_pending=_t("Waiting for approval"),
            status_rejected=_t("Rejected"),
            status_hidden=_t("Hidden by staff"),
            reason=_t("Reason: {reason}"),
            approve=_t("Approve"),
            reject=_t("Reject"),
            hide=_t("Hide"),
            reject_reason=_t("Why is it rejected? The author will see this."),
            queue_empty=_t("Nothing waits for moderation."),
            proposed_change=_t("The author's change, waiting for approval (members still see the text above):"),
            approve_change=_t("Publish the change"),
            reject_change=_t("Decline the change"),
            version=_t("Version {number}"),
            new_version=_t("Upload a new version"),
            version_file=_t("New file"),
            version_link=_t("or new link"),
            change_note=_t("What changed"),
            upload_version=_t("Save the new version"),
            version_saved=_t("The new version is saved; the earlier ones stay in the history."),
            your_review=_t("Your review"),
            rate=_t("Your rating"),
            review_text=_t("Your review (optional)"),
            save_review=_t("Save review"),
            adopt=_t("I adopted this"),
            outcome=_t("How did it go?"),
            outcome_report=_t("What happened (optional)"),
            report=_t("Report"),
            reviews=_t("Reviews"),
            no_reviews=_t("No reviews yet."),
            add_to=_t("Add to collection"),
            choose_collection=_t("Choose a collection"),
            add=_t("Add"),
            all=_t("All"),
            licence=_t("Licence"),
            outcomes=dict(
                success=_t("it worked well"), partial=_t("it partly worked"),
                not_successful=_t("it did not work for us"),
            ),
        )

    # -- Studio ----------------------------------------------------------------

    def studio_view(self, context=None):  # pylint: disable=unused-argument
        """The base editor (title, instructions) plus the toolbox's own settings."""
        _t = self.gettext
        fields = self._editor_fields()
        html = self.render_template("templates/studio_view.html", {
            "fields": fields,
            "form_id": f"{self.dom_id}-editor",
            "dom_id": self.dom_id,
            "scopes": [(code, _t(str(label))) for code, label in api.SCOPES],
            "moderation_modes": [(code, _t(str(label))) for code, label in api.MODERATION_MODES],
            "resource_types": [(code, _t(str(label))) for code, label in api.RESOURCE_TYPES],
            "library_scope": self.library_scope,
            "moderation": self.moderation,
            "allowed_resource_types": self.allowed_resource_types,
            "max_upload_mb": self.max_upload_mb,
            "operator_limit_mb": round(api.upload_limit(api.ToolboxContext(course_key="")) / (1024 * 1024), 1),
        })
        fragment = Fragment(html)
        fragment.add_css(self.load_resource("public/css/vetnet.css", shared=True))
        fragment.add_javascript(self.load_resource("public/js/vetnet_common.js", shared=True))
        fragment.add_javascript(self.load_resource("public/js/toolbox_studio.js"))
        strings = dict(self.js_strings(), save_failed=_t("Your changes were not saved."))
        fragment.initialize_js("VetnetToolboxStudio", {
            "fields": [field["name"] for field in fields] + ["library_scope", "moderation", "max_upload_mb"],
            "strings": strings,
        })
        return fragment

    def clean_studio_input(self, data: dict) -> dict:
        """The base fields, then the toolbox settings; every error reported at once."""
        _t = self.gettext
        errors: dict[str, list[str]] = {}
        try:
            values = super().clean_studio_input(data)
        except InvalidInput as error:
            errors.update(error.errors)
            values = {}
        if "library_scope" in data:
            if data["library_scope"] not in SCOPE_CODES:
                errors["library_scope"] = [_t("Choose which library the block shows.")]
            else:
                values["library_scope"] = data["library_scope"]
        if "moderation" in data:
            if data["moderation"] not in MODERATION_CODES:
                errors["moderation"] = [_t("Choose how deposits are moderated.")]
            else:
                values["moderation"] = data["moderation"]
        if "allowed_resource_types" in data:
            types = data["allowed_resource_types"]
            if not isinstance(types, list) or any(t not in RESOURCE_TYPE_CODES for t in types):
                errors["allowed_resource_types"] = [_t("Choose resource types from the list.")]
            else:
                values["allowed_resource_types"] = [t for t in RESOURCE_TYPE_CODES if t in types]
        if "max_upload_mb" in data:
            try:
                megabytes = int(str(data["max_upload_mb"]).strip() or 0)
                if megabytes < 0:
                    raise ValueError
                values["max_upload_mb"] = megabytes
            except ValueError:
                errors["max_upload_mb"] = [_t("Enter a whole number of megabytes (0 for the platform's limit).")]
        if errors:
            raise InvalidInput(_t("Some fields need your attention."), errors=errors)
        return values
