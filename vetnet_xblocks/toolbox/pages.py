"""
The toolbox's server-rendered parts (ADR 0007): the library's first page with
its facet counts and page links, a resource's details with the member's forms,
the collections and the staff's moderation queue.

The page's HTML and the ``library_html`` / ``queue_html`` handlers render the
same templates (``templates/library.html``, ``templates/queue.html``, one
``templates/resource.html`` per resource), so what the script shows after a
live search is what the server showed first.
"""
from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from django.utils.safestring import mark_safe

from vetnet_plugin.exceptions import InvalidInput, NotFound

from ..backend.toolbox import FILTER_NAMES

# The filter selects of the search form: (query name, facet name, vocabulary name).
FACETS = (
    ("resource_type", "resource_type", "resource_types"),
    ("country", "country", "countries"),
    ("sector", "sectors", "sectors"),
    ("eqf_level", "eqf_levels", "eqf_levels"),
    ("language", "languages", "languages"),
    ("target_group", "target_group", "target_groups"),
    ("licence", "licence", "licences"),
    ("tag", "tags", ""),
)
QUEUE_STATES = ("pending", "rejected", "hidden", "changes")


def library_query(data: Mapping) -> dict:
    """The search, filters, sort and page a query string asks for; anything else is ignored."""
    query = {name: str(data.get(name, "") or "")[:200] for name in FILTER_NAMES if name != "mine"}
    query["mine"] = str(data.get("mine", "")) in ("1", "true", "on")
    query["sort"] = str(data.get("sort", "") or "newest")
    page = str(data.get("page", "") or "1")
    query["page"] = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    return query


def _number(value) -> str:
    """A number as the script writes it: 5, not 5.0; 4.5 stays 4.5."""
    value = float(value or 0)
    return str(int(value)) if value.is_integer() else str(value)


def _link(query: dict, page: int) -> str:
    values = {name: value for name, value in query.items() if value and name not in ("page", "mine")}
    if query.get("mine"):
        values["mine"] = "1"
    values["page"] = page
    return "?" + urlencode(values)


