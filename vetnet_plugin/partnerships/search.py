"""
Partner search: members of the course community who complement the searcher
and the partners already chosen, ranked, each with one line saying why.

A bounded set of candidates comes from the members feature (a few indexed
queries, each limited, however large the community: ``members.partners``);
the experience they showed (course certificates such as the best-practice
track's, their practices the repository lists, toolbox resources they
adopted) is read for those candidates in one query per feature; the
ranking runs over that bounded set in Python.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries as country_names

from ..best_practices.api import count_members_accepted_practices, list_members_credentials
from ..conf import setting
from ..core.taxonomy import SECTORS, TOPICS, OrganisationType
from ..members.api import DirectoryFilters, get_member_profiles, list_partner_candidates
from ..toolbox.api import count_members_adoptions
from . import data

# The organisation types a VET partnership is built from: each brings what the others lack.
COMPLEMENTARY_TYPES = (OrganisationType.VET_PROVIDER, OrganisationType.SME_ASSOCIATION,
                       OrganisationType.POLICY_MAKER)

# Weights of what a candidate adds; the highest one names the suggestion's reason.
WEIGHTS = {"country": 8, "type": 6, "topic": 4, "language": 2, "experience": 1}
SUGGESTIONS = 20


@dataclass(frozen=True)
class Composition:
    """What the searcher's side already holds: their own profile and the partners chosen so far."""

    user_ids: frozenset
    countries: frozenset
    organisation_types: frozenset
    topics: frozenset
    sectors: frozenset
    languages: frozenset


def composition_of(profiles) -> Composition:
    return Composition(
        user_ids=frozenset(p.user_id for p in profiles),
        countries=frozenset(p.country for p in profiles if p.country),
        organisation_types=frozenset(p.organisation_type for p in profiles if p.organisation_type),
        topics=frozenset(t for p in profiles for t in p.topics),
        sectors=frozenset(s for p in profiles for s in p.sectors),
        languages=frozenset(lang for p in profiles for lang in p.languages),
    )


class _Words:
    """The labels a search's reasons use, looked up once per search (a country's name costs a scan)."""

    def __init__(self):
        self.ordinals = {2: _("second"), 3: _("third"), 4: _("fourth"), 5: _("fifth")}
        self.topics = dict(TOPICS)
        self.sectors = dict(SECTORS)
        self.kinds = dict(OrganisationType.CHOICES)
        self._countries: dict[str, str] = {}

    def country(self, code: str) -> str:
        if code not in self._countries:
            self._countries[code] = str(country_names.name(code) or code)
        return self._countries[code]


def _country_reason(words: _Words, country: str, count_after: int) -> str:
    if count_after in words.ordinals:
        return _("adds a {ordinal} country ({country})").format(ordinal=words.ordinals[count_after],
                                                                  country=words.country(country))
    return _("adds another country ({country})").format(country=words.country(country))


def _type_reason(words: _Words, kind: str, shared_sectors) -> str:
    label = words.kinds.get(kind, kind)
    if shared_sectors:
        sector = words.sectors.get(sorted(shared_sectors)[0], "")
        return _("{kind} in your sector ({sector})").format(kind=label, sector=sector)
    adds = {OrganisationType.VET_PROVIDER: _("adds a VET provider"),
            OrganisationType.SME_ASSOCIATION: _("adds an SME or craft association"),
            OrganisationType.POLICY_MAKER: _("adds a policy body")}
    return adds[kind]


