"""An assignment, learners with profiles, and a cohort that writes and reviews, for the best-practice tests."""
from __future__ import annotations

import itertools

from tests.factories import COURSE_KEY, member
from vetnet_plugin import api

USAGE_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_best_practice+block@cooperation_labour_market"

CRITERIA = [
    {"key": "relevance", "label": "Relevance to the labour market", "weight": 2, "levels": [
        {"points": 0, "label": "Missing"}, {"points": 2, "label": "Partly"}, {"points": 4, "label": "Clear"}]},
    {"key": "evidence", "label": "Results and evidence", "weight": 1, "levels": [
        {"points": 0, "label": "None"}, {"points": 1, "label": "Anecdotal"}, {"points": 2, "label": "Measured"}]},
]
SECTIONS = [
    {"key": "context", "label": "Context"},
    {"key": "approach", "label": "Approach"},
    {"key": "partners", "label": "Partners", "required": False},
]
COUNTRIES = ("IT", "ES", "GR", "FR", "DE", "PT")


def configure(usage_key=USAGE_KEY, **overrides):
    settings = {
        "course_key": COURSE_KEY, "usage_key": usage_key, "title": "Labour-market-driven VET",
        "topic": "labour_market", "sections": SECTIONS, "criteria": CRITERIA, "feedback_required": "overall",
        "reviews_required": 2, "reviews_to_give": 2,
    }
    settings.update(overrides)
    return api.configure_best_practice(**settings)


def learner(organisation="", country=""):
    profile = {}
    if organisation:
        profile["organisation"] = organisation
    if country:
        profile["country"] = country
    return member(**profile)


def write_and_submit(user, usage_key=USAGE_KEY, title="Dual apprenticeship in carpentry SMEs"):
    draft = api.save_draft(user=user, course_key=COURSE_KEY, usage_key=usage_key, title=title,
                           sections={"context": "Small workshops in Emilia.", "approach": "Paired mentors."})
    return api.submit_practice(user=user, course_key=COURSE_KEY, usage_key=usage_key, version=draft.version)


def review(user, lease, relevance=4, evidence=2, usage_key=USAGE_KEY, feedback="Clear and transferable."):
    return api.submit_review(user=user, course_key=COURSE_KEY, usage_key=usage_key, review_uuid=lease.uuid,
                             scores={"relevance": relevance, "evidence": evidence}, overall_feedback=feedback)


def cohort(size: int, usage_key=USAGE_KEY):
    """``size`` learners of several organisations and countries, each with a submitted practice."""
    learners = []
    for index, country in zip(range(size), itertools.cycle(COUNTRIES)):
        user = learner(organisation=f"School {index % 5}", country=country)
        write_and_submit(user, usage_key)
        learners.append(user)
    return learners


def review_until_done(learners, usage_key=USAGE_KEY, skip=()):
    """
    Every learner asks for practices and reviews them until none is left for
    them; those in ``skip`` take a lease and never finish it. Returns
    ``{reviewer id: [author ids reviewed]}``.
    """
    reviewed = {user.id: [] for user in learners}
    # No time passes inside the loop, so whoever got nothing, or holds a lease
    # they will not finish, would get the same answer again.
    asking = list(learners)
    while asking:
        still = []
        for user in asking:
            lease = api.request_review(user=user, course_key=COURSE_KEY, usage_key=usage_key)
            if lease is None or user in skip:
                continue
            practice = review(user, lease, usage_key=usage_key)
            reviewed[user.id].append(practice.uuid)
            still.append(user)
        asking = still
    return reviewed
