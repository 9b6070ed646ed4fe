"""Who the current user is, and which course a block lives in, as every block sees them."""
import pytest
from workbench.runtime import WorkbenchRuntime

from vetnet_xblocks.mixins import ANONYMOUS, BlockUser, user_from_opt_attrs

from .runtime import COURSE_KEY, LEARNER, TRAINER, CourseRuntime, StudioPermissions, add_block, lms_opt_attrs


class TestUserFromOptAttrs:
    def test_a_learner_is_identified_by_the_lms_attributes(self):
        user = user_from_opt_attrs(LEARNER)

        assert user == BlockUser(
            user_id=7, username="maria", is_staff=False, role="student", anonymous_user_id="anon-7"
        )
        assert user.is_authenticated

    def test_the_lms_staff_flag_makes_staff(self):
        assert user_from_opt_attrs(lms_opt_attrs(is_staff=True, role="student")).is_staff

    @pytest.mark.parametrize("role", ["staff", "instructor", "administrator", "Instructor"])
    def test_a_course_team_role_makes_staff_even_without_the_flag(self, role):
        assert user_from_opt_attrs(lms_opt_attrs(is_staff=False, role=role)).is_staff

    @pytest.mark.parametrize("flag", [False, "False", "false", "", None, "0"])
    def test_a_false_staff_flag_in_any_spelling_is_not_staff(self, flag):
        assert not user_from_opt_attrs(lms_opt_attrs(is_staff=flag, role="student")).is_staff

    def test_a_user_id_given_as_text_becomes_a_number(self):
        assert user_from_opt_attrs(lms_opt_attrs(user_id="42")).user_id == 42

    @pytest.mark.parametrize("opt_attrs", [
        None,
        {},
        {"edx-platform.is_authenticated": False, "edx-platform.user_id": 5, "edx-platform.user_is_staff": True},
        {"edx-platform.user_id": None, "edx-platform.user_role": "staff"},
        {"edx-platform.user_id": "not-a-number"},
        {"xblock-workbench.user_id": "student_1"},
    ], ids=["none", "empty", "not-authenticated", "no-id", "bad-id", "sdk-workbench"])
    def test_anyone_not_identified_is_anonymous_and_never_staff(self, opt_attrs):
        user = user_from_opt_attrs(opt_attrs)

        assert user is ANONYMOUS
        assert not user.is_authenticated
        assert not user.is_staff


class TestBlockContext:
    def test_a_block_knows_its_user_from_the_user_service(self):
        block = add_block(CourseRuntime(TRAINER), "vetnet_toolbox")

        assert block.current_user.user_id == 3
        assert block.current_user.is_staff

    def test_a_block_knows_its_course_and_usage_keys(self):
        block = add_block(CourseRuntime(LEARNER), "vetnet_workspace")

        assert block.course_key == COURSE_KEY
        assert block.usage_key.startswith("block-v1:VETNet+CoVP+2025+type@vetnet_workspace+block@")

    def test_dom_ids_differ_between_blocks_and_are_html_safe(self):
        runtime = CourseRuntime(LEARNER)
        first, second = add_block(runtime, "vetnet_toolbox"), add_block(runtime, "vetnet_toolbox")

        assert first.dom_id != second.dom_id
        assert first.dom_id.replace("-", "").isalnum()

    @pytest.mark.django_db
    def test_without_opaque_keys_there_is_no_course_and_nothing_breaks(self):
        # The XBlock SDK's own workbench gives string ids and a user without edx-platform attributes.
        runtime = WorkbenchRuntime(user_id="student_1")
        runtime.id_generator.set_scenario("vetnet-no-course")
        block = runtime.get_block(runtime.parse_xml_string('<vetnet_counselling title="Help"/>'))

        assert block.course_key == ""
        assert block.current_user is ANONYMOUS
        assert not block.can_edit_content()
        assert "Help" in runtime.render(block, "student_view").content


class TestWhoMayEdit:
    def test_course_staff_in_the_lms_may_edit(self):
        assert add_block(CourseRuntime(TRAINER), "vetnet_toolbox").can_edit_content()

    def test_a_learner_may_not_edit(self):
        assert not add_block(CourseRuntime(LEARNER), "vetnet_toolbox").can_edit_content()

    def test_an_author_in_studio_may_edit_through_studio_permissions(self):
        # Studio's user service carries neither the staff flag nor a role for course authors.
        author = lms_opt_attrs(user_id=11, username="ana", is_staff=False, role="")
        permissions = StudioPermissions([COURSE_KEY])
        block = add_block(CourseRuntime(author, studio_user_permissions=permissions), "vetnet_toolbox")

        assert block.can_edit_content()
        assert [str(key) for key in permissions.asked] == [COURSE_KEY]

    def test_studio_permissions_for_another_course_do_not_count(self):
        author = lms_opt_attrs(user_id=11, username="ana", is_staff=False, role="")
        permissions = StudioPermissions(["course-v1:Other+X+1"])
        block = add_block(CourseRuntime(author, studio_user_permissions=permissions), "vetnet_toolbox")

        assert not block.can_edit_content()
