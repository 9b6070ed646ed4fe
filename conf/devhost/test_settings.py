"""
Settings for the test suite: the development host's, on real services when asked.

``VETNET_TEST_DB=mysql`` runs on MariaDB/MySQL (``VETNET_MYSQL_*``), and
``VETNET_CELERY_BROKER`` points Celery at Redis; the default is SQLite.
"""
import os

os.environ.setdefault("VETNET_SETTINGS_TYPE", "test")

from .settings import *  # noqa: E402,F401,F403 pylint: disable=wildcard-import,unused-wildcard-import,wrong-import-position

if os.environ.get("VETNET_TEST_DB", "sqlite") == "mysql":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.mysql",
            "NAME": os.environ.get("VETNET_MYSQL_DATABASE", "test"),
            "USER": os.environ.get("VETNET_MYSQL_USER", "root"),
            "PASSWORD": os.environ.get("VETNET_MYSQL_PASSWORD", ""),
            "HOST": os.environ.get("VETNET_MYSQL_HOST", "127.0.0.1"),
            "PORT": os.environ.get("VETNET_MYSQL_PORT", "3306"),
            "OPTIONS": {"charset": "utf8mb4"},
            "TEST": {"NAME": os.environ.get("VETNET_MYSQL_TEST_DATABASE", "test_vetnet"), "CHARSET": "utf8mb4"},
        }
    }
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(VAR_DIR / "test-media")
# Tests start from the product's default (the demo host publishes its repository); a test turns it on.
VETNET_PUBLIC_REPOSITORY = False
