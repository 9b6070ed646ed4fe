"""
The site's Ed25519 key and Data Integrity proofs (``eddsa-jcs-2022``).

A proof signs the JSON Canonicalization Scheme (RFC 8785) form of the
credential and of the proof's own options, as the W3C's "Data Integrity EdDSA
Cryptosuites" describe, so any verifier can check it from the document alone:
the key is named as a ``did:key``, which carries the public key itself.

Ed25519 comes from PyNaCl (libsodium), which every Open edX installation
already has through edx-django-utils.
"""
from __future__ import annotations

import base64
import hashlib
import json

from django.conf import settings as django_settings
from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from ..conf import setting

CRYPTOSUITE = "eddsa-jcs-2022"
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# The multicodec prefix of an Ed25519 public key.
_ED25519_PUB = b"\xed\x01"


def _b58encode(raw: bytes) -> str:
    number = int.from_bytes(raw, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _BASE58[rest] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def _b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _BASE58.index(char)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def canonical(value) -> bytes:
    """RFC 8785 form of a JSON value made of objects, arrays, text, integers, booleans and null."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def _seed() -> bytes:
    configured = setting("VETNET_CREDENTIAL_SIGNING_KEY")
    if configured:
        seed = base64.urlsafe_b64decode(configured + "=" * (-len(configured) % 4))
        if len(seed) != 32:
            raise ValueError("VETNET_CREDENTIAL_SIGNING_KEY must be 32 bytes, base64url-encoded.")
        return seed
    # Without a configured key, one derived from the site's secret: stable across processes and restarts.
    return hashlib.sha256(b"vetnet-open-badges-ed25519:" + django_settings.SECRET_KEY.encode()).digest()


def _sign(seed: bytes, message: bytes) -> tuple[bytes, bytes]:
    """(signature, public key) of ``message`` under the key of ``seed``."""
    key = SigningKey(seed)
    return key.sign(message).signature, bytes(key.verify_key)


def _verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        VerifyKey(public_key).verify(message, signature)
    except (BadSignatureError, ValueError, TypeError):
        return False
    return True


def did_key(public_key: bytes) -> str:
    """The ``did:key`` naming an Ed25519 public key."""
    return "did:key:z" + _b58encode(_ED25519_PUB + public_key)


def site_did() -> str:
    """The site's issuer identifier."""
    return did_key(_sign(_seed(), b"")[1])


def _public_key_of(verification_method: str) -> bytes | None:
    did = verification_method.split("#", 1)[0]
    if not did.startswith("did:key:z"):
        return None
    try:
        raw = _b58decode(did[len("did:key:z"):])
    except ValueError:
        return None
    if not raw.startswith(_ED25519_PUB) or len(raw) != 34:
        return None
    return raw[2:]


def _hash_data(document: dict, options: dict) -> bytes:
    config = {**options, "@context": document.get("@context")}
    return hashlib.sha256(canonical(config)).digest() + hashlib.sha256(canonical(document)).digest()


def add_proof(document: dict, *, created: str) -> dict:
    """``document`` with the site's ``DataIntegrityProof`` added."""
    seed = _seed()
    did = did_key(_sign(seed, b"")[1])
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": f"{did}#{did[len('did:key:'):]}",
        "proofPurpose": "assertionMethod",
    }
    unsigned = {name: value for name, value in document.items() if name != "proof"}
    signature, _public = _sign(seed, _hash_data(unsigned, options))
    return {**unsigned, "proof": {**options, "proofValue": "z" + _b58encode(signature)}}


def check_proof(document: dict) -> tuple[bool, str]:
    """(True, "") when ``document``'s proof is the site's valid signature of it, else (False, why)."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        return False, "no proof"
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != CRYPTOSUITE:
        return False, "unknown proof type"
    public_key = _public_key_of(str(proof.get("verificationMethod", "")))
    if public_key is None:
        return False, "unknown verification method"
    value = str(proof.get("proofValue", ""))
    try:
        signature = _b58decode(value[1:]) if value.startswith("z") else b""
    except ValueError:
        signature = b""
    options = {name: item for name, item in proof.items() if name != "proofValue"}
    unsigned = {name: item for name, item in document.items() if name != "proof"}
    if len(signature) != 64 or not _verify(public_key, _hash_data(unsigned, options), signature):
        return False, "signature does not match"
    if document.get("issuer", {}).get("id") != proof["verificationMethod"].split("#", 1)[0]:
        return False, "signed by another key than the issuer's"
    return True, ""
