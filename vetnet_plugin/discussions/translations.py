"""
Translations of posts and scenarios: contributed by members (credited and
correctable) or, when the operator enabled it, fetched from a machine provider.
"""
from __future__ import annotations

import uuid
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ..core import machine_translation
from ..core.access import display_name
from ..core.languages import normalise_language
from ..core.rate_limits import check_rate_limit
from ..core.stored_html import stored_html
from ..exceptions import InvalidInput, NotFound
from ..members.api import require_viewer
from . import data
from .guards import check_thread
from .models import Post, Translation

MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 10000


def _to_text(row: Translation) -> data.TranslationText:
    return data.TranslationText(
        language=row.language,
        title=row.title,
        body=row.body,
        body_html=stored_html(row.body_html, row.body),
        translator_name=display_name(row.translator),
        corrected_by_name=display_name(row.corrected_by),
        is_machine=row.is_machine,
        provider=row.provider,
        translator_id=row.translator_id,
        corrected_by_id=row.corrected_by_id,
    )


def translations_for(*, kind: str, object_ids) -> dict[int, tuple[data.TranslationText, ...]]:
    """Every translation of the given posts or scenarios, by object id, in language order."""
    ids = list(object_ids)
    if not ids:
        return {}
    grouped = defaultdict(list)
    rows = (
        Translation.objects.filter(kind=kind, object_id__in=ids)
        .select_related("translator", "corrected_by").order_by("language")
    )
    for row in rows:
        grouped[row.object_id].append(_to_text(row))
    return {object_id: tuple(items) for object_id, items in grouped.items()}


def delete_translations(*, kind: str, object_ids) -> None:
    """Remove every translation of the given objects of ``kind`` (a retired member's erased contributions)."""
    Translation.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()


def translated_object_ids(*, kind: str, language: str):
    """
    The ids of the ``kind`` objects translated into ``language``, as a subquery
    for a feature's own query (``pk__in=...``), so a language filter stays in the database.
    """
    return Translation.objects.filter(kind=kind, language=language).values("object_id")


def _check_post_thread(user, key, kind: str, object_pk: int) -> None:
    """A post's translation is read and written only by who may read its thread (``guards``)."""
    if kind == Translation.POST:
        target = Post.objects.filter(pk=object_pk).values_list("thread__target", flat=True).first() or ""
        check_thread(user, key, target)


def _post_original(object_id, key):
    try:
        post_uuid = uuid.UUID(str(object_id))
    except (TypeError, ValueError, AttributeError) as exc:
        raise NotFound(_("No such post in this course.")) from exc
    post = Post.objects.filter(uuid=post_uuid, thread__course_key=key, is_hidden=False, is_retired=False).first()
    if post is None:
        raise NotFound(_("No such post in this course."))
    return post.pk, post.language, "", post.body


# What members can translate, by ``Translation.kind``: a function that finds
# the original in the course (its pk, language, title and body) or raises
# ``NotFound``. Features whose contributions can be translated register theirs
# (the scenario forum registers scenarios), so the core knows none of them.
_ORIGINALS = {Translation.POST: _post_original}
# By kind as well: the ids (a queryset of ``pk``) of a course's contributions of that kind.
_IN_COURSE = {Translation.POST: lambda key: Post.objects.filter(thread__course_key=key).values("pk")}


def register_translatable(kind: str, find_original, *, in_course) -> None:
    """
    Let contributions of ``kind`` be translated: ``find_original(object_id,
    course_key)`` finds one, ``in_course(course_key)`` is a queryset of the
    ``pk`` of every one in a course (so one course's translations can be
    rendered again).
    """
    _ORIGINALS[kind] = find_original
    _IN_COURSE[kind] = in_course


def translations_in_course(course_key) -> QuerySet:
    """Every stored translation of a contribution in the course, of every registered kind."""
    scope = Q(pk__in=[])
    for kind, in_course in _IN_COURSE.items():
        scope |= Q(kind=kind, object_id__in=in_course(course_key))
    return Translation.objects.filter(scope)


