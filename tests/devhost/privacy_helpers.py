"""A demo member who has done everything a member can do, with their own name in what they wrote."""
import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.vetnet_plugin import best_practice_helpers as practices
from vetnet_plugin import api

COURSE_KEY = "course-v1:VETNet+CoVP+2026"
SCENARIOS = "block-v1:VETNet+CoVP+2026+type@vetnet_scenarios+block@communication_scenarios_forum"
WORKSPACES = "block-v1:VETNet+CoVP+2026+type@vetnet_workspace+block@collaboration_workspace"
# The Sharing unit's toolbox, as its block calls the toolbox API.
TOOLBOX = {"course_key": COURSE_KEY, "context": api.ToolboxContext(
    usage_key="block-v1:VETNet+CoVP+2026+type@vetnet_toolbox+block@sharing_toolbox", scope="both", moderation="open",
)}


def demo_members():
    """The demo community; returns (the member who will leave traces, two other members, the trainer)."""
    call_command("load_demo", "--url", "http://127.0.0.1:8123/", stdout=io.StringIO())
    users = get_user_model().objects
    return (users.get(username="eleni"), [users.get(username="marco"), users.get(username="jordi")],
            users.get(username="trainer"))


def leave_traces(member, others, trainer):
    """Everything a member can write, through the API, with their own name and address in it."""
    name = member.get_full_name()
    thread_id = api.list_scenarios(user=member, course_key=COURSE_KEY, usage_key=SCENARIOS)[0].thread_id
    post = api.create_post(user=member, course_key=COURSE_KEY, thread_id=thread_id,
                           body=f"I am {name}, write to {member.email}")
    api.edit_post(user=member, course_key=COURSE_KEY, post_id=post.id, body=f"Signed: {name}")
    api.follow_thread(user=member, course_key=COURSE_KEY, thread_id=thread_id)
    other_post = api.create_post(user=others[0], course_key=COURSE_KEY, thread_id=thread_id, body="A view")
    api.vote_post(user=member, course_key=COURSE_KEY, post_id=other_post.id)
    api.flag_post(user=member, course_key=COURSE_KEY, post_id=other_post.id, reason=f"Flagged by {name}")
    api.contribute_translation(user=member, course_key=COURSE_KEY, kind="post", object_id=other_post.id,
                               language="el", body=f"Μετάφραση ({name})")
    api.propose_scenario(user=member, course_key=COURSE_KEY, usage_key=SCENARIOS,
                         title=f"{name}'s scenario", narrative=f"By {member.username}")
    # Course staff grant the policy role; the member answers a scenario as a policy maker.
    api.grant_community_role(user=trainer, course_key=COURSE_KEY, member_id=member.id, role="policy_maker")
    published = api.list_scenarios(user=member, course_key=COURSE_KEY, usage_key=SCENARIOS)[0]
    api.create_policy_response(user=member, course_key=COURSE_KEY, target_kind="scenario", target=published.uuid,
                               body=f"Answered by {name} ({member.email})")
    other_resource = api.list_resources(user=others[0], **TOOLBOX).items[0]
    api.deposit_resource(
        user=member, **TOOLBOX,
        metadata=api.ResourceMetadata(title=f"Handbook by {name}", description=f"Contact {member.email}",
                                      resource_type="document", languages=("en",), licence="cc-by"),
        file=io.BytesIO(f"Notes of {name}".encode()), filename=f"{member.username}-notes.txt",
    )
    api.review_resource(user=member, **TOOLBOX, resource_uuid=other_resource.uuid, rating=4,
                        text=f"Tried it, {name}")
    api.adopt_resource(user=member, **TOOLBOX, resource_uuid=other_resource.uuid,
                       context_note=f"Used by {name}")
    api.create_collection(user=member, **TOOLBOX, title=f"{name}'s picks", description=member.email)
    api.update_member_profile(user_id=member.id, changes={"bio": f"I am {name} ({member.email})"})
    api.contact_member(user=others[0], course_key=COURSE_KEY, recipient_id=member.id, purpose="counselling",
                       message=f"Hello {name}, may I write to you?")
    # The demo workspace the member belongs to: they write into its shared document, ...
    workspace = next(w for theme in api.list_themes(user=member, course_key=COURSE_KEY, usage_key=WORKSPACES)
                     for w in theme.workspaces if w.member_count > 1)
    opened = api.get_document(user=member, course_key=COURSE_KEY, workspace_uuid=workspace.uuid)
    api.save_document(user=member, course_key=COURSE_KEY, workspace_uuid=workspace.uuid,
                      base_revision=opened.revision, text=opened.text + f"\nNotes by {name} ({member.email})\n")
    # ... talks in its discussion and attaches a resource of the toolbox to it.
    api.post_in_workspace(user=member, course_key=COURSE_KEY, workspace_uuid=workspace.uuid,
                          body=f"Workspace note from {name}")
    unattached = next(item for item in api.find_attachable_resources(
        user=member, course_key=COURSE_KEY, workspace_uuid=workspace.uuid) if not item.attached)
    api.attach_resource(user=member, course_key=COURSE_KEY, workspace_uuid=workspace.uuid,
                        resource_uuid=unattached.resource_uuid)
    # A partnership the member proposed, naming themself in its aims, and one they were invited to and joined.
    api.propose_partnership(user=member, course_key=COURSE_KEY, title="Digital crafts", instrument="erasmus_ka220",
                            aims=f"Coordinated by {name} ({member.email})", commitment=f"{name} leads the pilot",
                            partners=[{"user_id": others[0].id, "commitment": "Hosts the pilot"}])
    joined = api.propose_partnership(user=others[1], course_key=COURSE_KEY, title="Green crafts", instrument="other",
                                     partners=[{"user_id": member.id, "commitment": f"{name} trains trainers"}])
    api.answer_invitation(user=member, course_key=COURSE_KEY, partnership_uuid=joined.uuid, accept=True)
    # The best-practice track: a practice, a review received and given, an override, a certificate.
    practices.configure()
    mine = practices.write_and_submit(member, title=f"{name}'s practice")
    theirs = [practices.write_and_submit(other) for other in others]
    lease = api.request_review(user=member, course_key=COURSE_KEY, usage_key=practices.USAGE_KEY)
    practices.review(member, lease, feedback=f"Reviewed by {name}")
    received = api.request_review(user=others[0], course_key=COURSE_KEY, usage_key=practices.USAGE_KEY)
    if received is not None:
        practices.review(others[0], received, feedback="Well argued.")
    api.override_grade(user=trainer, course_key=COURSE_KEY, usage_key=practices.USAGE_KEY,
                       practice_uuid=mine.uuid, score=0.9, reason=f"{name} documented it well")
    api.record_certificate(user_id=member.id, course_key=COURSE_KEY, event="created", mode="verified",
                           grade="0.9", status="downloadable", course_name="Cooperation")
    # The four phases: their recorded progress and a Communication credential naming them.
    api.set_phase_criteria(user=trainer, course_key=COURSE_KEY, phase="communication",
                           thresholds={"rated": 0, "posted": 1, "counselled": 0})
    api.claim_phase_credential(user=member, course_key=COURSE_KEY, phase="communication",
                               site_url="https://vetnet.example.org")
    # The repository: the member's accepted practice, described and credited; their adoption of another's.
    own_entry = next(entry for entry in api.list_repository(user=member, course_key=COURSE_KEY).items
                     if entry.title == f"{name}'s practice")
    api.describe_repository_entry(user=member, course_key=COURSE_KEY, entry_uuid=own_entry.uuid,
                                  summary=f"How {name} ({member.email}) ran it", credit_author=True)
    api.override_grade(user=trainer, course_key=COURSE_KEY, usage_key=practices.USAGE_KEY,
                       practice_uuid=theirs[-1].uuid, score=0.9, reason="Accepted")
    other_entry = next(e for e in api.list_repository(user=member, course_key=COURSE_KEY).items
                       if e.uuid != own_entry.uuid)
    api.adopt_practice(user=member, course_key=COURSE_KEY, entry_uuid=other_entry.uuid,
                       context_note=f"Adopted by {name} at {member.email}")
    api.report_practice_outcome(user=member, course_key=COURSE_KEY, entry_uuid=other_entry.uuid, outcome="success",
                                report=f"{name} says it worked")
