"""
The demo community: course templates loaded, and one account for each kind of
member the project serves, with a filled profile and an enrollment.

Everything here is idempotent, so ``make demo`` can run on the same database
again and again: accounts are updated in place, profiles rewritten, and
enrollments that already exist send no second event.

``load_demo_content`` then gives the community something to explore: what
members said in the scenario forum and shared in the toolbox (see
``demo_content``). It is separate so that tests which walk through a feature
from the start can have the accounts without the content.
"""
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from vetnet_plugin import api

from . import demo_content, enrollment, olx
from .models import CourseAccessRole
from .runtime import HostRuntime

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
    users = {account.username: ensure_account(account, courses) for account in ACCOUNTS}
    # The course team grants the policy role (the brief) to the demo's policy maker; a profile opens nothing.
    granter = next(users[a.username] for a in ACCOUNTS if a.course_team)
    for account in ACCOUNTS:
        if account.profile.get("organisation_type") == "policy_maker":
            for course in courses:
                api.grant_community_role(user=granter, course_key=course.course_key,
                                         member_id=users[account.username].id, role=api.POLICY_MAKER_ROLE)
    return courses, list(ACCOUNTS)


# Where the demo content lives: the course template and its blocks (type, OLX url_name).
DEMO_TEMPLATE = "community-of-vet-practices"
SCENARIO_FORUM = ("vetnet_scenarios", "communication_scenarios_forum")
TOOLBOX = ("vetnet_toolbox", "sharing_toolbox")
COUNSELLING = ("vetnet_counselling", "communication_peer_counselling")
WORKSPACES = ("vetnet_workspace", "collaboration_workspace")
# The repository's demo practices are written in the Cooperation course, so the template
# course's own best-practice unit stays empty for a walk-through from the start.
REPOSITORY_TEMPLATE = "cooperation-best-practices"
REPOSITORY_PRACTICE = ("vetnet_best_practice", "coop_funding_best_practice")


def _block(course, block_type, block_id):
    """A block of a loaded course, as the LMS would load it for a page view."""
    runtime = HostRuntime(course_key=course.course_key, user=AnonymousUser())
    return runtime.get_block(runtime.course_key.make_usage_key(block_type, block_id))


def load_demo_content(courses) -> list[str]:
    """
    The scenario forum's and the toolbox's demo content in the template course,
    written through the blocks' own settings; returns one summary line per
    feature. Content already there is left as it is.
    """
    course = next((c for c in courses if c.template == DEMO_TEMPLATE), None)
    if course is None:
        return []
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[a.username for a in ACCOUNTS])}
    forum = _block(course, *SCENARIO_FORUM)
    toolbox = _block(course, *TOOLBOX)
    counselling = _block(course, *COUNSELLING)
    return [
        f"Scenario forum: {demo_content.load_scenario_forum(forum_settings=forum.forum_settings(), users=users)}",
        "Peer counselling: " + demo_content.load_counselling(
            course_key=counselling.course_key, usage_key=counselling.usage_key, title=counselling.display_title(),
            topics=counselling.topics, allow_private=counselling.allow_private, users=users),
        f"Toolbox: {demo_content.load_toolbox(where=toolbox.toolbox_arguments(), users=users)}",
        f"Workspaces: {_load_workspaces(course, users)}",
        *_load_repository(courses, users),
    ]


def _load_repository(courses, users) -> list[str]:
    course = next((c for c in courses if c.template == REPOSITORY_TEMPLATE), None)
    if course is None:
        return []
    block = _block(course, *REPOSITORY_PRACTICE)
    assignment = block.sync_track()
    return [f"Best-practice repository: "
            f"{demo_content.load_repository(course_key=block.course_key, assignment=assignment, users=users)}"]


def _load_workspaces(course, users) -> str:
    block = _block(course, *WORKSPACES)
    block.sync_themes()
    return demo_content.load_workspaces(course_key=block.course_key, usage_key=block.usage_key, users=users)
