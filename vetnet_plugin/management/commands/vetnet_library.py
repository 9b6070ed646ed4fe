"""
Export the toolbox's community library to a folder, or import one.

    manage.py vetnet_library export /backups/library [--course course-v1:ORG+NUM+RUN]
    manage.py vetnet_library import /backups/library [--course course-v1:ORG+NUM+RUN]

The folder holds ``library.json`` (everything, for import), ``library.csv``
(the metadata, for spreadsheets) and ``files/``.
"""
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from vetnet_plugin import api
from vetnet_plugin.exceptions import VetnetError


class Command(BaseCommand):
    help = "Export the toolbox library (metadata as JSON and CSV, plus files) or import such an export."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("folder", help="Folder to write the export to, or to import from.")
        parser.add_argument("--course", default=None,
                            help="Export only this course's resources; on import, put every resource in it.")
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args, **options):
        folder, course = options["folder"], options["course"]
        show = not options["no_progress"]
        try:
            if options["action"] == "export":
                total = api.count_library(course_key=course)
                with tqdm(total=total, desc="Exporting", unit="resource", disable=not show, file=self.stderr) as bar:
                    count = api.export_library(destination=folder, course_key=course, progress=bar.update)
                self.stdout.write(self.style.SUCCESS(f"Exported {count} resources to {folder}."))
            else:
                total = len(api.read_library_export(source=folder))
                with tqdm(total=total, desc="Importing", unit="resource", disable=not show, file=self.stderr) as bar:
                    imported, skipped = api.import_library(source=folder, course_key=course, progress=bar.update)
                self.stdout.write(self.style.SUCCESS(
                    f"Imported {imported} resources; {skipped} were already there."))
        except (ValueError, OSError, VetnetError) as error:
            raise CommandError(str(getattr(error, "message", "") or error)) from error
