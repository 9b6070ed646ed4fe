"""Fixtures of the development host's tests: courses loaded from OLX, and people in them."""
from unittest import mock

import pytest
import xblock.plugin
from django.contrib.auth.models import AnonymousUser
from xblock.core import XBlock

from devhost import enrollment, olx
from devhost.models import CourseAccessRole
from devhost.runtime import HostRuntime
from tests.factories import UserFactory

from .probe_block import PROBE_TYPE, ProbeBlock

TEMPLATE_COURSE_KEY = "course-v1:VETNet+CoVP+2026"
PROBE_COURSE_KEY = "course-v1:VETNet+Probe+2026"

_PROBE_OLX = {
    "course.xml": '<course url_name="2026" org="VETNet" course="Probe"/>',
    "course/2026.xml": '<course display_name="Probe course"><chapter url_name="phase"/></course>',
    "chapter/phase.xml": '<chapter display_name="Phase"><sequential url_name="steps"/></chapter>',
    "sequential/steps.xml": '<sequential display_name="Steps"><vertical url_name="unit"/></sequential>',
    "vertical/unit.xml": (
        '<vertical display_name="The unit"><html url_name="intro"/>'
        f'<{PROBE_TYPE} url_name="probe" display_name="Probe" title="First title"/></vertical>'
    ),
    "html/intro.xml": '<html filename="intro" display_name="Intro"/>',
    "html/intro.html": "<p>Welcome to the probe.</p>",
    "policies/2026/policy.json": f'{{"course/2026": {{"advanced_modules": ["{PROBE_TYPE}"]}}}}',
}


@pytest.fixture
def probe_block_type(monkeypatch):
    """Install the probe block for one test, the way XBlock's register_temp_plugin does."""
    entry_point = mock.Mock(dist=mock.Mock(key="tests"), load=mock.Mock(return_value=ProbeBlock), group="xblock.v1")
    entry_point.name = PROBE_TYPE
    monkeypatch.setattr(XBlock, "extra_entry_points", [*XBlock.extra_entry_points, (PROBE_TYPE, entry_point)])
    monkeypatch.setattr(xblock.plugin, "PLUGIN_CACHE", {})
    return PROBE_TYPE


@pytest.fixture
def probe_course_dir(tmp_path, probe_block_type):  # pylint: disable=unused-argument
    for relative, text in _PROBE_OLX.items():
        path = tmp_path / "probe" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "probe"


@pytest.fixture
def probe_course(db, probe_course_dir):  # pylint: disable=unused-argument
    """A loaded course with one unit: an html block and the probe block."""
    return olx.load_course(probe_course_dir)


@pytest.fixture
def template_course(db):  # pylint: disable=unused-argument
    """The Community of VET Practices course, loaded from course_templates/."""
    return olx.load_course(olx.templates_dir() / "community-of-vet-practices")


@pytest.fixture
def learner(db):  # pylint: disable=unused-argument
    return UserFactory(username="learner")


@pytest.fixture
def outsider(db):  # pylint: disable=unused-argument
    return UserFactory(username="outsider")


@pytest.fixture
def trainer(db):  # pylint: disable=unused-argument
    return UserFactory(username="trainer", is_staff=True)


@pytest.fixture
def enrolled(learner):
    """Enroll users through the host, which sends the platform's events."""

    def _enroll(course, *users):
        for user in users or (learner,):
            enrollment.enroll(user, course.course_key)

    return _enroll


@pytest.fixture
def course_role(db):  # pylint: disable=unused-argument
    def _grant(user, course, role=CourseAccessRole.STAFF):
        CourseAccessRole.objects.create(user=user, course_key=course.course_key, role=role)

    return _grant


def runtime_for(course, user=None, *, studio=False):
    return HostRuntime(course_key=course.course_key, user=user or AnonymousUser(), studio=studio)


def probe_key(course):
    return runtime_for(course).course_key.make_usage_key(PROBE_TYPE, "probe")
