"""
The repository over the web: REST for members, the member and public pages,
the Atom feed and the JSON Feed, and an entry's export for the Erasmus+
Project Results Platform and EPALE.
"""
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, UserFactory, member
from vetnet_plugin import api
from vetnet_plugin.models import RepositoryEntry

from .best_practice_helpers import configure, learner, write_and_submit
from .repository_helpers import graded

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def assignment(settings):
    settings.VETNET_RATE_LIMITS = {"best_practice": [0, 0], "adoption": [0, 0]}
    return configure(topic="labour_market_vet", repository_threshold=0.7)


@pytest.fixture
def public(settings):
    settings.VETNET_PUBLIC_REPOSITORY = True


@pytest.fixture
def practices():
    """One credited, listed practice; one uncredited listed one; one rejected; one pending."""
    credited, _uuid = graded(title="Credited carpentry mentors", country="IT")
    credited.first_name, credited.last_name = "Giulia", "Rossi"
    credited.email = "giulia@example.org"
    credited.save()
    entry = RepositoryEntry.objects.get(title="Credited carpentry mentors")
    api.describe_repository_entry(user=credited, course_key=COURSE_KEY, entry_uuid=entry.uuid, credit_author=True,
                                  summary="Paired mentors in small workshops.", sector="wood_furniture",
                                  language="it", eqf_level="4", licence="cc-by-sa")
    anonymous, _uuid = graded(title="Uncredited green kitchens", country="ES")
    anonymous.first_name, anonymous.last_name = "Pablo", "Secreto"
    anonymous.save()
    graded(score=0.3, title="Rejected practice")
    write_and_submit(learner(country="GR"), title="Pending practice")
    return {"credited": credited, "anonymous": anonymous, "entry": entry}


