"""
Open Badges 3.0 credentials of the informal phases, signed by the site.

A member who meets a phase's criteria in a course claims an
``OpenBadgeCredential`` (W3C Verifiable Credentials data model 2.0) naming
them, the phase and the course's criteria, with a Data Integrity proof by the
site's Ed25519 key (``signing``). Its public URL answers with the signed JSON;
anyone can verify it there or from the JSON alone. Retirement and course staff
revoke it. The formal phase (Cooperation) is recognised by the platform's
certificate, not here.
"""
from __future__ import annotations

import hashlib
import secrets
import uuid as uuid_module

from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import compat
from ..core.access import display_name, require_member, require_staff
from ..core.keys import parse_course_key
from ..exceptions import AccessDenied, InvalidInput, NotFound
from ..members.api import actor_for
from . import data, phases, signing
from .models import PhaseCredential

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
REVOKED_BY_RETIREMENT = "retired"
REVOKED_BY_STAFF = "staff"


def _url(site_url: str, name: str, *args) -> str:
    try:
        path = reverse(f"vetnet:{name}", args=args)
    except NoReverseMatch:  # pragma: no cover - the plugin's URLs are always mounted where credentials are issued
        path = "/"
    return site_url.rstrip("/") + path


def _to_data(row: PhaseCredential) -> data.PhaseCredential:
    return data.PhaseCredential(
        uuid=str(row.uuid), course_key=str(row.course_key), phase=row.phase, issued=row.issued.isoformat(),
        revoked=row.revoked.isoformat() if row.revoked else "", revocation_reason=row.revocation_reason,
        document=row.document,
    )


def _timestamp(moment) -> str:
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _criteria_narrative(step: data.PhaseStep) -> str:
    asked = [f"{item.needed} {item.label}" for item in step.actions if item.needed]
    return _("In this course community, at least: %(list)s.") % {"list": ", ".join(asked)} if asked else _(
        "Taking part in this phase's activities of the course community.")


