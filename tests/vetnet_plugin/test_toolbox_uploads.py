"""Every upload is checked on the server, and files are handed out only to who may see them."""
import io

import pytest

from tests.factories import OTHER_COURSE_KEY, UserFactory, enroll, member, unenroll
from tests.vetnet_plugin.toolbox_helpers import (  # noqa: F401
    EXE,
    PDF,
    PNG,
    deposit,
    docx_bytes,
    in_course,
    toolbox_media,
    upload,
)
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, Conflict, InvalidInput, NotFound
from vetnet_plugin.models import Resource, ResourceVersion
from vetnet_plugin.toolbox.uploads import allowed_extensions, check_upload, human_size

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]

BAD_UPLOADS = [
    # (name, content, what the message must say)
    ("report.pdf", PNG, "content is not a .pdf"),
    ("picture.png", PDF, "content is not a .png"),
    ("setup.pdf", EXE, "content is not a .pdf"),
    ("notes.txt", EXE, "not"),
    ("notes.txt", b"<!DOCTYPE html><script>alert(1)</script>", "plain text"),
    ("data.csv", b"<svg onload=alert(1)>", "plain text"),
    ("report.pdf.exe", EXE, "two extensions"),
    ("report.exe.pdf", PDF, "two extensions"),
    ("page.html.pdf", PDF, "two extensions"),
    ("../../etc/passwd.pdf", PDF, "not a plain file name"),
    ("..\\windows\\evil.pdf", PDF, "not a plain file name"),
    ("/tmp/absolute.pdf", PDF, "not a plain file name"),
    (".hidden.pdf", PDF, "not a plain file name"),
    ("evil\u202egpj.pdf", PDF, "control characters"),
    ("page.html", b"<html></html>", "cannot be shared"),
    ("drawing.svg", b"<svg/>", "cannot be shared"),
    ("tool.exe", EXE, "cannot be shared"),
    ("script.sh", b"#!/bin/sh\nrm -rf /\n", "cannot be shared"),
    ("README", b"hello", "no file extension"),
    ("empty.pdf", b"", "empty"),
    ("", PDF, "no name"),
]


@pytest.mark.parametrize("name,content,message", BAD_UPLOADS, ids=[repr(case[0]) for case in BAD_UPLOADS])
def test_bad_uploads_are_rejected_with_a_clear_message_and_nothing_stored(name, content, message, toolbox_media):
    with pytest.raises(InvalidInput) as error:
        deposit(member(), content=content, name=name)
    assert message in error.value.message
    assert error.value.errors["file"] == [error.value.message]
    assert not Resource.objects.exists()
    assert not [p for p in toolbox_media.rglob("*") if p.is_file()]


def test_oversize_upload_is_rejected_with_the_limit(settings):
    settings.VETNET_TOOLBOX_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(InvalidInput) as error:
        deposit(member(), content=PDF + b"0" * 2048)
    assert "too large" in error.value.message and "1.0 KB" in error.value.message


def test_a_block_may_lower_but_not_raise_the_operators_limit(settings):
    settings.VETNET_TOOLBOX_MAX_UPLOAD_BYTES = 4096
    assert api.upload_limit(api.ToolboxContext(max_upload_bytes=100)) == 100
    assert api.upload_limit(api.ToolboxContext(max_upload_bytes=10**9)) == 4096
    assert api.upload_limit() == 4096  # no block: the operator's limit
    with pytest.raises(InvalidInput):
        deposit(member(), in_course(max_upload_bytes=50), content=PDF)


def test_the_operator_cannot_allow_markup_or_executables():
    assert allowed_extensions(["pdf", ".PNG", "html", "svg", "exe", "unknown"]) == ["pdf", "png"]


def test_the_operator_allowlist_applies(settings):
    settings.VETNET_TOOLBOX_ALLOWED_EXTENSIONS = ["pdf"]
    with pytest.raises(InvalidInput) as error:
        deposit(member(), content=PNG, name="photo.png")
    assert "Allowed: pdf" in error.value.message


@pytest.mark.parametrize("name,content", [
    ("guide.pdf", PDF), ("photo.png", PNG), ("handbook.docx", docx_bytes()),
    ("notes.txt", "Schüler und Ausbilder\n".encode()), ("v1.2 plan.pdf", PDF),
])
def test_good_uploads_pass(name, content):
    checked = check_upload(io.BytesIO(content), filename=name, max_bytes=10**6, allowed=api.upload_extensions())
    assert checked.size == len(content)


def test_human_sizes():
    assert human_size(512) == "512 B"
    assert human_size(1536) == "1.5 KB"
    assert human_size(50 * 1024 * 1024) == "50.0 MB"


# Downloads -------------------------------------------------------------------

@pytest.fixture
def published(django_capture_on_commit_callbacks):
    author = member()
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(author)
    return author, resource


def test_member_downloads_and_the_download_is_counted(published):
    _author, resource = published
    reader = member()
    download = api.open_resource_download(user=reader, **in_course(), resource_uuid=resource.uuid)
    with download.file:
        assert download.file.read() == PDF
    assert download.filename == "toolkit.pdf" and download.content_type == "application/pdf"
    assert Resource.objects.get(uuid=resource.uuid).download_count == 1


