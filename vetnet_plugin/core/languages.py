"""The language of each contribution: given by the member, or detected offline."""
from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.utils.translation import gettext as _

from ..conf import setting
from ..exceptions import InvalidInput
from .taxonomy import LANGUAGE_CODES

log = logging.getLogger(__name__)

_DEFAULT_LANGUAGES = ("en", "it", "el", "es", "ca", "fr", "de", "pt")
# Below this many letters a guess is noise; such texts take the fallback language.
_MIN_LETTERS = 12

_detector = None
_detector_languages: tuple[str, ...] = ()
_detector_lock = threading.Lock()


def community_languages() -> tuple[str, ...]:
    """The languages the community writes in (setting ``VETNET_COMMUNITY_LANGUAGES``)."""
    configured = setting("VETNET_COMMUNITY_LANGUAGES") or _DEFAULT_LANGUAGES
    return tuple(code for code in configured if code in LANGUAGE_CODES)


def normalise_language(code: str | None, *, field: str = "language") -> str:
    """Return a known ISO 639-1 code in lower case, or '' for none; raise ``InvalidInput`` if unknown."""
    if not code:
        return ""
    value = str(code).strip().lower().split("-")[0].split("_")[0]
    if value not in LANGUAGE_CODES:
        raise InvalidInput(
            _("“{code}” is not a language we know.").format(code=code),
            errors={field: [_("Choose a language from the list.")]},
        )
    return value


def _build_detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder  # pylint: disable=import-outside-toplevel

    languages = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            try:
                languages.append(Language.from_iso_code_639_1(iso))
            except ValueError:
                continue
    if len(languages) < 2:
        return None
    # Restricting to the community's languages makes detection both faster and more accurate.
    return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()


def _get_detector():
    global _detector, _detector_languages  # pylint: disable=global-statement
    codes = community_languages()
    if _detector is None or _detector_languages != codes:
        with _detector_lock:
            if _detector is None or _detector_languages != codes:
                _detector = _build_detector(codes)
                _detector_languages = codes
    return _detector


def detect_language(text: str, *, fallback: str = "") -> str:
    """
    The ISO 639-1 code of the language ``text`` is written in, detected offline.

    Returns ``fallback`` (or the site's language) when the text is too short
    to tell or the detector is unsure.
    """
    default = fallback or (getattr(settings, "LANGUAGE_CODE", "en") or "en").split("-")[0]
    letters = sum(1 for char in text or "" if char.isalpha())
    if letters < _MIN_LETTERS:
        return default
    try:
        detector = _get_detector()
    except ImportError:
        log.warning("lingua-language-detector is not installed; contributions take the default language")
        return default
    if detector is None:
        return default
    language = detector.detect_language_of(text)
    if language is None:
        return default
    return language.iso_code_639_1.name.lower()


def language_of(text: str, given: str | None, *, field: str = "language") -> tuple[str, bool]:
    """The contribution's language and whether it was detected rather than given."""
    code = normalise_language(given, field=field)
    if code:
        return code, False
    return detect_language(text), True
