"""
A post's HTML is rendered once, when it is written or edited, and stored: a
thread page serves that copy; ``manage.py vetnet_render_html`` renders every
copy again after the sanitiser's rules change. Hostile Markdown stays harmless
at every step.
"""
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from rest_framework.test import APIClient

from vetnet_plugin import api
from vetnet_plugin.core import markup
from vetnet_plugin.core import stored_html as core_stored_html
from vetnet_plugin.discussions.models import Post, PostRevision, Thread, Translation
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



@contextmanager
def rows_written_before(migration: str):
    """
    Old models at ``migration`` of this app, to write rows as they were
    written then; once the block ends (or fails), every migration after it runs.
    """
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    before = [("vetnet", migration)]
    executor.migrate(before)
    try:
        yield executor.loader.project_state(before).apps
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(leaves)


@pytest.fixture
def no_rendering_on_read(monkeypatch):
    """Fail the test if a thread read renders Markdown."""
    def refuse(text):
        raise AssertionError(f"Markdown rendered on read: {text!r}")
    monkeypatch.setattr(core_stored_html, "render_missing", refuse)


def test_a_post_is_rendered_when_written_and_the_page_serves_the_stored_html(thread_id, monkeypatch):
    alice = member()
    created = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Short **modular** courses")
    stored = Post.objects.get(uuid=created.id)
    assert stored.body_html == "<p>Short <strong>modular</strong> courses</p>"
    assert created.body_html == stored.body_html

    def refuse(text):
        raise AssertionError(f"Markdown rendered on read: {text!r}")
    monkeypatch.setattr(core_stored_html, "render_missing", refuse)
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
    with rows_written_before("0011_best_practices") as old:
        thread = old.get_model("vetnet", "Thread").objects.create(
            course_key=COURSE_KEY, usage_key="block-v1:x", target="case:old")
        old.get_model("vetnet", "Post").objects.create(thread=thread, body=HOSTILE, language="en", depth=0)
        old.get_model("vetnet", "Post").objects.create(thread=thread, body="An *old* post", language="en", depth=0)
    stored = {p.body: p.body_html for p in Post.objects.filter(thread_id=thread.pk)}
    assert stored["An *old* post"] == "<p>An <em>old</em> post</p>"
    assert_harmless(stored[HOSTILE])


def test_earlier_versions_and_translations_are_rendered_when_written_and_served_stored(thread_id, monkeypatch):
    alice, bob = member(), member()
    created = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="First *draft*",
                              language="en")
    api.edit_post(user=alice, course_key=COURSE_KEY, post_id=created.id, body="Second **version**", language="en")
    api.contribute_translation(user=bob, course_key=COURSE_KEY, kind=api.POST_TRANSLATION, object_id=created.id,
                               language="it", body="Seconda **versione**")
    revision = PostRevision.objects.get(post__uuid=created.id)
    translation = Translation.objects.get(kind=Translation.POST, language="it")
    assert revision.body_html == "<p>First <em>draft</em></p>"
    assert translation.body_html == "<p>Seconda <strong>versione</strong></p>"
    # A correction renders again.
    api.contribute_translation(user=alice, course_key=COURSE_KEY, kind=api.POST_TRANSLATION, object_id=created.id,
                               language="it", body="Seconda *versione*")
    assert Translation.objects.get(pk=translation.pk).body_html == "<p>Seconda <em>versione</em></p>"

    def refuse(text):
        raise AssertionError(f"Markdown rendered on read: {text!r}")
    monkeypatch.setattr(core_stored_html, "render_missing", refuse)
    PostRevision.objects.filter(pk=revision.pk).update(body_html="<p>the stored version</p>")
    Translation.objects.filter(pk=translation.pk).update(body_html="<p>la copia salvata</p>")
    reader = member()
    (history,) = api.list_post_revisions(user=reader, course_key=COURSE_KEY, post_id=created.id)
    assert history.body_html == "<p>the stored version</p>" and history.body == "First *draft*"
    assert api.post_revisions(user=reader, course_key=COURSE_KEY, post_ids=[created.id])[created.id][0].body_html \
        == "<p>the stored version</p>"
    (post,) = thread_json(reader, thread_id)
    assert [t["body_html"] for t in post["translations"]] == ["<p>la copia salvata</p>"]


