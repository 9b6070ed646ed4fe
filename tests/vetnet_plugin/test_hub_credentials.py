"""Open Badges 3.0 credentials of the informal phases: issued when the criteria are met, signed, verifiable, revocable."""
import copy

import pytest

from tests.factories import COURSE_KEY, UserFactory, member
from tests.vetnet_plugin import hub_helpers as hub
from tests.vetnet_plugin.communication_helpers import staff_user
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound

pytestmark = pytest.mark.django_db


def _claim(user, phase="communication"):
    return api.claim_phase_credential(user=user, course_key=COURSE_KEY, phase=phase, site_url=hub.SITE)


def test_a_member_who_meets_communication_gets_an_open_badge_naming_them():
    learner = member()
    learner.first_name, learner.last_name = "Giulia", "Rossi"
    learner.save()
    hub.communicate(learner)
    credential = _claim(learner)
    document = credential.document
    assert document["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in document["@context"]
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"] == f"{hub.SITE}/api/vetnet/v1/hub/credentials/{credential.uuid}/"
    assert document["issuer"]["id"].startswith("did:key:z6Mk")
    assert document["issuer"]["type"] == ["Profile"]
    assert document["validFrom"].endswith("Z")
    subject = document["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    names = [item for item in subject["identifier"] if item["identityType"] == "name"]
    assert names[0]["identityHash"] == "Giulia Rossi"
    email = next(item for item in subject["identifier"] if item["identityType"] == "emailAddress")
    assert email["hashed"] and email["identityHash"].startswith("sha256$") and learner.email not in str(document)
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"] and "Communication" in achievement["name"]
    assert "posts in discussions" in achievement["criteria"]["narrative"]
    proof = document["proof"]
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-jcs-2022"
    assert proof["proofPurpose"] == "assertionMethod" and proof["proofValue"].startswith("z")
    assert proof["verificationMethod"].split("#")[0] == document["issuer"]["id"]


def test_the_signature_verifies_and_any_change_breaks_it():
    learner = member()
    hub.communicate(learner)
    credential = _claim(learner)
    verification = api.verify_phase_credential(credential_uuid=credential.uuid)
    assert verification.verified and not verification.revoked and not verification.errors
    assert api.verify_credential_document(document=credential.document).verified

    forged = copy.deepcopy(credential.document)
    forged["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    result = api.verify_credential_document(document=forged)
    assert not result.verified
    assert any("signature" in error for error in result.errors)

    unsigned = {name: value for name, value in credential.document.items() if name != "proof"}
    assert not api.verify_credential_document(document=unsigned).verified


def test_the_site_key_signs_independently_of_the_library(settings):
    """A configured key is used, and a credential signed with another key is not this site's."""
    learner = member()
    hub.communicate(learner)
    document = _claim(learner).document
    settings.VETNET_CREDENTIAL_SIGNING_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
    result = api.verify_credential_document(document=document)
    # Still a valid signature of its issuer, but no longer the site's key.
    assert not result.verified and "It was signed by another issuer." in result.errors


def test_claiming_before_meeting_the_criteria_says_what_is_missing():
    learner = member()
    hub.post(learner)
    with pytest.raises(InvalidInput) as error:
        _claim(learner)
    assert "Rate 1 more scenario." in error.value.errors["phase"]


def test_claiming_twice_gives_the_same_credential():
    learner = member()
    hub.communicate(learner)
    assert _claim(learner).uuid == _claim(learner).uuid
    assert len(api.list_phase_credentials(user_id=learner.id)) == 1
    progression = api.get_progressions(user_id=learner.id)[0]
    assert progression.steps[0].credential_uuid == _claim(learner).uuid


def test_cooperation_keeps_the_platform_certificate():
    learner = member()
    with pytest.raises(InvalidInput) as error:
        _claim(learner, phase="cooperation")
    assert "certificate" in error.value.message


def test_only_members_claim():
    with pytest.raises(AccessDenied):
        _claim(UserFactory())


def test_staff_revoke_and_the_verification_says_so():
    staff, learner = staff_user(), member()
    hub.communicate(learner)
    credential = _claim(learner)
    with pytest.raises(AccessDenied):
        api.revoke_phase_credential(user=learner, course_key=COURSE_KEY, credential_uuid=credential.uuid)
    revoked = api.revoke_phase_credential(user=staff, course_key=COURSE_KEY, credential_uuid=credential.uuid)
    assert revoked.revoked and revoked.revocation_reason == "staff"
    verification = api.verify_phase_credential(credential_uuid=credential.uuid)
    assert verification.revoked and not verification.verified
    with pytest.raises(AccessDenied):
        _claim(learner)


def test_a_retired_member_credential_is_revoked_and_no_longer_names_them():
    learner = member()
    learner.first_name, learner.last_name = "Nikos", "Georgiou"
    learner.save()
    hub.communicate(learner)
    credential = _claim(learner)
    api.retire_member(user_id=learner.id)
    api.retire_member(user_id=learner.id)  # idempotent
    kept = api.get_phase_credential(credential_uuid=credential.uuid)
    assert kept.revoked and kept.revocation_reason == "retired"
    assert kept.document == {}
    verification = api.verify_phase_credential(credential_uuid=credential.uuid)
    assert verification.revoked and not verification.verified
    # The copy the member shared before retiring no longer verifies either.
    assert api.verify_credential_document(document=credential.document).revoked
    assert api.list_phase_credentials(user_id=learner.id) == ()
    assert api.get_progressions(user_id=learner.id) == ()


def test_the_member_export_holds_their_progress_and_credentials():
    learner = member()
    hub.communicate(learner)
    _claim(learner)
    tables = api.export_member_data(user_id=learner.id)["tables"]
    assert tables["vetnet.PhaseProgress"][0]["posted"] == 2
    assert tables["vetnet.PhaseCredential"][0]["phase"] == "communication"


def test_an_unknown_credential_is_not_found():
    with pytest.raises(NotFound):
        api.get_phase_credential(credential_uuid="not-a-uuid")
    with pytest.raises(NotFound):
        api.verify_phase_credential(credential_uuid="2f1b1f9e-0c1a-4c1e-9a43-7a3a3f0f0f0f")
