"""
Export everything VETNet holds about one user, as JSON (a data-subject access request).

    manage.py lms vetnet_export_member_data <username or user id> [--output member.json]
"""
import json
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from vetnet_plugin import api
from vetnet_plugin.exceptions import VetnetError


class Command(BaseCommand):
    help = "Export all personal data VETNet holds about a user as JSON."

    def add_arguments(self, parser):
        parser.add_argument("user", help="The user's username, or their numeric id.")
        parser.add_argument("--output", default="-", help="File to write (default: standard output).")

    def handle(self, *args, **options):
        users = get_user_model().objects
        wanted = options["user"]
        user = users.filter(username=wanted).first() or (users.filter(pk=int(wanted)).first()
                                                          if wanted.isdigit() else None)
        if user is None:
            raise CommandError(f"No user “{wanted}”.")
        try:
            export = api.export_member_data(user_id=user.pk)
        except VetnetError as error:
            raise CommandError(str(error.message)) from error
        text = json.dumps(export, ensure_ascii=False, indent=2, sort_keys=True)
        if options["output"] == "-":
            self.stdout.write(text)
            return
        try:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        except OSError as error:
            raise CommandError(f"Cannot write {options['output']}: {error.strerror}") from error
        rows = sum(len(table) for table in export["tables"].values())
        sys.stderr.write(f"Wrote {rows} rows from {len(export['tables'])} tables to {options['output']}.\n")