def test_not_enrolled_cannot_download(published):
    _author, resource = published
    with pytest.raises(AccessDenied):
        api.open_resource_download(user=UserFactory(), **in_course(), resource_uuid=resource.uuid)
    left = member()
    unenroll(left)
    with pytest.raises(AccessDenied):
        api.open_resource_download(user=left, **in_course(), resource_uuid=resource.uuid)


def test_other_course_cannot_download_a_course_only_resource():
    author = member()
    resource = deposit(author, in_course(scope="course"))
    assert not resource.in_community_library
    elsewhere = member(OTHER_COURSE_KEY)
    for scope in ("course", "community", "both"):
        with pytest.raises(NotFound):
            api.open_resource_download(user=elsewhere, **in_course(OTHER_COURSE_KEY, scope=scope),
                                       resource_uuid=resource.uuid)


def test_community_library_resources_reach_other_courses_unless_the_block_is_course_only(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(member(), in_course(scope="both"))
    elsewhere = member(OTHER_COURSE_KEY)
    download = api.open_resource_download(user=elsewhere, **in_course(OTHER_COURSE_KEY, scope="community"),
                                          resource_uuid=resource.uuid)
    download.file.close()
    with pytest.raises(NotFound):
        api.open_resource_download(user=elsewhere, **in_course(OTHER_COURSE_KEY, scope="course"),
                                   resource_uuid=resource.uuid)


def test_pending_resource_is_downloadable_only_by_author_and_staff(django_capture_on_commit_callbacks):
    author = member()
    ctx = in_course(moderation="approval")
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(author, ctx)
    with pytest.raises(NotFound):
        api.open_resource_download(user=member(), **ctx, resource_uuid=resource.uuid)
    for user in (author, UserFactory(is_staff=True)):
        api.open_resource_download(user=user, **ctx, resource_uuid=resource.uuid).file.close()


def test_a_file_is_not_downloadable_before_the_scan_passed():
    author = member()
    resource = deposit(author)  # commit callbacks not run: the scan has not happened yet
    with pytest.raises(Conflict) as error:
        api.open_resource_download(user=member(), **in_course(), resource_uuid=resource.uuid)
    assert "still being checked" in error.value.message


def test_scanner_verdicts(settings, django_capture_on_commit_callbacks):
    settings.VETNET_UPLOAD_SCANNER = "tests.vetnet_plugin.test_toolbox_uploads.refuse_everything"
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(member())
    assert ResourceVersion.objects.get(resource__uuid=resource.uuid).scan_status == "infected"
    with pytest.raises(NotFound) as error:
        api.open_resource_download(user=member(), **in_course(), resource_uuid=resource.uuid)
    assert "did not pass the safety check" in error.value.message

    settings.VETNET_UPLOAD_SCANNER = "tests.vetnet_plugin.test_toolbox_uploads.broken_scanner"
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(member())
    assert ResourceVersion.objects.get(resource__uuid=resource.uuid).scan_status == "failed"

    settings.VETNET_UPLOAD_SCANNER = "tests.vetnet_plugin.test_toolbox_uploads.accept_pdfs"
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(member())
    assert ResourceVersion.objects.get(resource__uuid=resource.uuid).scan_status == "clean"


def refuse_everything(file, name):  # pylint: disable=unused-argument
    return False


def broken_scanner(file, name):
    raise RuntimeError("scanner daemon not running")


def accept_pdfs(file, name):
    return file.read(4) == b"%PDF" and name.endswith(".pdf")


def test_earlier_versions_only_for_the_author(published, django_capture_on_commit_callbacks):
    author, resource = published
    with django_capture_on_commit_callbacks(execute=True):
        api.add_resource_version(user=author, **in_course(), resource_uuid=resource.uuid,
                                 file=upload(PNG, "poster.png"))
    reader = member()
    with pytest.raises(NotFound):
        api.open_resource_download(user=reader, **in_course(), resource_uuid=resource.uuid, version=1)
    latest = api.open_resource_download(user=reader, **in_course(), resource_uuid=resource.uuid)
    assert latest.filename == "poster.png"
    latest.file.close()
    old = api.open_resource_download(user=author, **in_course(), resource_uuid=resource.uuid, version=1)
    assert old.file.read() == PDF
    old.file.close()


def test_a_link_resource_has_nothing_to_download():
    resource = deposit(member(), link_url="https://example.org/tool")
    with pytest.raises(InvalidInput):
        api.open_resource_download(user=member(), **in_course(), resource_uuid=resource.uuid)


def test_enrolling_later_opens_the_library():
    resource = deposit(member(), link_url="https://example.org/tool")
    newcomer = UserFactory()
    with pytest.raises(AccessDenied):
        api.get_resource(user=newcomer, **in_course(), resource_uuid=resource.uuid)
    enroll(newcomer)
    assert api.get_resource(user=newcomer, **in_course(), resource_uuid=resource.uuid).title


def test_files_go_to_the_storage_the_operator_names(settings, tmp_path, django_capture_on_commit_callbacks):
    elsewhere = tmp_path / "bucket"
    settings.STORAGES = {
        **settings.STORAGES,
        "toolbox": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(elsewhere)}},
    }
    settings.VETNET_TOOLBOX_STORAGE = "toolbox"
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(member())
    version = ResourceVersion.objects.get(resource__uuid=resource.uuid)
    assert (elsewhere / version.storage_name).read_bytes() == PDF
    download = api.open_resource_download(user=member(), **in_course(), resource_uuid=resource.uuid)
    assert download.file.read() == PDF
    download.file.close()
