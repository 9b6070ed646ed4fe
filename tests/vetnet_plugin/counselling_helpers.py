"""A counselling block's settings in a course, and cases opened by members, for the counselling tests."""
from tests.factories import COURSE_KEY
from vetnet_plugin import api

USAGE_KEY = "block-v1:VETNet+CoVP+2025+type@vetnet_counselling+block@help"
TOPICS = [
    {"code": "apprenticeships", "label": "Finding companies for apprenticeships"},
    {"code": "digital-skills", "label": "Digital skills of trainers"},
    {"code": "eu-funding", "label": "European funding applications"},
    {"code": "dropout", "label": "Early leaving from VET"},
]


def configure_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=None):
    return api.configure_counselling_desk(course_key=course_key, usage_key=usage_key, title="Peer counselling",
                                          topics=TOPICS if topics is None else topics)


def open_case(user, *, title="Small firms will not take apprentices", usage_key=USAGE_KEY, course_key=COURSE_KEY,
              problem="Carpentry workshops in our region say an apprentice costs them too much time.",
              topics=("apprenticeships",), **intake):
    return api.open_case(user=user, course_key=course_key, usage_key=usage_key, title=title, problem=problem,
                         topics=list(topics), **intake)
