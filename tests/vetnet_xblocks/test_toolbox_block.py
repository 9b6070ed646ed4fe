"""The toolbox block: members share, find, rate, adopt and download; trainers configure it in Studio."""
import json

import pytest
import webob
from webob.multidict import MultiDict

from tests.factories import UserFactory, enroll
from tests.vetnet_plugin.toolbox_helpers import PDF, PNG, toolbox_media  # noqa: F401
from vetnet_xblocks.toolbox.block import ToolboxBlock

from .runtime import COURSE_KEY, CourseRuntime, call_handler, lms_opt_attrs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]

METADATA = [
    ("title", "Bakery apprenticeship guide"), ("description", "For *small* bakeries."),
    ("resource_type", "document"), ("country", "IT"), ("sectors", "agrifood"), ("sectors", "retail_trade"),
    ("eqf_levels", "3"), ("languages", "it"), ("target_group", "trainers"), ("licence", "cc-by"),
    ("tags", "bakery, apprenticeship"),
]


def member_runtime(**kwargs):
    user = UserFactory()
    enroll(user, COURSE_KEY)
    return user, CourseRuntime(lms_opt_attrs(user_id=user.id, username=user.username), **kwargs)


@pytest.fixture
def block_and_member():
    user, runtime = member_runtime()
    block = runtime.construct(ToolboxBlock)
    return block, runtime, user


def deposit(runtime, block, fields=METADATA, file=("guide.pdf", PDF)):
    post = list(fields) + ([("file", file)] if file else [])
    request = webob.Request.blank("/", POST=MultiDict(post))
    response = runtime.handle(block, "deposit", request)
    return response.status_code, json.loads(response.body)


def get(runtime, block, handler, **query):
    request = webob.Request.blank("/?" + "&".join(f"{k}={v}" for k, v in query.items()), method="GET")
    response = runtime.handle(block, handler, request)
    return response.status_code, (json.loads(response.body) if response.content_type == "application/json" else None), response


def other_member(block):
    """Another enrolled member, looking at the same block in a request of their own."""
    user = UserFactory()
    enroll(user, COURSE_KEY)
    runtime = block.runtime.as_user(lms_opt_attrs(user_id=user.id, username=user.username))
    return runtime, runtime.get_block(block.scope_ids.usage_id)


def test_the_learner_view_offers_the_deposit_form_and_the_filters(block_and_member):
    block, runtime, _user = block_and_member
    html = runtime.render(block, "student_view").content
    for text in ("Share a resource", "Resource type", "EQF level", "Licence", "Target group", "Tags",
                 "Creative Commons Attribution (CC BY 4.0)", "All rights reserved", 'type="file"'):
        assert text in html
    assert block.student_view().js_init_fn == "VetnetToolbox"


def test_the_deposit_form_offers_every_country_in_the_page_s_language_and_every_language(block_and_member):
    from django.utils import translation  # pylint: disable=import-outside-toplevel
    from lxml import html as lxml_html  # pylint: disable=import-outside-toplevel

    block, runtime, _user = block_and_member
    with translation.override("it"):
        page = lxml_html.fromstring(runtime.render(block, "student_view").content)
    countries = {o.get("value"): o.text for o in page.xpath("//select[@name='country']/option")}
    assert len(countries) > 240 and countries[""] == "Not specific to one country"
    # Names as the page's language gives them, markup-escaped ("d'Avorio") and read back whole.
    assert countries["DE"] == "Germania" and countries["CI"] == "Costa d'Avorio"
    languages = {o.get("value"): o.text for o in page.xpath("//select[@name='languages']/option")}
    assert languages["el"] == "Greco" and languages["ca"] == "Catalano"
    visibility = [o.get("value") for o in page.xpath("//select[@name='visibility']/option")]
    assert visibility == ["private", "course", "community"]


def test_people_outside_the_course_are_told_to_enroll():
    outsider = UserFactory()
    runtime = CourseRuntime(lms_opt_attrs(user_id=outsider.id, username=outsider.username))
    block = runtime.construct(ToolboxBlock)
    assert "Enroll in this course" in runtime.render(block, "student_view").content
    status, body, _response = get(runtime, block, "library")
    assert status == 403 and "members of this course community" in body["error"]


