"""The demo course speaks the reader's language: block titles and instructions, and the seed scenarios."""
from io import StringIO

import pytest

from devhost import enrollment

pytestmark = pytest.mark.django_db

# One sentence of each block's instructions, per language, as the trainer wrote them in the OLX.
UNITS = {
    "sharing_toolbox": {
        "en": "Deposit a resource from your own national experience",
        "it": "Depositate una risorsa della vostra esperienza nazionale",
        "el": "Καταθέστε έναν πόρο από τη δική σας εθνική εμπειρία",
        "es": "Depositad un recurso de vuestra experiencia nacional",
        "ca": "Dipositeu un recurs de la vostra experiència nacional",
    },
    "communication_counselling": {
        "en": "Describe a concrete problem from your daily work",
        "it": "Descrivete un problema concreto del vostro lavoro quotidiano",
        "el": "Περιγράψτε ένα συγκεκριμένο πρόβλημα της καθημερινής σας δουλειάς",
        "es": "Describid un problema concreto de vuestro trabajo diario",
        "ca": "Descriviu un problema concret de la vostra feina diària",
    },
    "cooperation_partnership": {
        "en": "Propose a partnership on a strategic activity or topic",
        "it": "o un tema strategico, oppure unitevi a uno proposto da altri membri",
        "el": "Προτείνετε μια σύμπραξη για μια στρατηγική δραστηριότητα",
        "es": "Proponed una alianza sobre una actividad o un tema estratégico",
        "ca": "Proposeu una aliança sobre una activitat o un tema estratègic",
    },
}


def _unit(client, course, unit, language):
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    course_key = getattr(course, "course_key", course)
    response = client.get(f"/courses/{course_key}/units/{unit}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "it", "el", "es", "ca"])
def test_block_instructions_are_shown_in_the_readers_language(client, template_course, learner, language):
    enrollment.enroll(learner, template_course.course_key)
    client.force_login(learner)
    for unit, sentences in UNITS.items():
        page = _unit(client, template_course, unit, language)
        assert sentences[language] in page, (unit, language)
        others = {code: text for code, text in sentences.items() if code != language}
        assert not any(text in page for text in others.values()), (unit, language)


def test_the_greek_reader_sees_the_greek_title_of_the_toolbox(client, template_course, learner):
    enrollment.enroll(learner, template_course.course_key)
    client.force_login(learner)
    assert "Η εργαλειοθήκη των εθνικών εμπειριών" in _unit(client, template_course, "sharing_toolbox", "el")
    assert "The toolbox of national experiences" in _unit(client, template_course, "sharing_toolbox", "en")


def test_the_translations_are_in_the_blocks_olx_export(client, template_course, trainer):
    import json  # pylint: disable=import-outside-toplevel

    from lxml import etree  # pylint: disable=import-outside-toplevel

    client.force_login(trainer)
    response = client.get(f"/courses/{template_course.course_key}/studio/vetnet_toolbox/sharing_toolbox/olx/")
    assert response.status_code == 200
    node = etree.fromstring(b"".join(response.streaming_content) if response.streaming else response.content)
    exported = json.loads(node.find("{http://code.edx.org/xblock/option}translations").text)
    assert sorted(exported) == ["ca", "el", "es", "it"]
    assert exported["el"]["title"] == "Η εργαλειοθήκη των εθνικών εμπειριών"


FORUM_KEY = "block-v1:VETNet+CoVP+2026+type@vetnet_scenarios+block@communication_scenarios_forum"


def test_the_seed_scenarios_carry_the_course_teams_translations_in_the_four_other_languages():
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel
    from django.core.management import call_command  # pylint: disable=import-outside-toplevel

    from devhost.demo_scenario_translations import SCENARIO_TRANSLATIONS  # pylint: disable=import-outside-toplevel
    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    call_command("load_demo", "--url", "http://127.0.0.1:8123/", stdout=StringIO())
    trainer = get_user_model().objects.get(username="trainer")
    scenarios = {s.title: s for s in api.list_scenarios(user=trainer, course_key="course-v1:VETNet+CoVP+2026",
                                                         usage_key=FORUM_KEY)}
    for key, languages in SCENARIO_TRANSLATIONS.items():
        seed = next(s for s in scenarios.values() if s.language == "en" and any(
            t.title == languages["it"][0] for t in s.translations))
        translated = {t.language: t for t in seed.translations}
        assert set(translated) >= {"it", "el", "es", "ca"}, key
        for language, (title, narrative) in languages.items():
            assert translated[language].title == title and translated[language].body == narrative
            assert translated[language].translator_name == "Laura Conti"
            assert not translated[language].is_machine
    greek = api.list_scenarios(user=trainer, course_key="course-v1:VETNet+CoVP+2026", usage_key=FORUM_KEY,
                               language="el")
    assert {s.title for s in greek} >= {s.title for s in scenarios.values() if s.language == "en"}


def test_a_greek_reader_of_the_demo_forum_finds_the_greek_scenarios(client):
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel
    from django.core.management import call_command  # pylint: disable=import-outside-toplevel

    call_command("load_demo", "--url", "http://127.0.0.1:8123/", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="eleni"))
    page = _unit(client, "course-v1:VETNet+CoVP+2026", "communication_scenarios", "el")
    assert "ΕΕΚ με γνώμονα την αγορά εργασίας" in page
    assert "Σενάρια για το μέλλον της ΕΕΚ" in page
