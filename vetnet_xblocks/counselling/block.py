"""
The ``vetnet_counselling`` block: peer counselling between members on the
problems of their daily work (Communication).

Members open a case with a structured intake, see similar cases while they
write, advisers answer and comment, and the owner accepts the answers that
helped. The trainer sets the topic list in Studio (it travels in OLX); cases
live in the plugin (a case is a thread of the discussion core) and are
reached through ``CounsellingBackend``. The server renders the page; the
script sends forms to the JSON handlers and asks for fragments again.
"""
from __future__ import annotations

import json
import re

from xblock.fields import Boolean, Integer, List, Scope

from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from ..backend import CounsellingBackend
from ..base import EditableField, VetnetBlock, display_name_field
from ..mixins import gettext_noop as _
from .handlers import CounsellingHandlersMixin
from .page import policy_responses, render_queue

# Real questions VET and SME providers bring to each other; the trainer edits the list in Studio.
DEFAULT_TOPICS = [
    {"code": "apprenticeships", "label": "Finding companies for apprenticeships and work-based learning"},
    {"code": "digital-skills", "label": "Digital skills of trainers and in craft workshops"},
    {"code": "eu-funding", "label": "European funding applications (Erasmus+, ESF+)"},
    {"code": "early-leaving", "label": "Learners at risk of leaving VET early"},
    {"code": "validation", "label": "Recognising and validating skills learned at work"},
    {"code": "green-skills", "label": "Green skills in SME training"},
    {"code": "sme-training-needs", "label": "Finding out the training needs of small firms"},
]
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_TOPICS = 40


def format_topics(topics) -> str:
    """The topic list as Studio shows it: "code | label" per line."""
    return "\n".join(f"{t.get('code', '')} | {t.get('label', '')}" for t in topics or [] if isinstance(t, dict))


