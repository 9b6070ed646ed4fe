"""The member directory and the profile page, on top of the plugin's public API."""
import pytest

from devhost import enrollment
from tests.factories import UserFactory
from vetnet_plugin import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def community(template_course, learner):
    """Seven members from three countries; the test settings page the directory by five."""
    members = [learner] + [UserFactory(username=f"member{n}") for n in range(6)]
    for index, user in enumerate(members):
        country = ("IT", "GR", "ES")[index % 3]
        api.update_member_profile(user_id=user.id, changes={
            "country": country, "organisation": f"Organisation {index}", "sectors": ["ict"],
        })
        enrollment.enroll(user, template_course.course_key)
    return members


def _directory(client, course, query=""):
    return client.get(f"/courses/{course.course_key}/members/{query}")


def test_members_see_the_directory_a_page_at_a_time(client, template_course, community, learner):
    client.force_login(learner)

    first, second = _directory(client, template_course), _directory(client, template_course, "?page=2")

    assert first.status_code == 200 and second.status_code == 200
    assert "7 members found." in first.content.decode()
    assert "Page 1 of 2" in first.content.decode()
    assert first.content.decode().count('<li class="card">') == 5
    assert second.content.decode().count('<li class="card">') == 2


def test_the_directory_filters_by_country(client, template_course, community, learner):
    client.force_login(learner)

    page = _directory(client, template_course, "?country=GR").content.decode()

    assert "2 members found." in page
    assert page.count("<dd>Greece</dd>") == 2


def test_a_page_past_the_end_is_a_clear_404(client, template_course, community, learner):
    client.force_login(learner)

    response = _directory(client, template_course, "?page=9")

    assert response.status_code == 404
    assert b"There is no page 9." in response.content


def test_a_member_edits_the_profile(client, learner):
    client.force_login(learner)

    response = client.post("/profile/", {
        "organisation": "ECIPA CNA", "organisation_type": "vet_provider", "country": "IT",
        "languages": ["it", "en"], "sectors": ["construction"], "topics": ["eu_funding"],
        "bio": "Trainer <b>for</b> crafts", "open_to_counselling": "on",
    }, follow=True)

    profile = api.get_member_profile(user_id=learner.id)
    assert (profile.organisation, profile.country, profile.languages) == ("ECIPA CNA", "IT", ("en", "it"))
    assert profile.open_to_counselling and not profile.open_to_partnership
    assert "Your profile is saved." in response.content.decode()


def test_profile_errors_are_shown_by_the_field_and_nothing_is_saved(client, learner):
    client.force_login(learner)

    response = client.post("/profile/", {"organisation": "Kept?", "bio": "x" * 2001})

    assert response.status_code == 200
    assert "Use at most 2000 characters." in response.content.decode()
    assert api.get_member_profile(user_id=learner.id).organisation == ""


def _open_to(user, **choices):
    api.update_member_profile(user_id=user.id, changes=choices)


# Committed rows: MariaDB's FULLTEXT index (the name search) sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_the_directory_offers_a_contact_form_only_for_members_open_to_it(client, template_course, community, learner):
    open_one, closed_one = community[1], community[2]
    _open_to(open_one, open_to_counselling=True)
    client.force_login(learner)
    page = _directory(client, template_course, "?search=Organisation 1").content.decode()
    assert f'action="/courses/{template_course.course_key}/members/{open_one.id}/contact/"' in page
    assert 'value="counselling"' in page and 'value="partnership"' not in page
    assert open_one.email not in page
    page = _directory(client, template_course, "?search=Organisation 2").content.decode()
    assert "/contact/" not in page and closed_one.email not in page


def test_a_member_sends_a_message_from_the_directory_and_reads_that_it_is_sent(
    client, template_course, community, learner, mailoutbox,
):
    recipient = community[1]
    _open_to(recipient, open_to_partnership=True)
    client.force_login(learner)
    url = f"/courses/{template_course.course_key}/members/{recipient.id}/contact/"
    response = client.post(url, {"purpose": "partnership",
                                 "message": "Would your school join an Erasmus+ partnership on green skills?"},
                           follow=True)
    assert response.status_code == 200 and "Your message is sent." in response.content.decode()
    assert [m.to for m in mailoutbox] == [[recipient.email]]
    assert recipient.email not in response.content.decode()
    response = client.post(url, {"purpose": "counselling", "message": "Not what they accept, said at length."},
                           follow=True)
    assert "cannot be contacted for that purpose" in response.content.decode() and len(mailoutbox) == 1


def test_the_directory_and_the_profile_show_a_members_counselling_reputation(client, template_course, community,
                                                                             learner):
    from tests.vetnet_plugin.counselling_helpers import TOPICS, USAGE_KEY, open_case  # pylint: disable=C0415

    key = template_course.course_key
    api.configure_counselling_desk(course_key=key, usage_key=USAGE_KEY, topics=TOPICS)
    owner = community[1]
    case = open_case(owner, course_key=key)
    answer = api.answer_case(user=learner, course_key=key, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                             body="Share an apprentice among three firms.")
    api.accept_answer(user=owner, course_key=key, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                      post_id=answer.id)
    client.force_login(owner)
    page = _directory(client, template_course, "?country=IT").content.decode()  # the learner's country: one page
    assert "Peer counselling: 1 accepted answer, 0 up-votes on answers" in " ".join(page.split())
    client.force_login(learner)
    profile = client.get("/profile/").content.decode()
    assert "Peer counselling: 1 accepted answer" in " ".join(profile.split())
