"""
A post's HTML is rendered once, when it is written or edited, and stored: a
thread page serves that copy; ``manage.py vetnet_render_html`` renders every
copy again after the sanitiser's rules change. Hostile Markdown stays harmless
at every step.
"""
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from rest_framework.test import APIClient

from vetnet_plugin import api
from vetnet_plugin.core import markup
from vetnet_plugin.discussions import posts as discussion_posts
from vetnet_plugin.discussions.models import Post, Thread
from vetnet_plugin.toolbox.models import Resource

from .communication_helpers import COURSE_KEY, USAGE_KEY, member
from .toolbox_helpers import deposit

pytestmark = pytest.mark.django_db

OTHER_COURSE = "course-v1:VETNet+Crafts+2026"
HOSTILE = (
    "<script>alert('x')</script> **bold** <img src=x onerror=alert(1)> "
    "[click](javascript:alert(1)) <a href=\"https://example.org\" onclick=\"steal()\">site</a>"
)


@pytest.fixture
def thread_id():
    return api.get_or_create_thread(course_key=COURSE_KEY, usage_key=USAGE_KEY, target="case:html", title="HTML")


def thread_json(user, thread_id):
    client = APIClient()
    client.force_authenticate(user)
    response = client.get(f"/api/vetnet/v1/courses/{COURSE_KEY}/threads/{thread_id}/")
    assert response.status_code == 200
    return response.json()["posts"]["results"]


def assert_harmless(html):
    for danger in ("<script", "onerror", "onclick", "javascript:", "<img"):
        assert danger not in html
    assert 'rel="nofollow ugc noopener"' in html


@pytest.fixture
def no_rendering_on_read(monkeypatch):
    """Fail the test if a thread read renders Markdown."""
    def refuse(text):
        raise AssertionError(f"Markdown rendered on read: {text!r}")
    monkeypatch.setattr(discussion_posts, "render_markdown", refuse)


def test_a_post_is_rendered_when_written_and_the_page_serves_the_stored_html(thread_id, monkeypatch):
    alice = member()
    created = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Short **modular** courses")
    stored = Post.objects.get(uuid=created.id)
    assert stored.body_html == "<p>Short <strong>modular</strong> courses</p>"
    assert created.body_html == stored.body_html

    def refuse(text):
        raise AssertionError(f"Markdown rendered on read: {text!r}")
    monkeypatch.setattr(discussion_posts, "render_markdown", refuse)
    # What the page shows is the stored copy, not a fresh rendering of the Markdown.
    Post.objects.filter(pk=stored.pk).update(body_html="<p>the stored copy</p>")
    (post,) = thread_json(member(), thread_id)
    assert post["body_html"] == "<p>the stored copy</p>"
    assert post["body"] == "Short **modular** courses"


def test_an_edit_renders_the_html_again(thread_id):
    alice = member()
    created = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="First *draft*")
    edited = api.edit_post(user=alice, course_key=COURSE_KEY, post_id=created.id, body="Second **version**")
    assert edited.body_html == "<p>Second <strong>version</strong></p>"
    (post,) = thread_json(member(), thread_id)
    assert post["body_html"] == "<p>Second <strong>version</strong></p>"
    assert Post.objects.get(uuid=created.id).body_html == "<p>Second <strong>version</strong></p>"


def test_hostile_markdown_is_stored_sanitised_and_served_sanitised(thread_id, no_rendering_on_read):
    alice = member()
    # Writing renders (and is allowed to); the fixture only forbids rendering on read.
    Post.objects.create(thread=Thread.objects.get(uuid=thread_id), author=alice, body=HOSTILE, language="en")
    stored = Post.objects.get(body=HOSTILE)
    assert_harmless(stored.body_html)
    assert "<strong>bold</strong>" in stored.body_html
    (post,) = thread_json(member(), thread_id)
    assert_harmless(post["body_html"])


