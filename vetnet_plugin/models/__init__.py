"""
VETNet's models. Only ``vetnet_plugin.api`` writes them; everything else reads
through the API's data classes.
"""
from .members import CourseMembership, MemberProfile, ProfileAttribute

__all__ = ["CourseMembership", "MemberProfile", "ProfileAttribute"]
