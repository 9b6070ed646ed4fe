"""A member's edit of a published toolbox resource waits for approval under pre-moderation."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('vetnet', '0009_community_roles'),
    ]

    operations = [
        migrations.AddField(
            model_name='resource',
            name='pending_change',
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='resource',
            name='pending_change_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
