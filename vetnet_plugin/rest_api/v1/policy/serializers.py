"""Request and response bodies of the policy dashboard's and the policy responses' REST views."""
from rest_framework import serializers

# pylint: disable=abstract-method


class DashboardQuerySerializer(serializers.Serializer):
    country = serializers.CharField(required=False, allow_blank=True, max_length=2,
                                    help_text="An ISO 3166 country code: only that country's rows or columns.")


class CellSerializer(serializers.Serializer):
    row = serializers.CharField(allow_blank=True, help_text="The row's code; empty for the column's total.")
    column = serializers.CharField(allow_blank=True, help_text="The column's code; empty for the row's total.")
    value = serializers.FloatField(allow_null=True, help_text="Null where the cell is suppressed.")
    suppressed = serializers.BooleanField()
    spread = serializers.FloatField(allow_null=True, help_text="The interquartile range beside a median.")


class IndicatorTableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(help_text="What the indicator measures.")
    informs = serializers.CharField(help_text="Which European indicator (EQAVET, Cedefop) it informs, if any.")
    row_heading = serializers.CharField()
    column_heading = serializers.CharField()
    rows = serializers.ListField(child=serializers.ListField(child=serializers.CharField()),
                                 help_text="[code, label] pairs.")
    columns = serializers.ListField(child=serializers.ListField(child=serializers.CharField()),
                                    help_text="[code, label] pairs.")
    cells = CellSerializer(many=True)
    has_totals = serializers.BooleanField()
    unit = serializers.CharField(allow_blank=True)


class DashboardSerializer(serializers.Serializer):
    scope = serializers.CharField(allow_blank=True, help_text="The course key, or empty across courses.")
    course_keys = serializers.ListField(child=serializers.CharField())
    country = serializers.CharField(allow_blank=True)
    countries = serializers.ListField(child=serializers.ListField(child=serializers.CharField()))
    computed = serializers.DateTimeField(allow_null=True)
    min_cell = serializers.IntegerField(help_text="Cells describing fewer people than this are suppressed.")
    tables = IndicatorTableSerializer(many=True)
    scenarios = serializers.ListField(child=serializers.DictField(child=serializers.CharField()))


class PolicyResponseSerializer(serializers.Serializer):
    uuid = serializers.CharField()
    course_key = serializers.CharField()
    target_kind = serializers.ChoiceField(choices=["scenario", "topic"])
    target = serializers.CharField()
    author_name = serializers.CharField()
    body = serializers.CharField(help_text="Markdown as written.")
    body_html = serializers.CharField(help_text="Sanitised HTML.")
    created = serializers.DateTimeField()
    modified = serializers.DateTimeField()
    can_edit = serializers.BooleanField()


class PolicyResponseListSerializer(serializers.Serializer):
    results = PolicyResponseSerializer(many=True)


class PolicyResponseQuerySerializer(serializers.Serializer):
    target_kind = serializers.ChoiceField(choices=["scenario", "topic"], required=False)
    target = serializers.CharField(required=False, max_length=64)


class NewPolicyResponseSerializer(serializers.Serializer):
    target_kind = serializers.ChoiceField(choices=["scenario", "topic"])
    target = serializers.CharField(max_length=64, help_text="A scenario's uuid or a topic code.")
    body = serializers.CharField(max_length=5000, help_text="Markdown.")


class PolicyResponseEditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000, help_text="Markdown.")
