"""
VETNet's models. Only ``vetnet_plugin.api`` writes them; everything else reads
through the API's data classes.
"""
from .members import CourseMembership, MemberProfile, ProfileAttribute
from .toolbox import Adoption, Collection, CollectionItem, Resource, ResourceAttribute, ResourceVersion, Review

__all__ = [
    "CourseMembership", "MemberProfile", "ProfileAttribute",
    "Adoption", "Collection", "CollectionItem", "Resource", "ResourceAttribute", "ResourceVersion", "Review",
]
