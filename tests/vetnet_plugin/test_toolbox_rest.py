"""The toolbox over the v1 REST API: authenticated, enrolled members only, paginated, safe downloads."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member
from tests.vetnet_plugin.toolbox_helpers import (  # noqa: F401
    METADATA,
    PDF,
    PNG,
    deposit,
    in_course,
    toolbox_media,
    upload,
)
from vetnet_plugin import api

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def url(name, course_key=COURSE_KEY, **kwargs):
    return reverse(f"vetnet:{name}", kwargs={"course_key": course_key, **kwargs})


def multipart(content=PDF, name="toolkit.pdf", **overrides):
    fields = {**METADATA, **overrides}
    body = {key: value for key, value in fields.items()}
    if content is not None:
        body["file"] = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return body


def test_anonymous_and_outsiders_are_refused():
    assert client_for().get(url("toolbox-resources")).status_code in (401, 403)
    response = client_for(UserFactory()).get(url("toolbox-resources"))
    assert response.status_code == 403
    assert "members of this course community" in response.json()["detail"]


# Committed rows: MariaDB's FULLTEXT index (the search) sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_deposit_by_upload_then_find_download(django_capture_on_commit_callbacks):
    author, reader = member(), member()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(author).post(url("toolbox-resources"), multipart(), format="multipart")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "pending"  # REST deposits wait for staff
    assert created["sectors"] == ["construction", "wood_furniture"]

    staff = UserFactory(is_staff=True)
    queue = client_for(staff).get(url("toolbox-moderation")).json()
    assert [r["uuid"] for r in queue["results"]] == [created["uuid"]]
    approved = client_for(staff).post(url("toolbox-moderate", resource_uuid=created["uuid"]),
                                      {"action": "approve"}, format="json")
    assert approved.json()["status"] == "published"

    listing = client_for(reader).get(url("toolbox-resources"), {"eqf_level": "4", "search": "carpentry"}).json()
    assert listing["count"] == 1 and listing["facets"]["eqf_levels"] == {"3": 1, "4": 1}

    download = client_for(reader).get(url("toolbox-download", resource_uuid=created["uuid"]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;")
    assert 'filename="toolkit.pdf"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    assert download["Content-Type"] == "application/pdf"


def test_a_bad_upload_is_a_400_with_the_reason():
    response = client_for(member()).post(url("toolbox-resources"), multipart(PNG, "report.pdf"), format="multipart")
    assert response.status_code == 400
    body = response.json()
    assert "content is not a .pdf" in body["detail"] and "file" in body["errors"]


def test_bad_metadata_is_a_400_per_field():
    response = client_for(member()).post(url("toolbox-resources"), multipart(title="", licence="mine"),
                                         format="multipart")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"title", "licence"}


def test_download_permissions_over_http(django_capture_on_commit_callbacks):
    author = member()
    with django_capture_on_commit_callbacks(execute=True):
        course_only = deposit(author, in_course(scope="course"))
        pending = deposit(author, in_course(moderation="approval"))
    download = lambda user, resource, course_key=COURSE_KEY: client_for(user).get(  # noqa: E731
        url("toolbox-download", course_key=course_key, resource_uuid=resource.uuid))
    assert download(UserFactory(), course_only).status_code == 403
    assert download(member(OTHER_COURSE_KEY), course_only, OTHER_COURSE_KEY).status_code == 404
    assert download(member(), pending).status_code == 404
    assert download(author, pending).status_code == 200
    assert download(member(), course_only).status_code == 200


def test_download_before_the_scan_is_a_409():
    resource = deposit(member())
    response = client_for(member()).get(url("toolbox-download", resource_uuid=resource.uuid))
    assert response.status_code == 409


def test_list_is_paginated_with_links(settings):
    settings.VETNET_RATE_LIMITS = {"deposit": [0, 0], "review": [0, 0], "adoption": [0, 0], "collection": [0, 0]}
    author = member()
    for n in range(7):
        deposit(author, link_url=f"https://example.org/{n}", title=f"Resource {n}")
    body = client_for(member()).get(url("toolbox-resources"), {"page_size": 3, "sort": "newest"}).json()
    assert body["count"] == 7 and body["num_pages"] == 3 and len(body["results"]) == 3
    assert "page=2" in body["next"] and body["previous"] is None
    assert client_for(member()).get(url("toolbox-resources"), {"page": 9}).status_code == 404
    assert client_for(member()).get(url("toolbox-resources"), {"sort": "random"}).status_code == 400


def test_review_adopt_and_collect_over_http():
    resource = deposit(member(), link_url="https://example.org/tool")
    reader = client_for(member())
    review = reader.put(url("toolbox-reviews", resource_uuid=resource.uuid), {"rating": 4, "text": "Good"},
                        format="json")
    assert review.status_code == 200 and review.json()["rating"] == 4
    assert reader.put(url("toolbox-reviews", resource_uuid=resource.uuid), {"rating": 9},
                      format="json").status_code == 400
    reviews = reader.get(url("toolbox-reviews", resource_uuid=resource.uuid)).json()
    assert reviews["count"] == 1 and reviews["own"]["rating"] == 4

    adoption = reader.put(url("toolbox-adoption", resource_uuid=resource.uuid),
                          {"context": "Pilot", "outcome": "success", "outcome_report": "Went well"}, format="json")
    assert adoption.json()["outcome"] == "success"
    assert reader.get(url("toolbox-adoption", resource_uuid=resource.uuid)).json()["outcomes"] == {"success": 1}

    collection = reader.post(url("toolbox-collections"), {"title": "Favourites", "visibility": "course"},
                             format="json").json()
    added = reader.put(url("toolbox-collection-item", collection_uuid=collection["uuid"],
                           resource_uuid=resource.uuid))
    assert added.json()["resource_uuids"] == [resource.uuid]
    assert client_for(member()).get(url("toolbox-collections")).json()["count"] == 1


def test_members_cannot_moderate_over_http():
    resource = deposit(member(), in_course(moderation="approval"), link_url="https://example.org/tool")
    response = client_for(member()).post(url("toolbox-moderate", resource_uuid=resource.uuid),
                                         {"action": "approve"}, format="json")
    assert response.status_code == 404  # a pending resource is invisible to other members


def test_the_rate_limit_is_a_429(settings):
    settings.VETNET_RATE_LIMITS = {"collection": [1, 3600]}
    client = client_for(member())
    assert client.post(url("toolbox-collections"), {"title": "One"}, format="json").status_code == 201
    response = client.post(url("toolbox-collections"), {"title": "Two"}, format="json")
    assert response.status_code == 429 and "limit of 1 in 60 minutes" in response.json()["detail"]


def test_the_schema_describes_the_toolbox():
    response = client_for(member()).get(reverse("vetnet:schema"))
    assert response.status_code == 200
    assert b"/toolbox/resources/" in response.content


def test_a_link_can_be_deposited_as_json_and_edited_by_its_author():
    author = member()
    body = {**METADATA, "link_url": "https://example.org/tool", "resource_type": "technological_tool"}
    created = client_for(author).post(url("toolbox-resources"), body, format="json")
    assert created.status_code == 201, created.content
    uuid = created.json()["uuid"]
    changed = client_for(author).put(url("toolbox-resource", resource_uuid=uuid), {**METADATA, "title": "Renamed"},
                                     format="json")
    assert changed.status_code == 200 and changed.json()["title"] == "Renamed"
    assert client_for(member()).put(url("toolbox-resource", resource_uuid=uuid), METADATA,
                                    format="json").status_code == 404  # pending: invisible to others
    assert client_for(author).delete(url("toolbox-resource", resource_uuid=uuid)).status_code == 204


def large_pdf(megabytes: float) -> bytes:
    """A PDF of about ``megabytes``: over Django's in-memory limit (2.5 MB) it is uploaded to a file on disk."""
    return PDF + b"%" + b"0" * int(megabytes * 1024 * 1024)


