"""
Move a community between Open edX instances: export it to a folder, or import one.

    manage.py vetnet_community export /backups/community [--course course-v1:ORG+NUM+RUN]
    manage.py vetnet_community import /backups/community [--course course-v1:ORG+NUM+RUN]

The folder holds ``profiles.json`` (the members' organisations, countries,
languages, sectors and topics: never bios, contact preferences, names or
e-mail addresses), ``library/`` (the toolbox's export, as
``vetnet_library`` writes it) and ``repository.json`` (the best-practice
repository's listed entries: authors named only where they agreed to be
credited). Members are matched by username on the target; an import fills
only what is still empty there, and running it twice changes nothing the
second time. A folder exported before the repository travelled (no
``repository.json``) imports its profiles and library as before.
"""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from vetnet_plugin import api
from vetnet_plugin.exceptions import VetnetError

LIBRARY_FOLDER = "library"


class Command(BaseCommand):
    help = ("Export the community (profiles' non-personal parts, the library and the best-practice repository) "
            "to a folder, or import one.")

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("folder", help="Folder to write the export to, or to import from.")
        parser.add_argument("--course", default=None,
                            help="Export only this course community; on import, put every resource and practice in it.")
        parser.add_argument("--no-progress", action="store_true", help="Do not show progress bars.")

    def _bar(self, total, desc, unit):
        return tqdm(total=total, desc=desc, unit=unit, disable=self._quiet, file=self.stderr)

    def handle(self, *args, **options):
        folder, course = Path(options["folder"]), options["course"]
        self._quiet = options["no_progress"]
        try:
            if options["action"] == "export":
                self._export(folder, course)
            else:
                self._import(folder, course)
        except (ValueError, OSError, VetnetError) as error:
            raise CommandError(str(getattr(error, "message", "") or error)) from error

    def _export(self, folder, course):
        with self._bar(api.count_profiles(course_key=course), "Profiles", "profile") as bar:
            profiles = api.export_profiles(destination=folder, course_key=course, progress=bar.update)
        with self._bar(api.count_library(course_key=course), "Resources", "resource") as bar:
            resources = api.export_library(destination=folder / LIBRARY_FOLDER, course_key=course,
                                           progress=bar.update)
        with self._bar(api.count_repository(course_key=course), "Practices", "practice") as bar:
            practices = api.export_repository(destination=folder, course_key=course, progress=bar.update)
        self.stdout.write(self.style.SUCCESS(
            f"Exported {profiles} profiles, {resources} resources and {practices} repository practices to {folder}."))

    def _import(self, folder, course):
        # Read every part first: a folder that is not an export changes nothing.
        profile_records = api.read_profiles_export(source=folder)
        resource_records = api.read_library_export(source=folder / LIBRARY_FOLDER)
        practice_records = api.read_repository_export(source=folder)
        with self._bar(len(profile_records), "Profiles", "profile") as bar:
            updated, unchanged = api.import_profiles(source=folder, progress=bar.update)
        with self._bar(len(resource_records), "Resources", "resource") as bar:
            imported, present = api.import_library(source=folder / LIBRARY_FOLDER, course_key=course,
                                                   progress=bar.update)
        if practice_records is None:
            practices = "Repository: no repository.json in this export (made before it was included), skipped."
        else:
            with self._bar(len(practice_records), "Practices", "practice") as bar:
                entered, known = api.import_repository(source=folder, course_key=course, progress=bar.update)
            practices = f"Repository: {entered} practices imported, {known} were already there."
        self.stdout.write(self.style.SUCCESS(
            f"Profiles: {updated} filled in, {unchanged} unchanged or without a member here. "
            f"Resources: {imported} imported, {present} were already there. {practices}"))
