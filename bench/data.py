"""
Realistic data for the benchmark, generated once and grown between sizes.

Many authors in four countries, Markdown descriptions of 0.5-1.5 KB, one to
three versions per resource, tags, a frequent word ("training", about half of
the resources), a rare one ("zeolite", one in 1,000) and one that never
occurs; members with profiles, attributes and organisations; a scenario forum
with 20 scenarios and 1,000 raters in a closed and an open round.
"""
from __future__ import annotations

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from vetnet_plugin import api
from vetnet_plugin.core.markup import render_markdown
from vetnet_plugin.core.taxonomy import (
    LANGUAGE_CODES,
    ORGANISATION_TYPE_CODES,
    SECTOR_CODES,
    TOPIC_CODES,
)
from vetnet_plugin.members.community import sort_name
from vetnet_plugin.models import (
    BestPractice,
    BestPracticeAssignment,
    CourseMembership,
    MemberProfile,
    PeerReview,
    Post,
    PostRevision,
    ProfileAttribute,
    Rating,
    RatingRound,
    Resource,
    ResourceAttribute,
    ResourceVersion,
    Scenario,
    ScenarioForum,
)
from vetnet_plugin.toolbox.vocabulary import (
    LICENCE_CODES,
    RESOURCE_TYPE_CODES,
    TARGET_GROUP_CODES,
)

COURSE = "course-v1:VETNet+CoVP+2026"
OTHER_COURSES = ["course-v1:VETNet+Crafts+2026", "course-v1:VETNet+Policy+2026"]
FORUM = "block-v1:VETNet+CoVP+2026+type@vetnet_scenarios+block@futures"
TRACK = "block-v1:VETNet+CoVP+2026+type@vetnet_best_practice+block@labour_market"
COUNTRIES = ["IT", "EL", "ES", "DE"]
FREQUENT, RARE, ABSENT = "training", "zeolite", "quasarwhistle"
FIRST = [
    "Maria", "Giorgos", "Ana", "Lukas", "Giulia", "Eleni", "Javier", "Anna", "Marco", "Sofia", "Pablo", "Jonas",
    "Elena", "Nikos", "Laura", "Felix", "Chiara", "Dimitra", "Carmen", "Paul"
]
LAST = [
    "Rossi", "Papadopoulos", "Garcia", "Muller", "Bianchi", "Georgiou", "Martinez", "Schmidt", "Romano", "Nikolaou",
    "Lopez", "Weber", "Ricci", "Pappas", "Sanchez", "Fischer", "Greco", "Vlachos", "Perez", "Wagner"
]
ORGANISATIONS = [
    "Scuola Edile Veneta", "Chamber of Crafts Athens", "Fundacion Laboral", "Handwerkskammer Koeln", "CNOS-FAP",
    "IEK Peiraia", "Centro Integrado FP", "Berufsschule Muenchen", "Confartigianato", "Hellenic Bakers Union"
]
VOCABULARY = [
    "apprenticeship", "workshop", "welding", "carpentry", "bakery", "digital", "green", "insulation", "tutor",
    "mentoring", "simulator", "curriculum", "assessment", "validation", "mobility", "guidance", "inclusion",
    "robotics", "tourism", "care", "learners", "trainers", "company", "competence", "module", "practice",
    "feedback", "safety", "quality", "renovation", "heritage", "ceramics", "textile", "plumbing", "electrician",
    "hospitality", "logistics", "sustainability"
]
SECTORS, LANGUAGES, TOPICS = sorted(SECTOR_CODES), sorted(LANGUAGE_CODES), sorted(TOPIC_CODES)
ORGANISATION_TYPES = sorted(ORGANISATION_TYPE_CODES)
BATCH = 2000


def _paragraph(rng: random.Random, n: int) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(14, 24))]
    if n % 2 == 0:
        words.insert(rng.randrange(len(words)), FREQUENT)
    return " ".join(words).capitalize() + "."


def description(rng: random.Random, n: int) -> str:
    """Markdown of 0.5 to 1.5 KB: a heading, paragraphs, a list, emphasis and a link."""
    target = rng.randint(500, 1500)
    parts = [f"## {rng.choice(VOCABULARY).title()} in practice", _paragraph(rng, n)]
    if n % 1000 == 7:
        parts.append(f"The {RARE} filter was tested in the lab.")
    parts.append("\n".join(f"- **{rng.choice(VOCABULARY)}**: {rng.choice(VOCABULARY)} and {rng.choice(VOCABULARY)}"
                           for _ in range(3)))
    while sum(len(p) for p in parts) < target:
        parts.append(_paragraph(rng, 1))
    parts.append(f"See [the project page](https://example.org/resources/{n}) for *more*.")
    return "\n\n".join(parts)[:1500]


_POOL: list = []


