"""Members deposit resources: files or links with VET metadata, versions, moderation."""
import pytest

from tests.factories import UserFactory, enroll, member
from tests.vetnet_plugin.toolbox_helpers import (  # noqa: F401
    METADATA,
    PDF,
    PNG,
    deposit,
    docx_bytes,
    in_course,
    toolbox_media,
    upload,
)
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound, RateLimited
from vetnet_plugin.models import Resource, ResourceVersion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


def test_member_deposits_a_document_with_all_metadata(django_capture_on_commit_callbacks):
    author = UserFactory(first_name="Giulia", last_name="Rossi")
    enroll(author)
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(author)
    assert resource.title == "Apprenticeship toolkit for carpentry SMEs"
    assert resource.status == "published"
    assert resource.sectors == ("construction", "wood_furniture")
    assert resource.eqf_levels == ("3", "4")
    assert resource.languages == ("en", "it")
    assert resource.tags == ("apprenticeship", "carpentry")
    assert resource.licence == "cc-by-sa" and resource.country == "IT" and resource.target_group == "trainers"
    assert resource.author_name == "Giulia Rossi"
    assert resource.current_version.filename == "toolkit.pdf"
    assert resource.current_version.content_type == "application/pdf"
    # The scan ran after commit; without a scanner configured the file is released.
    fresh = api.get_resource(user=author, **in_course(), resource_uuid=resource.uuid)
    assert fresh.current_version.downloadable


def test_stored_name_is_made_by_the_server(toolbox_media):
    author = member()
    resource = deposit(author, name="My Report (final).pdf")
    version = ResourceVersion.objects.get(resource__uuid=resource.uuid)
    assert version.storage_name.startswith(f"vetnet/toolbox/{resource.uuid}/")
    assert version.storage_name.endswith(".pdf") and "Report" not in version.storage_name
    assert (toolbox_media / version.storage_name).read_bytes() == PDF
    assert version.sha256 and version.size == len(PDF)


def test_description_is_stored_raw_and_sanitised_on_output():
    resource = deposit(member(), description="<script>alert(1)</script> **bold** [x](javascript:alert(1))")
    assert resource.description.startswith("<script>")
    assert "<script>" not in resource.description_html
    assert "<strong>bold</strong>" in resource.description_html
    assert "javascript:" not in resource.description_html


def test_links_in_descriptions_get_safe_rel():
    resource = deposit(member())
    assert 'rel="nofollow ugc noopener"' in resource.description_html


def test_member_shares_a_link_instead_of_a_file():
    resource = deposit(member(), link_url="https://example.org/tool", resource_type="technological_tool")
    assert resource.current_version.is_link
    assert resource.current_version.link_url == "https://example.org/tool"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "not a link", "http://"])
def test_only_web_links_are_accepted(url):
    with pytest.raises(InvalidInput) as error:
        deposit(member(), link_url=url)
    assert "link_url" in error.value.errors
    assert not Resource.objects.exists()


def test_missing_or_unknown_metadata_is_reported_per_field():
    with pytest.raises(InvalidInput) as error:
        deposit(member(), title="  ", resource_type="poem", licence="", sectors=["space"], eqf_levels=["9"],
                country="XX", languages=["zz"], target_group="aliens")
    assert set(error.value.errors) == {
        "title", "resource_type", "licence", "sectors", "eqf_levels", "country", "languages", "target_group"
    }
    assert not Resource.objects.exists()


def test_too_many_tags_are_refused():
    with pytest.raises(InvalidInput) as error:
        deposit(member(), tags=[f"tag{n}" for n in range(11)])
    assert "tags" in error.value.errors


def test_a_block_can_restrict_resource_types():
    ctx = in_course(resource_types=("document", "video"))
    with pytest.raises(InvalidInput) as error:
        deposit(member(), ctx)
    assert "resource_type" in error.value.errors
    assert deposit(member(), ctx, resource_type="document").resource_type == "document"


