"""The toolbox's choices, translated for one user, for the forms and the JavaScript."""
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django_countries import countries

from ..backend import toolbox as catalogue


def _translated(gettext, choices):
    return [(code, gettext(str(label))) for code, label in choices]


def _options_html(choices) -> SafeString:
    """``<option>`` elements for (code, label) pairs, every code and label escaped."""
    options = "".join(f'<option value="{escape(str(code))}">{escape(str(label))}</option>' for code, label in choices)
    return mark_safe(options)  # nosec: each value is escaped just above


def block_vocabularies(gettext, allowed_types=()) -> dict:
    """Every choice list the toolbox shows, and a code -> label map for the JavaScript."""
    resource_types = _translated(gettext, catalogue.RESOURCE_TYPES)
    depositable = [(code, label) for code, label in resource_types if not allowed_types or code in allowed_types]
    vocabularies = {
        "resource_types": resource_types,
        "depositable_types": depositable,
        "sectors": _translated(gettext, catalogue.SECTORS),
        "eqf_levels": [
            (code, gettext("EQF level {level}").format(level=code)) for code, _label in catalogue.EQF_LEVELS
        ],
        "languages": _translated(gettext, catalogue.LANGUAGES),
        "target_groups": _translated(gettext, catalogue.TARGET_GROUPS),
        "licences": _translated(gettext, catalogue.LICENCES),
        "countries": [(code, str(name)) for code, name in countries],
        "sort_orders": _translated(gettext, catalogue.SORT_ORDERS),
        "visibilities": [
            ("private", gettext("Only me")),
            ("course", gettext("Members of this course")),
            ("community", gettext("The whole community")),
        ],
    }
    # The forms' long option lists (249 countries among them) as markup made here: a template loop
    # costs a node render and an escape per option and value.
    vocabularies["options_html"] = {
        name: _options_html(vocabularies[name])
        for name in ("depositable_types", "licences", "countries", "target_groups", "sectors", "languages",
                     "visibilities")
    }
    labels = {}
    for name in ("resource_types", "sectors", "eqf_levels", "languages", "target_groups", "licences", "countries"):
        labels[name] = dict(vocabularies[name])
    vocabularies["labels"] = labels
    return vocabularies
