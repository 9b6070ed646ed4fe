"""Shared data for the discussion and scenario-forum tests."""
from tests.factories import COURSE_KEY, UserFactory, member
from vetnet_plugin import api

USAGE_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_scenarios+block@futures"

DRIVERS = [
    {"name": "Skills shortages in SMEs", "description": "Craft firms cannot find skilled staff."},
    {"name": "Digital transition", "description": "Digital tools change every craft."},
    {"name": "Green transition", "description": "Energy and materials rules tighten."},
]
POLICY_CHOICES = ["Fund short modular courses", "Make trainers' upskilling compulsory", "Regional skills councils"]
SEEDS = [
    {
        "key": "labour-market",
        "title": "Labour-market-driven VET",
        "narrative": "By 2035 regional skills councils steer continuing VET towards jobs that do not exist yet.",
        "language": "en",
        "drivers": ["Skills shortages in SMEs"],
        "policy_choices": ["Regional skills councils"],
    },
    {
        "key": "green-crafts",
        "title": "Green and digital crafts",
        "narrative": "Small firms learn digital and green skills together in short modular courses.",
        "language": "en",
        "drivers": ["Digital transition", "Green transition"],
        "policy_choices": ["Fund short modular courses"],
    },
]


def configure_forum(usage_key=USAGE_KEY, course_key=COURSE_KEY, **overrides):
    """Save a scenario forum as its block does on every view."""
    options = {
        "title": "Futures of VET", "strategic_question": "How will VET for crafts and SMEs look in 2035?",
        "horizon_year": 2035, "drivers": DRIVERS, "policy_choices": POLICY_CHOICES, "seeds": SEEDS,
        "allow_proposals": True, "pre_moderate": True, "max_rounds": 2,
    }
    options.update(overrides)
    return api.configure_scenario_forum(course_key=course_key, usage_key=usage_key, **options)


def staff_user():
    """Course staff (outside the platform, global staff stand in for course staff)."""
    return UserFactory(is_staff=True)


def seed_uuid(user, title="Labour-market-driven VET"):
    """The uuid of a seed scenario, as a member sees it."""
    return next(s.uuid for s in api.list_scenarios(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY)
                if s.title == title)


def scenario_thread(user, title="Labour-market-driven VET"):
    return next(s.thread_id for s in api.list_scenarios(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY)
                if s.title == title)


__all__ = ["COURSE_KEY", "USAGE_KEY", "configure_forum", "member", "staff_user", "seed_uuid", "scenario_thread"]
