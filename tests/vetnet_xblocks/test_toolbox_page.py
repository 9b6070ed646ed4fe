"""
The toolbox's page is rendered on the server (ADR 0007): the library's first
page with its facet counts and page links, and the staff's moderation queue,
are in the HTML without any script; the script's live search gets the same
templates back.
"""
import json
import re

import pytest
import webob
from crum import impersonate, set_current_request
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory, enroll, new_request
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_xblocks.toolbox.block import ToolboxBlock

from .runtime import COURSE_KEY, CourseRuntime, lms_opt_attrs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


def enrolled(**kwargs):
    user = UserFactory(**kwargs)
    enroll(user, COURSE_KEY)
    return user


def share(author, count, **metadata):
    for n in range(count):
        deposit(author, in_course(COURSE_KEY), link_url=f"https://example.org/{n}", title=f"Guide {n}", **metadata)


def page_of(user, address="/unit", **runtime_options):
    """The block's student_view HTML as ``user`` sees it at ``address`` (its query string read by the block)."""
    runtime = CourseRuntime(lms_opt_attrs(user_id=user.id, username=user.username, is_staff=user.is_staff),
                            **runtime_options)
    block = runtime.construct(ToolboxBlock)
    set_current_request(RequestFactory().get(address))
    try:
        with impersonate(user):
            return block, runtime, runtime.render(block, "student_view").content
    finally:
        set_current_request(None)


def membership_lookups(queries) -> int:
    return sum(1 for q in queries.captured_queries if "vetnet_coursemembership" in q["sql"]
               and q["sql"].lstrip().upper().startswith("SELECT"))


def items(html) -> list[str]:
    return re.findall(r'<h5 class="vetnet-toolbox__resource-title">([^<]*)</h5>', html)


def test_the_first_page_of_resources_is_in_the_html(settings):
    settings.VETNET_PAGE_SIZE = 2
    author = enrolled()
    share(author, 3, sectors=["agrifood"])
    _block, _runtime, html = page_of(enrolled())
    assert items(html) == ["Guide 2", "Guide 1"]
    assert "3 resources found." in html and "Page 1 of 2" in html
    assert 'rel="next"' in html and "page=2" in html and 'rel="prev"' not in html
    # Facet counts are in the filters' options, each with its label.
    assert re.search(r'<option value="agrifood">[^<]+ \(3\)</option>', html)
    assert "Open the link" in html and "Details, reviews and adoption" in html


# Committed rows: MariaDB's FULLTEXT index sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_the_query_string_chooses_the_search_filters_and_page(settings):
    settings.VETNET_PAGE_SIZE = 2
    author = enrolled()
    share(author, 3, sectors=["agrifood"])
    deposit(author, in_course(COURSE_KEY), link_url="https://example.org/x", title="Metalwork primer",
            sectors=["manufacturing"])
    _block, _runtime, html = page_of(enrolled(), "/unit?sector=agrifood&page=2")
    assert items(html) == ["Guide 0"] and "Page 2 of 2" in html
    assert 'rel="prev"' in html and 'rel="next"' not in html
    assert re.search(r'<option value="agrifood" selected>', html)
    _block, _runtime, html = page_of(enrolled(), "/unit?search=metalwork")
    assert items(html) == ["Metalwork primer"] and 'value="metalwork"' in html
    # A hand-made address: the block's defaults, and why, never an error page.
    _block, _runtime, html = page_of(enrolled(), "/unit?sort=random&page=abc")
    assert "Sort by newest, best rated or most adopted." in html and len(items(html)) == 2


def test_members_text_is_escaped_in_the_server_list():
    deposit(enrolled(), in_course(COURSE_KEY), link_url="https://example.org/x", title="<script>alert(1)</script>")
    _block, _runtime, html = page_of(enrolled())
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_staff_find_the_moderation_queue_in_the_html():
    author = enrolled()
    deposit(author, in_course(COURSE_KEY, moderation="approval"), link_url="https://example.org/p", title="Awaiting")
    _block, _runtime, html = page_of(UserFactory(is_staff=True))
    queue = html.split('class="vetnet-toolbox__queue"', 1)[1]
    assert "Awaiting" in queue and 'data-action="approve"' in queue and "Waiting for approval" in queue
    _block, _runtime, member_html = page_of(enrolled())
    assert "vetnet-toolbox__queue" not in member_html and "Awaiting" not in member_html


