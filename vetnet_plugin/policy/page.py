"""The dashboard as a server-rendered page, in the reader's language, linked from the policy brief."""
from __future__ import annotations

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from .charts import describe, render_chart
from .dashboard import get_policy_dashboard
from .responses import list_policy_responses_by


def _language_switch_url() -> str:
    try:
        return reverse("set_language")
    except NoReverseMatch:
        return ""


def render_policy_dashboard(*, request, course_key=None, country: str = "", message: str = "",
                            errors: dict | None = None) -> str:
    """The whole dashboard page for ``request.user``; the tables' CSV and JSON come from the REST API."""
    user = request.user
    dashboard = get_policy_dashboard(user=user, course_key=course_key, country=country)
    tables = []
    for table in dashboard.tables:
        total_column = table.has_totals and any(c.column == "" for c in table.cells)
        columns = [code for code, _label in table.columns] + ([""] if total_column else [])
        tables.append({
            "table": table, "dom_id": f"vetnet-policy-{table.key}",
            "csv_url": _csv_url(request.path, table.key, dashboard.country),
            "chart": render_chart(table, dom_id=f"vetnet-policy-{table.key}-chart"), "summary": describe(table),
            "lines": [(code, label, [table.cell(code, column) for column in columns]) for code, label in table.rows],
            "total_column": total_column,
            "has_total_row": table.has_totals and any(c.row == "" for c in table.cells),
            "totals": [table.cell("", column) for column in columns],
        })
    return render_to_string("vetnet/policy_dashboard.html", {
        "dashboard": dashboard, "tables": tables, "language": translation.get_language() or "en",
        "csrf_token": get_token(request), "language_url": _language_switch_url(),
        "languages": [(code, str(name)) for code, name in _languages()], "next": request.get_full_path(),
        "scenarios": dashboard.scenarios,
        "responses": list_policy_responses_by(user=user, course_keys=dashboard.course_keys),
        "message": message, "errors": errors or {},
        "base": request.path, "request_published": request.GET.get("published") == "1",
    })


def _csv_url(path: str, key: str, country: str) -> str:
    base = path[:path.rindex("dashboard/")] if "dashboard/" in path else path
    return f"{base}indicators/{key}/csv/" + (f"?country={country}" if country else "")


def _languages():
    from django.conf import settings  # pylint: disable=import-outside-toplevel

    return settings.LANGUAGES