def rest(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def list_url(**query):
    url = reverse("vetnet:repository", kwargs={"course_key": COURSE_KEY})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def member_url(name, entry, **kwargs):
    return reverse(f"vetnet:{name}", kwargs={"course_key": COURSE_KEY, "entry_uuid": str(entry.uuid), **kwargs})


# REST -----------------------------------------------------------------------------------

def test_members_list_the_repository_with_facets_labels_and_no_unlisted_practice(practices):
    body = rest(member()).get(list_url()).json()
    assert {r["title"] for r in body["results"]} == {"Credited carpentry mentors", "Uncredited green kitchens"}
    assert body["facets"]["country"] == {"IT": 1, "ES": 1}
    credited = next(r for r in body["results"] if r["title"] == "Credited carpentry mentors")
    assert credited["authors"] == ["Giulia Rossi"] and credited["sector"] == "wood_furniture"
    uncredited = next(r for r in body["results"] if r["title"] == "Uncredited green kitchens")
    assert uncredited["authors"] == []
    assert "next_cursor" in body


def test_rest_filters_by_facet_and_bad_values_are_a_400(practices):
    client = rest(member())
    assert [r["title"] for r in client.get(list_url(country="ES")).json()["results"]] == ["Uncredited green kitchens"]
    for query in ({"topic": "nope"}, {"country": "Narnia"}, {"eqf_level": "12"}, {"label": "<b>"},
                  {"sort": "random"}, {"page": "0"}, {"page_size": "x"}, {"cursor": "forged"},
                  {"language": "%00"}):
        response = client.get(list_url(**query))
        assert response.status_code == 400, query
        assert response.json()["detail"]


def test_anonymous_callers_and_non_members_are_refused(practices):
    assert rest().get(list_url()).status_code in (401, 403)
    assert rest(UserFactory()).get(list_url()).status_code == 403
    entry = practices["entry"]
    assert rest(UserFactory()).get(member_url("repository-entry", entry)).status_code == 403
    assert rest(UserFactory()).post(member_url("repository-adoption", entry), {}, format="json").status_code == 403


def test_a_member_adopts_and_reports_the_outcome_over_rest(practices):
    entry = practices["entry"]
    client = rest(member(country="GR"))
    adopted = client.post(member_url("repository-adoption", entry), {"context": "Crete"}, format="json")
    assert adopted.status_code == 200
    assert adopted.json()["entry"]["adoption_count"] == 1
    assert "adopted_elsewhere" in {label["code"] for label in adopted.json()["entry"]["labels"]}
    bad = client.post(member_url("repository-adoption-outcome", entry), {"outcome": "meh"}, format="json")
    assert bad.status_code == 400
    reported = client.post(member_url("repository-adoption-outcome", entry),
                           {"outcome": "partial", "report": "Half of the workshops."}, format="json")
    assert reported.json()["own_adoption"]["outcome"] == "partial"
    assert client.delete(member_url("repository-adoption", entry)).json()["entry"]["adoption_count"] == 0


def test_the_author_describes_and_withdraws_over_rest(practices):
    entry = practices["entry"]
    client = rest(practices["credited"])
    described = client.patch(member_url("repository-entry", entry), {"sector": "ict"}, format="json")
    assert described.status_code == 200 and described.json()["entry"]["sector"] == "ict"
    assert client.patch(member_url("repository-entry", entry), {"sector": "moon"}, format="json").status_code == 400
    assert client.patch(member_url("repository-entry", entry), {"credit_author": "maybe"},
                        format="json").status_code == 400
    assert rest(member()).patch(member_url("repository-entry", entry), {"sector": "ict"},
                                format="json").status_code == 404
    withdrawn = client.post(member_url("repository-withdrawal", entry), {"withdrawn": True}, format="json")
    assert withdrawn.json()["withdrawn"] is True
    assert "Credited carpentry mentors" not in {r["title"] for r in rest(member()).get(list_url()).json()["results"]}


# Export ----------------------------------------------------------------------------------

def _export(practices, export_format):
    return rest(member()).get(member_url("repository-export", practices["entry"], export_format=export_format))


def test_the_json_export_holds_what_the_platforms_take(practices):
    response = _export(practices, "json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = response.json()
    assert body["title"] == "Credited carpentry mentors"
    assert body["summary"] == "Paired mentors in small workshops."
    assert body["topics"] == ["Labour-market-driven VET provision"]
    assert body["countries"] == ["IT"]
    assert body["licence_url"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert body["link"].endswith(reverse("vetnet:repository-public-entry",
                                         kwargs={"entry_uuid": str(practices["entry"].uuid)}))
    assert body["authors"] == ["Giulia Rossi"]
    assert "giulia@example.org" not in json.dumps(body)
    assert practices["credited"].username not in json.dumps(body)


def test_the_csv_export_has_one_header_row_and_one_row(practices):
    response = _export(practices, "csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "Credited carpentry mentors" and row["countries"] == "IT"
    assert row["licence"].startswith("Creative Commons Attribution-ShareAlike")
    assert row["link"].startswith("http")


def test_an_unlisted_practice_cannot_be_exported(practices):
    rejected = RepositoryEntry.objects.get(title="Rejected practice")
    response = rest(member()).get(member_url("repository-export", rejected, export_format="json"))
    assert response.status_code == 404


# Pages ------------------------------------------------------------------------------------

def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_member_page_lists_entries_with_labels_and_criteria(practices):
    client = _logged_in(member())
    response = client.get(reverse("vetnet:repository-member", kwargs={"course_key": COURSE_KEY}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Credited carpentry mentors" in html and "Giulia Rossi" in html
    assert "Rejected practice" not in html and "Pending practice" not in html
    assert "Pablo" not in html and "Secreto" not in html
    assert 'name="viewport"' in html
    bad = client.get(reverse("vetnet:repository-member", kwargs={"course_key": COURSE_KEY}) + "?topic=nope")
    assert bad.status_code == 400 and "Choose a topic" in bad.content.decode()


def test_the_member_page_needs_a_login_and_membership(practices):
    url = reverse("vetnet:repository-member", kwargs={"course_key": COURSE_KEY})
    assert Client().get(url).status_code == 302
    assert _logged_in(UserFactory()).get(url).status_code == 403


def test_a_member_adopts_from_the_entry_page_with_the_csrf_token(practices):
    adopter = member(country="FR")
    url = member_url("repository-member-entry", practices["entry"])
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(adopter)
    page = checked.get(url)
    assert page.status_code == 200 and "I adopted this" in page.content.decode()
    assert checked.post(url, {"action": "adopt"}).status_code == 403  # no token
    token = page.cookies["csrftoken"].value
    done = checked.post(url, {"action": "adopt", "context": "Lyon", "csrfmiddlewaretoken": token})
    assert done.status_code == 302
    assert "You adopted this practice" in checked.get(url).content.decode()
    refused = checked.post(url, {"action": "outcome", "outcome": "bogus", "csrfmiddlewaretoken": token})
    assert refused.status_code == 400 and "Choose how the adoption went" in refused.content.decode()


@pytest.mark.parametrize("name, kwargs", [
    ("repository-public", {}), ("repository-atom-feed", {}), ("repository-json-feed", {}),
])
def test_the_public_addresses_are_off_by_default(practices, name, kwargs):
    assert Client().get(reverse(f"vetnet:{name}", kwargs=kwargs)).status_code == 404


def test_public_entry_and_export_are_off_by_default(practices):
    uuid = str(practices["entry"].uuid)
    assert Client().get(reverse("vetnet:repository-public-entry", kwargs={"entry_uuid": uuid})).status_code == 404
    assert Client().get(reverse("vetnet:repository-public-export",
                                kwargs={"entry_uuid": uuid, "export_format": "json"})).status_code == 404


def test_the_public_page_shows_listed_practices_without_login_and_no_personal_data(practices, public):
    html = Client().get(reverse("vetnet:repository-public")).content.decode()
    assert "Credited carpentry mentors" in html and "Uncredited green kitchens" in html
    assert "Rejected practice" not in html and "Pending practice" not in html
    assert "Giulia Rossi" in html
    for private in ("Pablo", "Secreto", "giulia@example.org", practices["anonymous"].username,
                    practices["credited"].username, "Scuola Edile"):
        assert private not in html
    uuid = str(practices["entry"].uuid)
    entry_page = Client().get(reverse("vetnet:repository-public-entry", kwargs={"entry_uuid": uuid}))
    assert entry_page.status_code == 200 and "Paired mentors" in entry_page.content.decode()
    assert "csrfmiddlewaretoken" not in entry_page.content.decode()
    rejected = RepositoryEntry.objects.get(title="Rejected practice")
    assert Client().get(reverse("vetnet:repository-public-entry",
                                kwargs={"entry_uuid": str(rejected.uuid)})).status_code == 404
    export = Client().get(reverse("vetnet:repository-public-export",
                                  kwargs={"entry_uuid": uuid, "export_format": "json"}))
    assert export.status_code == 200 and export.json()["authors"] == ["Giulia Rossi"]


def test_the_atom_feed_parses_and_holds_only_listed_practices(practices, public):
    response = Client().get(reverse("vetnet:repository-atom-feed"))
    assert response.status_code == 200 and "atom" in response["Content-Type"]
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    titles = {e.find(f"{ATOM}title").text for e in entries}
    assert titles == {"Credited carpentry mentors", "Uncredited green kitchens"}
    authors = [a.text for e in entries for a in e.iter(f"{ATOM}name")]
    assert authors == ["Giulia Rossi"]
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("urn:uuid:")
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
        assert entry.find(f"{ATOM}updated").text
    assert b"Secreto" not in response.content


def test_the_json_feed_follows_version_1_1(practices, public):
    response = Client().get(reverse("vetnet:repository-json-feed"))
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert feed["home_page_url"].startswith("http") and feed["feed_url"].startswith("http")
    assert len(feed["items"]) == 2
    for item in feed["items"]:
        assert {"id", "url", "title"} <= set(item)
        assert "content_html" in item or "content_text" in item
        assert set(item) <= {"id", "url", "external_url", "title", "content_html", "content_text", "summary",
                             "image", "banner_image", "date_published", "date_modified", "authors", "tags",
                             "language", "attachments"}
        for author in item.get("authors", []):
            assert set(author) <= {"name", "url", "avatar"}
    credited = next(i for i in feed["items"] if i["title"] == "Credited carpentry mentors")
    assert credited["authors"] == [{"name": "Giulia Rossi"}] and credited["language"] == "it"
    uncredited = next(i for i in feed["items"] if i["title"] == "Uncredited green kitchens")
    assert "authors" not in uncredited


def test_a_withdrawn_practice_leaves_the_public_page_the_feeds_and_the_export(practices, public):
    entry = practices["entry"]
    api.withdraw_from_repository(user=practices["credited"], course_key=COURSE_KEY, entry_uuid=entry.uuid)
    client = Client()
    assert "Credited carpentry mentors" not in client.get(reverse("vetnet:repository-public")).content.decode()
    assert b"Credited carpentry mentors" not in client.get(reverse("vetnet:repository-atom-feed")).content
    feed = json.loads(client.get(reverse("vetnet:repository-json-feed")).content)
    assert [item["title"] for item in feed["items"]] == ["Uncredited green kitchens"]
    uuid = str(entry.uuid)
    assert client.get(reverse("vetnet:repository-public-entry", kwargs={"entry_uuid": uuid})).status_code == 404
    assert client.get(reverse("vetnet:repository-public-export",
                              kwargs={"entry_uuid": uuid, "export_format": "csv"})).status_code == 404