def test_a_deposit_larger_than_what_django_keeps_in_memory_is_stored_whole(settings,
                                                                          django_capture_on_commit_callbacks):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, whatever the host says
    content = large_pdf(3)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(member()).post(url("toolbox-resources"), multipart(content, "big-guide.pdf"),
                                             format="multipart")

    assert response.status_code == 201, response.content[:300]
    resource = response.json()
    staff = client_for(UserFactory(is_staff=True))
    staff.post(url("toolbox-moderate", resource_uuid=resource["uuid"]), {"action": "approve"}, format="json")
    download = staff.get(url("toolbox-download", resource_uuid=resource["uuid"]))
    assert b"".join(download.streaming_content) == content


def test_a_new_version_through_rest_obeys_the_upload_limit_of_the_block_the_resource_was_deposited_in():
    author = member()
    block = in_course(usage_key="block-v1:VETNet+CoVP+2026+type@vetnet_toolbox+block@library",
                    max_upload_bytes=1024 * 1024)
    resource = deposit(author, block)
    versions = url("toolbox-versions", resource_uuid=resource.uuid)

    too_large = client_for(author).post(versions, {"file": SimpleUploadedFile("v2.pdf", large_pdf(2))},
                                        format="multipart")
    assert too_large.status_code == 400
    assert "too large" in too_large.json()["detail"]
    assert api.get_resource(user=author, **block, resource_uuid=resource.uuid).current_version.number == 1

    fits = client_for(author).post(versions, {"file": SimpleUploadedFile("v2.pdf", large_pdf(0.5))},
                                   format="multipart")
    assert fits.status_code == 201, fits.content[:300]


def test_the_block_a_resource_was_deposited_in_may_raise_its_limit_for_later_versions():
    author = member()
    usage_key = "block-v1:VETNet+CoVP+2026+type@vetnet_toolbox+block@library"
    resource = deposit(author, in_course(usage_key=usage_key, max_upload_bytes=1024 * 1024))
    raised = in_course(usage_key=usage_key, max_upload_bytes=4 * 1024 * 1024)

    api.add_resource_version(user=author, **raised, resource_uuid=resource.uuid,
                             file=upload(large_pdf(2), "v2.pdf"), filename="v2.pdf")

    versions = url("toolbox-versions", resource_uuid=resource.uuid)
    response = client_for(author).post(versions, {"file": SimpleUploadedFile("v3.pdf", large_pdf(3))},
                                       format="multipart")
    assert response.status_code == 201, response.content[:300]
