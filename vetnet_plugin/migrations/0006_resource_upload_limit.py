"""A resource remembers the upload limit of the block it was deposited in, for its later versions."""
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("vetnet", "0005_thread_pages"),
    ]

    operations = [
        migrations.AddField(
            model_name="resource",
            name="max_upload_bytes",
            field=models.PositiveBigIntegerField(default=0),
        ),
    ]
