"""Proposing a partnership, inviting partners who accept or decline, withdrawing, forming with a workspace."""
import pytest
from django.core import mail

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, member
from tests.vetnet_plugin.communication_helpers import staff_user
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, Conflict, InvalidInput, NotFound

from .partnership_helpers import accept, partner, propose

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_ka220_proposal_is_ineligible_until_a_third_country_joins_then_forms_with_its_own_workspace(committed):
    proposer, spanish, greek = partner("IT"), partner("ES", "sme_association"), partner("GR", "policy_maker")
    with committed():
        proposal = propose(proposer, partners=[spanish, greek])
    assert proposal.state == "forming" and not proposal.eligibility.eligible
    assert proposal.eligibility.missing == ("Add 2 more organisations.", "Add partners from 2 more programme countries.")
    assert proposal.extra["eligible_if_all_accept"]
    assert [m.to for m in mail.outbox] == [[spanish.email], [greek.email]]
    with committed():
        after_one = accept(spanish, proposal)
    assert after_one.eligibility.missing == ("Add 1 more organisation.", "Add a partner from 1 more programme country.")
    assert after_one.state == "forming" and not after_one.workspace_uuid
    with committed():
        formed = accept(greek, proposal)
    assert formed.eligibility.eligible and formed.state == "formed" and formed.workspace_uuid
    workspace = api.get_workspace(user=greek, course_key=COURSE_KEY, workspace_uuid=formed.workspace_uuid)
    assert {m.user_id for m in workspace.members} == {proposer.id, spanish.id, greek.id}
    assert workspace.can_write and workspace.title == "Green skills for crafts"
    assert any("is formed" in m.subject for m in mail.outbox)
    assert any(m.to == [proposer.email] and "joined" in m.subject for m in mail.outbox)


def test_a_partner_who_accepts_after_forming_joins_the_workspace():
    proposer, a, b, late = partner("IT"), partner("ES"), partner("GR"), partner("PT")
    proposal = propose(proposer, partners=[a, b, late])
    accept(a, proposal)
    accept(b, proposal)
    formed = accept(late, proposal)
    workspace = api.get_workspace(user=late, course_key=COURSE_KEY, workspace_uuid=formed.workspace_uuid)
    assert late.id in {m.user_id for m in workspace.members}


def test_a_partner_declines_and_the_proposer_is_told(committed):
    proposer, invitee = partner("IT"), partner("ES")
    proposal = propose(proposer, partners=[invitee])
    with committed():
        answered = accept(invitee, proposal, accept_it=False)
    statuses = {p.user_id: p.status for p in answered.partners}
    assert statuses == {proposer.id: "proposer", invitee.id: "declined"}
    assert mail.outbox[-1].to == [proposer.email] and "declined" in mail.outbox[-1].subject


def test_the_proposer_withdraws_an_invitation_and_the_invitee_can_no_longer_answer_or_see_it():
    proposer, invitee = partner("IT"), partner("ES")
    proposal = propose(proposer, partners=[invitee])
    after = api.withdraw_invitation(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid,
                                    user_id=invitee.id)
    assert {p.user_id: p.status for p in after.partners}[invitee.id] == "withdrawn"
    with pytest.raises(NotFound):
        accept(invitee, proposal)
    with pytest.raises(AccessDenied):
        api.get_partnership(user=invitee, course_key=COURSE_KEY, partnership_uuid=proposal.uuid)
    with pytest.raises(NotFound):
        api.withdraw_invitation(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid,
                                user_id=invitee.id)


def test_only_the_proposer_or_staff_invite_and_withdraw():
    proposer, invitee, other = partner("IT"), partner("ES"), partner("GR")
    proposal = propose(proposer, partners=[invitee])
    with pytest.raises(AccessDenied):
        api.invite_partner(user=invitee, course_key=COURSE_KEY, partnership_uuid=proposal.uuid, user_id=other.id)
    staff = staff_user()
    invited = api.invite_partner(user=staff, course_key=COURSE_KEY, partnership_uuid=proposal.uuid, user_id=other.id,
                                 role="associated", commitment="Advise on policy.")
    row = next(p for p in invited.partners if p.user_id == other.id)
    assert (row.status, row.role, row.commitment) == ("invited", "associated", "Advise on policy.")
    with pytest.raises(Conflict):
        api.invite_partner(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid, user_id=other.id)


def test_a_declined_member_may_be_invited_again():
    proposer, invitee = partner("IT"), partner("ES")
    proposal = propose(proposer, partners=[invitee])
    accept(invitee, proposal, accept_it=False)
    again = api.invite_partner(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid,
                               user_id=invitee.id)
    assert {p.user_id: p.status for p in again.partners}[invitee.id] == "invited"


