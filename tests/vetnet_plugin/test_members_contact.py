"""Members reach each other through the platform, as their contact choice allows, never seeing an address."""
import pytest
from django.core import mail
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, UserFactory, member
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound, RateLimited

pytestmark = pytest.mark.django_db

MESSAGE = "Could we talk about how you organise apprentices' first week in small workshops?"
OTHER_COURSE = "course-v1:VETNet+Other+2026"


def contact_url(user_id, course_key=COURSE_KEY):
    return f"/api/vetnet/v1/courses/{course_key}/members/{user_id}/contact/"


def test_a_member_writes_to_a_member_open_to_counselling_and_the_platform_emails_them():
    sender = member()
    recipient = member(open_to_counselling=True)
    api.contact_member(user=sender, course_key=COURSE_KEY, recipient_id=recipient.id, purpose="counselling",
                       message=MESSAGE)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [recipient.email] and sent.reply_to == [sender.email]
    assert MESSAGE in sent.body and "peer counselling" in sent.subject


@pytest.mark.parametrize("profile, purpose", [
    ({}, "counselling"),
    ({"open_to_partnership": True}, "counselling"),
    ({"open_to_counselling": True}, "partnership"),
])
def test_members_who_did_not_accept_that_purpose_cannot_be_contacted_for_it(profile, purpose):
    recipient = member(**profile)
    with pytest.raises(NotFound):
        api.contact_member(user=member(), course_key=COURSE_KEY, recipient_id=recipient.id, purpose=purpose,
                           message=MESSAGE)
    assert mail.outbox == []


def test_only_members_of_the_same_course_community_can_write_or_be_written_to():
    elsewhere = member(course_key=OTHER_COURSE, open_to_counselling=True)
    with pytest.raises(NotFound):
        api.contact_member(user=member(), course_key=COURSE_KEY, recipient_id=elsewhere.id, purpose="counselling",
                           message=MESSAGE)
    with pytest.raises(AccessDenied):
        api.contact_member(user=UserFactory(), course_key=COURSE_KEY,
                           recipient_id=member(open_to_counselling=True).id, purpose="counselling", message=MESSAGE)
    assert mail.outbox == []


def test_an_empty_or_short_message_and_an_unknown_purpose_are_refused_field_by_field():
    recipient = member(open_to_counselling=True)
    with pytest.raises(InvalidInput) as error:
        api.contact_member(user=member(), course_key=COURSE_KEY, recipient_id=recipient.id, purpose="sales",
                           message="hi")
    assert set(error.value.errors) == {"purpose", "message"}


def test_a_sender_is_limited_in_how_many_messages_they_send(settings):
    settings.VETNET_RATE_LIMITS = {"contact": [2, 3600]}
    sender = member()
    recipients = [member(open_to_partnership=True) for _ in range(3)]
    for recipient in recipients[:2]:
        api.contact_member(user=sender, course_key=COURSE_KEY, recipient_id=recipient.id, purpose="partnership",
                           message=MESSAGE)
    with pytest.raises(RateLimited):
        api.contact_member(user=sender, course_key=COURSE_KEY, recipient_id=recipients[2].id,
                           purpose="partnership", message=MESSAGE)
    assert len(mail.outbox) == 2


def test_the_rest_endpoint_sends_and_never_answers_with_an_address():
    sender = member()
    recipient = member(open_to_counselling=True)
    client = APIClient()
    client.force_authenticate(sender)
    response = client.post(contact_url(recipient.id), {"purpose": "counselling", "message": MESSAGE},
                           format="json")
    assert response.status_code == 204 and response.content == b""
    assert len(mail.outbox) == 1
    closed = member()
    response = client.post(contact_url(closed.id), {"purpose": "counselling", "message": MESSAGE}, format="json")
    assert response.status_code == 404 and closed.email not in response.content.decode()
    assert client.post(contact_url(recipient.id), "null", content_type="application/json").status_code == 400
    assert client.post(contact_url(recipient.id), {"purpose": "x"}, format="json").status_code == 400


def test_the_directory_never_carries_an_email_address():
    viewer = member()
    listed = member(open_to_counselling=True)
    client = APIClient()
    client.force_authenticate(viewer)
    body = client.get(f"/api/vetnet/v1/courses/{COURSE_KEY}/members/").content.decode()
    assert listed.username in body and listed.email not in body and "@" not in body


def test_retirement_forgets_who_contacted_whom():
    from vetnet_plugin.members.models import MemberContact  # pylint: disable=import-outside-toplevel

    sender = member()
    recipient = member(open_to_counselling=True)
    api.contact_member(user=sender, course_key=COURSE_KEY, recipient_id=recipient.id, purpose="counselling",
                       message=MESSAGE)
    api.retire_member_profile(user_id=sender.id)
    api.retire_member_profile(user_id=sender.id)
    assert not MemberContact.objects.filter(sender_id=sender.id).exists()
