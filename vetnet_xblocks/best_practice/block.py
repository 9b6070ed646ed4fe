"""
The ``vetnet_best_practice`` block: best practices written on a structured
template, peer-reviewed with a rubric, graded, and approved for the
repository (Cooperation).

The trainer authors everything in Studio (it lives in the block's fields, so
it travels in OLX); practices, reviews and grades live in the plugin and are
reached through the block's adapter, ``BestPracticeBackend``. The block is
graded through ``ScorableXBlockMixin``: the grade the plugin computed (from
reviews, the waiting rule or a staff override) reaches the platform's grades
as soon as it is committed, from the plugin (``compat.publish_score``), and is
published again, unchanged, when the learner next opens the block.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime

from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score

from vetnet_plugin.exceptions import AccessDenied, InvalidInput, VetnetError

from ..backend.best_practices import TOPICS, BestPracticeBackend, check, configure, repository_page_urls
from ..base import EditableField, VetnetBlock, display_name_field
from ..mixins import gettext_noop as _
from . import authoring
from .handlers import BestPracticeHandlersMixin

DEFAULT_SECTIONS = [
    {"key": "context", "label": "Context", "prompt": "Where, for whom, and since when.", "required": True},
    {"key": "challenge", "label": "Challenge", "prompt": "The problem the practice answers.", "required": True},
    {"key": "approach", "label": "Approach", "prompt": "What was done, by whom, with which means.",
     "required": True},
    {"key": "results", "label": "Results and evidence", "prompt": "What changed, and how you know.",
     "required": True},
    {"key": "transferability", "label": "Transferability", "prompt": "What another provider needs to adopt it.",
     "required": True},
    {"key": "resources", "label": "Resources", "prompt": "Costs, people, tools, links.", "required": False},
    {"key": "partners", "label": "Partners", "prompt": "Who took part.", "required": False},
]
DEFAULT_RUBRIC = [
    {"key": "relevance", "label": "Relevance", "weight": 2, "description": "Does it answer a real need?",
     "levels": [{"points": 0, "label": "Not shown"}, {"points": 2, "label": "Partly"},
                {"points": 4, "label": "Clearly"}]},
    {"key": "evidence", "label": "Results and evidence", "weight": 2, "description": "",
     "levels": [{"points": 0, "label": "None"}, {"points": 2, "label": "Anecdotal"},
                {"points": 4, "label": "Measured"}]},
    {"key": "transferability", "label": "Transferability", "weight": 1, "description": "",
     "levels": [{"points": 0, "label": "Unclear"}, {"points": 2, "label": "With effort"},
                {"points": 4, "label": "Ready to adopt"}]},
]
_YES_NO = (("yes", _("Yes")), ("no", _("No")))
_YES_NO_FIELDS = {"self_assessment_choice": "self_assessment", "anonymous_choice": "anonymous"}
_INT_FIELDS = {"reviews_required_text": ("reviews_required", 1, 10), "reviews_to_give_text": ("reviews_to_give", 0, 20),
               "waiting_hours_text": ("waiting_hours", 0, 24 * 60), "lease_hours_text": ("lease_hours", 1, 24 * 14)}
_FLOAT_FIELDS = {"weight_text": ("weight", 0, 100), "repository_threshold_text": ("repository_threshold", 0, 100),
                 "disagreement_spread_text": ("disagreement_spread", 0, 100)}
_PERCENT = {"repository_threshold", "disagreement_spread"}


def _parse_date(text: str):
    text = text.strip()
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class BestPracticeBlock(BestPracticeHandlersMixin, ScorableXBlockMixin, VetnetBlock):
    """Best practices written, peer-reviewed and deposited in the repository (Cooperation)."""

    entry_point_name = "vetnet_best_practice"
    default_title = _("Best practices")
    section = _("Cooperation")
    css_class = "vetnet-best-practice"
    student_css = ("public/css/best_practice.css",)
    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = True
    has_score = True
    icon_class = "problem"

    display_name = display_name_field("VETNet Best Practices")
    topic = String(display_name=_("Strategic topic"), scope=Scope.settings, default="labour_market_vet")
    template_sections = List(display_name=_("Template sections"), scope=Scope.content, default=DEFAULT_SECTIONS)
    rubric = List(display_name=_("Rubric"), scope=Scope.content, default=DEFAULT_RUBRIC)
    feedback_required = String(display_name=_("Written feedback required"), scope=Scope.settings,
                               default="overall", values=["criterion", "overall", "none"])
    reviews_required = Integer(display_name=_("Reviews each practice needs"), scope=Scope.settings, default=3)
    reviews_to_give = Integer(display_name=_("Reviews each learner gives"), scope=Scope.settings, default=3)
    self_assessment = Boolean(display_name=_("Self-assessment"), scope=Scope.settings, default=False)
    anonymous = Boolean(display_name=_("Anonymous review"), scope=Scope.settings, default=True)
    calibration_text = String(display_name=_("Calibration example"), scope=Scope.content, default="",
                              multiline_editor=True)
    calibration_reference = Dict(display_name=_("Reference review"), scope=Scope.content, default={})
    submission_due = String(display_name=_("Submission due"), scope=Scope.settings, default="")
    review_due = String(display_name=_("Reviews due"), scope=Scope.settings, default="")
    waiting_hours = Integer(display_name=_("Waiting time after the review deadline (hours)"), scope=Scope.settings,
                            default=72)
    waiting_action = String(display_name=_("When the wait is over"), scope=Scope.settings, default="complete",
                            values=["complete", "staff", "expert"])
    experts = List(display_name=_("Expert reviewers"), scope=Scope.settings, default=[])
    aggregation = String(display_name=_("Aggregation"), scope=Scope.settings, default="median",
                         values=["median", "mean"])
    disagreement_spread = Float(display_name=_("Disagreement spread"), scope=Scope.settings, default=0.5)
    repository_threshold = Float(display_name=_("Repository threshold"), scope=Scope.settings, default=0.7)
    lease_hours = Integer(display_name=_("Hours to finish an allocated review"), scope=Scope.settings, default=24)
    weight = Float(display_name=_("Problem weight"), scope=Scope.settings, default=1.0)
    # The score last published to the platform for this learner, so a page view repeats nothing.
    raw_earned = Float(scope=Scope.user_state, default=None)
    completion_reported = Boolean(scope=Scope.user_state, default=False)

    studio_fields = VetnetBlock.studio_fields + (
        EditableField("topic", _("Strategic topic"), max_length=64,
                      # Lazy labels, translated by the platform's catalog of the plugin when the editor is shown.
                      choices=tuple(TOPICS)),
        EditableField("sections_text", _("Template sections"),
                      _("One section per line, in the order learners see them: key | label | prompt, and "
                        "“| optional” for a section that may stay empty."), max_length=10000, multiline=True,
                      required=True, reorderable=True),
        EditableField("rubric_text", _("Rubric"),
                      _("One criterion per paragraph. First line: key | label | weight | description. Then one "
                        "line per level: points | label | description."), max_length=20000, multiline=True,
                      required=True),
        EditableField("feedback_required", _("Written feedback required"), max_length=10,
                      choices=(("overall", _("Overall")), ("criterion", _("On every criterion")),
                               ("none", _("Not required")))),
        EditableField("reviews_required_text", _("Reviews each practice needs"), max_length=2, required=True),
        EditableField("reviews_to_give_text", _("Reviews each learner gives"), max_length=2, required=True),
        EditableField("self_assessment_choice", _("Learners assess their own practice"), max_length=3,
                      choices=_YES_NO),
        EditableField("anonymous_choice", _("Anonymous review"),
                      _("Reviewers do not see the author's name."), max_length=3, choices=_YES_NO),
        EditableField("calibration_text", _("Calibration example"),
                      _("An example practice learners rate before reviewing peers. Markdown. Empty: no "
                        "calibration."), max_length=20000, multiline=True),
        EditableField("calibration_reference_text", _("Your reference review of the example"),
                      _("One “criterion key: points” per line."), max_length=2000, multiline=True),
        EditableField("submission_due", _("Submission due"), _("Date and time, e.g. 2026-05-31T23:59Z."),
                      max_length=40),
        EditableField("review_due", _("Reviews due"), _("Date and time, e.g. 2026-06-14T23:59Z."), max_length=40),
        EditableField("waiting_hours_text", _("Waiting time after the review deadline (hours)"), max_length=5),
        EditableField("waiting_action", _("When the wait is over"), max_length=10,
                      choices=(("complete", _("Complete the grade with the reviews there are")),
                               ("staff", _("Hand the practice to course staff")),
                               ("expert", _("Hand the practice to an expert reviewer")))),
        EditableField("experts_text", _("Expert reviewers"), _("Usernames, one per line."), max_length=4000,
                      multiline=True),
        EditableField("aggregation", _("Combine reviews with"), max_length=8,
                      choices=(("median", _("the median")), ("mean", _("the mean")))),
        EditableField("disagreement_spread_text", _("Flag to staff when reviews differ by more than (%)"),
                      max_length=5),
        EditableField("repository_threshold_text", _("Grade needed for the repository (%)"), max_length=5),
        EditableField("lease_hours_text", _("Hours a reviewer has to finish an allocated review"), max_length=5),
        EditableField("weight_text", _("Weight"), _("The block's weight in the course grade."), max_length=6),
    )

    # -- Studio's text views -------------------------------------------------------------

    sections_text = property(lambda self: authoring.format_sections(self.template_sections))
    rubric_text = property(lambda self: authoring.format_rubric(self.rubric))
    calibration_reference_text = property(lambda self: authoring.format_reference(self.calibration_reference))
    experts_text = property(lambda self: "\n".join(str(e) for e in self.experts))
    self_assessment_choice = property(lambda self: "yes" if self.self_assessment else "no")
    anonymous_choice = property(lambda self: "yes" if self.anonymous else "no")

    def clean_studio_input(self, data: dict) -> dict:
        _ = self.gettext
        text = super().clean_studio_input(data)
        errors: dict[str, list[str]] = {}
        values: dict = {name: text[name] for name in ("display_name", "title", "instructions", "calibration_text",
                                                      "submission_due", "review_due") if name in text}
        for spec in self.studio_fields:
            if spec.choices and spec.name in text and text[spec.name] not in {v for v, _label in spec.choices}:
                errors[spec.name] = [_("Choose from the list.")]
        for name in ("topic", "feedback_required", "waiting_action", "aggregation"):
            if name in text and name not in errors:
                values[name] = text[name]
        for name, field in _YES_NO_FIELDS.items():
            if name in text and name not in errors:
                values[field] = text[name] == "yes"
        for name, (field, low, high) in {**_INT_FIELDS, **_FLOAT_FIELDS}.items():
            if name not in text or not text[name].strip():
                continue
            try:
                number = int(text[name]) if name in _INT_FIELDS else float(text[name])
            except ValueError:
                number = None
            if number is None or not low <= number <= high:
                errors[name] = [_("Enter a number from {low} to {high}.").format(low=low, high=high)]
            else:
                values[field] = number / 100 if field in _PERCENT else number
        for name in ("submission_due", "review_due"):
            if name in text:
                try:
                    _parse_date(text[name])
                except ValueError:
                    errors[name] = [_("Enter a date and time such as 2026-05-31T23:59Z.")]
        if errors:
            raise InvalidInput(_("Some fields need your attention."), errors=errors)
        if "sections_text" in text:
            values["template_sections"] = authoring.parse_sections(text["sections_text"], _)
        if "rubric_text" in text:
            values["rubric"] = authoring.parse_rubric(text["rubric_text"], _)
        if "calibration_reference_text" in text:
            values["calibration_reference"] = authoring.parse_reference(text["calibration_reference_text"], _)
        if "experts_text" in text:
            values["experts"] = [line.strip() for line in text["experts_text"].splitlines() if line.strip()]
        # The plugin checks the rubric and template as a whole: a rubric it cannot grade with is not saved.
        check(sections=values.get("template_sections", self.template_sections),
              criteria=values.get("rubric", self.rubric))
        return values

    # -- the plugin's copy of the settings ------------------------------------------------

    @staticmethod
    def track_fields() -> tuple[str, ...]:
        return ("topic", "template_sections", "rubric", "feedback_required", "reviews_required", "reviews_to_give",
                "self_assessment", "anonymous", "calibration_text", "calibration_reference", "submission_due",
                "review_due", "waiting_hours", "waiting_action", "experts", "aggregation", "disagreement_spread",
                "repository_threshold", "lease_hours")

    def track_settings(self) -> dict:
        values = {name: getattr(self, name) for name in self.track_fields()}
        settings = {
            "course_key": self.course_key, "usage_key": self.usage_key,
            "title": self.display_title(), "sections": values["template_sections"], "criteria": values["rubric"],
            "calibration_reference": values["calibration_reference"],
            "submission_due": _parse_date(values["submission_due"] or ""),
            "review_due": _parse_date(values["review_due"] or ""),
        }
        for name in ("topic", "feedback_required", "reviews_required", "reviews_to_give", "self_assessment",
                     "anonymous", "calibration_text", "waiting_hours", "waiting_action", "experts", "aggregation",
                     "disagreement_spread", "repository_threshold", "lease_hours"):
            settings[name] = values[name]
        return settings

    def sync_track(self):
        """Make sure the plugin knows this assignment as Studio last saved it (one read when unchanged)."""
        if not self.course_key:
            return None
        return configure(**self.track_settings())

    def backend(self) -> BestPracticeBackend:
        """The adapter for this request's user (resolved once per request)."""
        cached = getattr(self, "_backend", None)
        if cached is None:
            cached = self._backend = BestPracticeBackend(user=self.current_user, course_key=self.course_key,
                                                         usage_key=self.usage_key)
        return cached

    # -- grading (ScorableXBlockMixin) -----------------------------------------------------

    def max_score(self):
        return 1.0

    def has_submitted_answer(self):
        return self.raw_earned is not None

    def get_score(self):
        return Score(raw_earned=self.raw_earned or 0.0, raw_possible=1.0)

    def set_score(self, score):
        self.raw_earned = score.raw_earned

    def calculate_score(self):
        value = self.backend().score()
        if value is None:
            raise ValueError("The practice is not graded yet.")
        return Score(raw_earned=float(value), raw_possible=1.0)

    def publish_progress(self) -> None:
        """Publish the plugin's grade when it changed, and completion once the practice is graded."""
        value = self.backend().score()
        if value is None:
            return
        score = Score(raw_earned=float(value), raw_possible=1.0)
        if self.raw_earned != score.raw_earned:
            self.set_score(score)
            self._publish_grade(score)
        if not self.completion_reported:
            self.runtime.publish(self, "completion", {"completion": 1.0})
            self.completion_reported = True
        self.save()

    # -- learner and staff views -----------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):  # pylint: disable=unused-argument
        base = self.student_context()
        backend = self.backend()
        state, view, staff, table, reviewers = "ready", None, False, "", ()
        if not self.course_key:
            state = "no_course"
        elif not backend.is_member():
            state = "signed_out" if not self.current_user.is_authenticated else "not_member"
        else:
            try:
                self.sync_track()
                view = backend.learner_view()
                staff = backend.is_staff()
                if staff:
                    table, reviewers = self.render_staff_table(), backend.reviewer_quality()
            except AccessDenied:
                state = "not_member"
            except VetnetError:
                state = "not_configured"
            else:
                self.publish_progress()
        page = self._page_context(view)
        html = self.render_template("templates/student_view.html", dict(
            base, state=state, view=view, staff=staff, table=table, reviewers=reviewers,
            page=page, strings=json.dumps(self._strings()),
            rubric_calibration=self._rubric(page, "calibration", "none") if view else "",
            rubric_review=self._rubric(page, "review", view.assignment.feedback_required) if view else "",
            rubric_self=self._rubric(page, "self", "none") if view else "",
        ))
        fragment = Fragment(html)
        fragment.add_css(self.load_resource("public/css/vetnet.css", shared=True))
        for path in self.student_css:
            fragment.add_css(self.load_resource(path))
        fragment.add_javascript(self.load_resource("public/js/vetnet_common.js", shared=True))
        fragment.add_javascript(self.load_resource("public/js/best_practice.js"))
        fragment.initialize_js("VetnetBestPractice")
        return fragment

    def staff_states(self) -> list[tuple[str, str]]:
        """The staff table's states, as filter values and the labels staff read."""
        _ = self.gettext
        return [("draft", _("Draft")), ("submitted", _("Submitted")), ("in_review", _("In review")),
                ("waiting", _("Waiting")), ("graded", _("Graded")), ("flagged", _("Flagged"))]

    def render_staff_table(self, *, state: str = "", search: str = "", page=1):
        """The staff table (filters, one page of practices, paging), as the page and ``staff_table_html`` show it."""
        rows = self.backend().submissions(state=state, search=search, page=page)
        labels = dict(self.staff_states())
        return self.render_template("templates/staff_table.html", {
            "block": self, "rows": rows.items, "count": rows.count, "page": rows.page, "num_pages": rows.num_pages,
            "state": state, "search": search[:100], "states": self.staff_states(),
            "state_labels": [(row, labels.get(row.state, row.state)) for row in rows.items],
            "previous": rows.page - 1 if rows.page > 1 else None,
            "next": rows.page + 1 if rows.page < rows.num_pages else None,
        })

    def _page_context(self, view) -> dict:
        if view is None:
            return {}
        assignment = view.assignment
        texts = {s.key: s.text for s in view.practice.sections} if view.practice else {}
        own = {key: points for key, _label, points in view.self_assessment.scores} if view.self_assessment else {}
        grade = view.practice.grade if view.practice else None
        return {
            "grade_rows": [{"label": c.label, "weight": c.weight, "points": c.points, "value": c.value,
                            "max_points": c.max_points, "own": own.get(c.key)} for c in grade.criteria]
            if grade else [],
            "can_self_assess": bool(assignment.self_assessment and view.practice and view.practice.status != "draft"
                                    and view.self_assessment is None),
            "sections": [{"key": s.key, "label": s.label, "prompt": s.prompt, "required": s.required,
                          "text": texts.get(s.key, ""), "input_id": f"{self.dom_id}-section-{s.key}"}
                         for s in assignment.sections],
            "criteria": [{"key": c.key, "label": c.label, "description": c.description, "weight": c.weight,
                          "max_points": c.max_points, "levels": c.levels} for c in assignment.criteria],
            "calibration_html": view.calibration_text_html,
            "editable": view.practice is None or view.practice.status == "draft",
            "repository_urls": repository_page_urls(
                course_key=self.course_key, entry_uuid=view.repository.entry_uuid if view.repository else ""),
        }

    def _rubric(self, page: dict, prefix: str, feedback: str):
        return self.render_template("templates/rubric.html",
                                    {"page": page, "prefix": prefix, "feedback": feedback, "block": self})

    def _strings(self) -> dict:
        _ = self.gettext
        return dict(self.js_strings(), saving=_("Saving…"), saved=_("Draft saved."),
                    conflict=_("This practice was changed in another tab. Copy your text and reload the page."),
                    submitted=_("Your practice is submitted."), nothing=_("No practice needs your review now."),
                    done=_("Done."), loading=_("Loading…"))

    @classmethod
    def workbench_scenarios(cls):
        return [("Best practice: labour-market-driven VET",
                 '<vetnet_best_practice title="Labour-market-driven VET" reviews_required="2" reviews_to_give="2">'
                 '<option:instructions xmlns:option="http://code.edx.org/xblock/option">Describe a practice of '
                 'your organisation, then review two of your peers\' practices.</option:instructions>'
                 '</vetnet_best_practice>')]


def _number_text(field: str):
    def read(self) -> str:
        value = getattr(self, field)
        if field in _PERCENT:
            value = round(value * 100, 2)
        return str(int(value) if float(value).is_integer() else value)
    return property(read)


# The number fields' text views in the Studio editor: "reviews_required_text" shows reviews_required, and so on.
for _name, (_field, _low, _high) in {**_INT_FIELDS, **_FLOAT_FIELDS}.items():
    setattr(BestPracticeBlock, _name, _number_text(_field))
