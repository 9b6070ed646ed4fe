"""The discussion core: threads, nested posts, edit history, votes, flags, moderation, follows."""
import pytest
from django.test import override_settings

from tests.factories import OTHER_COURSE_KEY, UserFactory
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound, RateLimited

from .communication_helpers import COURSE_KEY, USAGE_KEY, member, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread_id():
    return api.get_or_create_thread(course_key=COURSE_KEY, usage_key=USAGE_KEY, target="case:1", title="A case")


def test_a_thread_is_created_once_per_target(thread_id):
    again = api.get_or_create_thread(course_key=COURSE_KEY, usage_key=USAGE_KEY, target="case:1")
    assert again == thread_id


def test_members_post_and_reply_nested_two_levels_deep(thread_id):
    alice, bob = member(), member()
    post = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Modular courses **work**.")
    reply = api.create_post(user=bob, course_key=COURSE_KEY, thread_id=thread_id, body="Not for apprentices.",
                            parent_id=post.id)
    api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Why not?", parent_id=reply.id)

    thread = api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id)
    assert thread.post_count == 3
    (top,) = thread.posts
    assert top.body_html == "<p>Modular courses <strong>work</strong>.</p>"
    assert top.replies[0].author_name == bob.get_full_name()
    assert top.replies[0].replies[0].body == "Why not?"
    assert top.replies[0].replies[0].depth == 2


@override_settings(VETNET_DISCUSSION_MAX_DEPTH=2)
def test_replies_beyond_the_deepest_level_attach_beside_their_parent(thread_id):
    alice = member()
    parent = None
    for depth in range(4):
        parent = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body=f"level {depth}",
                                 parent_id=parent.id if parent else None)
    assert parent.depth == 2


def test_user_markdown_is_sanitised_and_links_marked(thread_id):
    alice = member()
    post = api.create_post(
        user=alice, course_key=COURSE_KEY, thread_id=thread_id,
        body='See [report](https://example.org) <script>alert(1)</script> <img src=x onerror=alert(1)>',
    )
    assert "<script" not in post.body_html and "onerror" not in post.body_html
    assert 'rel="nofollow ugc noopener"' in post.body_html
    assert post.body.startswith("See [report]"), "the raw Markdown is stored as written"


def test_outsiders_cannot_read_or_post(thread_id):
    outsider = UserFactory()
    with pytest.raises(AccessDenied):
        api.get_thread(user=outsider, course_key=COURSE_KEY, thread_id=thread_id)
    with pytest.raises(AccessDenied):
        api.create_post(user=outsider, course_key=COURSE_KEY, thread_id=thread_id, body="Hello")


def test_a_thread_of_another_course_is_not_found(thread_id):
    other_member = member(OTHER_COURSE_KEY)
    with pytest.raises(NotFound):
        api.get_thread(user=other_member, course_key=OTHER_COURSE_KEY, thread_id=thread_id)


def test_empty_and_overlong_posts_are_refused_with_a_field_error(thread_id):
    alice = member()
    with pytest.raises(InvalidInput) as empty:
        api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="   ")
    assert "body" in empty.value.errors
    with pytest.raises(InvalidInput):
        api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="x" * 10001)
    with pytest.raises(InvalidInput):
        api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Hello", language="xx")


def test_editing_keeps_the_earlier_text_in_the_history(thread_id):
    alice, bob = member(), member()
    post = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="First thought")
    edited = api.edit_post(user=alice, course_key=COURSE_KEY, post_id=post.id, body="Second thought")
    api.edit_post(user=alice, course_key=COURSE_KEY, post_id=post.id, body="Third thought")
    assert edited.edited is not None
    history = api.list_post_revisions(user=bob, course_key=COURSE_KEY, post_id=post.id)
    assert [r.body for r in history] == ["First thought", "Second thought"]
    with pytest.raises(AccessDenied):
        api.edit_post(user=bob, course_key=COURSE_KEY, post_id=post.id, body="Not mine")


def test_a_member_votes_once_and_can_take_the_vote_back(thread_id):
    alice, bob, carol = member(), member(), member()
    post = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Vote for me")
    assert api.vote_post(user=bob, course_key=COURSE_KEY, post_id=post.id) == 1
    assert api.vote_post(user=bob, course_key=COURSE_KEY, post_id=post.id) == 1
    assert api.vote_post(user=carol, course_key=COURSE_KEY, post_id=post.id) == 2
    assert api.vote_post(user=bob, course_key=COURSE_KEY, post_id=post.id, vote=False) == 1
    with pytest.raises(InvalidInput):
        api.vote_post(user=alice, course_key=COURSE_KEY, post_id=post.id)
    (seen,) = api.get_thread(user=carol, course_key=COURSE_KEY, thread_id=thread_id).posts
    assert seen.voted_by_me and seen.vote_count == 1


