"""
The ``vetnet_workspace`` block: short-term work in themed workspaces on VET
topics and sectors (Collaboration).

The trainer authors the themes in Studio (the ``themes`` field, so they
travel in OLX); workspaces, their members, documents and tasks live in the
plugin and are reached through ``WorkspaceBackend``. The page is rendered on
the server (ADR 0007); its script saves the shared document as members type
and polls the latest revision, so others' changes appear without a reload.
"""
from __future__ import annotations

from xblock.core import XBlock
from xblock.exceptions import NoSuchServiceError
from xblock.fields import List, Scope, String

from vetnet_plugin.exceptions import AccessDenied, InvalidInput, VetnetError

from ..backend.workspaces import (
    LICENCES,
    SECTORS,
    TOPICS,
    WorkspaceBackend,
    check_themes,
    configure_themes,
    render_markdown,
)
from ..base import EditableField, VetnetBlock, display_name_field
from ..mixins import gettext_noop as _
from . import authoring
from .handlers import WorkspaceHandlersMixin

DEFAULT_THEMES = [
    {"key": "green-construction", "title": "Green skills in the building crafts",
     "description": "Update apprenticeship modules for energy-efficient renovation.",
     "topic": "green_transition", "sector": "construction", "starts": None, "ends": None, "max_size": 6,
     "join_rule": "open", "members_create": True},
]
POLL_SECONDS = 4


