"""
Public ids of discussions: threads and posts get a uuid.

Added nullable, filled for the rows an installed database already has, then
made unique and required, so the history stays valid for an installed database.
"""
import uuid

from django.db import migrations, models

BATCH = 1000


def fill_uuids(apps, schema_editor):
    for name in ("Thread", "Post"):
        model = apps.get_model("vetnet", name)
        batch = []
        for row in model.objects.filter(uuid__isnull=True).only("pk").iterator(chunk_size=BATCH):
            row.uuid = uuid.uuid4()
            batch.append(row)
            if len(batch) >= BATCH:
                model.objects.bulk_update(batch, ["uuid"])
                batch = []
        if batch:
            model.objects.bulk_update(batch, ["uuid"])


class Migration(migrations.Migration):

    dependencies = [
        ("vetnet", "0003_discussions"),
    ]

    operations = [
        migrations.AddField(model_name="thread", name="uuid", field=models.UUIDField(null=True, editable=False)),
        migrations.AddField(model_name="post", name="uuid", field=models.UUIDField(null=True, editable=False)),
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="thread", name="uuid", field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="post", name="uuid", field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
