"""
Create the community memberships of enrollments that existed before VETNet was installed.

    manage.py lms vetnet_backfill_memberships [--course course-v1:ORG+NUM+RUN] [--batch-size 500]

Run it once after the first migration. It is idempotent and reads the
platform's enrollments in short batches, so it is safe to run again and while
the LMS serves: memberships the enrollment events already keep are left as they are.
"""
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from vetnet_plugin import api
from vetnet_plugin.exceptions import VetnetError


class Command(BaseCommand):
    help = "Create the community memberships of enrollments made before VETNet was installed (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--course", default=None, help="Only this course's enrollments.")
        parser.add_argument("--batch-size", type=int, default=500, help="Enrollments read per batch (default 500).")
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args, **options):
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        course = options["course"]
        try:
            total = api.count_enrollments_to_backfill(course_key=course)
            with tqdm(total=total, desc="Enrollments", unit="enrollment", disable=options["no_progress"],
                      file=self.stderr) as bar:
                result = api.backfill_memberships(
                    course_key=course, batch_size=options["batch_size"], progress=bar.update
                )
        except (RuntimeError, VetnetError) as error:
            raise CommandError(str(getattr(error, "message", "") or error)) from error
        self.stdout.write(self.style.SUCCESS(
            f"Created {result.created} memberships; {result.already_present} were already there"
            + (f"; {result.skipped} enrollments had an unreadable course key." if result.skipped else ".")
        ))
