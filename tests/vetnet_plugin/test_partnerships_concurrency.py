"""
On MariaDB, in separate connections: fifty invited partners accepting at once
all succeed; the partnership is formed once, with one workspace holding them all.
"""

import pytest

from tests.concurrency import at_once
from tests.factories import COURSE_KEY
from vetnet_plugin import api
from vetnet_plugin.models import Partnership, PartnershipMember, Workspace, WorkspaceMembership

from .partnership_helpers import accept, partner, propose

ACCEPTERS = 50
COUNTRIES = ["ES", "GR", "PT", "FR", "DE", "AT", "PL", "SI", "HR", "BE"]



@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_fifty_partners_accepting_at_once_all_succeed_and_the_partnership_forms_once():
    proposer = partner("IT")
    invitees = [partner(COUNTRIES[index % len(COUNTRIES)], "sme_association") for index in range(ACCEPTERS)]
    proposal = propose(proposer, instrument="erasmus_cove", partners=invitees)
    errors = at_once([lambda person=person: accept(person, proposal) for person in invitees])
    assert errors == []
    assert PartnershipMember.objects.filter(status="accepted").count() == ACCEPTERS
    formed = Partnership.objects.get()
    assert formed.state == "formed" and Workspace.objects.count() == 1
    assert WorkspaceMembership.objects.filter(workspace__uuid=formed.workspace_uuid,
                                              status="member").count() == ACCEPTERS + 1
    seen = api.get_partnership(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid)
    assert seen.eligibility.eligible and seen.eligibility.organisations == ACCEPTERS + 1
