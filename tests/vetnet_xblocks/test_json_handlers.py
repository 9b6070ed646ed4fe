"""JSON handlers answer every kind of bad request with a clear 4xx, never a server error."""
import datetime

import pytest
import webob
from xblock.exceptions import JsonHandlerError

from vetnet_plugin.api import MemberProfile
from vetnet_plugin.exceptions import AccessDenied, Conflict, InvalidInput, NotFound, VetnetError
from vetnet_xblocks.base import VetnetBlock
from vetnet_xblocks.mixins import json_handler

from .runtime import LEARNER, CourseRuntime, call_handler


class TooFast(VetnetError):
    status_code = 429


class ProbeBlock(VetnetBlock):
    """A block with one handler per situation a real block meets."""

    entry_point_name = "vetnet_probe"

    @json_handler
    def echo(self, data, suffix=""):
        return {"received": data, "suffix": suffix}

    @json_handler
    def refuse(self, data, suffix=""):
        error_class = {
            "invalid": InvalidInput, "denied": AccessDenied, "missing": NotFound, "stale": Conflict, "fast": TooFast,
        }[data["kind"]]
        raise error_class("Refused for a reason.", errors={"field": ["Why."]} if data["kind"] == "invalid" else None)

    @json_handler
    def legacy(self, data, suffix=""):
        raise JsonHandlerError(418, "An older way to refuse.")

    @json_handler(methods=("GET",))
    def lookup(self, data, suffix=""):
        return {"query": data}

    @json_handler
    def profile(self, data, suffix=""):
        return MemberProfile(user_id=7, username="maria", full_name="Maria", languages=("it", "en"))

    @json_handler
    def stamped(self, data, suffix=""):
        return {"at": datetime.datetime(2025, 3, 1, 12, 30, tzinfo=datetime.UTC)}

    @json_handler
    def custom(self, data, suffix=""):
        return webob.Response("plain", content_type="text/plain", status=202)

    @json_handler
    def staff_only(self, data, suffix=""):
        self.require_staff()
        return {"ok": True}


@pytest.fixture
def probe():
    runtime = CourseRuntime(LEARNER)
    return runtime, runtime.construct(ProbeBlock)


def test_a_json_object_reaches_the_handler_and_its_answer_is_json(probe):
    runtime, block = probe

    status, data, response = call_handler(runtime, block, "echo", {"title": "Futuro", "n": 2})

    assert status == 200
    assert response.content_type == "application/json"
    assert data == {"received": {"title": "Futuro", "n": 2}, "suffix": ""}


def test_an_empty_body_is_an_empty_object(probe):
    runtime, block = probe

    status, data, _ = call_handler(runtime, block, "echo")

    assert status == 200 and data["received"] == {}


@pytest.mark.parametrize("kind, status", [
    ("invalid", 400), ("denied", 403), ("missing", 404), ("stale", 409), ("fast", 429),
])
def test_api_errors_become_their_status_with_message_and_field_errors(probe, kind, status):
    runtime, block = probe

    got_status, data, _ = call_handler(runtime, block, "refuse", {"kind": kind})

    assert got_status == status
    assert data["error"] == "Refused for a reason."
    assert data["errors"] == ({"field": ["Why."]} if kind == "invalid" else {})


def test_xblock_json_handler_errors_keep_their_status(probe):
    runtime, block = probe

    status, data, _ = call_handler(runtime, block, "legacy", {})

    assert (status, data) == (418, {"error": "An older way to refuse.", "errors": {}})


@pytest.mark.parametrize("body", ["{not json", b"\xff\xfe", "[1, 2]", '"text"', "42"],
                         ids=["broken", "not-utf8", "array", "string", "number"])
def test_a_body_that_is_not_a_json_object_is_a_400_with_a_clear_message(probe, body):
    runtime, block = probe

    status, data, _ = call_handler(runtime, block, "echo", body=body)

    assert status == 400
    assert data["error"].startswith("The request could not be read")


