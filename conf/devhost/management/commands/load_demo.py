"""``manage.py load_demo``: the course templates and the demo community, ready to explore."""
from django.core.management.base import BaseCommand, CommandError

from ... import demo
from ...olx import OlxError


class Command(BaseCommand):
    help = (
        "Load (or reload) the OLX courses in course_templates/ and create the demo accounts, "
        "enrolled through the platform's enrollment events, with demo content in the scenario forum and "
        "the toolbox. Safe to run again: a reload "
        "replaces the courses' authored content, as a Studio import does, and keeps learners' work."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="Where the host will be served.")

    def handle(self, *args, **options):
        try:
            courses, accounts = demo.load_demo()
            content = demo.load_demo_content(courses)
        except OlxError as exc:
            raise CommandError(f"A course template could not be loaded: {exc}") from exc
        write = self.stdout.write
        write(self.style.SUCCESS("VETNet development host is ready."))
        for course in courses:
            write(f"  Course: {course.display_name} ({course.course_key})")
        for line in content:
            write(f"  {line}")
        write(f"  Open {options['url']} and log in with one of these accounts:")
        width = max(len(account.username) for account in accounts)
        for account in accounts:
            write(f"    {account.username.ljust(width)}  password: {demo.DEMO_PASSWORD}  ({account.role})")