def _document(*, credential_uuid: str, user, course_key: str, step: data.PhaseStep, site_url: str,
              issued) -> dict:
    salt = secrets.token_hex(8)
    email_hash = hashlib.sha256(((user.email or "") + salt).encode()).hexdigest()
    course_name = compat.course_names([course_key]).get(course_key) or course_key
    site_name = "VETNet"
    achievement_url = _url(site_url, "hub_course", course_key) + f"#phase-{step.phase}"
    document = {
        "@context": CONTEXTS,
        "id": _url(site_url, "hub-credential", credential_uuid),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": signing.site_did(), "type": ["Profile"], "name": site_name, "url": site_url.rstrip("/") + "/",
        },
        "validFrom": _timestamp(issued),
        "name": _("%(phase)s phase: %(course)s") % {"phase": step.label, "course": course_name},
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {"type": "IdentityObject", "identityType": "name", "hashed": False,
                 "identityHash": display_name(user)},
                {"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
                 "identityHash": f"sha256${email_hash}", "salt": salt},
            ],
            "achievement": {
                "id": achievement_url,
                "type": ["Achievement"],
                "achievementType": "Badge",
                "name": _("%(phase)s phase of a Community of VET Practices") % {"phase": step.label},
                "description": _("Recognises the informal learning phase %(phase)s in the course community "
                                 "%(course)s.") % {"phase": step.label, "course": course_name},
                "criteria": {"narrative": _criteria_narrative(step)},
                "tag": [step.phase, course_key],
            },
            "result": [
                {"type": ["Result"], "value": str(item.done), "resultDescription": item.label}
                for item in step.actions if item.needed or item.done
            ],
        },
        "credentialSchema": [{"id": SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    return signing.add_proof(document, created=_timestamp(issued))


def claim_phase_credential(*, user, course_key, phase: str, site_url: str) -> data.PhaseCredential:
    """
    The member's credential of an informal ``phase`` of the course: issued now
    if they meet its criteria (recorded afresh for them first), or the one they
    already hold. ``site_url`` is the site's root URL, written into the credential.
    """
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course community can claim its phases."))
    if phase not in data.PHASES:
        raise InvalidInput(_("Choose one of the four phases."), errors={"phase": [_("Unknown phase.")]})
    if phase not in data.INFORMAL_PHASES:
        raise InvalidInput(_("The Cooperation phase is the course's formal track: the platform's certificate "
                             "recognises it."), errors={"phase": [_("Recognised by the course certificate.")]})
    key = str(actor.course_key)
    existing = PhaseCredential.objects.filter(user_id=user.id, course_key=actor.course_key, phase=phase).first()
    if existing is not None:
        if existing.revoked:
            raise AccessDenied(_("This credential was revoked; ask the course's staff."))
        return _to_data(existing)
    phases.record_phase_progress(course_key=actor.course_key, user_ids=[user.id])
    row = phases.progress_rows(user_id=user.id, course_keys=[key]).get(key)
    criteria = phases.criteria_by_course([key])[key]
    step = next(s for s in phases.progression_of(key, row, criteria, {}).steps if s.phase == phase)
    if not step.is_met:
        raise InvalidInput(_("You have not met this phase's criteria yet."), errors={"phase": list(step.next_steps)})
    issued = timezone.now()
    credential_uuid = uuid_module.uuid4()
    document = _document(credential_uuid=str(credential_uuid), user=user, course_key=key, step=step,
                         site_url=site_url, issued=issued)
    try:
        with transaction.atomic():
            created = PhaseCredential.objects.create(uuid=credential_uuid, user_id=user.id,
                                                     course_key=actor.course_key, phase=phase, document=document,
                                                     issued=issued)
    except IntegrityError:
        # A second claim at the same moment: the first one's credential is the member's.
        created = PhaseCredential.objects.get(user_id=user.id, course_key=actor.course_key, phase=phase)
    return _to_data(created)


def credential_uuids_by_course(*, user_id: int, course_keys) -> dict[str, dict[str, str]]:
    """``{course_key: {phase: uuid}}`` of the member's valid credentials. One query."""
    keys = [parse_course_key(key) for key in course_keys]
    result: dict[str, dict[str, str]] = {}
    if keys:
        rows = PhaseCredential.objects.filter(user_id=user_id, course_key__in=keys, revoked__isnull=True)
        for course_key, phase, credential_uuid in rows.values_list("course_key", "phase", "uuid"):
            result.setdefault(str(course_key), {})[phase] = str(credential_uuid)
    return result


def list_phase_credentials(*, user_id: int) -> tuple[data.PhaseCredential, ...]:
    """Every credential the member was issued, newest first (revoked ones included, marked)."""
    return tuple(_to_data(row) for row in PhaseCredential.objects.filter(user_id=user_id).order_by("-issued", "-pk"))


def _by_uuid(credential_uuid) -> PhaseCredential:
    try:
        value = uuid_module.UUID(str(credential_uuid))
    except ValueError as exc:
        raise NotFound(_("No such credential.")) from exc
    row = PhaseCredential.objects.filter(uuid=value).first()
    if row is None:
        raise NotFound(_("No such credential."))
    return row


def get_phase_credential(*, credential_uuid) -> data.PhaseCredential:
    """A credential as its public URL shows it, to anyone (the holder shares it). ``NotFound`` if unknown."""
    return _to_data(_by_uuid(credential_uuid))


def verify_credential_document(*, document) -> data.Verification:
    """
    Check a credential's JSON: an Open Badges 3.0 credential, signed by this
    site's key, unchanged, and not revoked. Anyone may ask.
    """
    checks, errors = [], []
    if not isinstance(document, dict):
        return data.Verification(uuid="", verified=False, revoked=False, checks=(), errors=(_("Not a credential."),))
    types = document.get("type") or []
    if "VerifiableCredential" in types and "OpenBadgeCredential" in types:
        checks.append(_("It is an Open Badges 3.0 credential."))
    else:
        errors.append(_("It is not an Open Badges 3.0 credential."))
    valid, _why = signing.check_proof(document)
    if valid:
        checks.append(_("Its signature matches its content."))
    else:
        errors.append(_("Its signature does not match its content: it was changed or not signed here."))
    if valid and document.get("issuer", {}).get("id") == signing.site_did():
        checks.append(_("It was signed by this site."))
    elif valid:
        errors.append(_("It was signed by another issuer."))
    credential_uuid, revoked = str(document.get("id", "")).rstrip("/").rsplit("/", 1)[-1], False
    row = PhaseCredential.objects.filter(uuid=credential_uuid).first() if _is_uuid(credential_uuid) else None
    if row is None:
        errors.append(_("This site has no record of it."))
    elif row.revoked:
        revoked = True
        errors.append(_("It was revoked on %(date)s.") % {"date": row.revoked.date().isoformat()})
    else:
        checks.append(_("It has not been revoked."))
    return data.Verification(uuid=credential_uuid if row else "", verified=not errors, revoked=revoked,
                             checks=tuple(checks), errors=tuple(errors))


def _is_uuid(value: str) -> bool:
    try:
        uuid_module.UUID(value)
    except ValueError:
        return False
    return True


def verify_phase_credential(*, credential_uuid) -> data.Verification:
    """The verification of the credential the site holds under ``credential_uuid`` (a revoked one says so)."""
    row = _by_uuid(credential_uuid)
    if not row.document:
        return data.Verification(uuid=str(row.uuid), verified=False, revoked=True, checks=(),
                                 errors=(_("It was revoked and its content erased."),))
    return verify_credential_document(document=row.document)


def revoke_phase_credential(*, user, course_key, credential_uuid) -> data.PhaseCredential:
    """Course staff revoke a credential of their course; its verification says so from now on."""
    actor = require_staff(actor_for(user=user, course_key=course_key),
                          _("Only the course's staff can revoke its credentials."))
    row = _by_uuid(credential_uuid)
    if row.course_key != actor.course_key:
        raise NotFound(_("No such credential."))
    PhaseCredential.objects.filter(pk=row.pk, revoked__isnull=True).update(
        revoked=timezone.now(), revocation_reason=REVOKED_BY_STAFF)
    row.refresh_from_db()
    return _to_data(row)


def retire_credentials(*, user_id: int) -> None:
    """Retirement: the member's credentials are revoked, unlinked and emptied of their name (idempotent)."""
    now = timezone.now()
    rows = PhaseCredential.objects.filter(user_id=user_id)
    rows.filter(revoked__isnull=True).update(revoked=now, revocation_reason=REVOKED_BY_RETIREMENT)
    rows.update(user=None, document={})