def test_flagged_posts_come_first_for_staff_and_only_staff(thread_id):
    alice, bob, carol = member(), member(), member()
    calm = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="A calm post")
    rude = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="A rude post")
    api.flag_post(user=bob, course_key=COURSE_KEY, post_id=calm.id, reason="off topic")
    api.flag_post(user=bob, course_key=COURSE_KEY, post_id=rude.id, reason="insulting")
    api.flag_post(user=carol, course_key=COURSE_KEY, post_id=rude.id, reason="rude")
    api.flag_post(user=carol, course_key=COURSE_KEY, post_id=rude.id, reason="twice")

    flagged = api.list_flagged_posts(user=staff_user(), course_key=COURSE_KEY).items
    assert [f.post.id for f in flagged] == [rude.id, calm.id]
    assert flagged[0].reasons == ("insulting", "rude")
    with pytest.raises(AccessDenied):
        api.list_flagged_posts(user=bob, course_key=COURSE_KEY)


def test_staff_hide_with_a_reason_members_see_and_restore(thread_id):
    alice, bob, staff = member(), member(), staff_user()
    post = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Advertising here")
    api.flag_post(user=bob, course_key=COURSE_KEY, post_id=post.id)
    with pytest.raises(AccessDenied):
        api.moderate_post(user=bob, course_key=COURSE_KEY, post_id=post.id, hide=True, reason="spam")
    with pytest.raises(InvalidInput):
        api.moderate_post(user=staff, course_key=COURSE_KEY, post_id=post.id, hide=True, reason="")
    api.moderate_post(user=staff, course_key=COURSE_KEY, post_id=post.id, hide=True, reason="Advertising")

    (seen_by_bob,) = api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id).posts
    assert seen_by_bob.is_hidden and seen_by_bob.hidden_reason == "Advertising" and seen_by_bob.body == ""
    (seen_by_staff,) = api.get_thread(user=staff, course_key=COURSE_KEY, thread_id=thread_id).posts
    assert seen_by_staff.body == "Advertising here"
    assert api.list_flagged_posts(user=staff, course_key=COURSE_KEY).items == ()

    api.moderate_post(user=staff, course_key=COURSE_KEY, post_id=post.id, hide=False)
    (restored,) = api.get_thread(user=bob, course_key=COURSE_KEY, thread_id=thread_id).posts
    assert not restored.is_hidden and restored.body == "Advertising here"


def test_follow_with_and_without_e_mail(thread_id):
    alice = member()
    api.follow_thread(user=alice, course_key=COURSE_KEY, thread_id=thread_id)
    thread = api.get_thread(user=alice, course_key=COURSE_KEY, thread_id=thread_id)
    assert thread.is_following and thread.email_digest
    api.follow_thread(user=alice, course_key=COURSE_KEY, thread_id=thread_id, email_digest=False)
    assert not api.get_thread(user=alice, course_key=COURSE_KEY, thread_id=thread_id).email_digest
    api.unfollow_thread(user=alice, course_key=COURSE_KEY, thread_id=thread_id)
    assert not api.get_thread(user=alice, course_key=COURSE_KEY, thread_id=thread_id).is_following


@override_settings(VETNET_RATE_LIMITS={"post": [2, 300]})
def test_posting_too_fast_is_refused_with_a_clear_message(thread_id):
    alice = member()
    for n in range(2):
        api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body=f"post {n}")
    with pytest.raises(RateLimited) as limited:
        api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="one more")
    assert limited.value.status_code == 429
    assert "try again" in limited.value.message


def test_every_post_stores_its_language_given_or_detected(thread_id):
    alice = member()
    given = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Short", language="de")
    detected = api.create_post(
        user=alice, course_key=COURSE_KEY, thread_id=thread_id,
        body="La formazione professionale deve rispondere ai bisogni delle piccole imprese artigiane.",
    )
    assert given.language == "de"
    assert detected.language == "it"


def test_filter_by_language_keeps_the_replies_context(thread_id):
    alice, bob = member(), member()
    english = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Hello", language="en")
    api.create_post(user=bob, course_key=COURSE_KEY, thread_id=thread_id, body="Ciao a tutti", language="it",
                    parent_id=english.id)
    api.create_post(user=bob, course_key=COURSE_KEY, thread_id=thread_id, body="Another", language="en")
    thread = api.get_thread(user=alice, course_key=COURSE_KEY, thread_id=thread_id, language="it")
    (top,) = thread.posts
    assert not top.matches_filter and top.replies[0].matches_filter
    assert thread.languages == ("en", "it")


def test_the_flagged_queue_holds_only_posts_with_open_flags(thread_id):
    alice, bob, staff = member(), member(), staff_user()
    quiet = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Nobody minds this")
    dismissed = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Looked at, fine")
    open_ = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Still to look at")
    api.create_post(user=bob, course_key=COURSE_KEY, thread_id=thread_id, body="A reply", parent_id=quiet.id)
    api.flag_post(user=bob, course_key=COURSE_KEY, post_id=dismissed.id, reason="unsure")
    api.flag_post(user=bob, course_key=COURSE_KEY, post_id=open_.id, reason="spam")
    assert [f.post.id for f in api.list_flagged_posts(user=staff, course_key=COURSE_KEY).items] == [dismissed.id, open_.id]

    api.moderate_post(user=staff, course_key=COURSE_KEY, post_id=dismissed.id, hide=False)

    queue = api.list_flagged_posts(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY).items
    assert [f.post.id for f in queue] == [open_.id]
    assert queue[0].reasons == ("spam",)
