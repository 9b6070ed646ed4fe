"""The personal data export, for the member themself and for platform staff."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from .... import api
from ....exceptions import AccessDenied
from ..base import VetnetAPIView
from .serializers import MemberDataExportSerializer


class MemberDataExportView(VetnetAPIView):
    """
    All personal data VETNet holds about a user, as JSON. A member may export
    their own; platform staff (global staff, who answer data-subject requests)
    anyone's. Course staff may not: the export spans every course.
    """

    @extend_schema(responses=MemberDataExportSerializer)
    def get(self, request, user_id):
        user_id = int(user_id)
        if user_id != request.user.id and not request.user.is_staff:
            raise AccessDenied(_("Only platform staff can export another member's data."))
        export = api.export_member_data(user_id=user_id)
        response = Response(MemberDataExportSerializer(export).data)
        response["Content-Disposition"] = f'attachment; filename="vetnet-member-{user_id}.json"'
        response["Cache-Control"] = "no-store"
        return response