def test_only_members_of_the_course_community_propose_or_are_invited():
    outsider = member(course_key=OTHER_COURSE_KEY)
    with pytest.raises(AccessDenied):
        propose(outsider)
    with pytest.raises(NotFound):
        propose(partner("IT"), partners=[outsider])


def test_a_partnership_is_private_to_its_partners_and_course_staff():
    proposer, invitee, onlooker = partner("IT"), partner("ES"), partner("GR")
    proposal = propose(proposer, partners=[invitee])
    assert api.get_partnership(user=invitee, course_key=COURSE_KEY, partnership_uuid=proposal.uuid).my_status == \
        "invited"
    with pytest.raises(AccessDenied):
        api.get_partnership(user=onlooker, course_key=COURSE_KEY, partnership_uuid=proposal.uuid)
    with pytest.raises(NotFound):
        api.get_partnership(user=proposer, course_key=OTHER_COURSE_KEY, partnership_uuid=proposal.uuid)
    with pytest.raises(NotFound):
        api.get_partnership(user=proposer, course_key=COURSE_KEY, partnership_uuid="not-a-uuid")
    assert [p.uuid for p in api.list_partnerships(user=invitee, course_key=COURSE_KEY)] == [proposal.uuid]
    assert api.list_partnerships(user=onlooker, course_key=COURSE_KEY) == ()


def test_bad_proposals_get_clear_messages():
    proposer = partner("IT")
    with pytest.raises(InvalidInput) as error:
        propose(proposer, instrument="lottery")
    assert error.value.errors == {"instrument": ["Choose a funding instrument from the list."]}
    with pytest.raises(InvalidInput) as error:
        propose(proposer, title="  ")
    assert "title" in error.value.errors
    with pytest.raises(InvalidInput):
        propose(proposer, topic="astrology")
    with pytest.raises(InvalidInput):
        api.propose_partnership(user=proposer, course_key=COURSE_KEY, title="T", instrument="other",
                                partners=[{"user_id": partner("ES").id, "role": "boss"}])


def test_a_partner_who_turned_notices_off_gets_no_mail(committed):
    proposer, invitee = partner("IT"), partner("ES")
    proposal = propose(proposer, partners=[invitee])
    api.set_partnership_notices(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid, enabled=False)
    mail.outbox.clear()
    with committed():
        accept(invitee, proposal, accept_it=False)
    assert mail.outbox == []


def test_the_summary_prints_with_partners_roles_and_the_verdict():
    proposer, invitee = partner("IT", organisation="Scuola Edile"), partner("ES")
    proposal = propose(proposer, partners=[invitee], aims="**Retrofit** curricula <script>x()</script>")
    html = api.render_partnership_summary(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid)
    assert "Green skills for crafts" in html and "Erasmus+ KA220 cooperation partnership" in html
    assert "<strong>Retrofit</strong>" in html and "<script>x()" not in html
    assert "Scuola Edile" in html and "Not eligible yet." in html and "Add 2 more organisations." in html
    assert "@media print" in html and "window.print()" in html


def test_the_pdf_summary_is_a_pdf_where_the_library_is_installed_and_a_clear_409_otherwise():
    proposer = partner("IT")
    proposal = propose(proposer)
    if api.partnership_pdf_available():
        pdf = api.render_partnership_pdf(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid)
        assert pdf.startswith(b"%PDF")
    else:
        with pytest.raises(Conflict) as error:
            api.render_partnership_pdf(user=proposer, course_key=COURSE_KEY, partnership_uuid=proposal.uuid)
        assert "print the summary page" in error.value.message


def test_retiring_a_partner_removes_their_seats_and_what_they_wrote_alone_twice_without_error():
    proposer, invitee = partner("IT"), partner("ES")
    proposal = propose(proposer, partners=[invitee])
    accept(invitee, proposal)
    exported = api.export_member_data(user_id=invitee.id)["tables"]
    assert "vetnet.PartnershipMember" in exported and "vetnet.Partnership" in exported
    for _ in range(2):
        api.retire_member(user_id=proposer.id)
    seen = api.get_partnership(user=invitee, course_key=COURSE_KEY, partnership_uuid=proposal.uuid)
    assert seen.proposer_id is None and seen.aims == "" and [p.user_id for p in seen.partners] == [invitee.id]
    assert "vetnet.PartnershipMember" not in api.export_member_data(user_id=proposer.id)["tables"]