def _described(rng: random.Random, n: int) -> tuple[str, str]:
    """
    A description and its sanitised HTML, as a deposit stores them. Rendering
    100,000 of them would take longer than the benchmark, so they come from a
    pool of 400 distinct texts (half with the frequent word) and 20 with the
    rare word, each rendered once.
    """
    if not _POOL:
        _POOL.extend((text, render_markdown(text)) for text in (description(rng, k) for k in range(400)))
        _POOL.extend((text, render_markdown(text)) for text in (description(rng, 1007 + 1000 * k)
                                                                for k in range(20)))
    if n % 1000 == 7:
        return _POOL[400 + rng.randrange(20)]
    return _POOL[2 * rng.randrange(200) + n % 2]


def authors(count: int, rng: random.Random) -> list[int]:
    """The user ids of ``count`` members (created when missing), with profiles in four countries."""
    user_model = get_user_model()
    have = user_model.objects.filter(username__startswith="member-").count()
    while have < count:
        size = min(BATCH, count - have)
        users = [
            user_model(username=f"member-{n:06d}", first_name=rng.choice(FIRST), last_name=rng.choice(LAST),
                       email=f"member-{n}@example.org", is_active=True)
            for n in range(have, have + size)
        ]
        user_model.objects.bulk_create(users)
        users = list(user_model.objects.filter(username__in=[u.username for u in users]))
        profiles = [
            MemberProfile(user=u, organisation=rng.choice(ORGANISATIONS), country=rng.choice(COUNTRIES),
                          organisation_type=rng.choice(sorted(ORGANISATION_TYPE_CODES)),
                          bio="Trainer and mentor in VET.") for u in users
        ]
        MemberProfile.objects.bulk_create(profiles)
        profiles = {p.user_id: p for p in MemberProfile.objects.filter(user__in=users)}
        attributes, memberships = [], []
        now = timezone.now()
        for user in users:
            profile = profiles[user.pk]
            for kind, values, count_ in ((ProfileAttribute.SECTOR, SECTORS, 2), (ProfileAttribute.LANGUAGE,
                                                                                  LANGUAGES, 2),
                                         (ProfileAttribute.TOPIC, TOPICS, 1)):
                attributes += [ProfileAttribute(profile=profile, kind=kind, value=v)
                               for v in rng.sample(values, count_)]
            memberships.append(CourseMembership(
                user=user, course_key=COURSE, mode="audit", is_active=True, joined=now,
                sort_name=sort_name(user.first_name, user.last_name, user.username),
                search_text=f"{user.first_name} {user.last_name} {user.username} {profile.organisation}".lower(),
                country=str(profile.country), organisation_type=profile.organisation_type,
            ))
        ProfileAttribute.objects.bulk_create(attributes, batch_size=5000)
        CourseMembership.objects.bulk_create(memberships, batch_size=5000)
        have += size
    return list(user_model.objects.filter(username__startswith="member-").order_by("pk")
                .values_list("pk", flat=True)[:count])


def grow_library(target: int, rng: random.Random, author_ids: list[int]) -> None:
    """Insert resources with versions and attributes until the library holds ``target``."""
    types, licences, groups = sorted(RESOURCE_TYPE_CODES), sorted(LICENCE_CODES), sorted(TARGET_GROUP_CODES)
    have = Resource.objects.count()
    while have < target:
        size = min(BATCH, target - have)
        resources, tags_of = [], []
        for n in range(have, have + size):
            words = rng.sample(VOCABULARY, 3)
            title = f"{words[0].title()} {words[1]} for {words[2]} ({n})"
            text, html = _described(rng, n)
            tags = rng.sample(VOCABULARY, 2)
            tags_of.append(tags)
            resources.append(Resource(
                course_key=COURSE if rng.random() < 0.5 else rng.choice(OTHER_COURSES),
                author_id=rng.choice(author_ids), status=Resource.PUBLISHED,
                in_community_library=rng.random() < 0.8, title=title, description=text, description_html=html,
                resource_type=rng.choice(types), country=rng.choice(COUNTRIES), target_group=rng.choice(groups),
                licence=rng.choice(licences), search_text="\n".join([title, text, " ".join(tags)]).lower(),
                rating_count=rng.randint(0, 20), rating_average=round(rng.uniform(0, 5), 2),
                adoption_count=rng.randint(0, 30),
            ))
        Resource.objects.bulk_create(resources)
        created = list(Resource.objects.order_by("-id").values_list("pk", "created")[:size])[::-1]
        ResourceAttribute.objects.bulk_create([
            ResourceAttribute(resource_id=pk, kind=kind, value=value, created=date)
            for (pk, date), tags in zip(created, tags_of, strict=False)
            for kind, value in (
                [(ResourceAttribute.SECTOR, s) for s in rng.sample(SECTORS, rng.randint(1, 3))]
                + [(ResourceAttribute.EQF_LEVEL, str(level)) for level in rng.sample(range(1, 9), 2)]
                + [(ResourceAttribute.LANGUAGE, lang) for lang in rng.sample(LANGUAGES, rng.randint(1, 2))]
                + [(ResourceAttribute.TAG, tag) for tag in tags]
            )
        ], batch_size=5000)
        ResourceVersion.objects.bulk_create([
            ResourceVersion(resource_id=pk, number=number, link_url=f"https://example.org/r/{pk}/v{number}",
                            change_note="Updated examples." if number > 1 else "",
                            scan_status=ResourceVersion.SCAN_CLEAN)
            for pk, _date in created for number in range(1, rng.randint(1, 3) + 1)
        ], batch_size=5000)
        with connection.cursor() as cursor:
            resource, version = Resource._meta.db_table, ResourceVersion._meta.db_table
            cursor.execute(
                f"UPDATE {resource} SET current_version_id = (SELECT MAX(v.id) FROM {version} v "
                f"WHERE v.resource_id = {resource}.id) WHERE id >= %s", [created[0][0]])
        have += size


