"""
Pages of a discussion thread cut in the database: each reply knows its
top-level post (filled for existing replies), and what each order sorts by is indexed.
"""
import django.db.models.deletion
from django.db import migrations, models


def fill_roots(apps, schema_editor):
    Post = apps.get_model("vetnet", "Post")
    # Level by level: a reply's root is its parent's root, or its parent when that is top-level.
    depth = 1
    while Post.objects.filter(depth__gte=depth).exists():
        for post in Post.objects.filter(depth=depth, root__isnull=True).select_related("parent").iterator():
            Post.objects.filter(pk=post.pk).update(root_id=post.parent.root_id or post.parent_id)
        depth += 1
    # Replies whose depth was recorded wrongly still find their root by walking up.
    for post in Post.objects.filter(parent__isnull=False, root__isnull=True).iterator():
        ancestor = post
        while ancestor.parent_id is not None:
            ancestor = Post.objects.get(pk=ancestor.parent_id)
        Post.objects.filter(pk=post.pk).update(root_id=ancestor.pk)


class Migration(migrations.Migration):

    dependencies = [
        ("vetnet", "0004_public_ids"),
    ]

    operations = [
        migrations.AddField(
            model_name="post", name="root",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="+", to="vetnet.post"),
        ),
        migrations.RunPython(fill_roots, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["thread", "parent", "created", "id"], name="vetnet_post_page_oldest"),
        ),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["thread", "parent", "-vote_count", "created", "id"],
                               name="vetnet_post_page_votes"),
        ),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["root", "created", "id"], name="vetnet_post_root_created"),
        ),
    ]
