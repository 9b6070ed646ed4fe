"""
A program, not a test module: several members writing at the same moment to
the development host's embedded SQLite database, with the host's own settings.

``python -m tests.devhost.sqlite_writers WRITERS`` migrates the database named
by ``VETNET_SQLITE_PATH``, then lets ``WRITERS`` members, each in a thread of
its own with its own connection, vote for one post, flag it, review one
resource and adopt it through the REST API, all released at once. It prints
what happened as JSON for the test that runs it.
"""
import json
import sys
import threading


def main(writers: int) -> dict:
    import django  # pylint: disable=import-outside-toplevel

    django.setup()
    # pylint: disable=import-outside-toplevel
    from django.core.management import call_command
    from django.db import connection, connections
    from rest_framework.test import APIClient

    from tests.factories import COURSE_KEY, member
    from tests.vetnet_plugin.communication_helpers import (
        configure_forum,
        scenario_thread,
    )
    from tests.vetnet_plugin.toolbox_helpers import deposit
    from vetnet_plugin import api
    from vetnet_plugin.discussions.models import Post
    from vetnet_plugin.toolbox.models import Resource

    call_command("migrate", verbosity=0)
    configure_forum()
    author = member()
    post = api.create_post(user=author, course_key=COURSE_KEY, thread_id=scenario_thread(author), body="Hello.")
    resource = deposit(author)
    members = [member() for _ in range(writers)]
    with connection.cursor() as cursor:
        journal_mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    connections.close_all()

    base = f"/api/vetnet/v1/courses/{COURSE_KEY}"
    start = threading.Barrier(writers)
    statuses: list[int] = []
    errors: list[str] = []

    def write(user):
        client = APIClient(raise_request_exception=False)
        client.force_authenticate(user)
        try:
            start.wait()
            for response in (
                client.put(f"{base}/posts/{post.id}/vote/"),
                client.post(f"{base}/posts/{post.id}/flag/", {"reason": "Check it"}, format="json"),
                client.put(f"{base}/toolbox/resources/{resource.uuid}/reviews/", {"rating": 4}, format="json"),
                client.put(f"{base}/toolbox/resources/{resource.uuid}/adoption/", {"context": "Ours"}, format="json"),
            ):
                statuses.append(response.status_code)
                if response.status_code >= 300:
                    errors.append(response.content.decode("utf-8", "replace")[-300:])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(user,)) for user in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    post_row = Post.objects.get(uuid=post.id)
    resource_row = Resource.objects.get(uuid=resource.uuid)
    return {
        "journal_mode": journal_mode,
        "statuses": statuses,
        "errors": errors[:3],
        "votes": [post_row.vote_count, post_row.votes.count()],
        "flags": [post_row.flag_count, post_row.flags.count()],
        "reviews": [resource_row.rating_count, resource_row.reviews.count()],
        "adoptions": [resource_row.adoption_count, resource_row.adoptions.count()],
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]))))
