"""
The demo community: course templates loaded, and one account for each kind of
member the project serves, with a filled profile and an enrollment.

Everything here is idempotent, so ``make demo`` can run on the same database
again and again: accounts are updated in place, profiles rewritten, and
enrollments that already exist send no second event.
"""
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from vetnet_plugin import api

from . import enrollment, olx
from .models import CourseAccessRole

DEMO_PASSWORD = "vetnet-demo"


@dataclass(frozen=True)
class DemoAccount:
    """One demo member: who they are, and the profile they present to the community."""

    username: str
    first_name: str
    last_name: str
    role: str
    profile: dict = field(default_factory=dict)
    course_team: bool = False


ACCOUNTS = (
    DemoAccount(
        "trainer", "Laura", "Conti", "trainer (course team)", course_team=True,
        profile={
            "organisation": "ECIPA CNA", "organisation_type": "vet_provider", "country": "IT",
            "languages": ["it", "en"], "sectors": ["cross_sector"],
            "topics": ["trainer_competences", "innovative_didactics"],
            "bio": "Trainer and facilitator of the community.",
            "open_to_counselling": True, "open_to_partnership": True,
        },
    ),
    DemoAccount(
        "marco", "Marco", "Bianchi", "learner, Italy",
        profile={
            "organisation": "ECIPA CNA", "organisation_type": "vet_provider", "country": "IT",
            "languages": ["it", "en"], "sectors": ["construction", "automotive"],
            "topics": ["innovative_didactics", "digital_transition"],
            "bio": "Designs continuing training for building and repair crafts.",
            "open_to_counselling": True, "open_to_partnership": False,
        },
    ),
    DemoAccount(
        "eleni", "Eleni", "Papadopoulou", "learner, Greece",
        profile={
            "organisation": "IME GSEVEE", "organisation_type": "sme_association", "country": "GR",
            "languages": ["el", "en"], "sectors": ["hospitality", "retail_trade"],
            "topics": ["labour_market_vet", "eu_funding"],
            "bio": "Studies the skills needs of small enterprises.",
            "open_to_counselling": True, "open_to_partnership": True,
        },
    ),
    DemoAccount(
        "jordi", "Jordi", "Puig", "learner, Spain (Catalonia)",
        profile={
            "organisation": "PIMEC", "organisation_type": "sme_association", "country": "ES",
            "languages": ["ca", "es", "en"], "sectors": ["ict", "manufacturing"],
            "topics": ["digital_transition", "work_based_learning"],
            "bio": "Supports SMEs in the digital transition of their staff.",
            "open_to_counselling": False, "open_to_partnership": True,
        },
    ),
    DemoAccount(
        "claire", "Claire", "Dubois", "learner, Belgium (European level)",
        profile={
            "organisation": "European craft and SME network", "organisation_type": "sme_association",
            "country": "BE", "languages": ["fr", "en", "nl"], "sectors": ["cross_sector"],
            "topics": ["eu_funding", "internationalisation"],
            "bio": "Follows European VET policy for crafts and SMEs.",
            "open_to_counselling": True, "open_to_partnership": True,
        },
    ),
    DemoAccount(
        "anna", "Anna", "Ferrari", "policy maker",
        profile={
            "organisation": "Regional department for vocational training", "organisation_type": "policy_maker",
            "country": "IT", "languages": ["it", "en"], "sectors": ["cross_sector"],
            "topics": ["labour_market_vet", "recognition_validation"],
            "bio": "Works on the regional VET offer and its funding.",
            "open_to_counselling": False, "open_to_partnership": True,
        },
    ),
)


def load_course_templates() -> list:
    """Load (or reload) every course under ``course_templates/``; return the ``Course`` rows."""
    return [olx.load_course(directory) for directory in olx.available_templates()]


def ensure_account(account: DemoAccount, courses) -> object:
    """Create or refresh one demo account, its profile, roles and enrollments."""
    user, _created = get_user_model().objects.update_or_create(
        username=account.username,
        defaults={
            "first_name": account.first_name,
            "last_name": account.last_name,
            "email": f"{account.username}@example.org",
            "is_active": True,
            # Outside the platform the plugin treats global staff as course staff.
            "is_staff": account.course_team,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    api.update_member_profile(user_id=user.id, changes=account.profile)
    for course in courses:
        if account.course_team:
            CourseAccessRole.objects.get_or_create(
                user=user, course_key=course.course_key, role=CourseAccessRole.INSTRUCTOR
            )
        enrollment.enroll(user, course.course_key)
    return user


def load_demo() -> tuple[list, list]:
    """The whole demo: courses, then accounts. Returns (courses, accounts)."""
    courses = load_course_templates()
    for account in ACCOUNTS:
        ensure_account(account, courses)
    return courses, list(ACCOUNTS)
