from django.db import migrations, models


def fill_body_html(apps, schema_editor):
    # The edit histories and translations written before this migration get the HTML a save now stores.
    from vetnet_plugin.core.stored_html import rerender_stored_html

    for name in ("PostRevision", "Translation"):
        model = apps.get_model("vetnet", name)
        rerender_stored_html(model.objects.using(schema_editor.connection.alias), source="body", target="body_html")


class Migration(migrations.Migration):

    dependencies = [
        ('vetnet', '0024_scenario_narrative_html'),
    ]

    operations = [
        migrations.AddField(
            model_name='postrevision',
            name='body_html',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AddField(
            model_name='translation',
            name='body_html',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.RunPython(fill_body_html, migrations.RunPython.noop),
    ]