@pytest.mark.parametrize(("body", "message"), [
    ('{"rating": 1e400}', "a number that is too large or not a number"),
    ('{"rating": NaN}', "a number that is too large or not a number"),
    ('{"rating": -Infinity}', "a number that is too large or not a number"),
    ('{"post_id": 123456789012345678901234567890}', "a number that is too large or not a number"),
    ('{"body": "\\ud800"}', "text that is not valid Unicode"),
    ('{"\\udfff": "key"}', "text that is not valid Unicode"),
    ('{"a": ' * 5000 + "1" + "}" * 5000, "nested too deeply"),
    ("[" * 100 + "]" * 100, "nested too deeply"),
    ("null", "a JSON object was expected"),
], ids=["1e400", "nan", "infinity", "huge-integer", "lone-surrogate", "surrogate-key", "5000-levels",
        "100-levels", "null"])
def test_json_that_nothing_behind_the_handler_could_hold_is_a_400_that_says_why(probe, body, message):
    runtime, block = probe

    status, data, _ = call_handler(runtime, block, "echo", body=body)

    assert status == 400
    assert message in data["error"]


def test_json_that_is_merely_unusual_still_reaches_the_handler(probe):
    runtime, block = probe
    body = '{"rating": 4.5e2, "post_id": -9223372036854775807, "body": "caf\\u00e9 \\ud83d\\ude00", "deep": [[[1]]]}'

    status, data, _ = call_handler(runtime, block, "echo", body=body)

    assert status == 200
    assert data["received"] == {"rating": 450.0, "post_id": -9223372036854775807, "body": "café 😀",
                                "deep": [[[1]]]}


def test_the_wrong_method_is_a_405_that_names_the_allowed_one(probe):
    runtime, block = probe

    status, data, response = call_handler(runtime, block, "echo", method="GET")

    assert status == 405
    assert response.headers["Allow"] == "POST"
    assert data["error"] == "This address does not accept that kind of request."


def test_a_get_handler_reads_the_query_string_one_text_per_name(probe):
    runtime, block = probe
    request = webob.Request.blank("/?country=IT&language=it")

    response = runtime.handle(block, "lookup", request)

    assert response.status_code == 200
    assert response.json == {"query": {"country": "IT", "language": "it"}}


def test_a_name_given_twice_in_the_query_string_is_a_400_that_names_it(probe):
    runtime, block = probe

    response = runtime.handle(block, "lookup", webob.Request.blank("/?country=IT&language=it&language=en"))

    assert response.status_code == 400
    assert response.json["error"] == "The address gives language more than once."


@pytest.mark.parametrize("query", ["language=%ED%A0%80", "language=%ff", "%ff=it"])
def test_a_query_string_that_is_not_utf8_is_a_400(probe, query):
    runtime, block = probe

    response = runtime.handle(block, "lookup", webob.Request.blank(f"/?{query}"))

    assert response.status_code == 400
    assert response.json["error"] == "The address contains text that is not valid Unicode."


def test_values_from_the_api_are_encoded_as_json(probe):
    runtime, block = probe

    _, profile, _ = call_handler(runtime, block, "profile", {})
    _, stamped, _ = call_handler(runtime, block, "stamped", {})

    assert profile["username"] == "maria" and profile["languages"] == ["it", "en"]
    assert stamped == {"at": "2025-03-01T12:30:00+00:00"}


def test_a_handler_may_answer_with_its_own_response(probe):
    runtime, block = probe

    _, _, response = call_handler(runtime, block, "custom", {})

    assert (response.status_code, response.text) == (202, "plain")


def test_the_staff_only_helper_refuses_learners_with_a_403(probe):
    runtime, block = probe

    status, data, _ = call_handler(runtime, block, "staff_only", {})

    assert status == 403
    assert data["error"] == "Only the course team can change this part of the course."