def test_a_file_and_a_link_together_are_refused():
    with pytest.raises(InvalidInput):
        api.deposit_resource(user=member(), **in_course(), metadata=METADATA,
                             file=upload(PDF), link_url="https://example.org")


def test_people_outside_the_course_cannot_deposit():
    outsider = UserFactory()
    with pytest.raises(AccessDenied):
        deposit(outsider)


def test_called_with_the_course_alone_the_toolbox_covers_both_libraries_and_deposits_wait():
    from tests.factories import COURSE_KEY  # pylint: disable=import-outside-toplevel

    author, other = member(), member()
    resource = api.deposit_resource(user=author, course_key=COURSE_KEY, link_url="https://example.org/guide",
                                    metadata=api.ResourceMetadata(title="Guide", resource_type="document",
                                                                  licence="cc-by"))
    assert resource.status == "pending" and resource.in_community_library
    assert api.list_resources(user=other, course_key=COURSE_KEY).count == 0
    assert api.get_resource(user=author, course_key=COURSE_KEY, resource_uuid=resource.uuid).title == "Guide"
    # Settings that are not a ``ToolboxContext`` are refused with a clear message, and nothing is written.
    with pytest.raises(InvalidInput, match="settings are not valid"):
        api.deposit_resource(user=author, course_key=COURSE_KEY, context={"scope": "both"},
                             link_url="https://example.org/other",
                             metadata=api.ResourceMetadata(title="Other", resource_type="document", licence="cc-by"))
    assert Resource.objects.filter(title="Other").count() == 0


def test_under_staff_approval_a_resource_waits_and_only_author_and_staff_see_it():
    author, other = member(), member()
    staff = UserFactory(is_staff=True)
    ctx = in_course(moderation="approval")
    resource = deposit(author, ctx)
    assert resource.status == "pending"
    assert api.get_resource(user=author, **ctx, resource_uuid=resource.uuid).status == "pending"
    assert api.get_resource(user=staff, **ctx, resource_uuid=resource.uuid).can_moderate
    with pytest.raises(NotFound):
        api.get_resource(user=other, **ctx, resource_uuid=resource.uuid)
    assert api.list_resources(user=other, **ctx).count == 0

    api.approve_resource(user=staff, **ctx, resource_uuid=resource.uuid)
    assert api.get_resource(user=other, **ctx, resource_uuid=resource.uuid).status == "published"


def test_staff_reject_with_a_reason_the_author_sees():
    author, staff = member(), UserFactory(is_staff=True)
    ctx = in_course(moderation="approval")
    resource = deposit(author, ctx)
    with pytest.raises(InvalidInput):
        api.reject_resource(user=staff, **ctx, resource_uuid=resource.uuid, reason=" ")
    api.reject_resource(user=staff, **ctx, resource_uuid=resource.uuid, reason="Please add a licence note.")
    seen = api.get_resource(user=author, **ctx, resource_uuid=resource.uuid)
    assert seen.status == "rejected" and seen.moderation_reason == "Please add a licence note."


def test_staff_hide_a_published_resource():
    author, other, staff = member(), member(), UserFactory(is_staff=True)
    resource = deposit(author)
    api.hide_resource(user=staff, **in_course(), resource_uuid=resource.uuid, reason="Spam")
    with pytest.raises(NotFound):
        api.get_resource(user=other, **in_course(), resource_uuid=resource.uuid)
    assert api.list_moderation_queue(user=staff, **in_course(), status="hidden").count == 1


def test_members_cannot_moderate():
    author, other = member(), member()
    resource = deposit(author, in_course(moderation="approval"))
    with pytest.raises(AccessDenied):
        api.approve_resource(user=author, **in_course(), resource_uuid=resource.uuid)
    with pytest.raises(AccessDenied):
        api.list_moderation_queue(user=other, **in_course())


