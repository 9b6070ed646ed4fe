"""
A discussion thread is read a page at a time: top-level posts oldest first or
by votes, each page with its replies, cut in the database; public ids are uuids.
"""
import uuid

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.factories import new_request
from vetnet_plugin import api
from vetnet_plugin.discussions.models import Post
from vetnet_plugin.exceptions import InvalidInput, NotFound

from .communication_helpers import COURSE_KEY, USAGE_KEY, member, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("many_posts_allowed")]


@pytest.fixture
def many_posts_allowed(settings):
    settings.VETNET_RATE_LIMITS = {"post": [10_000, 300], "flag": [10_000, 300], "translation": [10_000, 300]}


@pytest.fixture
def thread_id():
    return api.get_or_create_thread(course_key=COURSE_KEY, usage_key=USAGE_KEY, target="case:pages", title="Pages")


def write(thread_id, people, count, *, replies=1, edits=1, start=0):
    """``count`` top-level posts, each with ``replies`` nested replies (two levels), ``edits`` of them edited."""
    author, other = people
    roots = []
    for n in range(start, start + count):
        root = api.create_post(user=author, course_key=COURSE_KEY, thread_id=thread_id, body=f"post {n}")
        parent = root
        for r in range(replies):
            parent = api.create_post(user=other, course_key=COURSE_KEY, thread_id=thread_id,
                                     body=f"reply {n}.{r}", parent_id=parent.id if r % 2 else root.id)
        if n - start < edits:
            api.edit_post(user=author, course_key=COURSE_KEY, post_id=root.id, body=f"post {n} (edited)")
            api.edit_post(user=other, course_key=COURSE_KEY, post_id=parent.id, body=f"reply {n} (edited)")
        roots.append(root)
    return roots


def queries_of(read) -> int:
    with CaptureQueriesContext(connection) as captured:
        read()
    return len(captured)


def test_public_ids_are_uuids_and_integer_keys_find_nothing(thread_id):
    alice, bob = member(), member()
    post = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Hello")
    reply = api.create_post(user=bob, course_key=COURSE_KEY, thread_id=thread_id, body="Hi", parent_id=post.id)
    for public_id in (thread_id, post.id, reply.id, post.thread_id, reply.parent_id):
        assert str(uuid.UUID(public_id)) == public_id
    assert reply.parent_id == post.id and reply.thread_id == thread_id
    pk = Post.objects.get(uuid=post.id).pk
    with pytest.raises(NotFound):
        api.vote_post(user=bob, course_key=COURSE_KEY, post_id=pk)
    with pytest.raises(NotFound):
        api.create_post(user=bob, course_key=COURSE_KEY, thread_id=thread_id, body="x", parent_id=pk)
    with pytest.raises(NotFound):
        api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=Post.objects.get(uuid=post.id).thread_id)


def test_pages_hold_top_level_posts_with_all_their_replies(thread_id):
    alice, bob = member(), member()
    write(thread_id, (alice, bob), 7, replies=3, edits=0)
    first = api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id, page_size=3)
    assert (first.top_level_count, first.num_pages, first.page) == (7, 3, 1)
    assert first.post_count == 28, "the thread's size, not the page's"
    assert [p.body for p in first.posts] == ["post 0", "post 1", "post 2"]
    (top, *_rest) = first.posts
    assert [r.body for r in top.replies] == ["reply 0.0", "reply 0.2"]
    assert [r.body for r in top.replies[0].replies] == ["reply 0.1"]
    last = api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id, page=3, page_size=3)
    assert [p.body for p in last.posts] == ["post 6"] and len(last.posts[0].replies) == 2
    with pytest.raises(NotFound):
        api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id, page=4, page_size=3)
    with pytest.raises(InvalidInput):
        api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id, page="two")


def test_by_votes_the_most_supported_come_first_across_pages(thread_id):
    alice, bob, *voters = member(), member(), member(), member(), member()
    roots = write(thread_id, (alice, bob), 5, replies=0, edits=0)
    for post, votes in zip(roots, [0, 3, 1, 2, 1], strict=True):
        for voter in voters[:votes]:
            api.vote_post(user=voter, course_key=COURSE_KEY, post_id=post.id)
    pages = [api.get_thread(user=voters[0], course_key=COURSE_KEY, thread_id=thread_id, order="votes",
                            page=n, page_size=2).posts for n in (1, 2, 3)]
    assert [[p.body for p in page] for page in pages] == [["post 1", "post 3"], ["post 2", "post 4"], ["post 0"]]
    assert pages[0][0].voted_by_me and not pages[2][0].voted_by_me