@XBlock.wants("teams")
class WorkspaceBlock(WorkspaceHandlersMixin, VetnetBlock):
    """Short-term work in themed workspaces on VET topics and sectors (Collaboration)."""

    entry_point_name = "vetnet_workspace"
    default_title = _("Workspaces")
    section = _("Collaboration")
    css_class = "vetnet-workspace"
    student_css = ("public/css/workspace.css",)
    student_js = ("public/js/workspace.js",)

    display_name = display_name_field("VETNet Workspace")
    themes = List(display_name=_("Themes"), scope=Scope.content, default=DEFAULT_THEMES)
    # The Open edX teamset (topic) whose teams serve as workspaces, where the platform has teams (ADR 0011).
    teamset_id = String(display_name=_("Teamset"), scope=Scope.content, default="")

    studio_fields = VetnetBlock.studio_fields + (
        EditableField("themes_text", _("Themes"),
                      _("One theme per paragraph. First line: key | title | VET topic | sector. Second line: "
                        "starts (YYYY-MM-DD) | ends | maximum workspace size | open, request or invitation | "
                        "members may create workspaces: yes or no. Further lines: the description. Topics: "
                        "{topics}. Sectors: {sectors}."), max_length=30000, multiline=True, required=True),
        EditableField("teamset_id", _("Teamset"),
                      _("The id of a teamset of this course: each of its Open edX teams gets a workspace under "
                        "the first theme, with the team's members, and a learner sees their own team's. This has "
                        "effect only where the platform has Open edX teams; leave it empty for the block's own "
                        "workspaces."), max_length=255),
    )

    themes_text = property(lambda self: authoring.format_themes(self.themes))

    def studio_field_help(self, spec: EditableField) -> str:
        text = super().studio_field_help(spec)
        if spec.name == "themes_text":
            text = text.format(topics=", ".join(code for code, _label in TOPICS),
                               sectors=", ".join(code for code, _label in SECTORS))
        return text

    def clean_studio_input(self, data: dict) -> dict:
        values = super().clean_studio_input({k: v for k, v in data.items() if k != "themes_text"})
        if "themes_text" in data:
            text = data["themes_text"]
            if not isinstance(text, str) or not text.strip() or len(text) > 30000:
                message = self.gettext("Write at least one theme (at most 30000 characters).")
                raise InvalidInput(message, errors={"themes_text": [message]})
            themes = authoring.parse_themes(text, self.gettext)
            cleaned = check_themes(themes)
            values["themes"] = [{**theme, "starts": theme["starts"].isoformat() if theme["starts"] else None,
                                 "ends": theme["ends"].isoformat() if theme["ends"] else None}
                                for theme in cleaned]
        return values

    # -- the plugin's copy of the themes ----------------------------------------------------

    def sync_themes(self) -> None:
        if self.course_key:
            configure_themes(course_key=self.course_key, usage_key=self.usage_key, themes=self.themes)

    def teams_service(self):
        """The platform's ``teams`` service, or None (the development host, a platform without teams)."""
        try:
            return self.runtime.service(self, "teams")
        except NoSuchServiceError:
            return None

    def sync_team_workspace(self, backend: WorkspaceBackend) -> None:
        """With a teamset and the platform's teams: make sure the learner's team has its workspace."""
        service = self.teams_service() if self.teamset_id.strip() else None
        if service is not None:
            backend.team_workspace(service, course_id=self._context_key(), teamset_id=self.teamset_id.strip())

    def view_backend(self) -> WorkspaceBackend:
        cached = getattr(self, "_backend", None)
        if cached is None:
            cached = self._backend = WorkspaceBackend(user=self.current_user, course_key=self.course_key,
                                                      usage_key=self.usage_key)
        return cached

    # -- the learner's page ------------------------------------------------------------------

    def render_workspace(self, backend: WorkspaceBackend, workspace) -> str:
        """
        One workspace's part of the page: its members, what the facilitator
        manages, and, for those who may read it, its work: the document, the
        board, the discussion and the attached resources.
        """
        context = {"block": self, "workspace": workspace, "goal_html": render_markdown(workspace.goal),
                   "dom_id": f"{self.dom_id}-{workspace.uuid}", "states": self._state_choices(workspace),
                   "licences": [(code, self.gettext(str(label))) for code, label in LICENCES]}
        context["teams_available"] = workspace.can_manage and backend.teams_available()
        if workspace.can_read:
            document = backend.document(workspace.uuid)
            context.update(document=document, document_html=render_markdown(document.text),
                           tasks=backend.tasks(workspace.uuid), revisions=backend.revisions(workspace.uuid).items,
                           activity=backend.activity(workspace.uuid) if workspace.role == "member" else (),
                           discussion=backend.discussion(workspace.uuid),
                           attachments=backend.attachments(workspace.uuid))
            if workspace.role == "member":
                backend.record_visit(workspace.uuid)
        return self.render_template("templates/workspace.html", context)

    def _state_choices(self, workspace) -> list[tuple[str, str]]:
        _ = self.gettext
        labels = {"forming": _("forming"), "active": _("active"), "closing": _("closing"), "archived": _("archived")}
        following = {"forming": ("active",), "active": ("closing",), "closing": ("active", "archived")}
        return [(state, labels[state]) for state in following.get(workspace.state, ())]

    def student_context(self, backend=None) -> dict:
        values = super().student_context(backend)
        state, themes = "ready", ()
        if not self.course_key:
            state = "no_course"
        elif backend is None or not backend.is_member():
            state = "signed_out" if not self.current_user.is_authenticated else "not_member"
        else:
            try:
                self.sync_themes()
                self.sync_team_workspace(backend)
                topics, sectors = dict(TOPICS), dict(SECTORS)
                themes = [{"theme": entry.theme, "can_create": entry.can_create,
                           "topic": str(topics.get(entry.theme.topic, "")),
                           "sector": str(sectors.get(entry.theme.sector, "")),
                           "description_html": render_markdown(entry.theme.description),
                           "workspaces": [self.render_workspace(backend, w) for w in entry.workspaces]}
                          for entry in backend.themes()]
            except AccessDenied:
                state = "not_member"
            except VetnetError:
                state = "not_configured"
        values.update(state=state, themes=themes, dom_id=self.dom_id)
        return values

    def student_js_init(self, backend, context: dict):
        if context["state"] != "ready":
            return None
        return "VetnetWorkspace", {"poll_seconds": POLL_SECONDS, "strings": self._strings()}

    def _strings(self) -> dict:
        _ = self.gettext
        return dict(self.js_strings(), saving=_("Saving…"), saved=_("Saved."),
                    merged=_("Saved, together with changes others made meanwhile."),
                    conflict=_("Saved. Someone changed the same lines: both texts are kept between the "
                               "<<<<<<< and >>>>>>> lines. Settle them and save again."),
                    updated=_("The document was updated with others' changes."),
                    done=_("Done."))

    @classmethod
    def workbench_scenarios(cls):
        return [("Workspaces: green skills in the building crafts",
                 '<vetnet_workspace title="Work together on a theme">'
                 '<option:instructions xmlns:option="http://code.edx.org/xblock/option">Open a workspace on a '
                 'theme or join one, then write the shared document together.</option:instructions>'
                 '</vetnet_workspace>')]
