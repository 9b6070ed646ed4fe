"""Many people doing something at the same moment: one thread and one database connection each."""
import threading

from django.db import connection


def at_once(actions) -> list:
    """Run every callable of ``actions`` in its own thread, all released together; return the errors raised."""
    barrier = threading.Barrier(len(actions))
    errors = []

    def run(action):
        try:
            barrier.wait(timeout=60)
            action()
        except Exception as error:  # pylint: disable=broad-except
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors
