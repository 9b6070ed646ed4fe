from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.utils import timezone


def copy_resource_dates(apps, schema_editor):
    # Each attribute row takes its resource's date (which never changes), in one statement.
    alias = schema_editor.connection.alias
    resource = apps.get_model("vetnet", "Resource")
    attribute = apps.get_model("vetnet", "ResourceAttribute")
    attribute.objects.using(alias).update(
        created=Subquery(resource.objects.using(alias).filter(pk=OuterRef("resource_id")).values("created")[:1])
    )


class Migration(migrations.Migration):

    dependencies = [
        ("vetnet", "0021_hub"),
    ]

    operations = [
        migrations.AddField(
            model_name="resourceattribute",
            name="created",
            field=models.DateTimeField(default=timezone.now),
            preserve_default=False,
        ),
        migrations.RunPython(copy_resource_dates, migrations.RunPython.noop, elidable=True),
        migrations.RemoveIndex(
            model_name="resourceattribute",
            name="vetnet_res_attr_filter",
        ),
        migrations.AddIndex(
            model_name="resourceattribute",
            index=models.Index(fields=["kind", "value", "created", "resource"], name="vetnet_res_attr_newest"),
        ),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["thread", "is_hidden", "is_retired"], name="vetnet_post_thread_visible"),
        ),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["thread", "language"], name="vetnet_post_thread_language"),
        ),
    ]
