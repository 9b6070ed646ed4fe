"""
The personal data export: a member's data in every table, through the
management command and the REST endpoint (the member themself, or platform staff).
"""
import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from tests.factories import UserFactory
from vetnet_plugin import api

from .privacy_helpers import demo_members, leave_traces

pytestmark = pytest.mark.django_db


def _pii_tables():
    return sorted(model._meta.label for model in apps.get_app_config("vetnet").get_models()
                  if ".. pii:" in (model.__doc__ or ""))


@pytest.fixture
def traces():
    member, others, trainer = demo_members()
    leave_traces(member, others, trainer)
    return member, others, trainer


def test_every_table_holding_personal_data_is_exported_with_the_members_rows(traces):
    member, _others, _trainer = traces

    export = api.export_member_data(user_id=member.id)

    assert export["format"] == "vetnet-member-data/1"
    assert export["user"] == {"id": member.id, "username": member.username}
    missing = [label for label in _pii_tables() if label not in export["tables"]]
    assert missing == [], f"tables with personal data missing from the export: {missing}"
    text = json.dumps(export, ensure_ascii=False)
    for written in (f"Signed: {member.get_full_name()}", f"I am {member.get_full_name()}, write to",
                    f"{member.get_full_name()}'s practice", f"Handbook by {member.get_full_name()}",
                    f"Reviewed by {member.get_full_name()}", f"{member.get_full_name()} documented it well"):
        assert written in text, written
    # Only this member's rows: another member's own profile is not in it.
    profiles = export["tables"]["vetnet.MemberProfile"]
    assert [row["user_id"] for row in profiles] == [member.id]


def test_the_command_writes_the_export_as_json(traces, tmp_path):
    member, _others, _trainer = traces
    target = tmp_path / "eleni.json"

    call_command("vetnet_export_member_data", member.username, "--output", str(target))

    written = json.loads(target.read_text(encoding="utf-8"))
    assert set(written["tables"]) == set(api.export_member_data(user_id=member.id)["tables"])
    with pytest.raises(CommandError, match="No user"):
        call_command("vetnet_export_member_data", "nobody-here")


def test_rest_export_is_for_the_member_and_platform_staff_only(traces, client):
    member, others, trainer = traces
    url = f"/api/vetnet/v1/privacy/members/{member.id}/export/"

    assert client.get(url).status_code in (401, 403)
    client.force_login(others[0])
    assert client.get(url).status_code == 403
    # Course staff answer for a course; the export spans every course, so they may not.
    trainer.is_staff = False
    trainer.save()
    client.force_login(trainer)
    assert client.get(url).status_code == 403

    client.force_login(member)
    own = client.get(url)
    assert own.status_code == 200
    assert own["Content-Disposition"] == f'attachment; filename="vetnet-member-{member.id}.json"'
    assert own.json()["user"]["username"] == member.username

    client.force_login(UserFactory(is_staff=True))
    assert client.get(url).json()["tables"].keys() == own.json()["tables"].keys()
    assert client.get("/api/vetnet/v1/privacy/members/999999999/export/").status_code == 404
