from django.db import migrations, models

BATCH = 200


def _rows(revision, alias, document_id):
    return revision.objects.using(alias).filter(document_id=document_id).order_by("number").iterator(chunk_size=BATCH)


def to_snapshots_and_deltas(apps, schema_editor):
    # The revisions saved before this migration each hold their whole text: keep every 50th whole, the
    # others become the delta from the revision before, as a save now stores them.
    from vetnet_plugin.workspaces.history import is_snapshot, make_delta

    alias = schema_editor.connection.alias
    revision = apps.get_model("vetnet", "DocumentRevision")
    documents = revision.objects.using(alias).values_list("document_id", flat=True).distinct()
    for document_id in list(documents):
        previous, changed = "", []
        for row in _rows(revision, alias, document_id):
            text = row.text
            if not is_snapshot(row.number):
                row.is_snapshot, row.delta, row.text = False, make_delta(previous, text), ""
                changed.append(row)
            previous = text
            if len(changed) >= BATCH:
                revision.objects.using(alias).bulk_update(changed, ["is_snapshot", "delta", "text"])
                changed = []
        revision.objects.using(alias).bulk_update(changed, ["is_snapshot", "delta", "text"])


def to_whole_texts(apps, schema_editor):
    from vetnet_plugin.workspaces.history import apply_delta

    alias = schema_editor.connection.alias
    revision = apps.get_model("vetnet", "DocumentRevision")
    documents = revision.objects.using(alias).values_list("document_id", flat=True).distinct()
    for document_id in list(documents):
        text, changed = "", []
        for row in _rows(revision, alias, document_id):
            text = row.text if row.is_snapshot else apply_delta(text, row.delta)
            if not row.is_snapshot:
                row.is_snapshot, row.delta, row.text = True, "", text
                changed.append(row)
            if len(changed) >= BATCH:
                revision.objects.using(alias).bulk_update(changed, ["is_snapshot", "delta", "text"])
                changed = []
        revision.objects.using(alias).bulk_update(changed, ["is_snapshot", "delta", "text"])


class Migration(migrations.Migration):

    dependencies = [
        ('vetnet', '0015_best_practice_staff_table'),
    ]

    operations = [
        migrations.AddField(
            model_name='documentrevision',
            name='is_snapshot',
            field=models.BooleanField(default=True),
        ),
        migrations.AddField(
            model_name='documentrevision',
            name='delta',
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(to_snapshots_and_deltas, to_whole_texts),
    ]
