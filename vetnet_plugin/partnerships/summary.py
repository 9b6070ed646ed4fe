"""
The printable partnership summary: an HTML page made for print (print CSS,
a print button), and the same content as a PDF document.

The PDF is drawn with ReportLab, a pure-Python library, imported only when a
PDF is asked for: without it the HTML view works and the PDF answers that it
is not available on this site.
"""
from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_countries import countries as country_names

from ..core.taxonomy import TOPICS, OrganisationType
from ..exceptions import Conflict
from . import data
from .proposals import get_partnership


def _context(partnership: data.Partnership) -> dict:
    types = dict(OrganisationType.CHOICES)
    roles = dict((("coordinator", _("coordinator")), ("partner", _("partner")),
                  ("associated", _("associated partner"))))
    partners = [{"partner": p, "country": country_names.name(p.country) if p.country else "",
                 "organisation_type": types.get(p.organisation_type, ""), "role": roles.get(p.role, p.role)}
                for p in partnership.partners if p.status in ("proposer", "accepted")]
    invited = [p for p in partnership.partners if p.status == "invited"]
    return {"partnership": partnership, "partners": partners, "invited": invited,
            "topic": dict(TOPICS).get(partnership.topic, ""), "generated": timezone.now()}


def render_partnership_summary(*, user, course_key, partnership_uuid, language: str = "") -> str:
    """The summary as a complete HTML page made for printing, for the partners and course staff."""
    partnership = get_partnership(user=user, course_key=course_key, partnership_uuid=partnership_uuid)
    language = language or translation.get_language() or "en"
    with translation.override(language):
        return render_to_string("vetnet/partnership_summary.html",
                                {**_context(partnership), "language": translation.get_language()})


def pdf_available() -> bool:
    """True where ReportLab is installed, so the summary can also be a PDF document."""
    try:
        import reportlab  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import
    except ImportError:
        return False
    return True


def render_partnership_pdf(*, user, course_key, partnership_uuid) -> bytes:
    """The summary as a PDF document; ``Conflict`` where the site has no PDF library."""
    partnership = get_partnership(user=user, course_key=course_key, partnership_uuid=partnership_uuid)
    try:
        # pylint: disable=import-outside-toplevel
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
    except ImportError as error:
        raise Conflict(_("PDF summaries are not available on this site: print the summary page instead.")) from error
    from xml.sax.saxutils import escape  # pylint: disable=import-outside-toplevel

    context = _context(partnership)
    styles = getSampleStyleSheet()
    story = [Paragraph(escape(partnership.title), styles["Title"]),
             Paragraph(escape(_("Funding instrument: {label}").format(label=partnership.instrument_label)),
                       styles["Normal"])]
    if context["topic"]:
        story.append(Paragraph(escape(_("Topic: {topic}").format(topic=context["topic"])), styles["Normal"]))
    verdict = (_("Eligible as composed.") if partnership.eligibility.eligible
               else _("Not eligible yet: {missing}").format(missing=" ".join(partnership.eligibility.missing)))
    story += [Paragraph(escape(verdict), styles["Normal"]), Spacer(1, 12)]
    for heading, text in ((_("Aims"), partnership.aims), (_("Timeline"), partnership.timeline)):
        if text:
            story.append(Paragraph(escape(heading), styles["Heading2"]))
            story += [Paragraph(escape(line), styles["Normal"]) for line in text.splitlines() if line.strip()]
    story.append(Paragraph(escape(_("Partners")), styles["Heading2"]))
    rows = [[_("Name"), _("Organisation"), _("Country"), _("Role"), _("Commitment")]]
    rows += [[Paragraph(escape(str(value)), styles["Normal"]) for value in (
        item["partner"].name, item["partner"].organisation, item["country"], item["role"], item["partner"].commitment)]
        for item in context["partners"]]
    story.append(Table(rows, repeatRows=1))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=partnership.title).build(story)
    return buffer.getvalue()
