"""
The ``vetnet_scenarios`` block: a futures forum where members discuss and
rate scenarios of how VET may evolve depending on today's policy choices
(Communication), with Delphi-style rating rounds, in several languages.

The trainer sets the strategic question, the drivers of change, the policy
choices and seed scenarios in Studio; community data (proposals, posts,
ratings, translations) lives in the plugin and is reached through
``vetnet_xblocks.backend``.
"""
from __future__ import annotations

import json

from xblock.completable import XBlockCompletionMode
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from ..backend import ScenarioForumBackend, forum_languages
from ..base import EditableField, VetnetBlock, display_name_field
from ..mixins import gettext_noop as _
from . import authoring
from .handlers import ScenarioHandlersMixin
from .page import render_forum

RULE_RATED = "rated"
RULE_POSTED = "posted"


_YES_NO = (("yes", _("Yes")), ("no", _("No")))


class ScenariosBlock(ScenarioHandlersMixin, ScorableXBlockMixin, VetnetBlock):
    """Scenarios of how VET may evolve, depending on today's policy choices (Communication)."""

    entry_point_name = "vetnet_scenarios"
    default_title = _("Scenarios for the future of VET")
    section = _("Communication")
    css_class = "vetnet-scenarios"
    student_css = ("public/css/scenarios.css",)
    student_js = ("public/js/scenarios.js",)
    # Completion follows the trainer's rule (rated in the current round, or posted), not a view.
    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = True
    icon_class = "problem"

    display_name = display_name_field("VETNet Scenarios")
    strategic_question = String(
        display_name=_("Strategic question"),
        help=_("The question the scenarios answer. Markdown is allowed."),
        scope=Scope.content, default="", multiline_editor=True,
    )
    horizon_year = Integer(
        display_name=_("Time horizon"), help=_("The year the scenarios look ahead to."),
        scope=Scope.settings, default=2035,
    )
    drivers = List(
        display_name=_("Drivers of change"), help=_("Named forces that shape the future, each with a description."),
        scope=Scope.content, default=[],
    )
    policy_choices = List(
        display_name=_("Policy choices"), help=_("Decisions taken today that lead to one future or another."),
        scope=Scope.content, default=[],
    )
    seed_scenarios = List(
        display_name=_("Seed scenarios"), help=_("Scenarios the course team writes to start the discussion."),
        scope=Scope.content, default=[],
    )
    allow_proposals = Boolean(
        display_name=_("Members may propose scenarios"), scope=Scope.settings, default=True,
    )
    pre_moderate = Boolean(
        display_name=_("Proposals wait for approval"), scope=Scope.settings, default=True,
    )
    rating_rounds = Integer(
        display_name=_("Rating rounds"), help=_("How many Delphi rounds course staff may open."),
        scope=Scope.settings, default=2,
    )
    completion_rule = String(
        display_name=_("Complete when"), scope=Scope.settings, default=RULE_RATED, values=[RULE_RATED, RULE_POSTED],
    )
    # A field, as in the LTI consumer block: the trainer decides whether this block is graded
    # (it overrides the mixin's ``has_score = True``).
    has_score = Boolean(
        display_name=_("Participation score"),
        help=_("Grade participation: a point for each round rated and one for taking part in the discussion."),
        scope=Scope.settings, default=False,
    )
    weight = Float(display_name=_("Weight"), scope=Scope.settings, default=1.0)
    # What was last reported to the platform for this member, so a page view repeats nothing:
    # ``completion`` (true once sent) and ``grade`` ([earned, possible], the persisted score).
    reported_progress = Dict(scope=Scope.user_state, default={})

    studio_fields = VetnetBlock.studio_fields + (
        EditableField("strategic_question", _("Strategic question"),
                      _("The question the scenarios answer, for example: how will continuing VET for crafts and "
                        "SMEs look in 2035? Markdown is allowed."), max_length=4000, multiline=True),
        EditableField("horizon_text", _("Time horizon (year)"), _("For example 2035."), max_length=12),
        EditableField("drivers_text", _("Drivers of change"),
                      _("One per line: a name, a colon, a short description."), max_length=20000, multiline=True),
        EditableField("policy_choices_text", _("Policy choices"), _("One per line."), max_length=10000,
                      multiline=True),
        EditableField("seeds_text", _("Seed scenarios"),
                      _("Start each with “## Title”. Optional lines: “id:”, “language:”, “drivers:” and “policy "
                        "choices:” (names separated by “;”, as written above). Then the narrative, in Markdown."),
                      max_length=60000, multiline=True),
        EditableField("allow_proposals_choice", _("Members may propose scenarios"), max_length=3, choices=_YES_NO),
        EditableField("pre_moderate_choice", _("Proposals wait for staff approval"), max_length=3, choices=_YES_NO),
        EditableField("rating_rounds_choice", _("Number of rating rounds"),
                    _("Course staff open and close each round."), max_length=2,
                    choices=tuple((str(n), str(n)) for n in range(1, 6))),
        EditableField("completion_rule", _("Complete when the member has"), max_length=10,
                    choices=(
                        (RULE_RATED, _("rated in the current round")),
                        (RULE_POSTED, _("posted in a discussion")),
                    )),
        EditableField("has_score_choice", _("Participation score"),
                    _("A point for each round rated and one for taking part in the discussion."), max_length=3,
                    choices=(("no", _("No")), ("yes", _("Yes")))),
    )

    # -- Studio's text views of the list and yes/no fields --------------------------

    @property
    def horizon_text(self) -> str:
        return str(self.horizon_year or "")

    @property
    def drivers_text(self) -> str:
        return authoring.format_drivers(self.drivers)

    @property
    def policy_choices_text(self) -> str:
        return authoring.format_lines(self.policy_choices)

    @property
    def seeds_text(self) -> str:
        return authoring.format_seeds(self.seed_scenarios)

    @property
    def allow_proposals_choice(self) -> str:
        return "yes" if self.allow_proposals else "no"

    @property
    def pre_moderate_choice(self) -> str:
        return "yes" if self.pre_moderate else "no"

    @property
    def rating_rounds_choice(self) -> str:
        return str(self.rating_rounds)

    @property
    def has_score_choice(self) -> str:
        return "yes" if self.has_score else "no"

    def clean_studio_input(self, data: dict) -> dict:
        _ = self.gettext
        # The shared rules (presence, length, choices), then the forum's own; every error reported at once.
        text, errors = self.check_studio_fields(data)
        values: dict = {name: text[name] for name in ("display_name", "title", "instructions", "strategic_question")
                        if name in text}
        if "horizon_text" in text:
            try:
                year = int(text["horizon_text"])
            except ValueError:
                year = 0
            if not 2000 <= year <= 2100:
                errors["horizon_text"] = [_("Enter a year between 2000 and 2100.")]
            values["horizon_year"] = year
        if errors:
            raise InvalidInput(_("Some fields need your attention."), errors=errors)
        drivers = authoring.parse_drivers(text["drivers_text"], _) if "drivers_text" in text else self.drivers
        choices = authoring.parse_lines(text["policy_choices_text"]) if "policy_choices_text" in text \
            else self.policy_choices
        values["drivers"], values["policy_choices"] = drivers, choices
        if "seeds_text" in text:
            values["seed_scenarios"] = authoring.parse_seeds(
                text["seeds_text"], drivers=drivers, policy_choices=choices,
                languages=forum_languages(), gettext=_,
            )
        for name, field in (("allow_proposals_choice", "allow_proposals"), ("pre_moderate_choice", "pre_moderate"),
                            ("has_score_choice", "has_score")):
            if name in text:
                values[field] = text[name] == "yes"
        if "rating_rounds_choice" in text:
            values["rating_rounds"] = int(text["rating_rounds_choice"])
        if "completion_rule" in text:
            values["completion_rule"] = text["completion_rule"]
        return values

    # -- OLX: structured fields as readable elements ----------------------------------

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        structured = authoring.read_olx_children(node)
        block = super().parse_xml(node, runtime, keys)
        for name, value in structured.items():
            if value:
                setattr(block, name, value)
        return block

    def add_xml_to_node(self, node):
        super().add_xml_to_node(node)
        for name in ("strategic_question", "drivers", "policy_choices", "seed_scenarios"):
            node.attrib.pop(name, None)
        authoring.write_olx_children(node, self)

    # -- the plugin's copy of the settings ---------------------------------------------

    def authored_forum_settings(self) -> dict:
        """The Studio settings and seed scenarios the plugin keeps a copy of."""
        return {
            "title": self.display_title(),
            "strategic_question": self.strategic_question, "horizon_year": self.horizon_year,
            "drivers": self.drivers, "policy_choices": self.policy_choices, "seeds": self.seed_scenarios,
            "allow_proposals": self.allow_proposals, "pre_moderate": self.pre_moderate,
            "max_rounds": self.rating_rounds,
        }

    def forum_settings(self) -> dict:
        """The same, with the keys that name this forum (as ``configure_scenario_forum`` takes them)."""
        return dict(self.authored_forum_settings(), course_key=self.course_key, usage_key=self.usage_key)

    def forum_backend(self) -> ScenarioForumBackend:
        """The forum as the current user sees it; built once per view or handler call."""
        return ScenarioForumBackend(user=self.current_user, course_key=self.course_key, usage_key=self.usage_key)

    def sync_forum(self, forum: ScenarioForumBackend):
        """Make sure the plugin knows this forum as Studio last saved it (one read when unchanged)."""
        return forum.configure(**self.authored_forum_settings())

    # -- completion and grading (ScorableXBlockMixin) ---------------------------------------

    def max_score(self):
        return self.rating_rounds + 1 if self.has_score else None

    def has_submitted_answer(self) -> bool:
        """Rated in a round or posted: something the participation score counts."""
        progress = self.forum_backend().progress()
        return progress.rounds_rated > 0 or progress.posted

    def calculate_score(self, progress=None) -> Score:
        """A point for each round rated (up to the rounds there are) and one for taking part in the discussion."""
        if progress is None:
            progress = self.forum_backend().progress()
        earned = min(progress.rounds_rated, self.rating_rounds) + (1 if progress.posted else 0)
        return Score(raw_earned=earned, raw_possible=self.max_score())

    def _stored_score(self) -> Score | None:
        stored = self.reported_progress.get("grade")
        return Score(*stored) if stored else None

    def get_score(self) -> Score:
        return self._stored_score() or Score(raw_earned=0, raw_possible=self.max_score())

    def set_score(self, score: Score) -> None:
        self.reported_progress = dict(self.reported_progress, grade=[score.raw_earned, score.raw_possible])

    def publish_progress(self, forum: ScenarioForumBackend) -> None:
        """Report completion by the trainer's rule and, when graded, the participation score, each once."""
        if not forum.acting.is_authenticated:
            return
        before = dict(self.reported_progress)
        progress = forum.progress()
        done = progress.posted if self.completion_rule == RULE_POSTED else progress.rated_current_round
        if done and not before.get("completion"):
            self.runtime.publish(self, "completion", {"completion": 1.0})
            self.reported_progress = dict(self.reported_progress, completion=True)
        if self.has_score:
            score = self.calculate_score(progress)
            if self._stored_score() != score:
                self._publish_grade(score)
                self.set_score(score)
        if self.reported_progress != before:
            self.save()

    # -- learner view ------------------------------------------------------------------------

    def view_backend(self):
        return self.forum_backend() if self.course_key else None

    def student_context(self, backend=None) -> dict:
        """The forum: question, chart, scenarios with rating and discussion, proposals, moderation."""
        forum = backend
        inner, state = "", "ready"
        if forum is None:
            state = "no_course"
        elif not forum.members.is_community_member():
            state = "signed_out" if not forum.acting.is_authenticated else "not_member"
        else:
            self.sync_forum(forum)
            try:
                inner = render_forum(self, forum, language="")
            except AccessDenied:
                # The user service named someone the community does not know (yet).
                state = "not_member"
            else:
                self.publish_progress(forum)
        _ = self.gettext
        # Strings ride on the markup rather than in init arguments: the page needs no inline script.
        strings = json.dumps(dict(
            self.js_strings(), loading=_("Loading…"), updated=_("Updated."),
            opened=_("The discussion is shown."), closed=_("The discussion is hidden."),
        ))
        return dict(super().student_context(), inner=inner, state=state, strings=strings)

    def student_js_init(self, backend, context):
        return ("VetnetScenarios", None)

    @classmethod
    def workbench_scenarios(cls):
        return [(
            "Scenarios for the future of VET",
            """<vetnet_scenarios title="Futures of VET" horizon_year="2035"
                   xmlns:option="http://code.edx.org/xblock/option">
                 <option:instructions>Read the scenarios, discuss and rate them in an open round.</option:instructions>
                 <strategic_question>How will VET for crafts and SMEs look in 2035?</strategic_question>
                 <driver name="Digital transition">Digital tools change every craft.</driver>
                 <policy_choice>Fund short modular courses</policy_choice>
                 <scenario id="modular"><title>Modular VET</title>
                   <narrative>Short courses everywhere.</narrative><assumes>Digital transition</assumes>
                 </scenario>
               </vetnet_scenarios>""",
        )]