_POST_POOL: list = []


def grow_forum_posts(target: int, rng: random.Random, author_ids: list[int], thread_ids: list[int]) -> None:
    """
    Posts in the unit's scenario forum until its threads hold ``target``: about
    half in the first thread (the long discussion), the rest spread over the
    others; each top-level post has four replies, one in two top-level posts
    was edited (its earlier version kept). Bodies are Markdown with their
    stored HTML, as a post's save stores it.
    """
    if not _POST_POOL:
        _POST_POOL.extend((text, render_markdown(text)) for text in (
            f"{_paragraph(rng, k)}\n\n- **{rng.choice(VOCABULARY)}** and *{rng.choice(VOCABULARY)}*" for k in range(200)))
    have = Post.objects.filter(thread_id__in=thread_ids).count()
    while have < target:
        size = min(BATCH, target - have)
        now = timezone.now()
        roots = []
        for n in range(have, have + size, 5):
            text, html = rng.choice(_POST_POOL)
            thread = thread_ids[0] if n % 2 == 0 else rng.choice(thread_ids)
            roots.append(Post(thread_id=thread, author_id=rng.choice(author_ids), body=text, body_html=html,
                              language=rng.choice(LANGUAGES[:4]), vote_count=rng.randint(0, 30),
                              edited=now if n % 10 == 0 else None))
        Post.objects.bulk_create(roots)
        created = list(Post.objects.filter(thread_id__in=thread_ids, parent__isnull=True).order_by("-id")
                       .values_list("pk", "thread_id", "edited")[:len(roots)])
        replies = []
        for pk, thread, _edited in created:
            for _r in range(4):
                text, html = rng.choice(_POST_POOL)
                replies.append(Post(thread_id=thread, parent_id=pk, root_id=pk, depth=1,
                                    author_id=rng.choice(author_ids), body=text, body_html=html, language="en"))
        Post.objects.bulk_create(replies[: size - len(roots)], batch_size=5000)
        earlier = "An earlier version."
        earlier_html = str(render_markdown(earlier))  # as a revision's save stores it
        PostRevision.objects.bulk_create([
            PostRevision(post_id=pk, body=earlier, body_html=earlier_html, language="en", created=now)
            for pk, _thread, edited in created if edited
        ], batch_size=5000)
        have += size


def delphi_forum(rng: random.Random, rater_ids: list[int], staff) -> None:
    """A forum of 20 scenarios, 1,000 raters in a closed first round and an open second one."""
    if ScenarioForum.objects.filter(usage_key=FORUM).exists():
        return
    api.configure_scenario_forum(
        course_key=COURSE, usage_key=FORUM, title="VET in 2040", strategic_question="How will VET change?",
        horizon_year=2040, drivers=[], policy_choices=[], allow_proposals=True, pre_moderate=True, max_rounds=2,
        seeds=[{"key": f"s{n}", "title": f"Scenario {n}", "narrative": description(rng, n), "language": "en"}
               for n in range(20)],
    )
    scenarios = list(Scenario.objects.filter(usage_key=FORUM).values_list("pk", flat=True))
    for number in (1, 2):
        api.open_rating_round(user=staff, course_key=COURSE, usage_key=FORUM)
        round_ = RatingRound.objects.get(usage_key=FORUM, number=number)
        Rating.objects.bulk_create([
            Rating(round=round_, scenario_id=s, user_id=u, plausibility=rng.randint(1, 5),
                   desirability=rng.randint(1, 5), rationale="Because of demographics." if rng.random() < 0.2 else "")
            for u in rater_ids for s in scenarios
        ], batch_size=5000)
        if number == 1:
            api.close_rating_round(user=staff, course_key=COURSE, usage_key=FORUM)


