"""Members who did things in a course, for the hub and four-phase tests."""
from tests.factories import COURSE_KEY
from tests.vetnet_plugin import communication_helpers as forum
from tests.vetnet_plugin import toolbox_helpers as toolbox
from tests.vetnet_plugin import workspace_helpers as workspaces
from vetnet_plugin import api

SITE = "https://vetnet.example.org"


def thread(course_key=COURSE_KEY, target="hub-talk"):
    """A discussion thread in a block of the course."""
    usage_key = "block-v1:" + str(course_key).split(":", 1)[1] + "+type@vetnet_scenarios+block@futures"
    return api.get_or_create_thread(course_key=course_key, usage_key=usage_key, target=target, title="Talk")


def post(user, times=1, course_key=COURSE_KEY, thread_id=None):
    thread_id = thread_id or thread(course_key)
    for number in range(times):
        api.create_post(user=user, course_key=course_key, thread_id=thread_id,
                        body=f"Our apprentices learn on site, day {number}.", language="en")
    return thread_id


def rate(user, staff=None):
    """Rate a seed scenario in an open round (opening the forum and the round once)."""
    if not api.list_rating_rounds(course_key=COURSE_KEY, usage_key=forum.USAGE_KEY):
        forum.configure_forum()
        api.open_rating_round(user=staff or forum.staff_user(), course_key=COURSE_KEY, usage_key=forum.USAGE_KEY)
    api.rate_scenario(user=user, course_key=COURSE_KEY, usage_key=forum.USAGE_KEY,
                      scenario_uuid=forum.seed_uuid(user), plausibility=4, desirability=5)


def communicate(user):
    """Enough for the default Communication criteria: one rating, two posts."""
    rate(user)
    post(user, times=2)


def deposit_and_adopt(user, other):
    """``user`` deposits a resource and adopts ``other``'s."""
    ctx = toolbox.in_course()
    toolbox.deposit(user, ctx, link_url="https://example.org/mine", title="Mine")
    theirs = toolbox.deposit(other, ctx, link_url="https://example.org/theirs", title="Theirs")
    api.adopt_resource(user=user, **ctx, resource_uuid=theirs.uuid)


def collaborate(user):
    workspaces.configure()
    workspace = workspaces.open_workspace(user)
    api.save_document(user=user, course_key=COURSE_KEY, workspace_uuid=workspace.uuid, base_revision=0,
                      text="Module outline: retrofit basics.")
    return workspace
