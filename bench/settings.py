"""
Production-like settings for the benchmark: the development host's test
settings (MariaDB with ``VETNET_TEST_DB=mysql``), DEBUG off, pages of 20, and
a URL configuration that adds the bare reference view.
"""
from devhost.test_settings import *

DEBUG = False
TEMPLATE_DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
VETNET_PAGE_SIZE = 20
ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
