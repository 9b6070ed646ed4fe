#!/usr/bin/env python
"""Management commands of the development host (conf/devhost), which plays the platform."""
import os
import sys

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "conf"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devhost.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
