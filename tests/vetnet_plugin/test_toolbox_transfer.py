"""Operators move the library between instances with ``manage.py vetnet_library``."""
import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import OTHER_COURSE_KEY, member
from tests.vetnet_plugin.toolbox_helpers import PDF, deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.models import Resource, ResourceVersion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


def test_export_then_import_into_another_instance(tmp_path, django_capture_on_commit_callbacks):
    author, reviewer = member(), member()
    with django_capture_on_commit_callbacks(execute=True):
        document = deposit(author, title="Toolkit")
    link = deposit(author, link_url="https://example.org/tool", title="Online tool")
    api.review_resource(user=reviewer, **in_course(), resource_uuid=link.uuid, rating=4, text="Handy")
    api.adopt_resource(user=reviewer, **in_course(), resource_uuid=link.uuid)

    folder = tmp_path / "export"
    stderr = io.StringIO()
    call_command("vetnet_library", "export", str(folder), stdout=io.StringIO(), stderr=stderr)
    assert "Exporting" in stderr.getvalue() and "2/2" in stderr.getvalue()  # the progress bar
    exported = json.loads((folder / "library.json").read_text())["resources"]
    assert {r["title"] for r in exported} == {"Toolkit", "Online tool"}
    rows = list(csv.DictReader((folder / "library.csv").open()))
    assert {row["title"] for row in rows} == {"Toolkit", "Online tool"}
    assert rows[0]["eqf_levels"] == "3;4"
    assert (folder / next(r for r in exported if r["title"] == "Toolkit")["versions"][0]["file"]).read_bytes() == PDF

    # A fresh instance: the library is empty, the reviewer exists, the author does not.
    Resource.objects.all().delete()
    author.delete()
    out = io.StringIO()
    call_command("vetnet_library", "import", str(folder), "--course", OTHER_COURSE_KEY, "--no-progress", stdout=out)
    assert "Imported 2 resources" in out.getvalue()
    reader = member(OTHER_COURSE_KEY)
    there = in_course(OTHER_COURSE_KEY, scope="course")
    imported = api.get_resource(user=reader, **there, resource_uuid=link.uuid)
    assert imported.rating_count == 1 and imported.adoption_count == 1 and imported.author_id is None
    download = api.open_resource_download(user=reader, **there, resource_uuid=document.uuid)
    assert download.file.read() == PDF
    download.file.close()
    assert ResourceVersion.objects.count() == 2

    out = io.StringIO()
    call_command("vetnet_library", "import", str(folder), "--no-progress", stdout=out)
    assert "Imported 0 resources; 2 were already there" in out.getvalue()


def test_importing_a_folder_that_is_not_an_export_fails_clearly(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("vetnet_library", "import", str(tmp_path), "--no-progress")
    assert "library.json" in str(error.value)


def test_export_of_one_course(tmp_path):
    deposit(member(), link_url="https://example.org/a", title="Here")
    deposit(member(OTHER_COURSE_KEY), in_course(OTHER_COURSE_KEY), link_url="https://example.org/b", title="There")
    call_command("vetnet_library", "export", str(tmp_path), "--course", OTHER_COURSE_KEY, "--no-progress",
                 stdout=io.StringIO())
    assert [r["title"] for r in json.loads((tmp_path / "library.json").read_text())["resources"]] == ["There"]