def test_a_retired_member_s_posts_keep_no_html(thread_id):
    alice = member()
    created = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="My *words*")
    api.retire_discussion_member(alice.id)
    assert Post.objects.get(uuid=created.id).body_html == ""


def test_rows_written_in_bulk_without_html_are_rendered_on_read(thread_id):
    alice = member()
    created = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Bulk *row*")
    Post.objects.filter(uuid=created.id).update(body_html="")
    (post,) = thread_json(member(), thread_id)
    assert post["body_html"] == "<p>Bulk <em>row</em></p>"


def test_the_command_renders_stored_html_again_after_a_sanitiser_change(thread_id, monkeypatch):
    alice = member()
    api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Keep **this** calm")
    api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body=HOSTILE)
    other_thread = api.get_or_create_thread(course_key=OTHER_COURSE, usage_key=USAGE_KEY.replace("CoVP", "Crafts"),
                                            target="case:other")
    api.create_post(user=member(OTHER_COURSE), course_key=OTHER_COURSE, thread_id=other_thread, body="Other **course**")

    # The sanitiser's rules change: <strong> is no longer allowed.
    monkeypatch.setattr(markup, "ALLOWED_TAGS", markup.ALLOWED_TAGS - {"strong"})
    out, err = StringIO(), StringIO()
    call_command("vetnet_render_html", "--course", COURSE_KEY, "--only", "posts", stdout=out, stderr=err)
    assert "Discussion posts: 2 read, 2 with new HTML." in out.getvalue()
    assert "Rendering discussion posts" in err.getvalue() and "2/2" in err.getvalue()

    reader = member()
    calm, hostile = (p["body_html"] for p in thread_json(reader, thread_id))
    assert calm == "<p>Keep this calm</p>"
    assert_harmless(hostile)
    assert "<strong>" not in hostile
    # Another course's posts were left as they were.
    assert Post.objects.get(body="Other **course**").body_html == "<p>Other <strong>course</strong></p>"

    again = StringIO()
    call_command("vetnet_render_html", "--no-progress", stdout=again, stderr=StringIO())
    assert "Discussion posts: 3 read, 1 with new HTML." in again.getvalue()
    assert Post.objects.get(body="Other **course**").body_html == "<p>Other course</p>"


def test_the_command_renders_resource_descriptions_again(monkeypatch):
    deposit(member(), link_url="https://example.org/kilns", title="Kiln safety", description="Fire **kilns** safely")
    assert Resource.objects.get(title="Kiln safety").description_html == "<p>Fire <strong>kilns</strong> safely</p>"
    monkeypatch.setattr(markup, "ALLOWED_TAGS", markup.ALLOWED_TAGS - {"strong"})
    out = StringIO()
    call_command("vetnet_render_html", "--only", "resources", "--no-progress", stdout=out, stderr=StringIO())
    assert "Toolbox resources: 1 read, 1 with new HTML." in out.getvalue()
    assert Resource.objects.get(title="Kiln safety").description_html == "<p>Fire kilns safely</p>"


def test_the_command_refuses_a_malformed_course_key_with_a_message():
    with pytest.raises(CommandError):
        call_command("vetnet_render_html", "--course", "not a course", "--no-progress", stdout=StringIO(),
                     stderr=StringIO())


@pytest.mark.django_db(transaction=True)
def test_the_migration_stores_the_html_of_posts_written_before_it():
    before = [("vetnet", "0011_best_practices")]
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    thread = old.get_model("vetnet", "Thread").objects.create(
        course_key=COURSE_KEY, usage_key="block-v1:x", target="case:old")
    old.get_model("vetnet", "Post").objects.create(thread=thread, body=HOSTILE, language="en", depth=0)
    old.get_model("vetnet", "Post").objects.create(thread=thread, body="An *old* post", language="en", depth=0)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(leaves)
    stored = {p.body: p.body_html for p in Post.objects.filter(thread_id=thread.pk)}
    assert stored["An *old* post"] == "<p>An <em>old</em> post</p>"
    assert_harmless(stored[HOSTILE])
