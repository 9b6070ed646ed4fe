"""Multilingual discussions: offline language detection, member translations, the optional machine provider."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.test import override_settings

from vetnet_plugin import api
from vetnet_plugin.exceptions import InvalidInput, NotFound

from .communication_helpers import COURSE_KEY, USAGE_KEY, configure_forum, member, seed_uuid

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text, code", [
    ("La formazione professionale deve rispondere ai bisogni delle imprese artigiane.", "it"),
    ("Η επαγγελματική κατάρτιση πρέπει να ανταποκρίνεται στις ανάγκες των μικρών επιχειρήσεων.", "el"),
    ("La formación profesional debe responder a las necesidades de las pequeñas empresas.", "es"),
    ("La formació professional ha de respondre a les necessitats de les petites empreses.", "ca"),
    ("Vocational training must answer the needs of small craft businesses.", "en"),
])
def test_language_detected_offline_on_real_text(text, code):
    assert api.detect_language(text) == code


def test_too_short_a_text_takes_the_site_language():
    assert api.detect_language("ok", fallback="it") == "it"


@pytest.fixture
def post_in_italian():
    alice = member()
    thread_id = api.get_or_create_thread(course_key=COURSE_KEY, usage_key=USAGE_KEY, target="case:7")
    post = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id,
                           body="Servono corsi brevi per gli artigiani.", language="it")
    return thread_id, post


def test_members_translate_and_correct_with_credit(post_in_italian):
    thread_id, post = post_in_italian
    bob, carol = member(), member()
    first = api.contribute_translation(user=bob, course_key=COURSE_KEY, kind="post", object_id=post.id,
                                       language="en", body="We need short course for craftsmen.")
    assert first.translator_name == bob.get_full_name() and not first.corrected_by_name
    corrected = api.contribute_translation(user=carol, course_key=COURSE_KEY, kind="post", object_id=post.id,
                                           language="en", body="Craftspeople need short courses.")
    assert corrected.translator_name == bob.get_full_name()
    assert corrected.corrected_by_name == carol.get_full_name()

    (seen,) = api.get_thread(user=carol, course_key=COURSE_KEY, thread_id=thread_id).posts
    assert seen.body == "Servono corsi brevi per gli artigiani."
    assert [(t.language, t.body) for t in seen.translations] == [("en", "Craftspeople need short courses.")]
    filtered = api.get_thread(user=carol, course_key=COURSE_KEY, thread_id=thread_id, language="en")
    assert filtered.posts[0].matches_filter, "a post translated into the language passes its filter"


def test_a_translation_into_the_original_language_is_refused(post_in_italian):
    _thread_id, post = post_in_italian
    with pytest.raises(InvalidInput):
        api.contribute_translation(user=member(), course_key=COURSE_KEY, kind="post", object_id=post.id,
                                   language="it", body="Uguale")


def test_scenarios_are_translated_with_their_title():
    configure_forum()
    alice = member()
    uuid = seed_uuid(alice)
    with pytest.raises(InvalidInput) as missing_title:
        api.contribute_translation(user=alice, course_key=COURSE_KEY, kind="scenario", object_id=uuid,
                                   language="it", body="Nel 2035...")
    assert "title" in missing_title.value.errors
    api.contribute_translation(user=alice, course_key=COURSE_KEY, kind="scenario", object_id=uuid,
                               language="it", title="IFP guidata dal mercato del lavoro", body="Nel 2035...")
    (scenario,) = [s for s in api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                                 language="it")]
    assert scenario.translations[0].title == "IFP guidata dal mercato del lavoro"
    with pytest.raises(NotFound):
        api.contribute_translation(user=alice, course_key=COURSE_KEY, kind="scenario", object_id="not-a-uuid",
                                   language="it", title="x", body="y")


class _StubTranslator(BaseHTTPRequestHandler):
    """A LibreTranslate-compatible endpoint on 127.0.0.1 that upper-cases the text."""

    requests = []

    def do_POST(self):  # noqa: N802 - the http.server protocol
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(payload)
        if payload.get("target") == "el":
            self.send_response(500)
            self.end_headers()
            return
        body = json.dumps({"translatedText": f"[{payload['target']}] {payload['q'].upper()}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture
def stub_translator():
    server = HTTPServer(("127.0.0.1", 0), _StubTranslator)
    _StubTranslator.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/translate"
    server.shutdown()
    server.server_close()


def test_machine_translation_is_off_by_default(post_in_italian):
    _thread_id, post = post_in_italian
    assert not api.machine_translation_enabled()
    assert api.machine_translate(user=member(), course_key=COURSE_KEY, kind="post", object_id=post.id,
                                 language="en") is None


def test_machine_translation_through_the_provider_is_kept_and_credited(post_in_italian, stub_translator):
    _thread_id, post = post_in_italian
    with override_settings(VETNET_MACHINE_TRANSLATION={"URL": stub_translator, "API_KEY": "k", "TIMEOUT": 2}):
        reader = member()
        first = api.machine_translate(user=reader, course_key=COURSE_KEY, kind="post", object_id=post.id,
                                      language="en")
        again = api.machine_translate(user=reader, course_key=COURSE_KEY, kind="post", object_id=post.id,
                                      language="en")
    assert first.body == "[en] SERVONO CORSI BREVI PER GLI ARTIGIANI."
    assert first.is_machine and first.provider == "LibreTranslate"
    assert again == first
    assert len(_StubTranslator.requests) == 1, "the provider is asked once per text and language"
    assert _StubTranslator.requests[0] == {"q": "Servono corsi brevi per gli artigiani.", "source": "it",
                                           "target": "en", "format": "text", "api_key": "k"}


def test_a_failing_or_absent_provider_never_breaks_anything(post_in_italian, stub_translator):
    _thread_id, post = post_in_italian
    reader = member()
    with override_settings(VETNET_MACHINE_TRANSLATION={"URL": stub_translator}):
        assert api.machine_translate(user=reader, course_key=COURSE_KEY, kind="post", object_id=post.id,
                                     language="el") is None
    with override_settings(VETNET_MACHINE_TRANSLATION={"URL": "http://127.0.0.1:9/translate", "TIMEOUT": 0.5}):
        assert api.machine_translate(user=reader, course_key=COURSE_KEY, kind="post", object_id=post.id,
                                     language="es") is None
