"""The vetnet_partnership block: search with reasons, propose, invite, answer, summary; Studio fields in OLX."""
import io
from urllib.parse import urlencode

import pytest
import webob

from vetnet_plugin import api

from .runtime import CourseRuntime, add_block, call_handler, lms_opt_attrs, reload
from .scenarios_helpers import person

pytestmark = pytest.mark.django_db

OLX = '<vetnet_partnership title="Form a partnership" default_instrument="erasmus_ka220" ' \
      'default_topic="green_transition"/>'


@pytest.fixture
def block():
    runtime = CourseRuntime(lms_opt_attrs(user_id=999999, is_staff=True, role="staff"))
    return runtime, add_block(runtime, "vetnet_partnership", OLX)


def profiled(runtime, country, kind="vet_provider", **profile):
    someone = person(runtime)
    api.update_member_profile(user_id=someone.user.id, changes={"country": country, "organisation_type": kind,
                                                                **profile})
    return someone


def get(who, block, handler, query):
    request = webob.Request.blank(f"/?{urlencode(query)}", method="GET")
    return who.runtime.handle(who.block(block), handler, request)


def test_the_studio_fields_survive_olx_export_and_import_and_bad_values_are_refused(block):
    runtime, partnership_block = block
    buffer = io.BytesIO()
    runtime.export_to_xml(partnership_block, buffer)
    assert b'default_instrument="erasmus_ka220"' in buffer.getvalue()
    assert b'default_topic="green_transition"' in buffer.getvalue()
    status, body, _r = call_handler(runtime, partnership_block, "studio_submit",
                                    {"title": "T", "default_instrument": "lottery"})
    assert status == 400 and "default_instrument" in body["errors"]
    status, _body, _r = call_handler(runtime, partnership_block, "studio_submit",
                                     {"title": "T", "default_instrument": "erasmus_cove", "default_topic": ""})
    assert status == 200 and reload(runtime, partnership_block).default_instrument == "erasmus_cove"


def test_a_member_finds_a_partner_from_another_country_proposes_and_the_partners_accept(block):
    runtime, partnership_block = block
    ana, ben, chloe = profiled(runtime, "IT"), profiled(runtime, "ES", "sme_association"), profiled(runtime, "GR")
    page = ana.block(partnership_block).student_view().content
    assert 'data-vetnet-action="search"' in page and 'data-vetnet-action="propose"' in page
    assert 'value="erasmus_ka220" selected' in page
    status, found, _r = call_handler(ana.runtime, ana.block(partnership_block), "search", {})
    assert status == 200 and found["count"] == 2
    assert "adds a second country (Spain)" in found["html"]
    status, proposed, _r = call_handler(ana.runtime, ana.block(partnership_block), "propose", {
        "title": "Green crafts", "topic": "green_transition", "instrument": "erasmus_ka220", "aims": "Train"})
    assert status == 200 and not proposed["eligible"] and "Not eligible yet." in proposed["html"]
    uuid = proposed["uuid"]
    status, found, _r = call_handler(ana.runtime, ana.block(partnership_block), "search", {"partnership": uuid})
    assert 'data-vetnet-action="invite"' in found["html"]
    for invitee in (ben, chloe):
        status, invited, _r = call_handler(ana.runtime, ana.block(partnership_block), "invite",
                                           {"partnership": uuid, "user_id": invitee.user.id, "role": "partner"})
        assert status == 200
    assert "Withdraw the invitation" in invited["html"]
    assert "Accept the invitation" in ben.block(partnership_block).student_view().content
    status, answered, _r = call_handler(ben.runtime, ben.block(partnership_block), "answer",
                                        {"partnership": uuid, "accept": True})
    assert status == 200 and not answered["eligible"]
    assert "Add a partner from 1 more programme country." in answered["html"]
    status, answered, _r = call_handler(chloe.runtime, chloe.block(partnership_block), "answer",
                                        {"partnership": uuid, "accept": True})
    assert answered["eligible"] and answered["state"] == "formed"
    summary = get(chloe, partnership_block, "summary", {"partnership": uuid})
    assert summary.status_code == 200 and summary.content_type == "text/html"
    assert b"Green crafts" in summary.body and b"Eligible as composed." in summary.body


def test_the_proposer_withdraws_an_invitation_from_the_page(block):
    runtime, partnership_block = block
    ana, ben = profiled(runtime, "IT"), profiled(runtime, "ES")
    _s, proposed, _r = call_handler(ana.runtime, ana.block(partnership_block), "propose",
                                    {"title": "T", "instrument": "erasmus_ka210"})
    call_handler(ana.runtime, ana.block(partnership_block), "invite",
                 {"partnership": proposed["uuid"], "user_id": ben.user.id})
    status, after, _r = call_handler(ana.runtime, ana.block(partnership_block), "withdraw",
                                     {"partnership": proposed["uuid"], "user_id": ben.user.id})
    assert status == 200 and "invitation withdrawn" in after["html"]
    status, _body, _r = call_handler(ben.runtime, ben.block(partnership_block), "answer",
                                     {"partnership": proposed["uuid"], "accept": True})
    assert status == 404


def test_non_members_see_a_notice_and_are_refused_by_the_handlers(block):
    runtime, partnership_block = block
    outsider = person(runtime, enrolled=False)
    assert "Enrol in the course" in outsider.block(partnership_block).student_view().content
    status, body, _r = call_handler(outsider.runtime, outsider.block(partnership_block), "search", {})
    assert status == 403 and body["error"]


@pytest.mark.parametrize("handler,payload", [
    ("propose", {"title": "", "instrument": "erasmus_ka220"}),
    ("propose", {"title": "T", "instrument": ["x"]}),
    ("invite", {"partnership": "nope", "user_id": "abc"}),
    ("answer", {"partnership": "0f0e0d0c-0b0a-4000-8000-000000000000", "accept": "maybe"}),
    ("withdraw", {}),
])
def test_bad_values_get_a_4xx_with_a_message(block, handler, payload):
    runtime, partnership_block = block
    ana = profiled(runtime, "IT")
    status, body, _r = call_handler(ana.runtime, ana.block(partnership_block), handler, payload)
    assert 400 <= status < 500 and body["error"]
