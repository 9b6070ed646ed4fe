import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('vetnet', '0018_policy'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CaseRouting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created', models.DateTimeField(auto_now_add=True)),
            ],
        ),
        migrations.CreateModel(
            name='CounsellingNoticeOptOut',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created', models.DateTimeField(auto_now_add=True)),
            ],
        ),
        migrations.AddField(
            model_name='counsellingcase',
            name='action_plan',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='counsellingcase',
            name='action_plan_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='counsellingcase',
            name='clinic_facilitator',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='counsellingcase',
            name='clinic_phase',
            field=models.CharField(blank=True, max_length=16),
        ),
        migrations.AddField(
            model_name='counsellingcase',
            name='clinic_phase_minutes',
            field=models.PositiveSmallIntegerField(default=20),
        ),
        migrations.AddField(
            model_name='counsellingcase',
            name='clinic_phase_started_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='counsellingcase',
            name='is_anonymous',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='counsellingcase',
            name='routed_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='counsellingdesk',
            name='allow_anonymous',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='counsellingdesk',
            name='routing_enabled',
            field=models.BooleanField(default=True),
        ),
        migrations.AlterField(
            model_name='translation',
            name='kind',
            field=models.CharField(choices=[('post', 'post'), ('scenario', 'scenario'), ('case', 'counselling case')], max_length=16),
        ),
        migrations.AddIndex(
            model_name='acceptedanswer',
            index=models.Index(fields=['answerer', 'case'], name='vetnet_case_accept_answerer'),
        ),
        migrations.AddField(
            model_name='caserouting',
            name='case',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='routings', to='vetnet.counsellingcase'),
        ),
        migrations.AddField(
            model_name='caserouting',
            name='user',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='counsellingnoticeoptout',
            name='user',
            field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddIndex(
            model_name='caserouting',
            index=models.Index(fields=['user', 'created'], name='vetnet_case_routing_daily'),
        ),
        migrations.AddConstraint(
            model_name='caserouting',
            constraint=models.UniqueConstraint(fields=('case', 'user'), name='vetnet_case_routing_once'),
        ),
    ]
