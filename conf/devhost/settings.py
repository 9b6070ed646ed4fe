"""
Settings of the VETNet development host.

The host plays the part of the Open edX LMS and Studio on a developer's
machine. Like the LMS, it discovers VETNet only through its entry points,
with the real ``edx_django_utils.plugins`` calls: INSTALLED_APPS from
``get_plugin_apps``, settings from ``add_plugins``. Embedded defaults: SQLite,
Celery tasks run eagerly, files on the local filesystem under ``var/``.
"""
import os
from pathlib import Path

from edx_django_utils.plugins import add_plugins, get_plugin_apps

REPO_ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = Path(os.environ.get("VETNET_VAR_DIR", REPO_ROOT / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

# The platform's plugin project type and settings type this host plays.
PROJECT_TYPE = "lms.djangoapp"
SETTINGS_TYPE = os.environ.get("VETNET_SETTINGS_TYPE", "devstack")

DEBUG = os.environ.get("VETNET_DEBUG", "1") == "1"
SECRET_KEY = os.environ.get("VETNET_SECRET_KEY", "development-host-only-not-a-secret")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_countries",
    "workbench",
    "devhost",
] + get_plugin_apps(PROJECT_TYPE)

MIDDLEWARE = [
    # Empties the per-request caches (the acting person, resolved once per request) as the platform does.
    "edx_django_utils.cache.middleware.RequestCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The current request for code without one in hand (a block's view reads its page's query string), as the platform.
    "crum.CurrentRequestUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "devhost.urls"
WSGI_APPLICATION = "devhost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite for a handful of people at once: WAL lets readers go on while one
# writes; immediate transactions take the write lock at BEGIN, so a writer
# waits its turn (up to the busy timeout) instead of failing with "database is
# locked" when a read lock cannot be upgraded.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("VETNET_SQLITE_PATH", str(VAR_DIR / "devhost.sqlite3")),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,  # seconds a writer waits for the lock (the busy timeout)
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        },
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("it", "Italiano"),
    ("el", "Ελληνικά"),
    ("es", "Español"),
    ("ca", "Català"),
]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = str(VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = str(VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "VETNet REST API",
    "VERSION": "v1",
}

# The xblock-sdk workbench reads this; the host supplies its own services.
WORKBENCH = {"reset_state_on_restart": False, "services": {}}

# Celery: tasks run in-process by default; the test settings use Redis and a real worker.
CELERY_TASK_ALWAYS_EAGER = os.environ.get("VETNET_CELERY_EAGER", "1") == "1"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = os.environ.get("VETNET_CELERY_BROKER", "memory://")
CELERY_RESULT_BACKEND = None

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = str(VAR_DIR / "mail")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"vetnet_plugin": {"level": "INFO"}, "devhost": {"level": "INFO"}},
}

# The LMS's enrollments are the platform's table; here they are the host's (the membership backfill reads them).
VETNET_ENROLLMENT_SOURCE = "devhost.enrollment.enrollment_batches"
# The demo publishes its best-practice repository (a product default of off): /api/vetnet/v1/repository/.
VETNET_PUBLIC_REPOSITORY = os.environ.get("VETNET_PUBLIC_REPOSITORY", "1") == "1"

# Let VETNet (and any other plugin) apply its settings, exactly as the LMS does.
add_plugins(__name__, PROJECT_TYPE, "common")
add_plugins(__name__, PROJECT_TYPE, SETTINGS_TYPE)
