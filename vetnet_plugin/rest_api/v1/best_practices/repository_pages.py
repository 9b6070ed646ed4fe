"""
The repository as web pages and feeds, outside the JSON API.

Members browse it from any of their course communities (server-rendered
pages, login required); when the site publishes it
(``VETNET_PUBLIC_REPOSITORY``), everyone reads the public page, the Atom
feed (Django's syndication framework), the JSON Feed (jsonfeed.org 1.1) and
the entries' exports, without login. Off, those addresses answer 404.
"""
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views import View

from .... import api
from ....exceptions import AccessDenied, InvalidInput, NotFound, VetnetError
from .repository_views import entry_link, export_response, read_repository_query

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def _choices():
    return {
        "topics": api.TOPICS, "sectors": api.SECTORS, "languages": api.LANGUAGES,
        "eqf_levels": api.EQF_LEVELS,
        "labels": [("peer_reviewed", _("Peer-reviewed")), ("staff_approved", _("Staff-approved")),
                   ("adopted_elsewhere", _("Adopted elsewhere"))],
        "sorts": [("newest", _("Newest")), ("most_adopted", _("Most adopted")),
                  ("best_reviewed", _("Best reviewed"))],
    }


def _options(facets: dict) -> dict:
    """Each facet's choices with how many of the leading results have them."""
    choices = {"topic": api.TOPICS, "sector": api.SECTORS, "eqf_level": api.EQF_LEVELS, "language": api.LANGUAGES}
    return {name: [(code, label, facets.get(name, {}).get(code, 0)) for code, label in values]
            for name, values in choices.items()}


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    html = render_to_string(template, {**_choices(), **context}, request=request)
    return HttpResponse(html, status=status)


def _list_page(request, *, public: bool, course_key: str = ""):
    query = request.GET
    context = {"public": public, "course_key": course_key, "query": query, "page": None, "error": "",
               "options": _options({})}
    status = 200
    try:
        filters, sort, page_number, page_size, cursor = read_repository_query(query)
        if public:
            page = api.list_public_repository(filters=filters, sort=sort, page=page_number, page_size=page_size,
                                              cursor=cursor)
        else:
            page = api.list_repository(user=request.user, course_key=course_key, filters=filters, sort=sort,
                                       page=page_number, page_size=page_size, cursor=cursor)
        next_query = query.copy()
        next_query.pop("page", None)
        if page.extra.get("next_cursor"):
            next_query["cursor"] = page.extra["next_cursor"]
        context.update(page=page, filters=filters, sort=sort, options=_options(page.extra.get("facets", {})),
                       next_query=next_query.urlencode() if page.extra.get("next_cursor") else "")
    except NotFound as exc:
        raise Http404(exc.message) from exc
    except InvalidInput as exc:
        context["error"], status = exc.message, 400
    except AccessDenied as exc:
        context["error"], status = exc.message, 403
    context["entry_url"] = (
        (lambda uuid: reverse("vetnet:repository-public-entry", kwargs={"entry_uuid": uuid})) if public else
        (lambda uuid: reverse("vetnet:repository-member-entry", kwargs={"course_key": course_key,
                                                                        "entry_uuid": uuid})))
    context["links"] = [(e.uuid, context["entry_url"](e.uuid)) for e in (context["page"].items
                                                                         if context["page"] else ())]
    return _render(request, "vetnet/repository/list.html", context, status)


class PublicRepositoryPage(View):
    """The public, read-only repository page (404 unless the site publishes it)."""

    def get(self, request):
        return _list_page(request, public=True)


class MemberRepositoryPage(View):
    """The repository as a member browses it from one of their course communities."""

    def get(self, request, course_key):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return _list_page(request, public=False, course_key=course_key)


def _entry_page(request, detail, *, public: bool, course_key: str = "", error: str = "", status: int = 200):
    entry = detail.entry
    return _render(request, "vetnet/repository/entry.html", {
        "public": public, "course_key": course_key, "detail": detail, "entry": entry, "error": error,
        "outcomes": [(code, label) for code, label in api.ADOPTION_OUTCOMES if code],
        "export_json": reverse("vetnet:repository-public-export" if public else "vetnet:repository-export",
                               kwargs={"entry_uuid": entry.uuid, "export_format": "json",
                                       **({} if public else {"course_key": course_key})}),
        "export_csv": reverse("vetnet:repository-public-export" if public else "vetnet:repository-export",
                              kwargs={"entry_uuid": entry.uuid, "export_format": "csv",
                                      **({} if public else {"course_key": course_key})}),
        "back": reverse("vetnet:repository-public") if public else reverse(
            "vetnet:repository-member", kwargs={"course_key": course_key}),
    }, status)


