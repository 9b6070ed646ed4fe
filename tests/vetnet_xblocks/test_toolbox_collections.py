"""Members open a collection in the toolbox block: its resources, who may see it, and removing one."""
import pytest

from tests.vetnet_plugin.toolbox_helpers import toolbox_media  # noqa: F401

from . import test_toolbox_block
from .runtime import call_handler
from .test_toolbox_block import deposit, get, other_member

block_and_member = test_toolbox_block.block_and_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


def shared_collection(runtime, block, visibility="course"):
    """A collection of two resources deposited by the block's member, shared as ``visibility``."""
    uuids = []
    for title in ("Bakery guide", "Welding checklist"):
        status, body = deposit(runtime, block, fields=[
            ("title", title), ("resource_type", "document"), ("licence", "cc-by"),
        ] + [("link_url", f"https://example.org/{len(uuids)}")], file=None)
        assert status == 201, body
        uuids.append(body["resource"]["uuid"])
    status, collection, _response = call_handler(runtime, block, "create_collection",
                                                 {"title": "Craft picks", "visibility": visibility})
    assert status == 200, collection
    for uuid in uuids:
        call_handler(runtime, block, "collect", {"collection": collection["uuid"], "resource": uuid})
    return collection["uuid"], uuids


def test_the_owner_opens_a_collection_and_sees_its_resources_and_who_may_see_it(block_and_member):
    block, runtime, _user = block_and_member
    collection, _uuids = shared_collection(runtime, block)
    status, opened, _response = get(runtime, block, "collection", collection=collection)
    assert status == 200, opened
    assert [item["title"] for item in opened["items"]] == ["Bakery guide", "Welding checklist"]
    assert opened["collection"]["visibility"] == "course" and opened["is_own"] is True
    assert opened["count"] == 2 and opened["items"][0]["rating_count"] == 0
    status, listed, _response = get(runtime, block, "collections")
    assert [(c["title"], c["visibility"], c["is_own"]) for c in listed["collections"]] == [
        ("Craft picks", "course", True)]


def test_the_owner_removes_a_resource_and_the_opened_collection_no_longer_lists_it(block_and_member):
    block, runtime, _user = block_and_member
    collection, uuids = shared_collection(runtime, block)
    status, _body, _response = call_handler(runtime, block, "collect",
                                            {"collection": collection, "resource": uuids[0], "remove": True})
    assert status == 200
    _status, opened, _response = get(runtime, block, "collection", collection=collection)
    assert [item["title"] for item in opened["items"]] == ["Welding checklist"]


def test_a_classmate_opens_a_course_collection_but_cannot_change_it(block_and_member):
    block, runtime, _user = block_and_member
    collection, uuids = shared_collection(runtime, block)
    reader_runtime, reader_block = other_member(block)
    status, opened, _response = get(reader_runtime, reader_block, "collection", collection=collection)
    assert status == 200 and opened["is_own"] is False and opened["count"] == 2
    status, _body, _response = call_handler(reader_runtime, reader_block, "collect",
                                            {"collection": collection, "resource": uuids[0], "remove": True})
    assert status == 403
    _status, opened, _response = get(runtime, block, "collection", collection=collection)
    assert opened["count"] == 2


def test_a_private_collection_cannot_be_opened_by_anyone_else(block_and_member):
    block, runtime, _user = block_and_member
    collection, _uuids = shared_collection(runtime, block, visibility="private")
    reader_runtime, reader_block = other_member(block)
    status, body, _response = get(reader_runtime, reader_block, "collection", collection=collection)
    assert status == 404 and "not shared with you" in body["error"]
    status, body, _response = get(reader_runtime, reader_block, "collection", collection="not-a-uuid")
    assert status in (400, 404)


def test_opening_a_collection_costs_the_same_queries_however_many_resources_it_holds(block_and_member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    block, runtime, _user = block_and_member
    collection, _uuids = shared_collection(runtime, block)
    with CaptureQueriesContext(connection) as two:
        get(runtime, block, "collection", collection=collection)
    _status, body = deposit(runtime, block, fields=[("title", "Third"), ("resource_type", "document"),
                                                    ("licence", "cc-by"), ("link_url", "https://example.org/3")],
                            file=None)
    call_handler(runtime, block, "collect", {"collection": collection, "resource": body["resource"]["uuid"]})
    with CaptureQueriesContext(connection) as three:
        _status, opened, _response = get(runtime, block, "collection", collection=collection)
    assert opened["count"] == 3
    assert len(three.captured_queries) == len(two.captured_queries) <= 12


# -- what the script swaps in: the server renders the collections and their resources (ADR 0007) ------------

def test_the_collections_panel_is_rendered_by_the_server_with_who_may_see_each(block_and_member):
    block, runtime, _user = block_and_member
    status, empty, _response = get(runtime, block, "collections_html")
    assert status == 200 and "No collection yet" in empty["html"]
    collection, _uuids = shared_collection(runtime, block)
    _status, listed, _response = get(runtime, block, "collections_html")
    html = listed["html"]
    assert "Craft picks" in html and "Who may see it: Members of this course" in html and "2 resources" in html
    assert f'data-uuid="{collection}"' in html and 'aria-expanded="false"' in html
    assert 'aria-controls="' in html and "Open the collection" in html


def test_an_opened_collection_lists_its_resources_with_a_remove_button_for_its_owner_only(block_and_member):
    block, runtime, _user = block_and_member
    collection, uuids = shared_collection(runtime, block)
    status, opened, _response = get(runtime, block, "collection_html", collection=collection)
    assert status == 200 and opened["html"].count("Remove from the collection") == 2
    assert "Bakery guide" in opened["html"] and "Welding checklist" in opened["html"]
    assert "2 resources" in opened["facts"] and "Made by" in opened["facts"]
    reader_runtime, reader_block = other_member(block)
    _status, seen, _response = get(reader_runtime, reader_block, "collection_html", collection=collection)
    assert "Bakery guide" in seen["html"] and "Remove from the collection" not in seen["html"]
    call_handler(runtime, block, "collect", {"collection": collection, "resource": uuids[0], "remove": True})
    _status, opened, _response = get(runtime, block, "collection_html", collection=collection)
    assert "Bakery guide" not in opened["html"] and "1 resource" in opened["facts"]


def test_a_private_collection_is_not_rendered_for_anyone_else(block_and_member):
    block, runtime, _user = block_and_member
    collection, _uuids = shared_collection(runtime, block, visibility="private")
    reader_runtime, reader_block = other_member(block)
    status, body, _response = get(reader_runtime, reader_block, "collection_html", collection=collection)
    assert status == 404 and "Bakery guide" not in str(body)
    _status, listed, _response = get(reader_runtime, reader_block, "collections_html")
    assert "Craft picks" not in listed["html"]
