"""Factories of partner search and partnerships: members of several countries and organisation types."""
from tests.factories import COURSE_KEY, member
from vetnet_plugin import api

USAGE_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_partnership+block@partnerships"


def partner(country="IT", organisation_type="vet_provider", **profile):
    return member(country=country, organisation_type=organisation_type, **profile)


def propose(proposer, *, instrument="erasmus_ka220", partners=(), title="Green skills for crafts", **fields):
    return api.propose_partnership(
        user=proposer, course_key=COURSE_KEY, usage_key=USAGE_KEY, title=title, instrument=instrument,
        topic=fields.pop("topic", "green_transition"), aims=fields.pop("aims", "Train trainers in retrofitting."),
        partners=[{"user_id": p.id, "role": "partner", "commitment": "Pilot the course."} for p in partners],
        **fields)


def accept(person, partnership, accept_it=True):
    return api.answer_invitation(user=person, course_key=COURSE_KEY, partnership_uuid=partnership.uuid,
                                 accept=accept_it)