def test_the_script_gets_the_same_rendering_back():
    share(enrolled(), 2)
    block, runtime, html = page_of(enrolled())
    response = runtime.handle(block, "library_html", webob.Request.blank("/?page=1", method="GET"))
    fresh = json.loads(response.body)
    served = html.split('<ul class="vetnet-toolbox__results">', 1)[1].split("</ul>", 1)[0]
    again = fresh["html"].split('<ul class="vetnet-toolbox__results">', 1)[1].split("</ul>", 1)[0]
    assert served == again and items(again) == ["Guide 1", "Guide 0"]
    assert "(2)" in fresh["filters"]["resource_type"]


def test_the_page_view_keeps_its_query_budget_and_asks_for_the_membership_once():
    author, reader = enrolled(), enrolled()
    share(author, 2)

    def view_queries():
        new_request()
        with CaptureQueriesContext(connection) as queries:
            _block, _runtime, html = page_of(reader)
        assert len(items(html)) >= 2
        return queries

    small = view_queries()
    share(author, 15, tags=["more"])
    large = view_queries()
    # The page asks who is a member, the upload limit, the library and its facets: several calls, one question.
    assert membership_lookups(small) == 1 and membership_lookups(large) == 1
    assert len(large) == len(small) <= 10, [q["sql"] for q in large.captured_queries]


# Committed rows: MariaDB's FULLTEXT index sees rows once their transaction commits.
@pytest.mark.django_db(transaction=True)
def test_a_resource_s_details_are_in_the_html_when_the_address_names_it():
    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    author, reader = enrolled(), enrolled()
    resource = deposit(author, in_course(COURSE_KEY), link_url="https://example.org/r", title="Guide",
                       description="How **small** firms host apprentices.")
    api.review_resource(user=reader, **in_course(COURSE_KEY), resource_uuid=resource.uuid, rating=4,
                        text="Useful <b>indeed</b>")
    _block, _runtime, html = page_of(reader, f"/unit?search=guide&resource={resource.uuid}")
    details = html.split('class="vetnet-toolbox__resource-details"', 1)[1].split("</section>", 1)[0]
    assert "<strong>small</strong>" in details and "4★" in details and "Useful" in details
    assert "<b>indeed</b>" not in details and "Hide details" in details and "search=guide" in details
    # The details link of each listed resource keeps the search.
    assert f"?search=guide&amp;sort=newest&amp;page=1&amp;resource={resource.uuid}" in html
    _block, _runtime, html = page_of(reader, "/unit?resource=00000000-0000-0000-0000-000000000000")
    assert "vetnet-toolbox__resource-details" not in html and "not visible to you" in html


def test_the_counts_of_the_library_speak_the_member_s_language():
    """Counts take the language's plural forms from the block's own catalog, as the LMS's i18n service gives them."""
    import gettext  # pylint: disable=import-outside-toplevel
    from pathlib import Path  # pylint: disable=import-outside-toplevel

    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    catalog = Path(ToolboxBlock.__module__.replace(".", "/")).parent / "translations/it/LC_MESSAGES/text.mo"
    with open(Path(__file__).resolve().parents[2] / catalog, "rb") as handle:
        italian = gettext.GNUTranslations(handle)
    author, reader = enrolled(), enrolled()
    for title in ("Guida", "Scheda"):
        resource = deposit(author, in_course(COURSE_KEY), link_url="https://example.org/" + title, title=title)
    api.review_resource(user=reader, **in_course(COURSE_KEY), resource_uuid=resource.uuid, rating=4)
    _block, _runtime, html = page_of(reader, i18n=italian)
    assert "2 risorse trovate." in html and "4 stelle su 5 (1 valutazione)" in html
    assert "Adottata 0 volte" in html and "Scaricata 0 volte" in html and "resources found" not in html
