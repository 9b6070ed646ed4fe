"""
The Studio editor in a real browser: its JavaScript, the CSRF-aware helper and the handler together.

The page holds the block's ``studio_view`` fragment and a small stand-in for
Studio's JavaScript runtime (``handlerUrl``, ``notify``); requests to the
handler are answered by the block itself, through the XBlock runtime.
"""
import json
import shutil

import pytest
import webob

from .runtime import TRAINER, CourseRuntime, add_block, reload

pytestmark = pytest.mark.browser

ORIGIN = "http://studio.vetnet.test"
CSRF_TOKEN = "csrf-token-from-the-cookie"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Editor</title><style>{css}</style></head>
<body>
<div class="xblock" id="block">{html}</div>
<script>
window.notified = [];
var runtime = {{
  handlerUrl: function (element, name) {{ return '/handler/' + name; }},
  notify: function (name, data) {{ window.notified.push([name, data]); }}
}};
</script>
<script>{js}</script>
<script>{init}(runtime, document.getElementById('block'), {args});</script>
</body></html>"""


def editor_page(block):
    fragment = block.studio_view()
    css = "\n".join(r.data for r in fragment.resources if r.mimetype == "text/css")
    js = "\n".join(r.data for r in fragment.resources if r.mimetype == "application/javascript")
    return PAGE.format(
        css=css, html=fragment.content, js=js, init=fragment.js_init_fn, args=json.dumps(fragment.json_init_args)
    )


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api  # pylint: disable=import-outside-toplevel

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Debian's Chromium is needed for the browser tests (apt-get install chromium).")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def editor(browser):
    """The editor of a toolbox block, open in a page whose handler requests reach the block."""
    runtime = CourseRuntime(TRAINER)
    block = add_block(runtime, "vetnet_toolbox", '<vetnet_toolbox title="Old title"/>')
    requests = []

    def answer_handler(route, request):
        requests.append(request)
        webob_request = webob.Request.blank("/", method=request.method, POST=request.post_data or "")
        webob_request.content_type = request.headers.get("content-type", "")
        response = runtime.handle(reload(runtime, block), "studio_submit", webob_request)
        route.fulfill(status=response.status_code, content_type=response.content_type, body=response.body)

    context = browser.new_context()
    context.add_cookies([{"name": "csrftoken", "value": CSRF_TOKEN, "url": ORIGIN}])
    page = context.new_page()
    page.route(f"{ORIGIN}/editor", lambda route, _: route.fulfill(content_type="text/html", body=editor_page(block)))
    page.route(f"{ORIGIN}/handler/studio_submit", answer_handler)
    page.goto(f"{ORIGIN}/editor")
    yield page, runtime, block, requests
    context.close()


def test_saving_sends_json_with_the_csrf_token_and_tells_studio(editor):
    page, runtime, block, requests = editor

    page.get_by_label("Title").fill("Tools from Greece")
    page.get_by_label("Instructions").fill("Share *one* tool.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_function("window.notified.some(function (n) { return n[1] && n[1].state === 'end'; })")

    (request,) = requests
    assert request.headers["x-csrftoken"] == CSRF_TOKEN
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.post_data)["title"] == "Tools from Greece"
    assert reload(runtime, block).title == "Tools from Greece"
    assert page.get_by_role("status").inner_text() == "Saved."
    assert [name for name, _ in page.evaluate("window.notified")] == ["save", "save"]


def test_a_refused_field_is_marked_announced_and_focused(editor):
    page, runtime, block, _ = editor

    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save").click()
    page.wait_for_function("window.notified.some(function (n) { return n[0] === 'error'; })")

    title = page.get_by_label("Title")
    assert title.get_attribute("aria-invalid") == "true"
    assert page.locator(".vetnet-studio__error[data-field=title]").inner_text() == "This field is required."
    assert page.get_by_role("status").inner_text() == "Some fields need your attention."
    assert page.evaluate("document.activeElement.name") == "title"
    assert reload(runtime, block).title == "Old title"


def test_cancel_tells_studio_and_sends_nothing(editor):
    page, _, _, requests = editor

    page.get_by_role("button", name="Cancel").click()

    assert page.evaluate("window.notified") == [["cancel", {}]]
    assert requests == []


def test_the_toolbox_settings_are_edited_with_the_shared_editor(editor):
    page, runtime, block, requests = editor

    page.get_by_label("Library shown").select_option("course")
    page.get_by_label("Moderation").select_option("approval")
    page.get_by_label("Video").check()
    page.get_by_label("Document").check()
    page.get_by_label("Upload limit (MB)").fill("5")
    page.get_by_role("button", name="Save").click()
    page.wait_for_function("window.notified.some(function (n) { return n[1] && n[1].state === 'end'; })")

    sent = json.loads(requests[-1].post_data)
    assert sorted(sent["allowed_resource_types"]) == ["document", "video"]
    saved = reload(runtime, block)
    assert (saved.library_scope, saved.moderation, saved.max_upload_mb) == ("course", "approval", 5)
    assert saved.allowed_resource_types == ["document", "video"]


def test_a_refused_toolbox_setting_is_marked_and_nothing_is_saved(editor):
    page, runtime, block, _ = editor

    page.get_by_label("Upload limit (MB)").fill("-1")
    page.get_by_role("button", name="Save").click()
    page.wait_for_function("window.notified.some(function (n) { return n[0] === 'error'; })")

    limit = page.get_by_label("Upload limit (MB)")
    assert limit.get_attribute("aria-invalid") == "true"
    assert "whole number of megabytes" in page.locator(".vetnet-studio__error[data-field=max_upload_mb]").inner_text()
    assert page.evaluate("document.activeElement.name") == "max_upload_mb"
    assert reload(runtime, block).max_upload_mb == 0
