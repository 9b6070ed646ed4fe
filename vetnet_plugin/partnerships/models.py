"""
Partnerships between member organisations (Cooperation): a proposal on a
strategic topic aimed at a funding instrument, and its partners, one row
each, with their role, commitment and answer to the invitation.

Answers are written under the partnership row's lock (``core.transactions``):
fifty partners answering at once all succeed, and the workspace a formed
partnership gets is opened exactly once.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField


class Partnership(models.Model):
    """
    A proposed or formed partnership in a course community.

    .. pii: The aims and timeline its proposer wrote may name people or organisations.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    FORMING = "forming"
    FORMED = "formed"
    CLOSED = "closed"
    STATES = [(FORMING, _("forming")), (FORMED, _("formed")), (CLOSED, _("closed"))]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course_key = CourseKeyField(max_length=255)
    usage_key = models.CharField(max_length=255, blank=True)
    proposer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                 related_name="vetnet_proposed_partnerships")
    title = models.CharField(max_length=200)
    topic = models.CharField(max_length=64, blank=True)
    aims = models.TextField(blank=True)
    timeline = models.TextField(blank=True)
    # An instrument's key from VETNET_PARTNERSHIP_INSTRUMENTS: the rules are operator data, not choices.
    instrument = models.CharField(max_length=64)
    state = models.CharField(max_length=16, choices=STATES, default=FORMING)
    workspace_uuid = models.UUIDField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["course_key", "usage_key", "created"], name="vetnet_partnership_block")]

    def __str__(self):
        return f"Partnership({self.uuid})"


class PartnershipMember(models.Model):
    """
    One partner of a partnership: the proposer, or a member invited, who accepts or declines.

    .. pii: Who takes part in which partnership, in what role, with what commitment, and their answer.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    PROPOSER = "proposer"
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    STATUSES = [(PROPOSER, _("proposer")), (INVITED, _("invited")), (ACCEPTED, _("accepted")),
                (DECLINED, _("declined")), (WITHDRAWN, _("invitation withdrawn"))]
    IN_PARTNERSHIP = (PROPOSER, ACCEPTED)

    COORDINATOR = "coordinator"
    PARTNER = "partner"
    ASSOCIATED = "associated"
    ROLES = [(COORDINATOR, _("coordinator")), (PARTNER, _("partner")), (ASSOCIATED, _("associated partner"))]

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="partners")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="vetnet_partnerships")
    role = models.CharField(max_length=16, choices=ROLES, default=PARTNER)
    commitment = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=STATUSES, default=INVITED)
    # E-mail notices about this partnership; the person may turn them off.
    email_notices = models.BooleanField(default=True)
    invited = models.DateTimeField(auto_now_add=True)
    answered = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "user"], name="vetnet_partnership_one_seat")]
        indexes = [models.Index(fields=["user", "status"], name="vetnet_partner_user_status")]

    def __str__(self):
        return f"PartnershipMember({self.partnership_id}, {self.user_id})"
