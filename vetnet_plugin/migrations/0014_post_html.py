from django.db import migrations, models


def fill_post_html(apps, schema_editor):
    # The posts written before this migration get the HTML a save now stores.
    from vetnet_plugin.core.stored_html import rerender_stored_html

    post = apps.get_model("vetnet", "Post")
    rerender_stored_html(post.objects.using(schema_editor.connection.alias), source="body", target="body_html")


class Migration(migrations.Migration):

    dependencies = [
        ('vetnet', '0013_workspaces'),
    ]

    operations = [
        migrations.AddField(
            model_name='post',
            name='body_html',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.RunPython(fill_post_html, migrations.RunPython.noop),
    ]
