"""
REST views of the policy dashboard (JSON, CSV and the server-rendered page)
and of the policy responses. Every view checks the reader's role through
the API: course staff, or members holding the staff-granted policy role.
"""
from dataclasses import asdict

from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from .... import api
from ....exceptions import InvalidInput, VetnetError
from ..base import VetnetAPIView, body_of
from . import serializers


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        raise InvalidInput(_("The request is not valid: check the fields marked."), errors=serializer.errors)
    return serializer.validated_data


def _html(html: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(html, content_type="text/html; charset=utf-8", status=status)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class DashboardView(VetnetAPIView):
    """The dashboard's tables as JSON: one course community, or every one where the reader holds the role."""

    @extend_schema(parameters=[serializers.DashboardQuerySerializer], responses=serializers.DashboardSerializer)
    def get(self, request, course_key=None):
        query = _valid(serializers.DashboardQuerySerializer, request.query_params)
        dashboard = api.get_policy_dashboard(user=request.user, course_key=course_key,
                                             country=query.get("country", ""))
        return Response(serializers.DashboardSerializer(asdict(dashboard)).data)


class TableCSVView(VetnetAPIView):
    """One table of the dashboard as a CSV file, suppressed cells marked."""

    @extend_schema(parameters=[serializers.DashboardQuerySerializer], responses={(200, "text/csv"): str})
    def get(self, request, indicator, course_key=None):
        query = _valid(serializers.DashboardQuerySerializer, request.query_params)
        dashboard = api.get_policy_dashboard(user=request.user, course_key=course_key,
                                             country=query.get("country", ""), only=indicator)
        body = api.policy_table_csv(dashboard.tables[0], min_cell=dashboard.min_cell)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        suffix = f"-{dashboard.country.lower()}" if dashboard.country else ""
        response["Content-Disposition"] = f'attachment; filename="vetnet-{indicator}{suffix}.csv"'
        response["X-Content-Type-Options"] = "nosniff"
        return response


class DashboardPageView(VetnetAPIView):
    """
    The dashboard as a page (HTML), with its country filter and the form a
    policy maker answers a scenario with (a plain form POST, so it works without JavaScript).
    """

    parser_classes = (FormParser, MultiPartParser)

    @extend_schema(parameters=[serializers.DashboardQuerySerializer], responses={(200, "text/html"): str})
    def get(self, request, course_key=None):
        query = _valid(serializers.DashboardQuerySerializer, request.query_params)
        return _html(api.render_policy_dashboard(request=request, course_key=course_key,
                                                 country=query.get("country", "")))

    @extend_schema(request=serializers.NewPolicyResponseSerializer, responses={(303, "text/html"): str})
    def post(self, request, course_key=None):
        api.policy_course_keys(user=request.user, course_key=course_key)  # the page's own role check first
        target_course, _sep, target = str(request.data.get("target", "")).partition("|")
        try:
            if course_key and target_course != course_key:
                raise InvalidInput(_("Choose a scenario from the list."))
            api.create_policy_response(user=request.user, course_key=target_course,
                                       target_kind=request.data.get("target_kind", ""), target=target,
                                       body=request.data.get("body", ""))
        except VetnetError as exc:
            if exc.status_code == 403:
                raise
            errors = exc.errors or {"body": [exc.message]}
            return _html(api.render_policy_dashboard(request=request, course_key=course_key, errors=errors),
                         status=exc.status_code)
        return HttpResponseRedirect(f"{request.path}?published=1#vetnet-policy-respond", status=303)


class ResponsesView(VetnetAPIView):
    """The course's policy responses (members read them), and a policy maker's new one."""

    @extend_schema(parameters=[serializers.PolicyResponseQuerySerializer],
                   responses=serializers.PolicyResponseListSerializer)
    def get(self, request, course_key):
        query = _valid(serializers.PolicyResponseQuerySerializer, request.query_params)
        found = api.list_policy_responses(user=request.user, course_key=course_key,
                                          target_kind=query.get("target_kind", ""),
                                          targets=[query["target"]] if query.get("target") else ())
        return Response(serializers.PolicyResponseListSerializer({"results": [asdict(r) for r in found]}).data)

    @extend_schema(request=serializers.NewPolicyResponseSerializer,
                   responses={201: serializers.PolicyResponseSerializer})
    def post(self, request, course_key):
        payload = _valid(serializers.NewPolicyResponseSerializer, body_of(request))
        created = api.create_policy_response(user=request.user, course_key=course_key, **payload)
        return Response(serializers.PolicyResponseSerializer(asdict(created)).data, status=201)


class ResponseView(VetnetAPIView):
    """One policy response: its author edits it; the author or course staff remove it."""

    @extend_schema(request=serializers.PolicyResponseEditSerializer, responses=serializers.PolicyResponseSerializer)
    def patch(self, request, course_key, response_uuid):
        payload = _valid(serializers.PolicyResponseEditSerializer, body_of(request))
        updated = api.update_policy_response(user=request.user, course_key=course_key, response_uuid=response_uuid,
                                             body=payload["body"])
        return Response(serializers.PolicyResponseSerializer(asdict(updated)).data)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, course_key, response_uuid):
        api.delete_policy_response(user=request.user, course_key=course_key, response_uuid=response_uuid)
        return Response(status=204)



