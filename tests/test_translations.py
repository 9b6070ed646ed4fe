"""
The catalogs VETNet ships, and the paths that bring them to people.

Each package carries its own gettext catalogs: the plugin app in Django's
``locale/<lang>/LC_MESSAGES/django.po``, the blocks one catalog in
``vetnet_xblocks/translations/<lang>/LC_MESSAGES/text.po``. ``make
makemessages`` extracts the strings of both packages into them and ``make
compilemessages`` compiles them, the blocks' catalog also into
``translations/`` beside each block's module, where the platform's XBlock i18n
service looks for a block's ``text`` domain.

The tests read the ``.po`` files with a small parser of their own, check that
Italian, Greek, Spanish and Catalan are complete, reviewed (nothing fuzzy) and
keep every placeholder, that the compiled ``.mo`` files say the same, and that
a known string comes out translated where people see it.
"""
import ast
import gettext
import importlib
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.commands import makemessages
from django.utils import translation
from xblock.core import XBlock

from vetnet_plugin.core.taxonomy import OrganisationType

from .vetnet_xblocks.runtime import BLOCK_TYPES, LEARNER, TRAINER, CourseRuntime, add_block

REPO_ROOT = Path(__file__).resolve().parents[1]

# The partner countries' languages; English is the source language.
TRANSLATED_LANGUAGES = ["it", "el", "es", "ca"]
ALL_LANGUAGES = ["en"] + TRANSLATED_LANGUAGES

CATALOGS = {
    "vetnet_plugin": "vetnet_plugin/locale/{lang}/LC_MESSAGES/django.po",
    "vetnet_xblocks": "vetnet_xblocks/translations/{lang}/LC_MESSAGES/text.po",
}

PLURAL_FORMS = "nplurals=2; plural=(n != 1);"

# Placeholders filled in by str.format and by Django's {% blocktrans %} / % formatting.
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%\([A-Za-z_][A-Za-z0-9_]*\)[sd]")

# A translation equal to its English source is suspicious (a copy, not a
# translation), except where the word really is the same in that language.
# Format names (JSON, CSV) are the same everywhere.
SAME_AS_ENGLISH = {
    "it": {"VETNet", "No", "Scenario", "scenario", "Video", "partner", "JSON", "CSV"},
    "el": {"VETNet", "IQR %(iqr)s", "JSON", "CSV"},
    "es": {"VETNet", "No", "Sector", "sector", "Sector:", "Total", "Original (%(name)s)", "JSON", "CSV"},
    "ca": {"VETNet", "No", "Sector", "sector", "Sector:", "Sectors", "Total", "Original (%(name)s)", "Document",
           "text", "JSON", "CSV"},
}


def has_words(source: str) -> bool:
    """False for a message that is only placeholders and punctuation ("%(who)s, %(when)s"): nothing to translate."""
    return any(character.isalpha() for character in PLACEHOLDER.sub("", source))


# -- a small reader of gettext catalogs ---------------------------------------

class Message:
    """One entry of a ``.po`` file."""

    def __init__(self):
        self.flags = set()
        self.msgctxt = None
        self.msgid = ""
        self.msgid_plural = None
        self.msgstr = {}  # plural index (0 for a singular message) -> text

    @property
    def is_plural(self):
        return self.msgid_plural is not None

    @property
    def is_fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def is_translated(self):
        return bool(self.msgstr) and all(self.msgstr.values())

    def sources(self):
        """(English source, its translation) pairs: one, or one per plural form."""
        if not self.is_plural:
            return [(self.msgid, self.msgstr.get(0, ""))]
        return [(self.msgid if index == 0 else self.msgid_plural, text) for index, text in sorted(self.msgstr.items())]

    def __repr__(self):
        return f"<Message {self.msgid!r}>"


_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$')


def _unquote(quoted):
    return ast.literal_eval(quoted)


