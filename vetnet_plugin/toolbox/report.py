"""
What the toolbox tells a policy report: published resources and their
adoptions by type, sector, EQF level and licence, each by country. Only
counts leave; who deposited or adopted stays here.
"""
from __future__ import annotations

from collections import defaultdict

from ..core.aggregates import count_table, people_by_month
from ..core.keys import parse_course_key
from .models import Adoption, Resource, ResourceAttribute, Review


def count_toolbox_resources(*, course_key) -> dict[str, tuple]:
    """
    A course's published resources as ``CountCell`` tables, rows by the named
    dimension and columns by the resource's country: ``types``, ``sectors``,
    ``eqf_levels``, ``licences`` (people: distinct depositors) and
    ``adoptions`` (by type; people: distinct adopters). A resource with two
    sectors counts once in each sector's row and once in its country's total.
    """
    key = parse_course_key(course_key)
    resources = {
        pk: row for pk, *row in Resource.objects.filter(course_key=key, status=Resource.PUBLISHED).values_list(
            "pk", "author_id", "resource_type", "country", "licence")
    }
    attributes = defaultdict(lambda: defaultdict(list))
    for resource_id, kind, value in ResourceAttribute.objects.filter(
            resource__course_key=key, resource__status=Resource.PUBLISHED,
            kind__in=[ResourceAttribute.SECTOR, ResourceAttribute.EQF_LEVEL]).values_list("resource_id", "kind",
                                                                                          "value"):
        attributes[resource_id][kind].append(value)
    types, sectors, levels, licences = [], [], [], []
    for pk, (author, resource_type, country, licence) in resources.items():
        person = author or f"resource-{pk}"
        types.append((resource_type, country, pk, person))
        licences.append((licence, country, pk, person))
        sectors.extend((value, country, pk, person) for value in attributes[pk][ResourceAttribute.SECTOR] or ["-"])
        levels.extend((value, country, pk, person) for value in attributes[pk][ResourceAttribute.EQF_LEVEL] or ["-"])
    adoptions = [
        (resource_type, country, pk, member) for pk, member, resource_type, country in Adoption.objects.filter(
            resource__course_key=key, resource__status=Resource.PUBLISHED).values_list(
                "pk", "member_id", "resource__resource_type", "resource__country")
    ]
    return {
        "types": count_table(types), "sectors": count_table(sectors), "eqf_levels": count_table(levels),
        "licences": count_table(licences), "adoptions": count_table(adoptions),
    }


def list_toolbox_contributors_by_month(*, course_key) -> set[tuple[int, str]]:
    """Who deposited, reviewed or adopted a resource of the course in which month, as (user id, YYYY-MM)."""
    key = parse_course_key(course_key)
    return (people_by_month(Resource.objects.filter(course_key=key), person="author_id", date="created")
            | people_by_month(Review.objects.filter(resource__course_key=key), person="author_id", date="created")
            | people_by_month(Adoption.objects.filter(resource__course_key=key), person="member_id", date="created"))
