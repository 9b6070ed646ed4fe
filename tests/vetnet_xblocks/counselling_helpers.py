"""A counselling block in a course, parsed from OLX, for the block tests."""
import pytest

from .runtime import CourseRuntime, add_block, lms_opt_attrs

COUNSELLING_OLX = """
<vetnet_counselling title="Ask your peers"
  topics='[{"code": "apprenticeships", "label": "Finding companies for apprenticeships"},
           {"code": "eu-funding", "label": "European funding applications"}]'/>
"""


@pytest.fixture
def desk():
    """(authoring runtime, block) of a counselling block parsed from OLX."""
    runtime = CourseRuntime(lms_opt_attrs(user_id=999998, is_staff=True, role="staff"))
    block = add_block(runtime, "vetnet_counselling", COUNSELLING_OLX)
    return runtime, block
