"""
Retirement leaves nothing behind: after a member of the demo community who
posted, rated, translated, deposited, reviewed, adopted, collected, wrote and
reviewed best practices, was contacted and certified is retired twice, no
VETNet table holds their username, e-mail address or name, and storage holds
no file of theirs that the community does not keep.
"""
import dataclasses
import io
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models

from vetnet_plugin import api
from vetnet_plugin.privacy.scrub import MARKER

from .privacy_helpers import TOOLBOX, demo_members, leave_traces

# Committed rows, as a real retirement sees them (and files deleted after the commit).
pytestmark = pytest.mark.django_db(transaction=True)


def _rows_mentioning(needles):
    """(table, column, needle) for every VETNet text column that still holds one of the needles."""
    found = []
    for model in apps.get_app_config("vetnet").get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, (models.CharField, models.TextField, models.JSONField)):
                continue
            for needle in needles:
                if model._default_manager.filter(**{f"{field.name}__icontains": needle}).exists():
                    found.append((model._meta.db_table, field.name, needle))
    return found


def _stored_files(root: Path):
    return sorted(str(Path(folder, name).relative_to(root)) for folder, _dirs, files in os.walk(root)
                  for name in files) if root.exists() else []


def test_a_retired_member_leaves_no_name_address_or_username_anywhere(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    member, others, trainer = demo_members()
    leave_traces(member, others, trainer)
    pending = api.deposit_resource(
        user=member, course_key=TOOLBOX["course_key"],
        context=dataclasses.replace(TOOLBOX["context"], moderation="approval"),
        metadata=api.ResourceMetadata(title="Draft checklist", resource_type="document", languages=("en",),
                                      licence="cc-by"),
        file=io.BytesIO(b"my private draft"), filename="draft.txt",
    )
    needles = [member.username, member.email, member.get_full_name()]
    assert len(_rows_mentioning(needles)) > 10, "the traces were written"
    files_before = _stored_files(tmp_path / "media")
    assert len(files_before) >= 2

    api.retire_member(user_id=member.id)
    api.retire_member(user_id=member.id)

    leftover = _rows_mentioning(needles)
    assert leftover == [], "\n".join(map(str, leftover))
    files_after = _stored_files(tmp_path / "media")
    assert not [name for name in files_after if any(n.lower() in name.lower() for n in needles)]
    # The unpublished resource went with its file; the published one stays for the community, as licensed.
    assert len(files_after) == len(files_before) - 1
    assert pending.uuid not in {r.uuid for r in api.list_resources(user=others[0], **TOOLBOX).items}
    kept = [r for r in api.list_resources(user=others[0], **TOOLBOX).items if MARKER in r.title]
    assert [r.title for r in kept] == [f"Handbook by {MARKER}"]
    assert api.export_member_data(user_id=member.id)["tables"] == {}