# -- the best-practice track -------------------------------------------------------------

TRACK_SECTIONS = [
    {"key": "context", "label": "Context"}, {"key": "challenge", "label": "Challenge"},
    {"key": "approach", "label": "Approach"}, {"key": "results", "label": "Results and evidence"},
    {"key": "partners", "label": "Partners", "required": False},
]
TRACK_CRITERIA = [
    {"key": "relevance", "label": "Relevance", "weight": 2, "levels": [
        {"points": 0, "label": "Missing"}, {"points": 2, "label": "Partly"}, {"points": 4, "label": "Clear"}]},
    {"key": "evidence", "label": "Results and evidence", "weight": 1, "levels": [
        {"points": 0, "label": "None"}, {"points": 1, "label": "Anecdotal"}, {"points": 2, "label": "Measured"}]},
]
REVIEWS_REQUIRED = 3


def best_practice_track(target: int, rng: random.Random, author_ids: list[int]) -> BestPracticeAssignment:
    """
    One assignment with ``target`` practices by as many authors, in every state:
    about 8% drafts, 22% submitted without a review, 25% in review (one or two
    reviews or leases), 40% graded by three reviews, 5% flagged. Grown, never rebuilt.
    """
    api.configure_best_practice(
        course_key=COURSE, usage_key=TRACK, title="Labour-market-driven VET", topic="labour_market_vet",
        sections=TRACK_SECTIONS, criteria=TRACK_CRITERIA, feedback_required="overall",
        reviews_required=REVIEWS_REQUIRED, reviews_to_give=REVIEWS_REQUIRED)
    assignment = BestPracticeAssignment.objects.get(usage_key=TRACK)
    have = set(BestPractice.objects.filter(assignment=assignment).values_list("author_id", flat=True))
    pool = author_ids[:target]
    todo = [author for author in pool if author not in have][:max(0, target - len(have))]
    profiles = dict(MemberProfile.objects.filter(user_id__in=todo).values_list("user_id", "organisation"))
    now = timezone.now()
    for start in range(0, len(todo), BATCH):
        practices, planned = [], []
        for author in todo[start:start + BATCH]:
            roll = rng.random()
            state = ("draft" if roll < 0.08 else "submitted" if roll < 0.30 else "in_review" if roll < 0.55
                     else "graded" if roll < 0.95 else "flagged")
            reviews = {"draft": 0, "submitted": 0, "in_review": rng.randint(1, 2)}.get(state, REVIEWS_REQUIRED)
            submitted = None if state == "draft" else now - timedelta(minutes=rng.randint(1, 60 * 24 * 30))
            score = round(rng.uniform(0.3, 1.0), 3) if state == "graded" else None
            practices.append(BestPractice(
                assignment=assignment, course_key=COURSE, author_id=author,
                status={"draft": BestPractice.DRAFT, "graded": BestPractice.GRADED}.get(state, BestPractice.SUBMITTED),
                title=f"{rng.choice(VOCABULARY).title()} {rng.choice(VOCABULARY)} in {rng.choice(ORGANISATIONS)}",
                sections={section["key"]: _paragraph(rng, 40) for section in TRACK_SECTIONS},
                author_organisation=profiles.get(author, ""), author_country=rng.choice(COUNTRIES),
                submitted=submitted, allocated_count=reviews, review_count=reviews if state != "in_review" else 1,
                score=score, graded=now if score is not None else None, flagged=state == "flagged",
                grade_detail={"method": "median", "reviews": REVIEWS_REQUIRED, "by": "reviews", "criteria": [
                    {"key": "relevance", "value": 4, "spread": 0, "points": [4, 4, 4]},
                    {"key": "evidence", "value": 1, "spread": 0, "points": [1, 1, 1]}]} if score is not None else {},
            ))
            planned.append((author, state, reviews))
        BestPractice.objects.bulk_create(practices, batch_size=1000)
        made = dict(BestPractice.objects.filter(assignment=assignment, author_id__in=[a for a, _s, _r in planned])
                    .values_list("author_id", "pk"))
        reviews = []
        for author, state, count in planned:
            for number, reviewer in enumerate([a for a in rng.sample(pool[:400], count + 1) if a != author][:count]):
                leased = state == "in_review" and number == count - 1 and count > 1
                reviews.append(PeerReview(
                    practice_id=made[author], reviewer_id=reviewer,
                    status=PeerReview.LEASED if leased else PeerReview.SUBMITTED,
                    lease_expires=now + timedelta(hours=24) if leased else None,
                    scores={} if leased else {"relevance": 4, "evidence": 1},
                    overall_feedback="" if leased else "Clear and transferable.", submitted=None if leased else now,
                ))
        PeerReview.objects.bulk_create(reviews, batch_size=2000)
    return assignment
