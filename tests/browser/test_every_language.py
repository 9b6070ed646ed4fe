"""
Every page a trainer reaches, in each partner language, at a phone's width:
the page says its language, fits 375 px, passes axe-core, and shows none of
the interface's English strings that the language's catalogs translate.
"""
import gettext
from pathlib import Path

import pytest

from tests.browser.test_phone_width import PHONE, assert_fits, crawl

REPO = Path(__file__).resolve().parents[2]
CATALOGS = (
    "vetnet_plugin/locale/{lang}/LC_MESSAGES/django.mo",
    "vetnet_xblocks/translations/{lang}/LC_MESSAGES/text.mo",
    "conf/devhost/locale/{lang}/LC_MESSAGES/django.mo",
)
# The text of the page as a person reads or hears it: the visible text, the
# choices of every list, and the names, hints and alternatives of its controls.
VISIBLE_TEXT = """() => [document.body.innerText,
  ...[...document.querySelectorAll('option')].map((o) => o.text),
  ...[...document.querySelectorAll('[aria-label], [placeholder], [title], img[alt], input[type=submit]')]
    .map((n) => [n.getAttribute('aria-label'), n.getAttribute('placeholder'), n.getAttribute('title'),
                 n.getAttribute('alt'), n.type === 'submit' ? n.value : ''].join('\\n'))].join('\\n')"""
# What trainers authored (the course templates' OLX) is shown as written, in their language.
AUTHORED = "\n".join(
    path.read_text(encoding="utf-8") for path in (REPO / "course_templates").rglob("*")
    if path.is_file() and path.suffix in {".xml", ".html", ".json"}
)


def translated_interface_strings(lang):
    """English interface sentences the catalogs translate into ``lang`` (at least three words, no placeholders)."""
    strings = set()
    for pattern in CATALOGS:
        with open(REPO / pattern.format(lang=lang), "rb") as handle:
            catalog = gettext.GNUTranslations(handle)._catalog  # pylint: disable=protected-access
        for msgid, msgstr in catalog.items():
            if isinstance(msgid, tuple) or not msgid or "\x04" in msgid:
                continue  # plural forms and contexts: their English shows through the singular too
            if (msgstr != msgid and len(msgid.split()) >= 3 and not any(c in msgid for c in "%{<\n")
                    and msgid not in AUTHORED):
                strings.add(msgid)
    return strings


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["it", "el", "es", "ca"])
def test_every_page_speaks_the_language_and_fits_a_phone(lang, demo_site, logged_in_page, page, axe_check,
                                                         js_errors, live_server):
    english = translated_interface_strings(lang)
    assert len(english) > 200  # the catalogs are there and hold the interface
    page.set_viewport_size(PHONE)
    logged_in_page("trainer")
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
    untranslated = {}

    def check(page, address):
        assert page.get_attribute("html", "lang") == lang, address
        assert_fits(page)
        axe_check(page)
        left = sorted(s for s in english if s in page.evaluate(VISIBLE_TEXT))
        if left:
            untranslated[address] = left[:5]

    seen = crawl(page, check)
    assert any("/units/" in address for address in seen)
    assert untranslated == {}, f"English interface text on {lang} pages: {untranslated}"
    assert js_errors == []
