"""The community pages: a course's member directory and the member's own profile."""
from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound, VetnetError

from ..forms import DirectoryFilterForm, ProfileForm
from .access import course_page


def _labelled(profile):
    """A profile with its codes turned into the labels people read."""
    labels = {
        "languages": dict(api.LANGUAGES),
        "sectors": dict(api.SECTORS),
        "topics": dict(api.TOPICS),
    }
    row = asdict(profile)
    for name, vocabulary in labels.items():
        row[name] = [vocabulary.get(code, code) for code in row[name]]
    row["organisation_type"] = dict(api.OrganisationType.CHOICES).get(profile.organisation_type, "")
    row["country"] = countries.name(profile.country) if profile.country else ""
    return row


def _with_badges(rows):
    """
    Each profile with the platform certificates its member holds and their
    peer-counselling reputation, the same in every course (one query each for the page).
    """
    ids = [row["user_id"] for row in rows]
    credentials = api.list_members_credentials(user_ids=ids)
    reputations = api.counselling_reputations(user_ids=ids)
    for row in rows:
        row["credentials"] = credentials.get(row["user_id"], ())
        row["reputation"] = reputations.get(row["user_id"])
    return rows


@course_page()
def member_directory(request, course):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page_number = request.GET.get("page", "1")
    page, error, status = None, "", 200
    try:
        page = api.list_community_members(
            user=request.user,
            course_key=course.course_key,
            filters=api.DirectoryFilters(**{name: value for name, value in filters.items() if value}),
            page=page_number,
        )
    except AccessDenied as exc:
        return render(request, "devhost/forbidden.html", {"course": course, "message": exc.message}, status=403)
    except (InvalidInput, NotFound) as exc:
        error, status = exc.message, exc.status_code
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "devhost/members.html", {
        "course": course,
        "form": form,
        "page": page,
        "members": _with_badges([_labelled(item) for item in page.items]) if page else [],
        "contact_purposes": {"counselling": _("Peer counselling"), "partnership": _("A partnership")},
        "error": error,
        "query": query.urlencode(),
    }, status=status)


@login_required
def profile(request):
    current = api.get_member_profile(user_id=request.user.id)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                api.update_member_profile(user_id=request.user.id, changes=dict(form.cleaned_data))
            except InvalidInput as exc:
                for name, errors in exc.errors.items():
                    for error in errors:
                        form.add_error(name if name in form.fields else None, error)
                if not exc.errors:
                    form.add_error(None, exc.message)
            else:
                messages.success(request, _("Your profile is saved."))
                return redirect("devhost:profile")
    else:
        form = ProfileForm(initial={
            name: list(value) if isinstance(value, tuple) else value
            for name, value in asdict(current).items()
        })
    return render(request, "devhost/profile.html", {
        "form": form, "profile": current, "credentials": api.list_member_credentials(user_id=request.user.id),
        "reputation": api.get_counselling_reputation(user_id=request.user.id),
        "progressions": api.get_progressions(user_id=request.user.id),
    })


@require_POST
@course_page()
def contact_member(request, course, user_id):
    """Send a member a message through the platform; back to the directory, saying what happened."""
    back = reverse("devhost:members", args=[course.course_key]) + f"#member-{user_id}"
    try:
        api.contact_member(user=request.user, course_key=str(course.course_key), recipient_id=user_id,
                           purpose=request.POST.get("purpose", ""), message=request.POST.get("message", ""))
    except VetnetError as exc:
        details = [message for messages_ in exc.errors.values() for message in messages_]
        messages.error(request, " ".join([exc.message, *details]))
    else:
        messages.success(request, _("Your message is sent. They will answer you by e-mail if they wish."))
    return redirect(back)
