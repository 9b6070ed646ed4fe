"""The OpenAPI schema describes every request and response body of the best-practice and toolbox endpoints."""
import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Writes that take no body (``request=None``): the URL names all they act on.
BODILESS = (("post", "/withdraw/"), ("post", "/{usage_key}/reviews/"),
            ("put", "/collections/{collection_uuid}/resources/{resource_uuid}/"))


def schema():
    client = APIClient()
    client.force_authenticate(UserFactory())
    response = client.get("/api/vetnet/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_the_api_schema_describes_every_best_practice_and_toolbox_body():
    document = schema()
    described, paths = 0, 0
    for path, operations in document["paths"].items():
        if not any(part in path for part in ("/best-practices/", "/toolbox/", "/profile/credentials/")):
            continue
        paths += 1
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            for status, response in operation["responses"].items():
                if not status.startswith("2") or status == "204":
                    continue
                content = response.get("content", {})
                assert content, (method, path, status)
                for media_type, body in content.items():
                    if media_type == "application/json":
                        assert body.get("schema"), (method, path, status)
                        described += 1
            if any(method == verb and path.endswith(ending) for verb, ending in BODILESS):
                assert "requestBody" not in operation, (method, path)
            elif method in ("post", "put", "patch"):
                assert "requestBody" in operation, (method, path)
                assert all(body.get("schema") for body in operation["requestBody"]["content"].values()), (method, path)
    assert paths >= 25
    assert described >= 30
    learner = document["components"]["schemas"]["LearnerView"]["properties"]
    assert {"assignment", "practice", "received", "lease", "calibration"} <= set(learner)
    page = document["components"]["schemas"]["StaffRowPage"]["properties"]
    assert set(page) == {"count", "num_pages", "current_page", "next", "previous", "results"}
    adoption = document["components"]["schemas"]["AdoptionSummary"]["properties"]
    assert set(adoption) == {"count", "outcomes", "own", "reports"}


COUNSELLING_BODILESS = (("put", "/accepted/"), ("delete", "/accepted/"), ("put", "/clinic/"))


def test_the_api_schema_describes_every_peer_counselling_body():
    document = schema()
    paths = [path for path in document["paths"] if "/counselling/" in path]
    assert len(paths) == 10
    for path in paths:
        for method, operation in document["paths"][path].items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            success = [r for status, r in operation["responses"].items() if status.startswith("2")]
            assert success and all(r.get("content", {}).get("application/json", {}).get("schema")
                                   for r in success), (method, path)
            if any(method == verb and path.endswith(ending) for verb, ending in COUNSELLING_BODILESS):
                assert "requestBody" not in operation, (method, path)
            elif method in ("post", "put", "patch"):
                assert all(body.get("schema") for body in operation["requestBody"]["content"].values()), (method, path)
    intake = document["components"]["schemas"]["CaseIntake"]["properties"]
    assert {"title", "problem", "already_tried", "outcome_wanted", "organisation_type", "country", "sector",
            "topics", "language", "anonymous"} <= set(intake)
    page = document["components"]["schemas"]["CaseSummaryPage"]["properties"]
    assert set(page) == {"count", "num_pages", "current_page", "next", "previous", "results"}


WORKSPACE_BODILESS = ("/join/", "/leave/", "/visit/")


def test_the_api_schema_describes_every_workspace_body():
    document = schema()
    paths = 0
    for path, operations in document["paths"].items():
        if "/workspaces/" not in path and "/workspace-blocks/" not in path:
            continue
        paths += 1
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            for status, response in operation["responses"].items():
                if status.startswith("2") and status != "204":
                    assert response.get("content", {}).get("application/json", {}).get("schema"), (method, path)
            if path.endswith(WORKSPACE_BODILESS):
                assert "requestBody" not in operation, (method, path)
            elif method in ("post", "put", "patch"):
                assert all(body.get("schema") for body in operation["requestBody"]["content"].values()), (method, path)
    assert paths == 24
    saved = document["components"]["schemas"]["SavedDocument"]["properties"]
    assert set(saved) == {"document", "merged", "conflicts"}
    body = document["components"]["schemas"]["DocumentSave"]["properties"]
    assert set(body) == {"base_revision", "text", "base_text"}


def test_the_api_schema_is_a_valid_openapi_document():
    """An independent validator (openapi-spec-validator) accepts the whole document the API publishes."""
    from openapi_spec_validator import validate  # pylint: disable=import-outside-toplevel
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError  # pylint: disable=import-outside-toplevel

    document = schema()
    assert document["openapi"].startswith("3.")
    try:
        validate(document)
    except OpenAPIValidationError as error:  # pragma: no cover - the message is the point
        pytest.fail(f"the OpenAPI document is invalid: {error}")


def test_the_schema_generates_without_a_warning(tmp_path):
    """``spectacular --fail-on-warn``: no two components share a name, no operation id is guessed twice."""
    from django.core.management import call_command  # pylint: disable=import-outside-toplevel

    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--urlconf", "devhost.urls", "--file", str(target))
    assert "/api/vetnet/v1/" in target.read_text()