def test_share_find_rate_adopt_download(block_and_member, django_capture_on_commit_callbacks):
    block, runtime, _user = block_and_member
    with django_capture_on_commit_callbacks(execute=True):
        status, body = deposit(runtime, block)
    assert status == 201, body
    uuid = body["resource"]["uuid"]
    assert body["resource"]["status"] == "published"  # the block's default: publish at once

    reader_runtime, reader_block = other_member(block)
    status, page, _response = get(reader_runtime, reader_block, "library", eqf_level="3", sector="agrifood")
    assert status == 200 and [item["title"] for item in page["items"]] == ["Bakery apprenticeship guide"]
    assert page["facets"]["sectors"] == {"agrifood": 1, "retail_trade": 1}

    status, review, _response = call_handler(reader_runtime, reader_block, "review",
                                             {"resource": uuid, "rating": 5, "text": "Great"})
    assert status == 200 and review["rating"] == 5
    status, adoption, _response = call_handler(reader_runtime, reader_block, "adopt", {"resource": uuid})
    assert status == 200
    status, adoption, _response = call_handler(reader_runtime, reader_block, "adopt",
                                               {"resource": uuid, "outcome": "success", "outcome_report": "Done"})
    assert adoption["outcome"] == "success"

    status, _body, response = get(reader_runtime, reader_block, "download", resource=uuid)
    assert status == 200 and response.body == PDF
    assert response.headers["Content-Disposition"].startswith('attachment; filename="guide.pdf"')
    assert response.headers["X-Content-Type-Options"] == "nosniff"

    status, detail, _response = get(reader_runtime, reader_block, "resource", resource=uuid)
    assert detail["resource"]["rating_average"] == 5 and detail["resource"]["adoption_count"] == 1
    assert detail["resource"]["download_count"] == 1 and detail["own_review"]["text"] == "Great"


def test_a_bad_upload_is_a_400_that_keeps_the_form(block_and_member):
    block, runtime, _user = block_and_member
    status, body = deposit(runtime, block, file=("guide.pdf", PNG))
    assert status == 400 and "content is not a .pdf" in body["errors"]["file"][0]
    status, body = deposit(runtime, block, fields=[("title", "")], file=None)
    assert status == 400 and {"title", "resource_type", "licence", "file"} & set(body["errors"])


def test_approval_moderation_and_the_queue(django_capture_on_commit_callbacks):
    staff = UserFactory(is_staff=True)
    trainer_runtime = CourseRuntime(lms_opt_attrs(user_id=staff.id, username=staff.username, is_staff=True,
                                                  role="staff"))
    block = trainer_runtime.construct(ToolboxBlock)
    block.moderation = "approval"
    block.save()
    author_runtime, author_block = other_member(block)
    status, body = deposit(author_runtime, author_block, file=None,
                           fields=METADATA + [("link_url", "https://example.org/guide")])
    assert status == 201 and body["resource"]["status"] == "pending"
    status, queue, _response = get(trainer_runtime, block, "moderation_queue")
    assert [item["uuid"] for item in queue["items"]] == [body["resource"]["uuid"]]
    status, rejected, _response = call_handler(trainer_runtime, block, "moderate",
                                               {"resource": body["resource"]["uuid"], "action": "reject",
                                                "reason": "Add the licence text"})
    assert rejected["status"] == "rejected"
    status, mine, _response = get(author_runtime, author_block, "library", mine="1")
    assert mine["items"][0]["moderation_reason"] == "Add the licence text"
    status, _body, _response = get(author_runtime, author_block, "moderation_queue")
    assert status == 403


def test_studio_settings_are_validated_and_saved():
    staff = UserFactory(is_staff=True)
    runtime = CourseRuntime(lms_opt_attrs(user_id=staff.id, username=staff.username, is_staff=True, role="staff"))
    block = runtime.construct(ToolboxBlock)
    html = runtime.render(block, "studio_view").content
    assert "Library shown" in html and "Upload limit (MB)" in html
    status, body, _response = call_handler(runtime, block, "studio_submit", {
        "title": "Toolbox", "library_scope": "galaxy", "moderation": "maybe", "max_upload_mb": "-1",
        "allowed_resource_types": ["poem"],
    })
    assert status == 400
    assert set(body["errors"]) == {"library_scope", "moderation", "max_upload_mb", "allowed_resource_types"}
    status, body, _response = call_handler(runtime, block, "studio_submit", {
        "title": "Toolbox", "library_scope": "course", "moderation": "approval", "max_upload_mb": "5",
        "allowed_resource_types": ["video", "document"],
    })
    assert status == 200
    assert (block.library_scope, block.moderation, block.max_upload_mb) == ("course", "approval", 5)
    assert block.allowed_resource_types == ["document", "video"]
    assert block.toolbox_arguments()["context"].max_upload_bytes == 5 * 1024 * 1024


