"""Resource toolbox (Sharing)."""
import uuid

import django.db.models.deletion
import opaque_keys.edx.django.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("vetnet", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Collection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('course_key', opaque_keys.edx.django.models.CourseKeyField(db_index=True, max_length=255)),
                ('title', models.CharField(max_length=200)),
                ('description', models.TextField(blank=True)),
                ('visibility', models.CharField(choices=[('private', 'only me'), ('course', 'members of this course'), ('community', 'the whole community')], default='private', max_length=16)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('modified', models.DateTimeField(auto_now=True)),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='vetnet_collections', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='Resource',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('course_key', opaque_keys.edx.django.models.CourseKeyField(db_index=True, max_length=255)),
                ('usage_key', models.CharField(blank=True, max_length=255)),
                ('in_community_library', models.BooleanField(default=True)),
                ('status', models.CharField(choices=[('pending', 'waiting for approval'), ('published', 'published'), ('rejected', 'rejected'), ('hidden', 'hidden by staff')], default='pending', max_length=16)),
                ('moderation_reason', models.TextField(blank=True)),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('resource_type', models.CharField(choices=[('project_result', 'Project result'), ('technological_tool', 'Technological tool'), ('document', 'Document'), ('training_material', 'Training material'), ('video', 'Video'), ('other', 'Other')], max_length=32, verbose_name='resource type')),
                ('country', models.CharField(blank=True, max_length=2, verbose_name='country')),
                ('target_group', models.CharField(blank=True, choices=[('vet_learners', 'VET learners and apprentices'), ('trainers', 'Trainers and teachers'), ('vet_managers', "VET providers' managers"), ('sme_staff', 'SME and craft enterprise staff'), ('policy_makers', 'Policy makers'), ('guidance', 'Guidance counsellors'), ('general', 'Everyone')], max_length=32, verbose_name='target group')),
                ('licence', models.CharField(choices=[('cc-by', 'Creative Commons Attribution (CC BY 4.0)'), ('cc-by-sa', 'Creative Commons Attribution-ShareAlike (CC BY-SA 4.0)'), ('cc-by-nd', 'Creative Commons Attribution-NoDerivatives (CC BY-ND 4.0)'), ('cc-by-nc', 'Creative Commons Attribution-NonCommercial (CC BY-NC 4.0)'), ('cc-by-nc-sa', 'Creative Commons Attribution-NonCommercial-ShareAlike (CC BY-NC-SA 4.0)'), ('cc-by-nc-nd', 'Creative Commons Attribution-NonCommercial-NoDerivatives (CC BY-NC-ND 4.0)'), ('cc0', 'Public domain (CC0 1.0)'), ('all-rights-reserved', 'All rights reserved')], max_length=32, verbose_name='licence')),
                ('search_text', models.TextField(blank=True)),
                ('rating_count', models.PositiveIntegerField(default=0)),
                ('rating_average', models.FloatField(default=0)),
                ('adoption_count', models.PositiveIntegerField(default=0)),
                ('download_count', models.PositiveIntegerField(default=0)),
                ('created', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('modified', models.DateTimeField(auto_now=True)),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='vetnet_resources', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='CollectionItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('added', models.DateTimeField(auto_now_add=True)),
                ('collection', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='vetnet.collection')),
                ('resource', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='vetnet.resource')),
            ],
        ),
        migrations.AddField(
            model_name='collection',
            name='resources',
            field=models.ManyToManyField(related_name='collections', through='vetnet.CollectionItem', to='vetnet.resource'),
        ),
        migrations.CreateModel(
            name='Adoption',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('context', models.TextField(blank=True)),
                ('outcome', models.CharField(blank=True, choices=[('', 'not reported yet'), ('success', 'it worked well'), ('partial', 'it partly worked'), ('not_successful', 'it did not work for us')], default='', max_length=16)),
                ('outcome_report', models.TextField(blank=True)),
                ('outcome_reported', models.DateTimeField(blank=True, null=True)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='vetnet_adoptions', to=settings.AUTH_USER_MODEL)),
                ('resource', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='adoptions', to='vetnet.resource')),
            ],
        ),
        migrations.CreateModel(
            name='ResourceAttribute',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('sector', 'sector'), ('eqf', 'EQF level'), ('language', 'language'), ('tag', 'tag')], max_length=16)),
                ('value', models.CharField(max_length=50)),
                ('resource', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attributes', to='vetnet.resource')),
            ],
        ),
        migrations.CreateModel(
            name='ResourceVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('number', models.PositiveIntegerField()),
                ('storage_name', models.CharField(blank=True, max_length=255)),
                ('original_filename', models.CharField(blank=True, max_length=255)),
                ('content_type', models.CharField(blank=True, max_length=100)),
                ('size', models.PositiveBigIntegerField(default=0)),
                ('sha256', models.CharField(blank=True, max_length=64)),
                ('link_url', models.URLField(blank=True, max_length=1000)),
                ('change_note', models.CharField(blank=True, max_length=500)),
                ('scan_status', models.CharField(choices=[('pending', 'being checked'), ('clean', 'checked'), ('infected', 'blocked by the scanner'), ('failed', 'check failed')], default='pending', max_length=16)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('resource', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='vetnet.resource')),
            ],
        ),
        migrations.AddField(
            model_name='resource',
            name='current_version',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='vetnet.resourceversion'),
        ),
        migrations.CreateModel(
            name='Review',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rating', models.PositiveSmallIntegerField()),
                ('text', models.TextField(blank=True)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('modified', models.DateTimeField(auto_now=True)),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='vetnet_reviews', to=settings.AUTH_USER_MODEL)),
                ('resource', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='vetnet.resource')),
            ],
        ),
        migrations.AddConstraint(
            model_name='collectionitem',
            constraint=models.UniqueConstraint(fields=('collection', 'resource'), name='vetnet_collection_item_unique'),
        ),
        migrations.AddConstraint(
            model_name='adoption',
            constraint=models.UniqueConstraint(fields=('resource', 'member'), name='vetnet_adoption_unique'),
        ),
        migrations.AddIndex(
            model_name='resourceattribute',
            index=models.Index(fields=['kind', 'value'], name='vetnet_res_attr_kind_value'),
        ),
        migrations.AddConstraint(
            model_name='resourceattribute',
            constraint=models.UniqueConstraint(fields=('resource', 'kind', 'value'), name='vetnet_resource_attribute_unique'),
        ),
        migrations.AddConstraint(
            model_name='resourceversion',
            constraint=models.UniqueConstraint(fields=('resource', 'number'), name='vetnet_resource_version_unique'),
        ),
        migrations.AddIndex(
            model_name='resource',
            index=models.Index(fields=['course_key', 'status', 'created'], name='vetnet_res_course_new'),
        ),
        migrations.AddIndex(
            model_name='resource',
            index=models.Index(fields=['in_community_library', 'status', 'created'], name='vetnet_res_library_new'),
        ),
        migrations.AddIndex(
            model_name='resource',
            index=models.Index(fields=['rating_average', 'rating_count', 'created'], name='vetnet_res_rated'),
        ),
        migrations.AddIndex(
            model_name='resource',
            index=models.Index(fields=['adoption_count', 'created'], name='vetnet_res_adopted'),
        ),
        migrations.AddConstraint(
            model_name='review',
            constraint=models.UniqueConstraint(fields=('resource', 'author'), name='vetnet_review_unique'),
        ),
    ]
