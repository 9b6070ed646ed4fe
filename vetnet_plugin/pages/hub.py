"""The community hub's pages: the member's communities and progression, the staff's criteria, a credential."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import api
from ..exceptions import AccessDenied, NotFound, VetnetError


def _forbidden(request, error):
    return render(request, "vetnet/hub/message.html", {"title": _("Not available"), "message": error.message},
                  status=error.status_code)


def _render_hub(request, course_key=None):
    try:
        hub = api.get_hub(user=request.user, course_key=course_key)
    except AccessDenied as error:
        return _forbidden(request, error)
    credentials = {item.uuid: item for item in api.list_phase_credentials(user_id=request.user.id)}
    return render(request, "vetnet/hub/hub.html", {
        "hub": hub, "course_key": str(course_key or ""), "credentials": credentials,
        "claimed": request.GET.get("claimed", ""), "claim_error": request.session.pop("vetnet_claim_error", ""),
    })


@login_required
def hub_page(request):
    """Every community of the member, what is new in each, and their four phases."""
    return _render_hub(request)


@login_required
def course_hub_page(request, course_key):
    """The course tab: the same page, this course first."""
    return _render_hub(request, course_key)


@require_POST
@login_required
def claim_page(request, course_key):
    """Claim the credential of a phase; back to the course's hub, which shows it."""
    back = reverse("vetnet:hub_course", args=[course_key])
    try:
        credential = api.claim_phase_credential(user=request.user, course_key=course_key,
                                                phase=request.POST.get("phase", ""),
                                                site_url=request.build_absolute_uri("/"))
    except VetnetError as error:
        details = [message for messages in error.errors.values() for message in messages]
        request.session["vetnet_claim_error"] = " ".join([error.message, *details])
        return HttpResponseRedirect(back + "#phases")
    return HttpResponseRedirect(f"{back}?claimed={credential.uuid}#phase-{credential.phase}")


@login_required
def criteria_page(request, course_key):
    """Course staff set how often each action of each phase is needed in their course."""
    if not api.actor_for(user=request.user, course_key=course_key).is_staff:
        return _forbidden(request, AccessDenied(_("Only the course's staff can set the criteria of its phases.")))
    errors, saved = {}, False
    if request.method == "POST":
        phase = request.POST.get("phase", "")
        thresholds = {}
        for action in api.PHASE_ACTIONS.get(phase, ()):
            value = request.POST.get(action, "").strip()
            thresholds[action] = int(value) if value.isdigit() else value
        try:
            api.set_phase_criteria(user=request.user, course_key=course_key, phase=phase, thresholds=thresholds)
        except AccessDenied as error:
            return _forbidden(request, error)
        except VetnetError as error:
            errors = {"phase": phase, "message": error.message, "fields": error.errors}
        else:
            saved = phase
    criteria = api.get_phase_criteria(user=request.user, course_key=course_key)
    return render(request, "vetnet/hub/criteria.html", {
        "course_key": course_key, "criteria": criteria, "errors": errors, "saved": saved,
    })


def credential_page(request, credential_uuid):
    """A credential's public page: what it recognises, whether it verifies, and its JSON."""
    try:
        credential = api.get_phase_credential(credential_uuid=credential_uuid)
        verification = api.verify_phase_credential(credential_uuid=credential_uuid)
    except NotFound as error:
        return render(request, "vetnet/hub/message.html", {"title": _("No such credential"),
                                                           "message": error.message}, status=404)
    return render(request, "vetnet/hub/credential.html", {
        "credential": credential, "verification": verification,
        "json_url": reverse("vetnet:hub-credential", args=[credential.uuid]),
    })
