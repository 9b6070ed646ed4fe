"""Sample files, contexts and deposits for the toolbox tests."""
import io
import zipfile

import pytest

from tests.factories import COURSE_KEY
from vetnet_plugin import api

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def upload(content: bytes, name: str = "guide.pdf"):
    file = io.BytesIO(content)
    file.name = name
    return file


def in_course(course_key=COURSE_KEY, **kwargs):
    """The toolbox API's ``course_key=`` and ``context=`` for a block in ``course_key`` (deposits publish at once)."""
    kwargs.setdefault("moderation", "open")
    return {"course_key": str(course_key), "context": api.ToolboxContext(**kwargs)}


METADATA = {
    "title": "Apprenticeship toolkit for carpentry SMEs",
    "description": "How **small workshops** host apprentices. See [the guide](https://example.org).",
    "resource_type": "training_material",
    "country": "IT",
    "sectors": ["construction", "wood_furniture"],
    "eqf_levels": ["3", "4"],
    "languages": ["it", "en"],
    "target_group": "trainers",
    "licence": "cc-by-sa",
    "tags": ["Apprenticeship", "carpentry"],
}


def deposit(user, ctx=None, *, content=PDF, name="toolkit.pdf", link_url="", **metadata):
    """Deposit a resource as ``user``; a file unless ``link_url`` is given."""
    fields = {**METADATA, **metadata}
    file = None if link_url else upload(content, name)
    return api.deposit_resource(
        user=user, **(ctx or in_course()), metadata=fields, file=file, link_url=link_url
    )


@pytest.fixture
def toolbox_media(settings, tmp_path):
    """Files in a temporary folder; scan tasks run at once (commit callbacks captured)."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.CELERY_TASK_ALWAYS_EAGER = True
    return tmp_path
