"""
On MariaDB, in separate connections: fifty members joining at once never push a
workspace past its maximum, editors saving at once from the same and from
stale revisions lose nothing and end with one document, and fifty members
writing on one task board at once all succeed with nothing lost.
"""
import random
from datetime import date

import pytest
from django.db import connection

from tests.concurrency import at_once
from tests.factories import COURSE_KEY, member
from vetnet_plugin import api
from vetnet_plugin.exceptions import Conflict
from vetnet_plugin.models import DocumentRevision, WorkspaceDocument, WorkspaceMembership, WorkspaceTask
from vetnet_plugin.workspaces.history import rebuilt_text

from .workspace_helpers import THEMES, configure, open_workspace, workspace_with_members

JOINERS = 50



@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_fifty_members_joining_at_once_never_push_a_workspace_past_its_maximum():
    assert connection.vendor == "mysql"
    configure([{**THEMES[0], "max_size": 7}])
    workspace = open_workspace(member())
    crowd = [member() for _ in range(JOINERS)]

    errors = at_once([
        (lambda user=user: api.join_workspace(user=user, course_key=COURSE_KEY, workspace_uuid=workspace.uuid))
        for user in crowd
    ])

    assert all(isinstance(error, Conflict) for error in errors), errors
    assert WorkspaceMembership.objects.filter(status="member").count() == 7
    assert len(errors) == JOINERS - 6
    assert api.get_workspace(user=crowd[0], course_key=COURSE_KEY, workspace_uuid=workspace.uuid).member_count == 7


def _editor_session(user, workspace_uuid, rng, typed, rounds):
    """One editor: each round reads the document (or keeps a stale copy), types a unique line or word, saves."""
    document = api.get_document(user=user, course_key=COURSE_KEY, workspace_uuid=workspace_uuid)
    base, text = document.revision, document.text
    for number in range(rounds):
        if rng.random() < 0.6:  # otherwise keep editing a stale copy
            document = api.get_document(user=user, course_key=COURSE_KEY, workspace_uuid=workspace_uuid)
            base, text = document.revision, document.text
        token = f"u{user.id}-e{number}"
        lines = text.splitlines(keepends=True)
        if lines and rng.random() < 0.5:
            where = rng.randrange(len(lines))
            lines[where] = lines[where].rstrip("\n") + f" {token}\n"
        else:
            lines.insert(rng.randrange(len(lines) + 1), f"{token}\n")
        text = "".join(lines)
        saved = api.save_document(user=user, course_key=COURSE_KEY, workspace_uuid=workspace_uuid,
                                  base_revision=base, text=text)
        typed.append(token)
        if rng.random() < 0.5:
            base, text = saved.document.revision, saved.document.text


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_editors_saving_at_once_from_same_and_stale_revisions_lose_nothing_and_converge(seed):
    assert connection.vendor == "mysql"
    rng = random.Random(seed)
    editors = rng.randint(2, 10)
    configure([{**THEMES[0], "max_size": 10}])
    workspace, people = workspace_with_members(editors)
    api.save_document(user=people[0], course_key=COURSE_KEY, workspace_uuid=workspace.uuid, base_revision=0,
                      text="Module outline\nUnit 1\nUnit 2\n")
    typed, rounds = [], 6

    editor_rngs = [random.Random(rng.random()) for _ in people]
    errors = at_once([
        (lambda user=user, editor_rng=editor_rng: _editor_session(user, workspace.uuid, editor_rng, typed, rounds))
        for user, editor_rng in zip(people, editor_rngs, strict=True)
    ])

    assert not errors, errors
    final = {api.get_document(user=user, course_key=COURSE_KEY, workspace_uuid=workspace.uuid).text
             for user in people}
    assert len(final) == 1  # every member reads the same document
    [text] = final
    assert len(typed) == editors * rounds
    assert [token for token in typed if token not in text] == []
    assert "Module outline" in text
    # Every save made one revision, numbered without gaps, the last one holding the document's text.
    numbers = list(DocumentRevision.objects.order_by("number").values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == 1 + editors * rounds
    # Rebuilt from their snapshots and deltas, the revisions end at the document's text.
    document = WorkspaceDocument.objects.get()
    assert rebuilt_text(document, numbers[-1]) == text
    assert all("Module outline" in rebuilt_text(document, number) for number in numbers)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_fifty_members_writing_on_one_task_board_at_once_all_succeed_and_nothing_is_lost():
    assert connection.vendor == "mysql"
    configure([{**THEMES[0], "max_size": JOINERS}])
    workspace, people = workspace_with_members(JOINERS)
    shared = api.create_task(user=people[0], course_key=COURSE_KEY, workspace_uuid=workspace.uuid,
                             title="Collect the employers' letters")
    due = date(2026, 12, 24)

    def write(number, user):
        where = {"user": user, "course_key": COURSE_KEY, "workspace_uuid": workspace.uuid}
        own = api.create_task(**where, title=f"Unit {number} draft", assignee_id=user.id)
        api.update_task(**where, task_uuid=own.uuid, state="doing")
        # Half of them move the shared task on, the other half give it a due date: both changes stay.
        if number % 2:
            api.update_task(**where, task_uuid=shared.uuid, due=due)
        else:
            api.update_task(**where, task_uuid=shared.uuid, state="doing")

    errors = at_once([(lambda number=number, user=user: write(number, user)) for number, user in enumerate(people)])

    assert not errors, errors
    board = api.list_tasks(user=people[0], course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    assert len(board) == JOINERS + 1 == WorkspaceTask.objects.count()
    own = {task.title: task for task in board if task.uuid != shared.uuid}
    assert sorted(own) == sorted(f"Unit {number} draft" for number in range(JOINERS))
    assert all(task.state == "doing" for task in own.values())
    assert {task.assignee_id for task in own.values()} == {user.id for user in people}
    [moved] = [task for task in board if task.uuid == shared.uuid]
    assert (moved.state, moved.due, moved.title) == ("doing", due, "Collect the employers' letters")
