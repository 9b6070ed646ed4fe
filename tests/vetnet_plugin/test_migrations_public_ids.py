"""The public-id and thread-page migrations keep an installed database's discussions whole."""
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("vetnet", "0003_discussions")]


def _leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_existing_threads_and_posts_get_uuids_and_their_roots():
    leaves = _leaves()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    thread = old.get_model("vetnet", "Thread").objects.create(
        course_key="course-v1:VETNet+CoVP+2026", usage_key="block-v1:x", target="case:old")
    Post = old.get_model("vetnet", "Post")
    root = Post.objects.create(thread=thread, body="Root", language="en", depth=0)
    reply = Post.objects.create(thread=thread, parent=root, body="Reply", language="en", depth=1)
    deeper = Post.objects.create(thread=thread, parent=reply, body="Deeper", language="en", depth=2)
    other_root = Post.objects.create(thread=thread, body="Other", language="en", depth=0)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(leaves)
    new = executor.loader.project_state(leaves).apps
    posts = {p.body: p for p in new.get_model("vetnet", "Post").objects.all()}
    assert len({str(p.uuid) for p in posts.values()}) == 4 and all(p.uuid for p in posts.values())
    assert new.get_model("vetnet", "Thread").objects.get(pk=thread.pk).uuid
    assert posts["Root"].root_id is None and posts["Other"].root_id is None
    assert posts["Reply"].root_id == root.pk and posts["Deeper"].root_id == root.pk
    assert deeper.pk and other_root.pk
