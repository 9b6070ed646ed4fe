"""
Search and lists at scale (ADR 0008): FULLTEXT indexes on MariaDB/MySQL,
indexes that serve a filter and its order together, the directory's copy of
names and profile fields on the membership, and stored Delphi aggregates.
"""

import django.db.models.deletion
import opaque_keys.edx.django.models
from django.conf import settings
from django.db import migrations, models

def _table(apps, model):
    return apps.get_model("vetnet", model)._meta.db_table


def add_fulltext(apps, schema_editor):
    if schema_editor.connection.vendor != "mysql":
        return
    quote = schema_editor.quote_name
    for model, column, name in (("Resource", "search_text", "vetnet_res_fulltext"),
                                ("CourseMembership", "search_text", "vetnet_membership_fulltext")):
        schema_editor.execute(f"CREATE FULLTEXT INDEX {quote(name)} ON {quote(_table(apps, model))} ({quote(column)})")


def drop_fulltext(apps, schema_editor):
    if schema_editor.connection.vendor != "mysql":
        return
    quote = schema_editor.quote_name
    for model, name in (("Resource", "vetnet_res_fulltext"), ("CourseMembership", "vetnet_membership_fulltext")):
        schema_editor.execute(f"DROP INDEX {quote(name)} ON {quote(_table(apps, model))}")


def fill_directory_rows(apps, schema_editor):
    """Copy names and profile fields onto the existing memberships."""
    membership_model = apps.get_model("vetnet", "CourseMembership")
    profile_model = apps.get_model("vetnet", "MemberProfile")
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    user_ids = set(membership_model.objects.values_list("user_id", flat=True))
    users = {u.pk: u for u in user_model.objects.filter(pk__in=user_ids)}
    profiles = {p.user_id: p for p in profile_model.objects.filter(user_id__in=user_ids)}
    for membership in membership_model.objects.all():
        user, profile = users.get(membership.user_id), profiles.get(membership.user_id)
        if user is None:
            continue
        organisation = profile.organisation if profile else ""
        membership_model.objects.filter(pk=membership.pk).update(
            sort_name=directory_sort_name(user.first_name, user.last_name, user.username),
            search_text=" ".join([user.first_name, user.last_name, user.username, organisation]).lower(),
            country=str(profile.country or "") if profile else "",
            organisation_type=profile.organisation_type if profile else "",
        )


def directory_sort_name(first_name, last_name, username):
    # The same key as members.community.sort_name (kept here: migrations do not import the app).
    return "\t".join([first_name.lower(), last_name.lower(), username.lower()])[:255]


class Migration(migrations.Migration):

    dependencies = [
        ('vetnet', '0007_member_contact'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='RoundAggregate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('raters', models.PositiveIntegerField()),
                ('plausibility', models.JSONField()),
                ('desirability', models.JSONField()),
            ],
        ),
        migrations.RemoveIndex(
            model_name='coursemembership',
            name='vetnet_membership_course',
        ),
        migrations.RemoveIndex(
            model_name='resourceattribute',
            name='vetnet_res_attr_kind_value',
        ),
        migrations.AddField(
            model_name='coursemembership',
            name='country',
            field=models.CharField(blank=True, default='', max_length=2),
        ),
        migrations.AddField(
            model_name='coursemembership',
            name='organisation_type',
            field=models.CharField(blank=True, default='', max_length=32),
        ),
        migrations.AddField(
            model_name='coursemembership',
            name='search_text',
            field=models.TextField(blank=True, default=''),
        ),
        migrations.AddField(
            model_name='coursemembership',
            name='sort_name',
            field=models.CharField(blank=True, default='', max_length=255),
        ),
        migrations.AddField(
            model_name='ratinground',
            name='aggregated',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='resource',
            name='description_html',
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AlterField(
            model_name='coursemembership',
            name='course_key',
            field=opaque_keys.edx.django.models.CourseKeyField(max_length=255),
        ),
        migrations.AddIndex(
            model_name='coursemembership',
            index=models.Index(fields=['course_key', 'is_active', 'sort_name'], name='vetnet_membership_name'),
        ),
        migrations.AddIndex(
            model_name='coursemembership',
            index=models.Index(fields=['course_key', 'is_active', 'country', 'sort_name'], name='vetnet_membership_country'),
        ),
        migrations.AddIndex(
            model_name='coursemembership',
            index=models.Index(fields=['course_key', 'is_active', 'organisation_type', 'sort_name'], name='vetnet_membership_orgtype'),
        ),
        migrations.AddIndex(
            model_name='rating',
            index=models.Index(fields=['round', 'user'], name='vetnet_rating_round_user'),
        ),
        migrations.AddIndex(
            model_name='resource',
            index=models.Index(fields=['country', 'created'], name='vetnet_res_country_new'),
        ),
        migrations.AddIndex(
            model_name='resource',
            index=models.Index(fields=['resource_type', 'created'], name='vetnet_res_type_new'),
        ),
        migrations.AddIndex(
            model_name='resource',
            index=models.Index(fields=['target_group', 'created'], name='vetnet_res_group_new'),
        ),
        migrations.AddIndex(
            model_name='resource',
            index=models.Index(fields=['licence', 'created'], name='vetnet_res_licence_new'),
        ),
        migrations.AddIndex(
            model_name='resourceattribute',
            index=models.Index(fields=['kind', 'value', 'resource'], name='vetnet_res_attr_filter'),
        ),
        migrations.AddField(
            model_name='roundaggregate',
            name='round',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='aggregates', to='vetnet.ratinground'),
        ),
        migrations.AddField(
            model_name='roundaggregate',
            name='scenario',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='vetnet.scenario'),
        ),
        migrations.AddConstraint(
            model_name='roundaggregate',
            constraint=models.UniqueConstraint(fields=('round', 'scenario'), name='vetnet_round_aggregate_once'),
        ),
        migrations.RunPython(add_fulltext, drop_fulltext, atomic=False),
        migrations.RunPython(fill_directory_rows, migrations.RunPython.noop),
    ]