def read_po(path):
    """The header (a dict) and the messages of a ``.po`` file; obsolete entries are left out."""
    messages, current, field = [], None, None
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        starts_entry = line.startswith("#") or line.startswith(("msgctxt", "msgid "))
        if starts_entry and current is not None and current.msgstr:
            messages.append(current)
            current = None
        if current is None:
            current = Message()
        if line.startswith("#,"):
            current.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match:
            keyword, index, quoted = match.groups()
            value = _unquote(quoted)
            if keyword == "msgstr":
                field = ("msgstr", int(index or 0))
                current.msgstr[field[1]] = value
            else:
                field = (keyword, None)
                setattr(current, keyword, value)
        elif line.startswith('"') and field is not None:
            value = _unquote(line)
            if field[0] == "msgstr":
                current.msgstr[field[1]] += value
            else:
                setattr(current, field[0], getattr(current, field[0]) + value)
        else:
            raise AssertionError(f"{path}: cannot read the line {raw!r}")
    if current is not None and current.msgstr:
        messages.append(current)
    header_entries = [message for message in messages if message.msgid == "" and message.msgctxt is None]
    assert len(header_entries) == 1, f"{path}: one header entry expected"
    header = {}
    for header_line in header_entries[0].msgstr[0].splitlines():
        name, _, value = header_line.partition(":")
        header[name.strip()] = value.strip()
    header["fuzzy"] = header_entries[0].is_fuzzy
    return header, [message for message in messages if message is not header_entries[0]]


def catalog_path(package, lang):
    return REPO_ROOT / CATALOGS[package].format(lang=lang)


def catalog_params(languages):
    return [pytest.param(package, lang, id=f"{package}-{lang}") for package in CATALOGS for lang in languages]


# -- the catalogs ---------------------------------------------------------------

@pytest.mark.parametrize("package,lang", catalog_params(ALL_LANGUAGES))
def test_the_catalog_header_names_its_language_plural_rule_and_charset(package, lang):
    header, _messages = read_po(catalog_path(package, lang))

    assert header["Language"] == lang
    assert header["Plural-Forms"] == PLURAL_FORMS
    assert header["Content-Type"] == "text/plain; charset=UTF-8"
    assert header["Project-Id-Version"] == package
    assert not header["fuzzy"], "the header is still marked fuzzy"


@pytest.mark.parametrize("package", list(CATALOGS))
def test_every_language_of_a_package_has_the_same_messages(package):
    def keys(lang):
        return {(m.msgctxt, m.msgid, m.msgid_plural) for m in read_po(catalog_path(package, lang))[1]}

    english = keys("en")
    assert english, f"the {package} catalog is empty"
    for lang in TRANSLATED_LANGUAGES:
        assert keys(lang) == english, f"{package} {lang}: run `make makemessages`"


class ExtractStrings(makemessages.Command):
    """Django's makemessages, also knowing ``_t``, the name some block code gives the i18n service's gettext."""

    xgettext_options = makemessages.Command.xgettext_options + ["--keyword=_t"]


@pytest.mark.parametrize("package", list(CATALOGS))
def test_the_catalogs_hold_every_string_of_the_source(package, tmp_path, monkeypatch):
    # Extract from a copy, so the package's own catalogs stay as they are.
    work = tmp_path / package
    shutil.copytree(REPO_ROOT / package, work, ignore=shutil.ignore_patterns("locale", "translations", "__pycache__"))
    (work / "locale").mkdir()
    monkeypatch.chdir(work)
    call_command(ExtractStrings(), locale=["en"], keep_pot=True, verbosity=0)

    in_source = {(m.msgctxt, m.msgid, m.msgid_plural) for m in read_po(work / "locale" / "django.pot")[1]}
    in_catalog = {(m.msgctxt, m.msgid, m.msgid_plural) for m in read_po(catalog_path(package, "en"))[1]}
    missing = sorted(msgid for _context, msgid, _plural in in_source - in_catalog)
    assert not missing, (
        f"{package}: {len(missing)} strings are in no catalog yet: run `make makemessages`, "
        f"translate them in {', '.join(TRANSLATED_LANGUAGES)}, then `make compilemessages`: {missing[:10]}"
    )


@pytest.mark.parametrize("package,lang", catalog_params(TRANSLATED_LANGUAGES))
def test_every_message_is_translated_and_reviewed(package, lang):
    _header, messages = read_po(catalog_path(package, lang))

    untranslated = [m.msgid for m in messages if not m.is_translated]
    fuzzy = [m.msgid for m in messages if m.is_fuzzy]
    assert not untranslated, f"{package} {lang}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{package} {lang}: {len(fuzzy)} fuzzy (review them, then drop the flag): {fuzzy[:5]}"


@pytest.mark.parametrize("package,lang", catalog_params(TRANSLATED_LANGUAGES))
def test_plural_messages_have_both_forms(package, lang):
    _header, messages = read_po(catalog_path(package, lang))

    for message in messages:
        if message.is_plural:
            assert sorted(message.msgstr) == [0, 1], message