def test_the_command_renders_earlier_versions_and_translations_again_one_course_or_all(thread_id, monkeypatch):
    alice = member()
    created = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Old **words**",
                              language="en")
    api.edit_post(user=alice, course_key=COURSE_KEY, post_id=created.id, body="New words", language="en")
    api.contribute_translation(user=alice, course_key=COURSE_KEY, kind=api.POST_TRANSLATION, object_id=created.id,
                               language="es", body="Palabras **nuevas**")
    other_thread = api.get_or_create_thread(course_key=OTHER_COURSE, usage_key=USAGE_KEY.replace("CoVP", "Crafts"),
                                            target="case:other")
    someone = member(OTHER_COURSE)
    other = api.create_post(user=someone, course_key=OTHER_COURSE, thread_id=other_thread, body="Other **old**",
                            language="en")
    api.edit_post(user=someone, course_key=OTHER_COURSE, post_id=other.id, body="Other new", language="en")
    api.contribute_translation(user=someone, course_key=OTHER_COURSE, kind=api.POST_TRANSLATION,
                               object_id=other.id, language="ca", body="Altres **nous**")

    monkeypatch.setattr(markup, "ALLOWED_TAGS", markup.ALLOWED_TAGS - {"strong"})
    out = StringIO()
    for kind in ("revisions", "translations"):
        call_command("vetnet_render_html", "--course", COURSE_KEY, "--only", kind, "--no-progress", stdout=out,
                     stderr=StringIO())
    assert "Earlier versions of posts: 1 read, 1 with new HTML." in out.getvalue()
    assert "Translations: 1 read, 1 with new HTML." in out.getvalue()
    assert PostRevision.objects.get(post__uuid=created.id).body_html == "<p>Old words</p>"
    assert Translation.objects.get(language="es").body_html == "<p>Palabras nuevas</p>"
    # The other course's were left as they were, until every course is rendered.
    assert PostRevision.objects.get(post__uuid=other.id).body_html == "<p>Other <strong>old</strong></p>"
    assert Translation.objects.get(language="ca").body_html == "<p>Altres <strong>nous</strong></p>"
    again = StringIO()
    call_command("vetnet_render_html", "--no-progress", stdout=again, stderr=StringIO())
    assert "Earlier versions of posts: 2 read, 1 with new HTML." in again.getvalue()
    assert "Translations: 2 read, 1 with new HTML." in again.getvalue()
    assert Translation.objects.get(language="ca").body_html == "<p>Altres nous</p>"


@pytest.mark.django_db(transaction=True)
def test_the_migration_stores_the_html_of_earlier_versions_and_translations_written_before_it():
    with rows_written_before("0024_scenario_narrative_html") as old:
        thread = old.get_model("vetnet", "Thread").objects.create(
            course_key=COURSE_KEY, usage_key="block-v1:x", target="case:old")
        post = old.get_model("vetnet", "Post").objects.create(thread=thread, body="Now", language="en", depth=0)
        old.get_model("vetnet", "PostRevision").objects.create(post=post, body=HOSTILE, language="en",
                                                               created=post.created)
        old.get_model("vetnet", "Translation").objects.create(kind="post", object_id=post.pk, language="it",
                                                              body="Una *vecchia* traduzione")
    assert_harmless(PostRevision.objects.get(post_id=post.pk).body_html)
    assert "<strong>bold</strong>" in PostRevision.objects.get(post_id=post.pk).body_html
    assert Translation.objects.get(object_id=post.pk, kind="post").body_html == "<p>Una <em>vecchia</em> traduzione</p>"