def _original(kind: str, object_id, key):
    """The translatable object (scoped to the course): its id, language, title and body."""
    find_original = _ORIGINALS.get(kind)
    if find_original is None:
        raise InvalidInput(_("Only posts and scenarios can be translated."))
    return find_original(object_id, key)


def contribute_translation(
    *, user, course_key, kind: str, object_id, language: str, body: str, title: str = ""
) -> data.TranslationText:
    """
    Save a member's translation of a post or scenario into ``language``.

    If one exists already (by a member or a machine), this corrects it: the
    first translator stays credited and the member is credited as corrector.
    """
    key = require_viewer(user, course_key)
    object_pk, original_language, original_title, _body = _original(kind, object_id, key)
    _check_post_thread(user, key, kind, object_pk)
    code = normalise_language(language)
    if not code:
        raise InvalidInput(_("Choose the language of your translation."), errors={"language": [_("Required.")]})
    if code == original_language:
        raise InvalidInput(
            _("The original is already in this language."), errors={"language": [_("Choose another language.")]}
        )
    body = (body or "").strip() if isinstance(body, str) else ""
    title = (title or "").strip() if isinstance(title, str) else ""
    errors = {}
    if not body:
        errors["body"] = [_("Write the translation.")]
    elif len(body) > MAX_BODY_LENGTH:
        errors["body"] = [_("Use at most {limit} characters.").format(limit=MAX_BODY_LENGTH)]
    if original_title and not title:
        errors["title"] = [_("Translate the title too.")]
    elif len(title) > MAX_TITLE_LENGTH:
        errors["title"] = [_("Use at most {limit} characters.").format(limit=MAX_TITLE_LENGTH)]
    if errors:
        raise InvalidInput(_("The translation was not saved: check the fields marked."), errors=errors)
    check_rate_limit(action="translation", queryset=Translation.objects.filter(translator=user), time_field="created")
    with transaction.atomic():
        existing = Translation.objects.select_for_update().filter(kind=kind, object_id=object_pk, language=code).first()
        if existing is None:
            try:
                with transaction.atomic():
                    row = Translation.objects.create(
                        kind=kind, object_id=object_pk, language=code, title=title, body=body, translator=user
                    )
            except IntegrityError:
                existing = Translation.objects.get(kind=kind, object_id=object_pk, language=code)
        if existing is not None:
            existing.title, existing.body = title, body
            if existing.translator_id != user.id:
                existing.corrected_by = user
            existing.is_machine = False
            existing.save()
            row = existing
    row.refresh_from_db()
    return _to_text(row)


def machine_translate(*, user, course_key, kind: str, object_id, language: str) -> data.TranslationText | None:
    """
    A translation of the post or scenario into ``language``: an existing one, or
    one asked of the machine provider and kept. None when no provider is
    configured or it failed; the caller shows the original.
    """
    key = require_viewer(user, course_key)
    object_pk, original_language, original_title, original_body = _original(kind, object_id, key)
    _check_post_thread(user, key, kind, object_pk)
    code = normalise_language(language)
    if not code or code == original_language:
        return None
    existing = Translation.objects.filter(kind=kind, object_id=object_pk, language=code).first()
    if existing is not None:
        return _to_text(existing)
    if not machine_translation.is_enabled():
        return None
    body = machine_translation.translate_text(original_body, source=original_language, target=code)
    if body is None:
        return None
    title = ""
    if original_title:
        title = machine_translation.translate_text(original_title, source=original_language, target=code) or ""
    try:
        with transaction.atomic():
            row = Translation.objects.create(
                kind=kind, object_id=object_pk, language=code, title=title[:MAX_TITLE_LENGTH], body=body,
                is_machine=True, provider=machine_translation.provider_name()[:100],
            )
    except IntegrityError:
        row = Translation.objects.get(kind=kind, object_id=object_pk, language=code)
    return _to_text(row)


def machine_translation_enabled() -> bool:
    """True if the operator configured a machine-translation provider."""
    return machine_translation.is_enabled()