@pytest.mark.parametrize("package,lang", catalog_params(TRANSLATED_LANGUAGES))
def test_translations_keep_every_placeholder(package, lang):
    _header, messages = read_po(catalog_path(package, lang))

    broken = []
    for message in messages:
        for source, text in message.sources():
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                broken.append((source, text))
    assert not broken, f"{package} {lang}: placeholders changed in {broken}"


@pytest.mark.parametrize("package,lang", catalog_params(TRANSLATED_LANGUAGES))
def test_translations_are_not_copies_of_the_english(package, lang):
    _header, messages = read_po(catalog_path(package, lang))

    copies = [
        source for message in messages for source, text in message.sources()
        if text == source and source not in SAME_AS_ENGLISH[lang] and has_words(source)
    ]
    assert not copies, f"{package} {lang}: left in English: {copies}"


@pytest.mark.parametrize("package,lang", catalog_params(ALL_LANGUAGES))
def test_the_compiled_catalog_says_what_the_po_file_says(package, lang):
    po_path = catalog_path(package, lang)
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make compilemessages`"
    with mo_path.open("rb") as mo_file:
        compiled = dict(gettext.GNUTranslations(mo_file)._catalog)  # pylint: disable=protected-access
    compiled.pop("", None)

    expected = {}
    for message in read_po(po_path)[1]:
        if message.is_fuzzy or not message.is_translated:
            continue
        msgid = f"{message.msgctxt}\x04{message.msgid}" if message.msgctxt is not None else message.msgid
        if message.is_plural:
            expected.update({(msgid, index): text for index, text in message.msgstr.items()})
        else:
            expected[msgid] = message.msgstr[0]
    assert compiled == expected, f"{mo_path} is out of date: run `make compilemessages`"


@pytest.mark.parametrize("lang", ALL_LANGUAGES)
def test_every_block_ships_the_compiled_catalog_beside_its_module(lang):
    compiled = (catalog_path("vetnet_xblocks", lang).with_suffix(".mo")).read_bytes()
    block_dirs = sorted(path.parent for path in (REPO_ROOT / "vetnet_xblocks").glob("*/block.py"))
    assert block_dirs
    for block_dir in block_dirs:
        copy = block_dir / "translations" / lang / "LC_MESSAGES" / "text.mo"
        assert copy.exists() and copy.read_bytes() == compiled, f"{copy} is stale: run `make compilemessages`"


# -- where people see them ------------------------------------------------------

EXPECTED = {
    "it": {
        "VET provider": "Ente di formazione professionale",
        "digest": "Ci sono 3 nuovi interventi nelle discussioni che segui.",
        "Peer counselling": "Consulenza tra pari",
        "Partnerships": "Partenariati",
        "Cooperation": "Cooperazione",
        "notice": "Gli spazi di lavoro sono aperti ai membri della comunità di questo corso.",
        "Saved.": "Salvato.",
    },
    "el": {
        "VET provider": "Πάροχος επαγγελματικής εκπαίδευσης και κατάρτισης (ΕΕΚ)",
        "digest": "Υπάρχουν 3 νέες αναρτήσεις στις συζητήσεις που παρακολουθείτε.",
        "Peer counselling": "Συμβουλευτική από ομοτίμους",
        "Partnerships": "Εταιρικές σχέσεις",
        "Cooperation": "Συνεργασία",
        "notice": "Οι χώροι εργασίας είναι ανοιχτοί στα μέλη της κοινότητας αυτού του μαθήματος.",
        "Saved.": "Αποθηκεύτηκε.",
    },
    "es": {
        "VET provider": "Centro de formación profesional (FP)",
        "digest": "Hay 3 mensajes nuevos en los debates que sigues.",
        "Peer counselling": "Asesoramiento entre pares",
        "Partnerships": "Asociaciones",
        "Cooperation": "Cooperación",
        "notice": "Los espacios de trabajo están abiertos a los miembros de la comunidad de este curso.",
        "Saved.": "Guardado.",
    },
    "ca": {
        "VET provider": "Centre de formació professional (FP)",
        "digest": "Hi ha 3 missatges nous als debats que segueixes.",
        "Peer counselling": "Assessorament entre iguals",
        "Partnerships": "Aliances",
        "Cooperation": "Cooperació",
        "notice": "Els espais de treball són oberts als membres de la comunitat d'aquest curs.",
        "Saved.": "Desat.",
    },
}


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_the_plugin_labels_follow_the_active_language(lang):
    with translation.override(lang):
        label = str(dict(OrganisationType.CHOICES)[OrganisationType.VET_PROVIDER])
        digest = translation.ngettext(
            "There is %(counter)s new post in the discussions you follow.",
            "There are %(counter)s new posts in the discussions you follow.",
            3,
        ) % {"counter": 3}

    assert label == EXPECTED[lang]["VET provider"]
    assert digest == EXPECTED[lang]["digest"]


class PlatformI18nService:
    """
    The platform's XBlock i18n service, as it finds a block's bundled catalog.

    The ``text`` domain under ``translations/`` beside the module of the
    block's class, in the active language; unknown strings stay in English.
    """

    def __init__(self, block_class):
        module_dir = Path(importlib.import_module(block_class.__module__).__file__).parent
        language = translation.to_locale(translation.get_language())
        self.translator = gettext.translation("text", module_dir / "translations", [language])

    def __getattr__(self, name):
        return getattr(self.translator, name)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_a_block_speaks_the_language_of_its_i18n_service(lang):
    expected = EXPECTED[lang]
    with translation.override(lang):
        service = PlatformI18nService(XBlock.load_class("vetnet_partnership"))
        learner_runtime = CourseRuntime(LEARNER, i18n=service)
        block = add_block(learner_runtime, "vetnet_partnership")
        html = learner_runtime.render(block, "student_view").content
        # A notice from {% trans %} in a block's template: the workspace block's to a non-member.
        workspace_service = PlatformI18nService(XBlock.load_class("vetnet_workspace"))
        workspace_runtime = CourseRuntime(LEARNER, i18n=workspace_service)
        notice_html = workspace_runtime.render(add_block(workspace_runtime, "vetnet_workspace"), "student_view").content
        trainer_runtime = learner_runtime.as_user(TRAINER, i18n=service)
        # The view's own fragment, before the runtime wraps it.
        editor = trainer_runtime.get_block(block.scope_ids.usage_id).studio_view()

    # The title and section come from the block's Python, the notice from {% trans %} in its template.
    assert expected["Partnerships"] in html
    assert expected["Cooperation"] in html
    assert expected["notice"] in notice_html
    # The JavaScript shows the strings it is given in json_args.
    assert editor.json_init_args["strings"]["saved"] == expected["Saved."]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_the_development_host_gives_every_block_its_catalog(lang, block_type):
    # Like the platform, the host reads translations/ beside the block's module.
    from devhost.services import I18nService  # pylint: disable=import-outside-toplevel

    block = add_block(CourseRuntime(LEARNER), block_type)
    with translation.override(lang):
        service = I18nService(block)

        assert service.gettext("Saved.") == EXPECTED[lang]["Saved."]
        assert service.gettext("Peer counselling") == EXPECTED[lang]["Peer counselling"]


@pytest.mark.parametrize("lang, catalan", [("it", "Catalano"), ("es", "Catalán"), ("el", "Καταλανικά"), ("ca", "català"), ("en", "Catalan")])
def test_language_names_follow_the_active_language(lang, catalan):
    from vetnet_plugin.core.taxonomy import LANGUAGES  # pylint: disable=import-outside-toplevel

    with translation.override(lang):
        assert str(dict(LANGUAGES)["ca"]) == catalan


@pytest.mark.django_db
def test_a_label_of_a_compiled_template_follows_each_render_s_language_and_catalog():
    # A constant {% trans %} is translated once per catalog and language, then read back:
    # the same compiled template, rendered in turn, must still speak each render's language.
    seen = []
    for lang in ("it", "es", "it", "ca", "en"):
        with translation.override(lang):
            service = PlatformI18nService(XBlock.load_class("vetnet_workspace"))
            runtime = CourseRuntime(LEARNER, i18n=service)
            seen.append(runtime.render(add_block(runtime, "vetnet_workspace"), "student_view").content)
    english = "Workspaces are open to members of this course community."

    assert EXPECTED["it"]["notice"] in seen[0] and EXPECTED["it"]["notice"] in seen[2]
    assert EXPECTED["es"]["notice"] in seen[1]
    assert EXPECTED["ca"]["notice"] in seen[3]
    assert english in seen[4]
    assert all(EXPECTED["it"]["notice"] not in html for html in (seen[1], seen[3], seen[4]))
