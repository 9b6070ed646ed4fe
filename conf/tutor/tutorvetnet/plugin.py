"""
VETNet on a Tutor-run Open edX.

    pip install ./conf/tutor          # or tutor-contrib-vetnet from an index
    tutor plugins enable vetnet
    tutor config save [--set VETNET_PIP_SPEC=...] [--set VETNET_MAX_UPLOAD_MB=20] ...
    tutor images build openedx
    tutor local launch                # runs the init job: migrations, membership backfill

What it does:

* adds the VETNet package to the openedx image (``VETNET_PIP_SPEC``: a version
  specifier, a Git URL or a wheel path);
* sets VETNet's settings in the LMS and in Studio from ``VETNET_*`` config keys;
* routes VETNet's Celery tasks to the LMS workers' default queue and runs one
  Celery beat service for its periodic tasks (digests, waiting rules, follow-ups, reminders);
* runs VETNet's migrations and the membership backfill in the LMS init job.
"""
from __future__ import annotations

from tutor import hooks

# Config keys, all prefixed VETNET_. Empty values keep the plugin's own defaults.
hooks.Filters.CONFIG_DEFAULTS.add_items(
    [
        ("VETNET_VERSION", "0.1.0"),
        # What pip installs into the image: by default the released version.
        ("VETNET_PIP_SPEC", "vetnet=={{ VETNET_VERSION }}"),
        # Upload limit of the resource toolbox, in megabytes; a block may only lower it.
        ("VETNET_MAX_UPLOAD_MB", 50),
        # File extensions members may upload (empty: the plugin's list).
        ("VETNET_ALLOWED_EXTENSIONS", []),
        # Storage alias (a key of STORAGES) for toolbox files (empty: "default", e.g. S3 via tutor-minio).
        ("VETNET_STORAGE", ""),
        # Hours between two e-mail digests (0: no digests).
        ("VETNET_DIGEST_INTERVAL_HOURS", 24),
        # A LibreTranslate-compatible URL for machine translation (empty: off).
        ("VETNET_MACHINE_TRANSLATION_URL", ""),
        ("VETNET_MACHINE_TRANSLATION_API_KEY", ""),
        # Queue of VETNet's Celery tasks: the LMS workers' default queue.
        ("VETNET_CELERY_QUEUE", "edx.lms.core.default"),
        # Run a Celery beat service for VETNet's periodic tasks.
        ("VETNET_RUN_BEAT", True),
        # Create memberships for enrollments made before installation, in the init job.
        ("VETNET_BACKFILL_ON_INIT", True),
        # Publish the best-practice repository without login: public page, Atom and JSON feeds, exports.
        ("VETNET_PUBLIC_REPOSITORY", False),
    ]
)

hooks.Filters.ENV_PATCHES.add_items(
    [
        (
            "openedx-dockerfile-post-python-requirements",
            "# VETNet\nRUN --mount=type=cache,target=/openedx/.cache/pip,sharing=shared "
            "pip install '{{ VETNET_PIP_SPEC }}'",
        ),
        (
            "openedx-common-settings",
            """# VETNet
VETNET_TOOLBOX_MAX_UPLOAD_BYTES = {{ VETNET_MAX_UPLOAD_MB|int }} * 1024 * 1024
{%- if VETNET_ALLOWED_EXTENSIONS %}
VETNET_TOOLBOX_ALLOWED_EXTENSIONS = {{ VETNET_ALLOWED_EXTENSIONS|list }}
{%- endif %}
{%- if VETNET_STORAGE %}
VETNET_TOOLBOX_STORAGE = "{{ VETNET_STORAGE }}"
{%- endif %}
VETNET_DIGEST_INTERVAL_HOURS = {{ VETNET_DIGEST_INTERVAL_HOURS|int }}
{%- if VETNET_MACHINE_TRANSLATION_URL %}
VETNET_MACHINE_TRANSLATION = {
    "URL": "{{ VETNET_MACHINE_TRANSLATION_URL }}",
    "API_KEY": "{{ VETNET_MACHINE_TRANSLATION_API_KEY }}",
    "NAME": "LibreTranslate",
}
{%- endif %}
VETNET_CELERY_QUEUE = "{{ VETNET_CELERY_QUEUE }}"
VETNET_PUBLIC_REPOSITORY = {{ "True" if VETNET_PUBLIC_REPOSITORY else "False" }}
# end of VETNet""",
        ),
    ]
)

# One beat process for the whole platform, beside the workers (more than one would send each periodic task twice).
hooks.Filters.ENV_PATCHES.add_item(
    (
        "local-docker-compose-prod-services",
        """{% if VETNET_RUN_BEAT %}vetnet-beat:
  image: {{ DOCKER_IMAGE_OPENEDX }}
  environment:
    SERVICE_VARIANT: lms
    DJANGO_SETTINGS_MODULE: lms.envs.tutor.production
  command: celery --app=lms.celery beat --loglevel=info --schedule=/openedx/data/vetnet-celerybeat-schedule
  restart: unless-stopped
  volumes:
    - ../apps/openedx/settings/lms:/openedx/edx-platform/lms/envs/tutor:roz
    - ../apps/openedx/settings/cms:/openedx/edx-platform/cms/envs/tutor:roz
    - ../apps/openedx/config:/openedx/config:roz
    - ../../data/lms:/openedx/data:z
  depends_on:
    - lms
{% endif %}""",
    )
)

hooks.Filters.CLI_DO_INIT_TASKS.add_item(
    (
        "lms",
        """echo "VETNet: migrations"
./manage.py lms migrate vetnet
{%- if VETNET_BACKFILL_ON_INIT %}
echo "VETNet: memberships of existing enrollments"
./manage.py lms vetnet_backfill_memberships --no-progress
{%- endif %}""",
    )
)