def test_a_language_keeps_posts_in_it_and_those_whose_replies_are_in_it(thread_id):
    alice, bob = member(), member()
    english = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Apprenticeships",
                              language="en")
    api.create_post(user=bob, course_key=COURSE_KEY, thread_id=thread_id, body="Apprendistato",
                    parent_id=english.id, language="it")
    api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Only English", language="en")
    translated = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Short courses",
                                 language="en")
    api.contribute_translation(user=bob, course_key=COURSE_KEY, kind="post", object_id=translated.id,
                               language="it", body="Corsi brevi")
    thread = api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id, language="it")
    assert [p.body for p in thread.posts] == ["Apprenticeships", "Short courses"]
    assert thread.top_level_count == 2 and thread.languages == ("en", "it")
    assert [r.body for r in thread.posts[0].replies] == ["Apprendistato"]


@pytest.mark.parametrize("order", ["oldest", "votes"])
def test_a_thread_page_costs_the_same_queries_however_long_the_thread(thread_id, order, django_assert_num_queries):
    alice, bob, reader = member(), member(), member()
    write(thread_id, (alice, bob), 3, replies=2, edits=1)

    def read(page):
        def page_view():
            new_request()  # each page is read in a request of its own
            return api.get_thread(user=reader, course_key=COURSE_KEY, thread_id=thread_id, order=order,
                                  page=page, page_size=3)
        return page_view

    budget = queries_of(read(1))
    roots = write(thread_id, (alice, bob), 40, replies=4, edits=20, start=3)
    for post in roots[:10]:
        api.vote_post(user=reader, course_key=COURSE_KEY, post_id=post.id)
        api.flag_post(user=reader, course_key=COURSE_KEY, post_id=post.id, reason="look")
    api.follow_thread(user=reader, course_key=COURSE_KEY, thread_id=thread_id)
    with django_assert_num_queries(budget):
        first = read(1)()
    with django_assert_num_queries(budget):
        later = read(5)()
    assert len(first.posts) == 3 and len(later.posts) == 3 and first.is_following
    assert all(p.replies for p in first.posts + later.posts), "every page brings its replies"
    if order == "oldest":
        assert first.posts[0].edited and first.posts[0].body == "post 0 (edited)"
        assert [p.body for p in later.posts] == ["post 12 (edited)", "post 13 (edited)", "post 14 (edited)"]
    else:
        assert sum(p.voted_by_me for p in first.posts) == 3, "voted posts lead"


def test_staff_pages_and_the_flagged_queue_keep_their_budgets(thread_id, django_assert_num_queries):
    alice, bob, staff = member(), member(), staff_user()
    roots = write(thread_id, (alice, bob), 2, replies=1, edits=1)
    api.flag_post(user=bob, course_key=COURSE_KEY, post_id=roots[0].id, reason="off topic")
    new_request()
    budget = queries_of(lambda: api.list_flagged_posts(user=staff, course_key=COURSE_KEY, page_size=5))
    for post in write(thread_id, (alice, bob), 12, replies=1, edits=3, start=2):
        api.flag_post(user=bob, course_key=COURSE_KEY, post_id=post.id, reason="again")
        api.flag_post(user=staff, course_key=COURSE_KEY, post_id=post.id, reason="")
    new_request()
    with django_assert_num_queries(budget):
        flagged = api.list_flagged_posts(user=staff, course_key=COURSE_KEY, page=2, page_size=5)
    assert flagged.count == 13 and flagged.num_pages == 3 and len(flagged.items) == 5
    assert all(item.reasons == ("again",) for item in flagged.items)


@override_settings(VETNET_PAGE_SIZE=4, VETNET_MAX_PAGE_SIZE=6)
def test_page_sizes_follow_the_settings(thread_id):
    alice, bob = member(), member()
    write(thread_id, (alice, bob), 9, replies=0, edits=0)
    assert len(api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id).posts) == 4
    assert api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id, page_size=50).page_size == 6
    threads = api.get_threads(user=bob, course_key=COURSE_KEY, thread_ids=[thread_id])
    assert len(threads[thread_id].posts) == 4 and threads[thread_id].num_pages == 3
