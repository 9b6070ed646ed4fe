"""
Whether a partnership as composed meets its funding instrument's rules.

The rules are operator data (``VETNET_PARTNERSHIP_INSTRUMENTS``,
``VETNET_PARTNERSHIP_PROGRAMME_COUNTRIES``), read at the moment of the check,
so a new programme guide is a settings change, not a release. Each partner
member stands for one organisation.
"""
from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from ..conf import setting
from ..core.taxonomy import OrganisationType
from ..exceptions import InvalidInput
from . import data


def list_instruments() -> tuple[data.Instrument, ...]:
    """The funding instruments a partnership may target, with their rules (``VETNET_PARTNERSHIP_INSTRUMENTS``)."""
    found = []
    for rule in setting("VETNET_PARTNERSHIP_INSTRUMENTS") or ():
        found.append(data.Instrument(
            key=str(rule["key"]), label=_(str(rule.get("label") or rule["key"])),  # noqa: INT001
            min_organisations=max(1, int(rule.get("min_organisations") or 1)),
            min_countries=max(1, int(rule.get("min_countries") or 1)),
            programme_countries_only=bool(rule.get("programme_countries_only")),
            required_organisation_types=tuple(rule.get("required_organisation_types") or ()),
            note=_(str(rule["note"])) if rule.get("note") else "",  # noqa: INT001
        ))
    return tuple(found)


def get_instrument(key: str) -> data.Instrument:
    for instrument in list_instruments():
        if instrument.key == key:
            return instrument
    message = _("Choose a funding instrument from the list.")
    raise InvalidInput(message, errors={"instrument": [message]})


def find_instrument(key: str) -> data.Instrument | None:
    """The instrument, or None when an operator removed it since the partnership chose it."""
    return next((instrument for instrument in list_instruments() if instrument.key == key), None)


def check_composition(instrument: data.Instrument, partners) -> data.Eligibility:
    """
    The verdict for ``partners`` (``(country, organisation_type)`` of each
    organisation in the partnership): eligible or not, and each thing missing.
    """
    programme = {code.upper() for code in setting("VETNET_PARTNERSHIP_PROGRAMME_COUNTRIES") or ()}
    countries = sorted({country for country, _kind in partners if country})
    counted = [c for c in countries if c in programme] if instrument.programme_countries_only else countries
    missing = []
    organisations = len(partners)
    if organisations < instrument.min_organisations:
        lacking = instrument.min_organisations - organisations
        missing.append(ngettext("Add {count} more organisation.", "Add {count} more organisations.",
                                lacking).format(count=lacking))
    if len(counted) < instrument.min_countries:
        lacking = instrument.min_countries - len(counted)
        if instrument.programme_countries_only:
            line = ngettext("Add a partner from {count} more programme country.",
                            "Add partners from {count} more programme countries.", lacking)
        else:
            line = ngettext("Add a partner from {count} more country.",
                            "Add partners from {count} more countries.", lacking)
        missing.append(line.format(count=lacking))
    kinds = {kind for _country, kind in partners}
    labels = dict(OrganisationType.CHOICES)
    for kind in instrument.required_organisation_types:
        if kind not in kinds:
            missing.append(_("Add a partner of this type: {kind}.").format(kind=labels.get(kind, kind)))
    return data.Eligibility(instrument=instrument.key, eligible=not missing, organisations=organisations,
                            countries=tuple(countries), missing=tuple(missing))


# The default instruments' labels and notes, for the catalogs (settings hold them in English).
_DEFAULT_TEXTS = (
    gettext_noop("Erasmus+ KA220 cooperation partnership"),
    gettext_noop("Erasmus+ KA210 small-scale partnership"),
    gettext_noop("Erasmus+ KA1 learning mobility"),
    gettext_noop("Centres of Vocational Excellence"),
    gettext_noop("ESF+"),
    gettext_noop("Other funding"),
    gettext_noop("At least three organisations from three different programme countries."),
    gettext_noop("At least two organisations from two different programme countries."),
    gettext_noop("A sending and a hosting organisation in two different programme countries."),
    gettext_noop("At least eight partners from four programme countries, with a VET provider and an "
                 "enterprise or sector representative."),
    gettext_noop("Rules are set by the national or regional managing authority."),
)
