"""Bodies of the privacy endpoints."""
from rest_framework import serializers


class ExportedUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()


class MemberDataExportSerializer(serializers.Serializer):
    """Everything VETNet holds about a user: per table (``vetnet.<Model>``), the rows that concern them."""

    format = serializers.CharField(help_text="Version of this document's shape: vetnet-member-data/1.")
    exported_at = serializers.DateTimeField()
    user = ExportedUserSerializer()
    tables = serializers.DictField(
        child=serializers.ListField(child=serializers.DictField()),
        help_text="Table label -> its rows about the user, each row a column -> value object.",
    )