class PublicEntryPage(View):
    """One entry on the public repository page."""

    def get(self, request, entry_uuid):
        try:
            detail = api.get_public_repository_entry(entry_uuid=entry_uuid)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        return _entry_page(request, detail, public=True)


class MemberEntryPage(View):
    """One entry for a member, with "I adopted this" and the outcome report (forms with the CSRF token)."""

    def get(self, request, course_key, entry_uuid):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            detail = api.get_repository_entry(user=request.user, course_key=course_key, entry_uuid=entry_uuid)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except AccessDenied as exc:
            return HttpResponse(exc.message, status=403, content_type="text/plain; charset=utf-8")
        return _entry_page(request, detail, public=False, course_key=course_key)

    def post(self, request, course_key, entry_uuid):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = request.POST.get("action", "")
        arguments = {"user": request.user, "course_key": course_key, "entry_uuid": entry_uuid}
        try:
            if action == "adopt":
                api.adopt_practice(**arguments, context_note=request.POST.get("context", ""))
            elif action == "outcome":
                api.report_practice_outcome(**arguments, outcome=request.POST.get("outcome", ""),
                                            report=request.POST.get("report", ""))
            elif action == "unadopt":
                api.withdraw_practice_adoption(**arguments)
            elif action in ("withdraw", "offer"):
                api.withdraw_from_repository(**arguments, withdrawn=action == "withdraw")
            else:
                raise InvalidInput(_("Unknown action."))
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except AccessDenied as exc:
            return HttpResponse(exc.message, status=403, content_type="text/plain; charset=utf-8")
        except VetnetError as exc:
            detail = api.get_repository_entry(**arguments)
            return _entry_page(request, detail, public=False, course_key=course_key, error=exc.message,
                               status=exc.status_code)
        return redirect(reverse("vetnet:repository-member-entry", kwargs={"course_key": course_key,
                                                                          "entry_uuid": entry_uuid}))


class RepositoryAtomFeed(Feed):
    """The newest listed practices as an Atom feed."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        if not api.public_repository_enabled():
            raise Http404(_("This site does not publish its best-practice repository."))
        self.request = request  # pylint: disable=attribute-defined-outside-init
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("VETNet best-practice repository")

    def subtitle(self):
        return _("Practices accepted by the VETNet course communities: peer-reviewed or approved by staff.")

    def link(self):
        return reverse("vetnet:repository-public")

    def items(self):
        return api.list_repository_feed()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary_html

    def item_link(self, item):
        return reverse("vetnet:repository-public-entry", kwargs={"entry_uuid": item.uuid})

    def item_guid(self, item):
        return f"urn:uuid:{item.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.entered

    def item_updateddate(self, item):
        return item.entered

    def item_author_name(self, item):
        return ", ".join(item.authors) or None

    def item_categories(self, item):
        return [value for value in (item.topic_label, item.sector_label, item.country_label) if value]


def json_feed(request):
    """The newest listed practices as a JSON Feed (https://jsonfeed.org/version/1.1)."""
    try:
        items = api.list_repository_feed()
    except NotFound as exc:
        raise Http404(exc.message) from exc
    feed = {
        "version": JSON_FEED_VERSION,
        "title": _("VETNet best-practice repository"),
        "home_page_url": request.build_absolute_uri(reverse("vetnet:repository-public")),
        "feed_url": request.build_absolute_uri(reverse("vetnet:repository-json-feed")),
        "description": _("Practices accepted by the VETNet course communities: peer-reviewed or approved by staff."),
        "items": [
            {
                "id": f"urn:uuid:{item.uuid}",
                "url": entry_link(request, item.uuid),
                "title": item.title,
                "content_html": item.summary_html,
                "content_text": item.summary,
                **({"date_published": item.entered.isoformat()} if item.entered else {}),
                **({"authors": [{"name": name} for name in item.authors]} if item.authors else {}),
                **({"language": item.language} if item.language else {}),
                "tags": [value for value in (item.topic_label, item.sector_label, item.country_label) if value],
            }
            for item in items
        ],
    }
    return JsonResponse(feed, content_type="application/feed+json", json_dumps_params={"ensure_ascii": False})


def public_export(request, entry_uuid, export_format):
    """One entry's export for everyone, when the site publishes the repository."""
    try:
        export = api.export_repository_entry(entry_uuid=entry_uuid, link=entry_link(request, entry_uuid))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    if export_format == "csv":
        return export_response(export, "csv", entry_uuid)
    response = JsonResponse(api.export_as_json(export), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="best-practice-{entry_uuid}.json"'
    return response