def test_moderation_queue_lists_pending_resources_oldest_first():
    staff = UserFactory(is_staff=True)
    ctx = in_course(moderation="approval")
    first = deposit(member(), ctx, title="First")
    deposit(member(), ctx, title="Second")
    queue = api.list_moderation_queue(user=staff, **ctx)
    assert [r.title for r in queue.items] == ["First", "Second"]
    assert queue.items[0].uuid == first.uuid


def test_a_new_version_keeps_the_history_and_others_see_the_latest(django_capture_on_commit_callbacks):
    author, other = member(), member()
    with django_capture_on_commit_callbacks(execute=True):
        resource = deposit(author)
        api.add_resource_version(user=author, **in_course(), resource_uuid=resource.uuid,
                                 file=upload(docx_bytes(), "toolkit-v2.docx"), change_note="Updated for 2026")
    seen_by_author = api.get_resource(user=author, **in_course(), resource_uuid=resource.uuid)
    assert [v.number for v in seen_by_author.versions] == [2, 1]
    assert seen_by_author.versions[0].change_note == "Updated for 2026"
    seen_by_other = api.get_resource(user=other, **in_course(), resource_uuid=resource.uuid)
    assert seen_by_other.current_version.number == 2
    assert seen_by_other.current_version.filename == "toolkit-v2.docx"
    assert seen_by_other.versions == ()


def test_only_the_author_adds_versions():
    author, other = member(), member()
    resource = deposit(author)
    with pytest.raises(AccessDenied):
        api.add_resource_version(user=other, **in_course(), resource_uuid=resource.uuid, file=upload(PNG, "x.png"))


def test_a_failed_new_version_keeps_what_was_saved(toolbox_media):
    author = member()
    resource = deposit(author)
    before = sorted(p.name for p in toolbox_media.rglob("*") if p.is_file())
    with pytest.raises(InvalidInput):
        api.add_resource_version(user=author, **in_course(), resource_uuid=resource.uuid,
                                 file=upload(PNG, "toolkit.pdf"))
    after = api.get_resource(user=author, **in_course(), resource_uuid=resource.uuid)
    assert after.current_version.number == 1 and len(after.versions) == 1
    assert sorted(p.name for p in toolbox_media.rglob("*") if p.is_file()) == before


def test_a_new_version_under_approval_goes_back_to_the_queue():
    author, staff = member(), UserFactory(is_staff=True)
    ctx = in_course(moderation="approval")
    resource = deposit(author, ctx)
    api.approve_resource(user=staff, **ctx, resource_uuid=resource.uuid)
    api.add_resource_version(user=author, **ctx, resource_uuid=resource.uuid, link_url="https://example.org/v2")
    assert api.get_resource(user=author, **ctx, resource_uuid=resource.uuid).status == "pending"


# Committed rows: MariaDB's FULLTEXT index (the search) sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_author_edits_metadata_and_search_follows():
    author = member()
    resource = deposit(author)
    api.update_resource(user=author, **in_course(), resource_uuid=resource.uuid,
                        metadata={**METADATA, "title": "Welding simulator", "tags": ["welding"]})
    page = api.list_resources(user=author, **in_course(), filters=api.ResourceFilters(search="welding"))
    assert [r.title for r in page.items] == ["Welding simulator"]


def test_author_withdraws_a_resource_and_its_files_go(toolbox_media, django_capture_on_commit_callbacks):
    author = member()
    resource = deposit(author)
    with django_capture_on_commit_callbacks(execute=True):
        api.withdraw_resource(user=author, **in_course(), resource_uuid=resource.uuid)
    assert not Resource.objects.exists()
    assert not [p for p in toolbox_media.rglob("*") if p.is_file()]


def test_the_deposit_rate_limit_gives_a_clear_429(settings):
    settings.VETNET_RATE_LIMITS = {"deposit": [2, 3600]}
    author = member()
    deposit(author)
    deposit(author)
    with pytest.raises(RateLimited) as error:
        deposit(author)
    assert error.value.status_code == 429
    assert "limit of 2 in 60 minutes" in error.value.message
    # Staff are trusted with bulk deposits.
    staff = UserFactory(is_staff=True)
    for _n in range(3):
        deposit(staff)