def rank(candidate, composition: Composition, *, topics, certificates: int, adoptions: int, practices: int = 0,
         words: _Words | None = None):
    """The candidate's score and reasons (best first) against what the composition holds."""
    words = words or _Words()
    found = []
    if candidate.country and candidate.country not in composition.countries:
        found.append((WEIGHTS["country"], _country_reason(words, candidate.country, len(composition.countries) + 1)))
    kind = candidate.organisation_type
    if kind in COMPLEMENTARY_TYPES and kind not in composition.organisation_types:
        found.append((WEIGHTS["type"], _type_reason(words, kind, set(candidate.sectors) & composition.sectors)))
    shared_topics = sorted(set(candidate.topics) & set(topics))
    if shared_topics:
        found.append((WEIGHTS["topic"], _("works on {topic}").format(topic=words.topics.get(shared_topics[0], ""))))
    shared_languages = sorted(set(candidate.languages) & composition.languages)
    if shared_languages:
        from django.conf.locale import LANG_INFO  # pylint: disable=import-outside-toplevel

        name = LANG_INFO.get(shared_languages[0], {}).get("name", shared_languages[0])
        found.append((WEIGHTS["language"], _("speaks {language}, as you do").format(language=_(name))))  # noqa: INT001
    if certificates or adoptions or practices:
        parts = []
        if certificates:
            parts.append(ngettext("holds {count} course certificate", "holds {count} course certificates",
                                  certificates).format(count=certificates))
        if practices:
            parts.append(ngettext("has {count} best practice in the repository",
                                  "has {count} best practices in the repository", practices).format(count=practices))
        if adoptions:
            parts.append(ngettext("adopted {count} toolbox resource", "adopted {count} toolbox resources",
                                  adoptions).format(count=adoptions))
        found.append((WEIGHTS["experience"] * min(3, certificates + adoptions + practices), "; ".join(parts)))
    found.sort(key=lambda item: -item[0])
    return sum(weight for weight, _line in found), tuple(line for _weight, line in found)


def suggest_partners(*, user, course_key, filters: DirectoryFilters | None = None, chosen_user_ids=(),
                     topic: str = "", limit: int = SUGGESTIONS) -> tuple[data.PartnerSuggestion, ...]:
    """
    Ranked partner suggestions for ``user`` in the course community, complementing
    them and ``chosen_user_ids`` (the partners already chosen), optionally on ``topic``.
    """
    own = get_member_profiles(user_ids={user.id, *chosen_user_ids})
    composition = composition_of(own.values())
    topics = {topic} if topic else set(composition.topics)
    wanted = [kind for kind in COMPLEMENTARY_TYPES if kind not in composition.organisation_types]
    candidates = list_partner_candidates(
        user=user, course_key=course_key, filters=filters, exclude_user_ids=composition.user_ids,
        wanted_organisation_types=wanted, covered_countries=composition.countries, topics=sorted(topics),
        limit=setting("VETNET_PARTNER_SEARCH_CANDIDATES"))
    ids = [c.user_id for c in candidates]
    certificates = {uid: len(badges) for uid, badges in list_members_credentials(user_ids=ids).items() if badges}
    adoptions = count_members_adoptions(user_ids=ids)
    practices = count_members_accepted_practices(user_ids=ids)
    ranked, words = [], _Words()
    for position, candidate in enumerate(candidates):
        score, reasons = rank(candidate, composition, topics=topics,
                              certificates=certificates.get(candidate.user_id, 0),
                              adoptions=adoptions.get(candidate.user_id, 0),
                              practices=practices.get(candidate.user_id, 0), words=words)
        ranked.append((-score, position, candidate, score, reasons))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return tuple(_suggestion(c, score, reasons, certificates, adoptions, practices)
                 for _s, _p, c, score, reasons in ranked[:limit])


def _suggestion(candidate, score, reasons, certificates, adoptions, practices) -> data.PartnerSuggestion:
    contact = candidate.open_to_partnership
    return data.PartnerSuggestion(
        user_id=candidate.user_id, name=candidate.full_name, country=candidate.country,
        organisation_type=candidate.organisation_type, languages=candidate.languages, topics=candidate.topics,
        sectors=candidate.sectors, score=score,
        reason=reasons[0] if reasons else _("matches your search"), reasons=reasons,
        # What a member tells about their organisation is for partnership contact only if they allowed it.
        organisation=candidate.organisation if contact else "", can_contact=contact,
        certificates=certificates.get(candidate.user_id, 0), adoptions=adoptions.get(candidate.user_id, 0),
        practices=practices.get(candidate.user_id, 0),
    )