def test_the_blocks_limits_apply_to_deposits(block_and_member):
    block, runtime, _user = block_and_member
    block.allowed_resource_types = ["video"]
    status, body = deposit(runtime, block)
    assert status == 400 and "resource_type" in body["errors"]


def test_handlers_answer_bad_requests_with_a_4xx(block_and_member):
    block, runtime, _user = block_and_member
    status, body, _response = call_handler(runtime, block, "review", {"rating": 3})
    assert status == 404 and body["error"]
    status, body, _response = call_handler(runtime, block, "review", {"resource": "not-a-uuid", "rating": 3})
    assert status == 404
    status, body, _response = get(runtime, block, "library", sort="random")
    assert status == 400 and "sort" in body["errors"]
    status, body, _response = get(runtime, block, "download", resource="x", version="one")
    assert status == 400
    request = webob.Request.blank("/", method="GET")
    assert runtime.handle(block, "deposit", request).status_code == 405


def test_the_author_uploads_a_new_version(block_and_member):
    block, runtime, _user = block_and_member
    status, body = deposit(runtime, block)
    uuid = body["resource"]["uuid"]
    request = webob.Request.blank("/", POST=MultiDict([
        ("resource", uuid), ("change_note", "Second edition"), ("file", ("guide-2.png", PNG)),
    ]))
    response = runtime.handle(block, "new_version", request)
    assert response.status_code == 201
    versions = json.loads(response.body)["resource"]["versions"]
    assert [v["number"] for v in versions] == [2, 1] and versions[0]["change_note"] == "Second edition"
    reader_runtime, reader_block = other_member(block)
    request = webob.Request.blank("/", POST=MultiDict([("resource", uuid), ("link_url", "https://example.org")]))
    assert reader_runtime.handle(reader_block, "new_version", request).status_code == 403


def test_an_edit_of_a_published_resource_waits_in_the_queue_until_staff_publish_it():
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    staff = UserFactory(is_staff=True)
    trainer_runtime = CourseRuntime(lms_opt_attrs(user_id=staff.id, username=staff.username, is_staff=True,
                                                  role="staff"))
    block = trainer_runtime.construct(ToolboxBlock)
    block.moderation = "approval"
    block.save()
    author_runtime, author_block = other_member(block)
    reader_runtime, reader_block = other_member(block)
    _status, body = deposit(author_runtime, author_block, file=None,
                            fields=METADATA + [("link_url", "https://example.org/guide")])
    uuid = body["resource"]["uuid"]
    assert call_handler(trainer_runtime, block, "moderate", {"resource": uuid, "action": "approve"})[0] == 200
    author = api.get_resource(user=staff, **block.toolbox_arguments(), resource_uuid=uuid).author_id
    fields = {name: value for name, value in METADATA if name not in ("sectors", "tags")}
    fields.update(sectors=["agrifood"], eqf_levels=["3"], languages=["it"], tags=["bakery"],
                  title="Cheap flour, click here")
    api.update_resource(user=get_user_model().objects.get(pk=author), **block.toolbox_arguments(),
                        resource_uuid=uuid, metadata=fields)

    _status, library, _r = get(reader_runtime, reader_block, "library")
    assert [item["title"] for item in library["items"]] == ["Bakery apprenticeship guide"]
    status, queue, _r = get(trainer_runtime, block, "moderation_queue", status="changes")
    assert status == 200 and queue["items"][0]["pending_change"]["title"] == "Cheap flour, click here"
    status, _body, _r = call_handler(trainer_runtime, block, "moderate", {"resource": uuid, "action": "approve_change"})
    assert status == 200
    _status, library, _r = get(reader_runtime, reader_block, "library")
    assert [item["title"] for item in library["items"]] == ["Cheap flour, click here"]
    assert get(trainer_runtime, block, "moderation_queue", status="changes")[1]["items"] == []


