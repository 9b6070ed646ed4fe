"""The names people read for the codes in the dashboard's rows and columns."""
from __future__ import annotations

from django.utils.translation import gettext as _

from ..core.aggregates import NOT_STATED
from ..core.taxonomy import SECTORS, TOPICS, OrganisationType
from ..partnerships.api import list_funding_instruments
from ..toolbox.api import EQF_LEVELS, LICENCES, RESOURCE_TYPES


def _country(code: str) -> str:
    from django_countries import countries  # pylint: disable=import-outside-toplevel

    return countries.name(code) or code


def _fixed():
    return {
        "criterion": {"plausibility": _("Plausibility"), "desirability": _("Desirability")},
        "measure": {"median_hours": _("Median hours to a first answer")},
        "case_outcome": {"solved": _("Solved"), "not_solved": _("Not solved yet")},
        "acceptance": {"accepted": _("Accepted into the repository"), "not_accepted": _("Not accepted (yet)")},
        "workspace_state": {"forming": _("Forming"), "active": _("Active"), "closing": _("Closing"),
                            "archived": _("Archived"), "outcome_published": _("Outcome published")},
        "topic": dict(TOPICS),
        "sector": dict(SECTORS),
        "resource_type": dict(RESOURCE_TYPES),
        "licence": dict(LICENCES),
        "eqf_level": dict(EQF_LEVELS),
        "organisation_type": dict(OrganisationType.CHOICES),
        "instrument": {instrument.key: instrument.label for instrument in list_funding_instruments()},
        "partnership_state": {"forming": _("Forming"), "formed": _("Formed"), "closed": _("Closed")},
    }


def labeller(delphi_labels: dict, topic_labels: dict | None = None):
    """A function (vocabulary, code) -> label, for one dashboard's rendering."""
    fixed = _fixed()
    fixed["topic"].update(topic_labels or {})

    def label(vocabulary: str, code: str) -> str:
        if code == NOT_STATED:
            return _("Not stated")
        if vocabulary == "country":
            return _country(code)
        if vocabulary == "delphi_row":
            title, number = delphi_labels.get(code, (code, ""))
            return _("{scenario}, round {number}").format(scenario=title, number=number)
        return str(fixed.get(vocabulary, {}).get(code, code))

    return label