class ToolboxPages:
    """Renders the toolbox's lists for one block and one request, through its ``ToolboxBackend``."""

    def __init__(self, block, toolbox, vocabularies: dict):
        self.block = block
        self.toolbox = toolbox
        self.labels = vocabularies["labels"]
        self.visibilities = vocabularies["visibilities"]
        self._ = block.gettext
        # The address's search and page, kept in the links to a resource's details and back.
        self.kept_query = {}

    # -- one resource --------------------------------------------------------------

    def _label(self, vocabulary: str, code: str) -> str:
        return self.labels.get(vocabulary, {}).get(code, code)

    def _plural(self, singular: str, plural: str, count: int, **values) -> str:
        return self.block.ngettext(singular, plural, count).format(count=count, **values)

    def resource_item(self, resource) -> dict:
        """What ``templates/resource.html`` shows of one resource, in the user's language."""
        _ = self._
        parts = [self._label("resource_types", resource.resource_type)]
        if resource.country:
            parts.append(self._label("countries", resource.country))
        for vocabulary, codes in (("eqf_levels", resource.eqf_levels), ("sectors", resource.sectors),
                                  ("languages", resource.languages)):
            if codes:
                parts.append(", ".join(self._label(vocabulary, code) for code in codes))
        parts.append(_("Licence") + ": " + self._label("licences", resource.licence))
        if resource.rating_count:
            rating = self._plural("{average} out of 5 stars ({count} rating)",
                                  "{average} out of 5 stars ({count} ratings)",
                                  resource.rating_count, average=_number(resource.rating_average))
        else:
            rating = _("Not rated yet")
        stats = [
            rating,
            self._plural("Adopted {count} time", "Adopted {count} times", resource.adoption_count),
            self._plural("Downloaded {count} time", "Downloaded {count} times", resource.download_count),
            _("by {name}").format(name=resource.author_name),
        ]
        statuses = {"pending": _("Waiting for approval"), "rejected": _("Rejected"), "hidden": _("Hidden by staff")}
        version = resource.current_version
        access = None
        if version is not None:
            if version.is_link:
                access = {"kind": "link", "href": version.link_url, "text": _("Open the link")}
            elif version.downloadable:
                href = self.block.runtime.handler_url(self.block, "download",
                                                      query=urlencode({"resource": resource.uuid}))
                access = {"kind": "download", "href": href,
                          "text": _("Download") + f" ({version.filename})"}
            else:
                access = {"kind": "pending", "text": _("The file is being checked; it can be downloaded in a minute.")
                          if version.scan_status == "pending" else _("This file did not pass the safety check.")}
        return {
            "resource": resource,
            "status": "" if resource.status == "published" else statuses.get(resource.status, resource.status),
            "reason": _("Reason: {reason}").format(reason=resource.moderation_reason)
            if resource.moderation_reason else "",
            "meta": " · ".join(parts),
            "stats": " · ".join(stats),
            "tags": "#" + " #".join(resource.tags) if resource.tags else "",
            "access": access,
            "details_href": "?" + urlencode({**self.kept_query, "resource": resource.uuid}),
        }

    def render_item(self, resource, *, details: bool = False, moderation: str = ""):
        """One resource as ``templates/resource.html`` shows it (with a details link, or moderation controls)."""
        return self.block.render_template("templates/resource.html", {
            "item": self.resource_item(resource), "details": details, "moderation": moderation,
            "dom_id": self.block.dom_id,
        })

    # -- the library ----------------------------------------------------------------

    def library(self, data: Mapping) -> dict:
        """The template values of one page of the library, from a query string (or the block's defaults)."""
        query = library_query(data)
        self.kept_query = {name: value for name, value in query.items() if value and name != "mine"}
        if query["mine"]:
            self.kept_query["mine"] = "1"
        filters = {name: query[name] for name in FILTER_NAMES}
        notice = ""
        try:
            page = self.toolbox.list_resources(filters=filters, sort=query["sort"], page=query["page"])
        except (InvalidInput, NotFound) as error:
            # A hand-made address (unknown order, a page past the end): the block's defaults, and why.
            notice = error.message
            query = library_query({})
            page = self.toolbox.list_resources(filters={}, sort="newest", page=1)
        _ = self._
        if not page.count:
            summary = _("No resource matches. Try fewer filters or other words.")
        elif page.extra.get("count_capped"):
            summary = _("More than {count} resources found.").format(count=f"{page.count:,}")
        else:
            summary = self._plural("{count} resource found.", "{count} resources found.", page.count)
        if page.extra.get("facets_partial"):
            summary += " " + _("The numbers beside the filters count the first matches only; narrow the search "
                               "to count them all.")
        values = {
            "query": query,
            "page": page,
            "items_html": [self.render_item(resource, details=True) for resource in page.items],
            "summary": summary,
            "notice": notice,
            "page_label": _("Page {page} of {pages}").format(page=page.page, pages=page.num_pages),
            "previous_href": _link(query, page.page - 1) if page.has_previous else "",
            "next_href": _link(query, page.page + 1) if page.has_next else "",
            "facets": self.facet_options(page.extra.get("facets", {}), query),
        }
        values["library_html"] = self.block.render_template("templates/library.html", values)
        values["facet_html"] = {name: self.block.render_template("templates/facet_options.html", {"options": options})
                                for name, options in values["facets"].items()}
        return values

    def facet_options(self, facets: dict, query: dict) -> dict:
        """Per filter: its options as (code, label with count, chosen), sorted by label, "All" first."""
        options = {}
        for name, facet, vocabulary in FACETS:
            counts = dict(facets.get(facet, {}))
            current = query.get(name, "")
            if current and current not in counts:
                counts[current] = 0
            labelled = [(code, self._label(vocabulary, code) if vocabulary else code) for code in counts]
            labelled.sort(key=lambda pair: pair[1].casefold())
            options[name] = [("", self._("All"), not current)] + [
                (code, f"{label} ({counts[code]})", code == current) for code, label in labelled
            ]
        return options

    # -- one resource's details -------------------------------------------------------

    def details(self, data: Mapping) -> dict:
        """The details of the resource the address names (``resource``), or nothing if there is none to show."""
        uuid = data.get("resource")
        if not uuid:
            return {}
        try:
            values = self.details_values(str(uuid))
        except NotFound as error:
            return {"details_notice": error.message}
        # The address's details: the list item's details, headed and with the way back to the list.
        values["details_html"] = self.block.render_template("templates/details.html", values)
        return {"details_html": self.block.render_template("templates/details_page.html", values)}

    def details_html(self, uuid: str) -> dict:
        """One resource's details (the ``details_html`` handler), as the page shows them, and its new counts."""
        values = self.details_values(uuid)
        return {"html": self.block.render_template("templates/details.html", values),
                "stats": values["item"]["stats"]}

    def details_values(self, uuid: str) -> dict:
        """What ``templates/details.html`` shows: the text, reviews, adoptions and the member's own forms."""
        resource = self.toolbox.get_resource(resource_uuid=uuid)
        reviews = self.toolbox.list_reviews(resource_uuid=resource.uuid, page=1, page_size=20)
        adoptions = self.toolbox.list_adoptions(resource_uuid=resource.uuid)
        _ = self._
        outcomes = {"success": _("it worked well"), "partial": _("it partly worked"),
                    "not_successful": _("it did not work for us")}
        back = dict(self.kept_query)
        can_use = not resource.is_own and resource.status == "published"
        own_adoption = adoptions["own"]
        return {
            "resource": resource,
            "item": self.resource_item(resource),
            "versions": [{"label": _("Version {number}").format(number=v.number), "note": v.change_note}
                         for v in resource.versions],
            "dom_id": self.block.dom_id,
            "prefix": f"{self.block.dom_id}-{resource.uuid[:8]}",
            # Sanitised by the plugin (allowlist) when stored.
            "description_html": mark_safe(resource.description_html),  # noqa: S308
            "reviews": [{"rating": r.rating, "author_name": r.author_name, "html": mark_safe(r.text_html)}  # noqa: S308
                        for r in reviews.items],
            "adoptions_line": self._plural("Adopted {count} time", "Adopted {count} times", adoptions["count"]),
            "reports": [{"outcome": outcomes.get(a.outcome, ""), "name": a.member_name, "text": a.outcome_report}
                        for a in adoptions["reports"]],
            "back_href": "?" + urlencode(back) if back else "?",
            # The member's forms; the script sends them (``data-needs-script``: hidden without it).
            "can_use": can_use,
            "stars": range(1, 6),
            "own_review": reviews.extra.get("own"),
            "own_adoption": own_adoption,
            "outcomes": [(code, label, bool(own_adoption) and own_adoption.outcome == code)
                         for code, label in outcomes.items()],
            "own_collections": self.toolbox.list_collections(mine=True),
        }

    # -- collections --------------------------------------------------------------------

    def _collection_facts(self, collection, count: int) -> str:
        _ = self._
        visibilities = dict(self.visibilities)
        return " · ".join([
            _("Made by {name}").format(name=collection.owner_name),
            _("Who may see it: {visibility}").format(
                visibility=visibilities.get(collection.visibility, collection.visibility)),
            self._plural("{count} resource", "{count} resources", count),
        ])

    def collections_html(self) -> dict:
        """The member's own collections and those shared with them (the ``collections_html`` handler)."""
        collections = [{"collection": collection,
                        "facts": self._collection_facts(collection, len(collection.resource_uuids)),
                        "contents_id": f"{self.block.dom_id}-c-{collection.uuid[:8]}"}
                       for collection in self.toolbox.list_collections()]
        return {"html": self.block.render_template("templates/collections.html", {"collections": collections})}

    def collection_html(self, uuid: str, page: int = 1) -> dict:
        """One collection opened: its resources as the library lists them, with a remove button for its owner."""
        listed = self.toolbox.list_collection_resources(collection_uuid=uuid, page=page)
        collection = listed.extra["collection"]
        is_own = collection.owner_id == self.block.current_user.user_id
        items = [self.block.render_template("templates/resource.html", {
            "item": self.resource_item(resource), "details": True, "dom_id": self.block.dom_id,
            "collection": collection.uuid if is_own else "",
        }) for resource in listed.items]
        return {"html": self.block.render_template("templates/collection.html", {"items_html": items}),
                "facts": self._collection_facts(collection, listed.count)}

    # -- the moderation queue ---------------------------------------------------------

    def queue(self, data: Mapping) -> dict:
        """The template values of the staff's moderation queue (``status`` from the query string)."""
        state = str(data.get("status", "") or "pending")
        if state not in QUEUE_STATES:
            state = "pending"
        page = self.toolbox.list_moderation_queue(status=state, page=1)
        values = {"queue_state": state,
                  "queue_html": [self.render_item(resource, moderation=state) for resource in page.items]}
        values["queue_list_html"] = self.block.render_template("templates/queue.html", values)
        return values