def test_the_library_handler_pages_by_cursor_in_the_same_queries_however_deep(block_and_member, settings):
    from urllib.parse import quote  # pylint: disable=import-outside-toplevel

    from django.db import connection  # pylint: disable=import-outside-toplevel
    from django.test.utils import CaptureQueriesContext  # pylint: disable=import-outside-toplevel

    from tests.factories import new_request  # pylint: disable=import-outside-toplevel

    settings.VETNET_RATE_LIMITS = {"deposit": [0, 0]}
    settings.VETNET_TOOLBOX_FACET_WINDOW = 4
    block, runtime, _user = block_and_member
    for n in range(9):
        fields = [(k, f"Guide {n}" if k == "title" else v) for k, v in METADATA]
        assert deposit(runtime, block, fields=fields)[0] == 201
    reader_runtime, reader_block = other_member(block)
    status, first, _r = get(reader_runtime, reader_block, "library", page_size="2", sector="agrifood")
    assert status == 200 and first["next_cursor"]
    seen, body, costs = [i["title"] for i in first["items"]], first, []
    while body["next_cursor"]:
        new_request()
        with CaptureQueriesContext(connection) as captured:
            status, body, _r = get(reader_runtime, reader_block, "library", page_size="2", sector="agrifood",
                                   cursor=quote(body["next_cursor"]))
        assert status == 200
        costs.append(len(captured))
        seen += [i["title"] for i in body["items"]]
    assert seen == [f"Guide {n}" for n in range(8, -1, -1)]
    assert len(set(costs)) == 1, costs
    status, bad, _r = get(reader_runtime, reader_block, "library", cursor="not-a-cursor")
    assert status == 400 and bad["error"]


# -- a resource's details as the server renders them, with the member's forms (ADR 0007) -------------------

def test_the_details_hold_the_reader_s_forms_filled_with_what_they_said(block_and_member):
    block, runtime, _user = block_and_member
    _status, body = deposit(runtime, block)
    uuid = body["resource"]["uuid"]
    reader_runtime, reader_block = other_member(block)
    status, details, _response = get(reader_runtime, reader_block, "details_html", resource=uuid)
    assert status == 200 and "<em>small</em>" in details["html"] and "No reviews yet." in details["html"]
    html = details["html"]
    assert 'class="vetnet-toolbox__review"' in html and "I adopted this" in html and "Save review" in html
    # Sent by the script, so hidden without it; the author's version form is not the reader's.
    assert html.count("data-needs-script hidden") == 2 and "Upload a new version" not in html
    assert "Not rated yet" in details["stats"]
    call_handler(reader_runtime, reader_block, "review", {"resource": uuid, "rating": 4, "text": "Good <i>x</i>"})
    call_handler(reader_runtime, reader_block, "adopt", {"resource": uuid})
    _status, details, _response = get(reader_runtime, reader_block, "details_html", resource=uuid)
    html = details["html"]
    assert 'value="4" id="' in html and html.split('value="4"', 1)[1].startswith(' id="')
    assert "checked" in html.split('value="4"', 1)[1].split("<label", 1)[0]
    assert "Good &lt;i&gt;x&lt;/i&gt;</textarea>" in html and "<i>x</i>" not in html.split("<textarea", 2)[1]
    assert "How did it go?" in html and "I adopted this" not in html and "Adopted 1 time" in html
    assert "4 out of 5 stars (1 rating)" in details["stats"]


def test_the_author_s_details_offer_a_new_version_and_her_collections_but_no_review(block_and_member):
    block, runtime, _user = block_and_member
    _status, body = deposit(runtime, block)
    uuid = body["resource"]["uuid"]
    _status, details, _response = get(runtime, block, "details_html", resource=uuid)
    assert "Upload a new version" in details["html"] and "Save review" not in details["html"]
    assert "Add to collection" not in details["html"]  # no collection of her own yet
    call_handler(runtime, block, "create_collection", {"title": "My <b>picks</b>"})
    _status, details, _response = get(runtime, block, "details_html", resource=uuid)
    assert "Add to collection" in details["html"] and "My &lt;b&gt;picks&lt;/b&gt;</option>" in details["html"]


def test_opening_details_costs_the_same_queries_however_many_reviews_it_has(block_and_member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    block, runtime, _user = block_and_member
    _status, body = deposit(runtime, block)
    uuid = body["resource"]["uuid"]
    reader_runtime, reader_block = other_member(block)
    call_handler(reader_runtime, reader_block, "review", {"resource": uuid, "rating": 3})
    with CaptureQueriesContext(connection) as one:
        get(reader_runtime, reader_block, "details_html", resource=uuid)
    for _ in range(3):
        other_runtime, other_block = other_member(block)
        call_handler(other_runtime, other_block, "review", {"resource": uuid, "rating": 5, "text": "Yes"})
        call_handler(other_runtime, other_block, "adopt", {"resource": uuid, "outcome": "success",
                                                           "outcome_report": "Fine"})
    with CaptureQueriesContext(connection) as four:
        _status, details, _response = get(reader_runtime, reader_block, "details_html", resource=uuid)
    assert details["html"].count("★ ") == 4 and details["html"].count("it worked well — ") == 3
    assert len(four.captured_queries) == len(one.captured_queries) <= 16, [q["sql"] for q in four.captured_queries]