def test_unknown_uuid_is_not_found():
    with pytest.raises(NotFound):
        api.get_resource(user=member(), **in_course(), resource_uuid="not-a-uuid")


def test_course_key_of_the_context_must_be_valid():
    with pytest.raises(InvalidInput):
        api.list_resources(user=member(), **in_course(course_key="nonsense"))


def test_staff_deposit_is_published_even_under_approval():
    staff = UserFactory(is_staff=True)
    assert deposit(staff, in_course(moderation="approval")).status == "published"


# Committed rows: MariaDB's FULLTEXT index (the search) sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_under_staff_approval_an_edit_of_a_published_resource_waits_and_members_keep_the_approved_text():
    author, other = member(), member()
    staff = UserFactory(is_staff=True)
    ctx = in_course(moderation="approval")
    resource = deposit(author, ctx)
    api.approve_resource(user=staff, **ctx, resource_uuid=resource.uuid)

    edited = {**METADATA, "title": "Buy our carpentry course", "description": "Visit [shop](https://spam.example)."}
    seen_by_author = api.update_resource(user=author, **ctx, resource_uuid=resource.uuid, metadata=edited)
    assert seen_by_author.title == METADATA["title"] and seen_by_author.status == "published"
    assert seen_by_author.pending_change["title"] == "Buy our carpentry course"
    seen_by_other = api.get_resource(user=other, **ctx, resource_uuid=resource.uuid)
    assert seen_by_other.title == METADATA["title"] and "spam" not in seen_by_other.description_html
    assert seen_by_other.pending_change is None, "members never see a change that waits"
    assert api.list_resources(user=other, **ctx, filters=api.ResourceFilters(search="Buy our")).count == 0, "search finds the approved text"

    queue = api.list_moderation_queue(user=staff, **ctx, status="changes")
    assert [r.uuid for r in queue.items] == [resource.uuid]
    with pytest.raises(AccessDenied):
        api.approve_resource_change(user=other, **ctx, resource_uuid=resource.uuid)
    with pytest.raises(InvalidInput):
        api.reject_resource_change(user=staff, **ctx, resource_uuid=resource.uuid, reason="")
    declined = api.reject_resource_change(user=staff, **ctx, resource_uuid=resource.uuid, reason="Advertising")
    assert declined.pending_change is None and declined.title == METADATA["title"]
    assert api.get_resource(user=author, **ctx, resource_uuid=resource.uuid).moderation_reason == "Advertising"
    assert api.list_moderation_queue(user=staff, **ctx, status="changes").count == 0

    api.update_resource(user=author, **ctx, resource_uuid=resource.uuid,
                        metadata={**METADATA, "title": "Apprenticeship toolkit, second edition"})
    api.approve_resource_change(user=staff, **ctx, resource_uuid=resource.uuid)
    assert api.get_resource(user=other, **ctx, resource_uuid=resource.uuid).title == (
        "Apprenticeship toolkit, second edition"
    )
    assert api.list_resources(user=other, **ctx, filters=api.ResourceFilters(search="second edition")).count == 1


def test_staff_edits_and_open_toolboxes_apply_at_once():
    author, staff = member(), UserFactory(is_staff=True)
    ctx = in_course(moderation="approval")
    resource = deposit(author, ctx)
    api.approve_resource(user=staff, **ctx, resource_uuid=resource.uuid)
    changed = api.update_resource(user=staff, **ctx, resource_uuid=resource.uuid,
                                  metadata={**METADATA, "title": "Corrected by staff"})
    assert changed.title == "Corrected by staff" and changed.pending_change is None
    open_ctx = in_course()
    mine = deposit(author, open_ctx)
    assert api.update_resource(user=author, **open_ctx, resource_uuid=mine.uuid,
                               metadata={**METADATA, "title": "Mine"}).title == "Mine"
