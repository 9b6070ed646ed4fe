from django.db import migrations, models


def fill_narrative_html(apps, schema_editor):
    # The scenarios written before this migration get the HTML a save now stores.
    from vetnet_plugin.core.stored_html import rerender_stored_html

    scenario = apps.get_model("vetnet", "Scenario")
    rerender_stored_html(scenario.objects.using(schema_editor.connection.alias), source="narrative",
                         target="narrative_html")


class Migration(migrations.Migration):

    dependencies = [
        ('vetnet', '0023_best_practice_repository'),
    ]

    operations = [
        migrations.AddField(
            model_name='scenario',
            name='narrative_html',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.RunPython(fill_narrative_html, migrations.RunPython.noop),
    ]
