"""
Members translate a case; the similar-case suggestions then find it from a
draft written in the translation's language, even without shared tags.
"""
import json

import pytest
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, member
from vetnet_plugin import api
from vetnet_plugin.discussions.models import Translation
from vetnet_plugin.exceptions import InvalidInput, NotFound

from .counselling_helpers import TOPICS, USAGE_KEY, open_case

pytestmark = pytest.mark.django_db

DESK = f"/api/vetnet/v1/courses/{COURSE_KEY}/counselling/{USAGE_KEY}"
GREEK = {"title": "Οι μικρές επιχειρήσεις δεν δέχονται μαθητευόμενους",
         "problem": "Τα ξυλουργεία της περιοχής λένε ότι ένας μαθητευόμενος κοστίζει πολύ χρόνο.",
         "language": "el", "topics": ()}


@pytest.fixture
def greek_case():
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS, allow_private=True)
    owner = member()
    return owner, open_case(owner, **GREEK)


def suggested(user, text):
    return [s.case.title for s in api.similar_cases(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                                    text=text, topics=[])]


def test_a_translated_case_is_suggested_to_a_draft_in_the_translations_language(greek_case):
    _owner, case = greek_case
    translator, writer = member(), member()
    draft = "Joinery workshops refuse apprentices: an apprentice costs too much time"
    assert suggested(writer, draft) == []
    shown = api.translate_case(user=translator, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                               case_uuid=case.summary.uuid, language="en",
                               title="Small firms do not take apprentices",
                               problem="Joinery workshops in the region say an apprentice costs too much time.")
    assert [t.language for t in shown.translations] == ["en"] and shown.translations[0].translator_name
    assert suggested(writer, draft) == [GREEK["title"]]
    # A correction replaces the text; the search follows it.
    api.translate_case(user=writer, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                       language="en", title="Small firms do not take apprentices",
                       problem="Carpenters say trainees cost them hours.")
    assert suggested(writer, "carpenters trainees hours") == [GREEK["title"]]


def test_hostile_or_impossible_translations_are_refused(greek_case):
    owner, case = greek_case
    where = {"course_key": COURSE_KEY, "usage_key": USAGE_KEY, "case_uuid": case.summary.uuid}
    for language, title, problem in (("el", "T", "P"), ("", "T", "P"), ("en", "", "P"), ("en", "T", ""),
                                     ("en", "T", "x" * 10001), (["en"], "T", "P")):
        with pytest.raises(InvalidInput):
            api.translate_case(user=member(), **where, language=language, title=title, problem=problem)
    with pytest.raises(NotFound):
        api.translate_case(user=member(), **dict(where, case_uuid="not-a-uuid"), language="en", title="T",
                           problem="P")
    adviser = member()
    private = open_case(owner, title="Private", private=True, advisers=[adviser.username])
    with pytest.raises(InvalidInput):
        api.translate_case(user=adviser, **dict(where, case_uuid=private.summary.uuid), language="en", title="T",
                           problem="P")
    with pytest.raises(NotFound):
        api.translate_case(user=member(), **dict(where, case_uuid=private.summary.uuid), language="en", title="T",
                           problem="P")
    # The discussion core's own translation door refuses a private case too.
    with pytest.raises(NotFound):
        api.contribute_translation(user=member(), course_key=COURSE_KEY, kind=api.CASE_TRANSLATION,
                                   object_id=private.summary.uuid, language="en", title="T", body="P")
    assert Translation.objects.filter(kind=api.CASE_TRANSLATION).count() == 0


def test_translations_over_rest_and_gone_when_the_owner_retires(greek_case):
    owner, case = greek_case
    client = APIClient()
    client.force_authenticate(member())
    url = f"{DESK}/cases/{case.summary.uuid}/translations/"
    assert client.put(url, {"language": "en", "title": "T"}, format="json").status_code == 400
    response = client.put(url, {"language": "en", "title": "Small firms", "problem": "Joinery workshops."},
                          format="json")
    assert response.status_code == 200, response.content
    assert response.json()["translations"][0]["body"] == "Joinery workshops."
    api.retire_member(user_id=owner.id)
    assert Translation.objects.filter(kind=api.CASE_TRANSLATION).count() == 0
    assert "Joinery workshops" not in json.dumps(api.export_member_data(user_id=owner.id), default=str)
