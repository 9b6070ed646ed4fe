"""
Render the stored HTML of members' Markdown again, after the sanitiser's rules
or the Markdown renderer changed.

    manage.py vetnet_render_html [--course course-v1:ORG+NUM+RUN]
        [--only posts|resources|revisions|scenarios|translations] [--no-progress]

Discussion posts, their earlier versions and translations (of posts,
scenarios and cases) keep their body's HTML, toolbox resources their
description's and scenarios their narrative's, rendered when the text is
written; pages serve that copy. This
command renders every copy again from its Markdown (all courses, or one), in
batches, and writes only the rows whose HTML changed. Running it twice changes
nothing the second time.
"""
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from vetnet_plugin import api
from vetnet_plugin.exceptions import VetnetError

KINDS = {
    "posts": ("discussion posts", "post", api.count_posts, api.rerender_post_html),
    "revisions": ("earlier versions of posts", "version", api.count_post_revisions, api.rerender_revision_html),
    "translations": ("translations", "translation", api.count_translations, api.rerender_translation_html),
    "resources": ("toolbox resources", "resource", api.count_library, api.rerender_resource_html),
    "scenarios": ("scenarios", "scenario", api.count_scenarios, api.rerender_scenario_html),
}


class Command(BaseCommand):
    help = ("Render the stored HTML of discussion posts, their earlier versions, translations, toolbox resources and "
            "scenarios again from their Markdown.")

    def add_arguments(self, parser):
        parser.add_argument("--course", default=None, help="Only this course's texts.")
        parser.add_argument("--only", choices=sorted(KINDS), default=None,
                            help="Only one kind of text.")
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar.")

    def handle(self, *args, **options):
        course, show = options["course"], not options["no_progress"]
        kinds = [options["only"]] if options["only"] else sorted(KINDS)
        try:
            for kind in kinds:
                label, unit, count, rerender = KINDS[kind]
                total = count(course_key=course)
                with tqdm(total=total, desc=f"Rendering {label}", unit=unit, disable=not show,
                          file=self.stderr) as bar:
                    changed = rerender(course_key=course, progress=bar.update)
                self.stdout.write(self.style.SUCCESS(
                    f"{label.capitalize()}: {total} read, {changed} with new HTML."))
        except (ValueError, VetnetError) as error:
            raise CommandError(str(getattr(error, "message", "") or error)) from error
