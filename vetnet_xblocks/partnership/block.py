"""
The ``vetnet_partnership`` block: partner search and long-term partnerships
between member organisations (Cooperation).

The trainer sets, in Studio, the funding instrument and strategic topic a new
proposal starts from; proposals, partners and answers live in the plugin and
are reached through ``PartnershipBackend``. The page is rendered on the
server (ADR 0007); its script sends the forms to the JSON handlers and shows
search results the server rendered.
"""
from __future__ import annotations

from xblock.fields import Scope, String

from vetnet_plugin.exceptions import AccessDenied, InvalidInput, VetnetError

from ..backend.partnerships import (
    LANGUAGES,
    ORGANISATION_TYPES,
    SECTORS,
    TOPICS,
    PartnershipBackend,
    list_instruments,
)
from ..base import EditableField, VetnetBlock, display_name_field
from ..mixins import gettext_noop as _
from .handlers import PartnershipHandlersMixin


class PartnershipBlock(PartnershipHandlersMixin, VetnetBlock):
    """Partner search and long-term partnerships between member organisations (Cooperation)."""

    entry_point_name = "vetnet_partnership"
    default_title = _("Partnerships")
    section = _("Cooperation")
    css_class = "vetnet-partnership"
    student_css = ("public/css/partnership.css",)
    student_js = ("public/js/partnership.js",)

    display_name = display_name_field("VETNet Partnerships")
    default_instrument = String(display_name=_("Funding instrument"), scope=Scope.content, default="erasmus_ka220",
                                help=_("The funding instrument a new proposal starts with."))
    default_topic = String(display_name=_("Strategic topic"), scope=Scope.content, default="",
                           help=_("The strategic topic a new proposal starts with."))

    studio_fields = VetnetBlock.studio_fields + (
        EditableField("default_instrument", _("Funding instrument"),
                      _("The key of the instrument a new proposal starts with: {instruments}."), max_length=64,
                      required=True),
        EditableField("default_topic", _("Strategic topic"),
                      _("The topic a new proposal starts with (empty: none). Topics: {topics}."), max_length=64),
    )

    def studio_field_help(self, spec: EditableField) -> str:
        text = super().studio_field_help(spec)
        if spec.name == "default_instrument":
            text = text.format(instruments=", ".join(i.key for i in list_instruments()))
        elif spec.name == "default_topic":
            text = text.format(topics=", ".join(code for code, _label in TOPICS))
        return text

    def clean_studio_input(self, data: dict) -> dict:
        values = super().clean_studio_input(data)
        instrument = values.get("default_instrument")
        if instrument is not None and instrument not in {i.key for i in list_instruments()}:
            message = self.gettext("Choose a funding instrument from the list.")
            raise InvalidInput(message, errors={"default_instrument": [message]})
        topic = values.get("default_topic")
        if topic and topic not in dict(TOPICS):
            message = self.gettext("Choose a topic from the list.")
            raise InvalidInput(message, errors={"default_topic": [message]})
        return values

    def view_backend(self) -> PartnershipBackend:
        cached = getattr(self, "_backend", None)
        if cached is None:
            cached = self._backend = PartnershipBackend(user=self.current_user, course_key=self.course_key,
                                                        usage_key=self.usage_key)
        return cached

    # -- the learner's page ------------------------------------------------------------------

    def choices(self) -> dict:
        """The vocabularies of the forms, labelled in the reader's language."""
        from django_countries import countries  # pylint: disable=import-outside-toplevel

        return {
            "countries": list(countries),
            "organisation_types": [(code, self.gettext(str(label))) for code, label in ORGANISATION_TYPES],
            "topics": [(code, self.gettext(str(label))) for code, label in TOPICS],
            "sectors": [(code, self.gettext(str(label))) for code, label in SECTORS],
            "languages": [(code, str(label)) for code, label in LANGUAGES],
            "instruments": list_instruments(),
            "roles": [("partner", self.gettext("partner")), ("coordinator", self.gettext("coordinator")),
                      ("associated", self.gettext("associated partner"))],
        }

    def labels(self) -> dict:
        from django_countries import countries  # pylint: disable=import-outside-toplevel

        _t = self.gettext
        return {
            "countries": dict(countries),
            "organisation_types": {code: _t(str(label)) for code, label in ORGANISATION_TYPES},
            "topics": {code: _t(str(label)) for code, label in TOPICS},
            "statuses": {"proposer": _t("proposer"), "invited": _t("invited"), "accepted": _t("accepted"),
                         "declined": _t("declined"), "withdrawn": _t("invitation withdrawn")},
            "roles": {"partner": _t("partner"), "coordinator": _t("coordinator"),
                      "associated": _t("associated partner")},
            "states": {"forming": _t("forming"), "formed": _t("formed"), "closed": _t("closed")},
        }

    def render_partnership(self, partnership) -> str:
        """One partnership's part of the page: its partners, the verdict, what the reader may do."""
        labels = self.labels()
        base = f"/api/vetnet/v1/courses/{self.course_key}/partnerships/{partnership.uuid}/"
        return self.render_template("templates/partnership.html", {
            "partnership": partnership, "dom_id": f"{self.dom_id}-{partnership.uuid}", "labels": labels,
            "topic": labels["topics"].get(partnership.topic, ""),
            "partners": [{"partner": p, "country": labels["countries"].get(p.country, p.country),
                          "organisation_type": labels["organisation_types"].get(p.organisation_type, ""),
                          "role": labels["roles"].get(p.role, p.role), "status": labels["statuses"].get(p.status, "")}
                         for p in partnership.partners],
            # The plugin's own pages (as the policy brief's): printable without the course around them.
            "summary_url": f"{base}summary/",
            "pdf_url": f"{base}summary.pdf" if self.view_backend().pdf_available() else "",
        })

    def render_suggestions(self, suggestions, managed) -> str:
        labels = self.labels()
        return self.render_template("templates/suggestions.html", {
            "suggestions": [{"suggestion": s, "country": labels["countries"].get(s.country, s.country),
                             "organisation_type": labels["organisation_types"].get(s.organisation_type, "")}
                            for s in suggestions],
            "managed": managed, "dom_id": self.dom_id, "roles": self.choices()["roles"],
        })

    def student_context(self, backend=None) -> dict:
        values = super().student_context(backend)
        state, panels, managed = "ready", [], []
        if not self.course_key:
            state = "no_course"
        elif backend is None or not backend.is_member():
            state = "signed_out" if not self.current_user.is_authenticated else "not_member"
        else:
            try:
                partnerships = backend.partnerships()
                panels = [self.render_partnership(p) for p in partnerships]
                managed = [p for p in partnerships if p.can_manage]
            except AccessDenied:
                state = "not_member"
            except VetnetError:
                state = "not_configured"
        values.update(state=state, panels=panels, managed=managed, dom_id=self.dom_id, choices=self.choices(),
                      default_instrument=self.default_instrument, default_topic=self.default_topic)
        return values

    def student_js_init(self, backend, context: dict):
        if context["state"] != "ready":
            return None
        return "VetnetPartnership", {"strings": self._strings()}

    def _strings(self) -> dict:
        _t = self.gettext
        return dict(self.js_strings(), searching=_t("Searching…"), found=_t("Suggestions updated."),
                    done=_t("Done."))

    @classmethod
    def workbench_scenarios(cls):
        return [("Partnerships: find partners and form a KA220 partnership",
                 '<vetnet_partnership title="Form a partnership" default_instrument="erasmus_ka220" '
                 'default_topic="green_transition">'
                 '<option:instructions xmlns:option="http://code.edx.org/xblock/option">Find partners who '
                 'complement your organisation, then propose a partnership.</option:instructions>'
                 '</vetnet_partnership>')]
