"""
The dashboard's indicators: where each table comes from, what it measures,
and which European indicator it informs, so a figure can be quoted in a
policy paper with what it does and does not say.

EQAVET reference indicators are those of the 2020 Council Recommendation on
VET (Annex II); Cedefop's key indicators on VET are the set Cedefop publishes
to monitor VET in Europe. A community of practice measures its members, not a
national VET system: "informs" means the figure gives context or evidence for
that indicator, never that it measures it.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

COUNTRY = "country"


@dataclass(frozen=True)
class Indicator:
    """One table of the dashboard."""

    key: str
    feature: str  # which snapshot part holds it
    table: str  # which table of that part
    title: object
    description: object
    informs: object
    row_heading: object
    column_heading: object
    rows: str  # the vocabulary of its rows (see labels.py)
    columns: str  # the vocabulary of its columns; "country" ones follow the country filter
    kind: str = "count"  # "count" (with totals, suppressed with complements) or "spread"
    unit: object = ""
    # Tables sharing their row totals are suppressed together.
    group: str = ""


INDICATORS = (
    Indicator(
        key="delphi_convergence", feature="delphi", table="convergence", kind="spread",
        title=_("Delphi rounds: where expectations converge or diverge"),
        description=_("For each scenario and closed rating round, the median and the interquartile range (the spread "
                      "of the middle half) of the community's ratings of how plausible and how desirable the "
                      "scenario is, on a scale of 1 to 5. A range that shrinks from one round to the next means "
                      "opinions converge; a wide range means the community is divided."),
        informs=_("Evidence for EQAVET indicator 9 (mechanisms to identify training needs in the labour market): "
                  "what VET providers, companies and associations expect and wish."),
        row_heading=_("Scenario and round"), column_heading=_("Criterion"), rows="delphi_row", columns="criterion",
        unit=_("median (interquartile range)"),
    ),
    Indicator(
        key="delphi_desirability_by_country", feature="delphi", table="desirability_by_country", kind="spread",
        title=_("Delphi: how desirable each scenario is, by country"),
        description=_("For each scenario's latest closed round, the median desirability (1 to 5) and its "
                      "interquartile range among the raters of each country (the country on their profile)."),
        informs=_("Evidence for EQAVET indicator 9, by country."),
        row_heading=_("Scenario and round"), column_heading=_("Country"), rows="delphi_row", columns=COUNTRY,
        unit=_("median (interquartile range)"),
    ),
    Indicator(
        key="delphi_raters", feature="delphi", table="raters_by_country",
        title=_("Delphi: raters by country"),
        description=_("How many members rated each scenario in each closed round, by the country on their profile."),
        informs=_("Shows how representative the Delphi results above are."),
        row_heading=_("Scenario and round"), column_heading=_("Country"), rows="delphi_row", columns=COUNTRY,
        unit=_("raters"),
    ),
    Indicator(
        key="counselling_topics", feature="counselling", table="topics_by_country", group="counselling_topics",
        title=_("Problems members bring: counselling cases by topic"),
        description=_("Peer-counselling cases opened, by topic and by the country the case is about. A case with two "
                      "topics counts in both rows, once in its country's total."),
        informs=_("Evidence for EQAVET indicator 9 (training needs) and indicator 2 (the professional development "
                  "of teachers and trainers): the problems VET staff meet in their daily work."),
        row_heading=_("Topic"), column_heading=_("Country"), rows="topic", columns=COUNTRY, unit=_("cases"),
    ),
    Indicator(
        key="counselling_outcomes", feature="counselling", table="topics_by_outcome", group="counselling_topics",
        title=_("Problems solved, by topic"),
        description=_("Peer-counselling cases by topic, solved (the member who asked accepted an answer that "
                      "helped) or not yet solved."),
        informs=_("Context for EQAVET indicator 6 (utilisation of acquired skills at the workplace)."),
        row_heading=_("Topic"), column_heading=_("Outcome"), rows="topic", columns="case_outcome", unit=_("cases"),
    ),
    Indicator(
        key="counselling_answer_hours", feature="counselling", table="answer_hours", kind="spread",
        title=_("How fast problems get an answer"),
        description=_("Median hours from opening a counselling case to its first answer, over the answered cases "
                      "of each topic."),
        informs=_("No European indicator: a measure of the community's own responsiveness."),
        row_heading=_("Topic"), column_heading=_("Measure"), rows="topic", columns="measure", unit=_("hours"),
    ),
    Indicator(
        key="counselling_sectors", feature="counselling", table="sectors_by_country",
        title=_("Problems members bring, by sector"),
        description=_("Peer-counselling cases opened, by economic sector and country."),
        informs=_("Evidence for EQAVET indicator 9, by sector."),
        row_heading=_("Sector"), column_heading=_("Country"), rows="sector", columns=COUNTRY, unit=_("cases"),
    ),
    Indicator(
        key="resources_types", feature="toolbox", table="types",
        title=_("Resources shared, by type"),
        description=_("Published toolbox resources (project results, tools, documents) by type and by the country "
                      "they come from."),
        informs=_("Context for EQAVET indicator 2 (investment in the training of teachers and trainers): the "
                  "material VET providers share with each other."),
        row_heading=_("Resource type"), column_heading=_("Country"), rows="resource_type", columns=COUNTRY,
        unit=_("resources"),
    ),
    Indicator(
        key="resources_adopted", feature="toolbox", table="adoptions",
        title=_("Resources adopted, by type"),
        description=_("Reports by members that they adopted a published resource in their own organisation, by the "
                      "resource's type and country."),
        informs=_("Evidence of transfer of practice between countries, for Cedefop's key indicators on access to "
                  "and quality of VET."),
        row_heading=_("Resource type"), column_heading=_("Country of the resource"), rows="resource_type",
        columns=COUNTRY, unit=_("adoptions"),
    ),
    Indicator(
        key="resources_sectors", feature="toolbox", table="sectors",
        title=_("Resources shared, by sector"),
        description=_("Published resources by economic sector and country; a resource for two sectors counts in "
                      "both rows, once in its country's total."),
        informs=_("Context for EQAVET indicator 2."),
        row_heading=_("Sector"), column_heading=_("Country"), rows="sector", columns=COUNTRY, unit=_("resources"),
    ),
    Indicator(
        key="resources_eqf", feature="toolbox", table="eqf_levels",
        title=_("Resources shared, by EQF level"),
        description=_("Published resources by the level of the European Qualifications Framework they address, "
                      "and country."),
        informs=_("Context for Cedefop's key indicators on VET by EQF level (initial and continuing VET)."),
        row_heading=_("EQF level"), column_heading=_("Country"), rows="eqf_level", columns=COUNTRY,
        unit=_("resources"),
    ),
    Indicator(
        key="resources_licences", feature="toolbox", table="licences",
        title=_("Resources shared, by licence"),
        description=_("Published resources by licence and country: how openly providers share."),
        informs=_("No European indicator: the openness of the shared material (open educational resources)."),
        row_heading=_("Licence"), column_heading=_("Country"), rows="licence", columns=COUNTRY, unit=_("resources"),
    ),
    Indicator(
        key="workspaces", feature="workspaces", table="themes_by_state",
        title=_("Workspaces and their outcomes"),
        description=_("Themed workspaces by theme and state; \"outcome published\" counts the workspaces whose "
                      "result went to the toolbox."),
        informs=_("Context for EQAVET indicator 1 (relevance of quality assurance: VET providers working with "
                  "stakeholders)."),
        row_heading=_("Theme"), column_heading=_("State"), rows="plain", columns="workspace_state",
        unit=_("workspaces"),
    ),
    Indicator(
        key="best_practices", feature="best_practices", table="countries_by_acceptance",
        title=_("Best practices accepted"),
        description=_("Best practices submitted in the cooperation phase, by the author's country, accepted into "
                      "the repository after peer review or not (yet)."),
        informs=_("Evidence for EQAVET indicator 1 (relevance of quality assurance systems for VET providers)."),
        row_heading=_("Country"), column_heading=_("Accepted"), rows=COUNTRY, columns="acceptance",
        unit=_("best practices"),
    ),
    Indicator(
        key="partnerships", feature="partnerships", table="instruments_by_state",
        title=_("Partnerships and the funding they target"),
        description=_("Partnerships proposed in the cooperation phase, by the EU funding instrument they target "
                      "and their state: still forming, formed (eligible and accepted) or closed."),
        informs=_("Evidence for EQAVET indicator 1 (relevance of quality assurance: VET providers cooperating "
                  "with enterprises and other providers), and for the uptake of Erasmus+ and ESF+ in VET."),
        row_heading=_("Funding instrument"), column_heading=_("State"), rows="instrument",
        columns="partnership_state", unit=_("partnerships"),
    ),
    Indicator(
        key="participation_countries", feature="members", table="months_by_country", group="participation",
        title=_("Participation over time, by country"),
        description=_("Members taking part in the community each month, by the country on their profile: "
                      "joining it, posting in a forum, a case or a workspace, rating scenarios, depositing, "
                      "reviewing or adopting resources, opening a case, submitting or reviewing a best practice. "
                      "A member counts once a month, whatever they did."),
        informs=_("Context for EQAVET indicator 3 (participation rate in VET programmes), for VET staff and "
                  "stakeholders rather than learners."),
        row_heading=_("Month"), column_heading=_("Country"), rows="plain", columns=COUNTRY, unit=_("members"),
    ),
    Indicator(
        key="participation_organisations", feature="members", table="months_by_organisation_type",
        group="participation",
        title=_("Participation over time, by organisation type"),
        description=_("Members taking part in the community each month (as in the table by country), by the "
                      "organisation type on their profile."),
        informs=_("Context for EQAVET indicator 3."),
        row_heading=_("Month"), column_heading=_("Organisation type"), rows="plain", columns="organisation_type",
        unit=_("members"),
    ),
)

BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
