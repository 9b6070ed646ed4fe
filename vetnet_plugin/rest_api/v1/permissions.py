"""Permissions of the v1 REST API. Object scoping happens in ``vetnet_plugin.api``."""
from rest_framework.permissions import IsAuthenticated


class IsAuthenticatedMember(IsAuthenticated):
    """A logged-in, active account; whether it belongs to a course is the API's check."""

    def has_permission(self, request, view):
        return super().has_permission(request, view) and request.user.is_active
