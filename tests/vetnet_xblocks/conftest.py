"""Fixtures of the block tests: runtimes for a learner and for the course team."""
import pytest

from .runtime import LEARNER, TRAINER, CourseRuntime


@pytest.fixture
def learner_runtime():
    """The LMS as a learner of the course sees it."""
    return CourseRuntime(LEARNER)


@pytest.fixture
def trainer_runtime():
    """The LMS as a member of the course team sees it."""
    return CourseRuntime(TRAINER)