def parse_topics(text: str, gettext) -> list[dict]:
    """The Studio text back into ``[{"code", "label"}]``; ``InvalidInput`` naming the first bad line."""
    topics, seen = [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        code, _sep, label = (part.strip() for part in line.partition("|"))
        code = code.lower()
        if not _CODE.match(code) or not label or len(label) > 200:
            message = gettext("Line {number}: write a code (letters, digits, - or _), a “|” and a label.").format(
                number=number)
            raise InvalidInput(message, errors={"topics_text": [message]})
        if code in seen:
            message = gettext("Line {number}: the code {code} is used twice.").format(number=number, code=code)
            raise InvalidInput(message, errors={"topics_text": [message]})
        seen.add(code)
        topics.append({"code": code, "label": label})
    if len(topics) > MAX_TOPICS:
        message = gettext("List at most {limit} topics.").format(limit=MAX_TOPICS)
        raise InvalidInput(message, errors={"topics_text": [message]})
    return topics


class CounsellingBlock(CounsellingHandlersMixin, VetnetBlock):
    """Peer counselling between members on the problems of their daily work (Communication)."""

    entry_point_name = "vetnet_counselling"
    default_title = _("Peer counselling")
    section = _("Communication")
    css_class = "vetnet-counselling"
    student_css = ("public/css/counselling.css",)
    student_js = ("public/js/counselling.js",)

    display_name = display_name_field("VETNet Peer Counselling")
    topics = List(
        display_name=_("Topics"),
        help=_("The topics members tag their cases with: a list of {\"code\", \"label\"}."),
        scope=Scope.content, default=DEFAULT_TOPICS,
    )

    allow_private = Boolean(
        display_name=_("Private circles"),
        help=_("Members may open a case only the advisers they invite, and course staff, can see."),
        scope=Scope.settings, default=False,
    )

    allow_anonymous = Boolean(
        display_name=_("Anonymous cases"),
        help=_("Members may open a case without their name shown to peers; course staff still see who asked."),
        scope=Scope.settings, default=False,
    )

    routing_enabled = Boolean(
        display_name=_("Tell matching members"),
        help=_("Members whose profiles match a new case (sector, topics, language, country) and who are willing "
               "to counsel are told about it by e-mail."),
        scope=Scope.settings, default=True,
    )

    follow_up_days = Integer(
        display_name=_("Follow-up after (days)"),
        help=_("Days after opening a case when its owner is asked what happened; 0 never asks."),
        scope=Scope.settings, default=14,
    )

    studio_fields = VetnetBlock.studio_fields + (
        EditableField("topics_text", _("Topics"),
                      _("One topic per line: a short code, “|”, and the label members read, for example "
                        "“apprenticeships | Finding companies for apprenticeships”."),
                      max_length=10000, multiline=True),
        EditableField("allow_private_choice", _("Private circles"),
                      _("Members may open a case only the advisers they invite, and course staff, can see."),
                      max_length=3, choices=(("no", _("No")), ("yes", _("Yes")))),
        EditableField("allow_anonymous_choice", _("Anonymous cases"),
                      _("Members may open a case without their name shown to peers; course staff still see who "
                        "asked."), max_length=3, choices=(("no", _("No")), ("yes", _("Yes")))),
        EditableField("routing_choice", _("Tell matching members"),
                      _("Members whose profiles match a new case and who are willing to counsel are told about it "
                        "by e-mail (each can turn this off)."),
                      max_length=3, choices=(("yes", _("Yes")), ("no", _("No")))),
        EditableField("follow_up_days_text", _("Follow-up after (days)"),
                      _("Days after opening a case when its owner is asked, by e-mail and here, what happened. "
                        "0 never asks."), max_length=3, input_type="number"),
    )

    @property
    def follow_up_days_text(self) -> str:
        return str(self.follow_up_days)

    @property
    def allow_private_choice(self) -> str:
        return "yes" if self.allow_private else "no"

    @property
    def allow_anonymous_choice(self) -> str:
        return "yes" if self.allow_anonymous else "no"

    @property
    def routing_choice(self) -> str:
        return "yes" if self.routing_enabled else "no"

    @property
    def topics_text(self) -> str:
        return format_topics(self.topics)

    def clean_studio_input(self, data: dict) -> dict:
        _ = self.gettext
        text, errors = self.check_studio_fields(data)
        if errors:
            raise InvalidInput(_("Some fields need your attention."), errors=errors)
        values = {name: text[name] for name in ("display_name", "title", "instructions") if name in text}
        if "topics_text" in text:
            values["topics"] = parse_topics(text["topics_text"], _)
        if "follow_up_days_text" in text and text["follow_up_days_text"].strip():
            try:
                days = int(text["follow_up_days_text"])
            except ValueError:
                days = -1
            if not 0 <= days <= 365:
                message = _("Enter a number from {low} to {high}.").format(low=0, high=365)
                raise InvalidInput(_("Some fields need your attention."), errors={"follow_up_days_text": [message]})
            values["follow_up_days"] = days
        if "allow_private_choice" in text:
            values["allow_private"] = text["allow_private_choice"] == "yes"
        if "allow_anonymous_choice" in text:
            values["allow_anonymous"] = text["allow_anonymous_choice"] == "yes"
        if "routing_choice" in text:
            values["routing_enabled"] = text["routing_choice"] == "yes"
        return values

    # -- the plugin's copy of the settings -------------------------------------------------

    def counselling_backend(self) -> CounsellingBackend:
        """Peer counselling as the current user sees it; built once per view or handler call."""
        return CounsellingBackend(user=self.current_user, course_key=self.course_key, usage_key=self.usage_key)

    def sync_desk(self, backend: CounsellingBackend):
        """Make sure the plugin knows this block's topics as Studio last saved them (one read when unchanged)."""
        topics = [t for t in self.topics or [] if isinstance(t, dict)]
        backend.desk = backend.configure(title=self.display_title(), topics=topics,
                                         allow_private=bool(self.allow_private),
                                         allow_anonymous=bool(self.allow_anonymous),
                                         routing_enabled=bool(self.routing_enabled),
                                         follow_up_days=max(0, min(int(self.follow_up_days or 0), 365)))
        return backend.desk

    # -- learner view ---------------------------------------------------------------------

    def view_backend(self):
        return self.counselling_backend() if self.course_key else None

    def student_context(self, backend=None) -> dict:
        """The intake form, and the "needs help" queue's first page."""
        inner, state, policy = "", "ready", ()
        if backend is None:
            state = "no_course"
        elif not backend.members.is_community_member():
            state = "signed_out" if not backend.acting.is_authenticated else "not_member"
        else:
            try:
                desk = self.sync_desk(backend)
                inner = render_queue(self, backend, filters={}, page=1)
                policy = policy_responses(self, backend, desk)
            except AccessDenied:
                state = "not_member"
        _ = self.gettext
        strings = json.dumps(dict(
            self.js_strings(), loading=_("Loading…"), updated=_("Updated."),
            no_similar=_("No similar case yet."),
        ))
        return dict(super().student_context(), inner=inner, state=state, strings=strings, policy_responses=policy)

    def student_js_init(self, backend, context):
        if context.get("state") != "ready":
            return None
        return ("VetnetCounselling", None)
