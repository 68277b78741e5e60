"""The pipeline against a real swagger-ui-express explorer on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json

import pytest
from bcc_regen.discover import discover
from bcc_regen.fetch import Fetcher

from .conftest import REPO_ROOT, SHARED_SPEC, Workspace


def test_apis_lists_every_api_the_explorer_offers(explorer, workspace, capsys):
    result = workspace.run("apis", "--from", f"{explorer}/docs/", capsys=capsys)

    assert result.code == 0
    assert result.out.splitlines() == [
        f"Core documentation\t{explorer}/docs/core.json",
        f"Fixture documentation\t{explorer}/docs/fixture.yaml",
    ]


def test_pull_stores_the_spec_as_served_and_regenerates_both_apis(
    explorer, workspace: Workspace, capsys
):
    workspace.add_fixture_api(snapshot=None)
    for old in (workspace.spec / "core").glob("s*.json"):  # swagger.json, source.json
        old.unlink()

    result = workspace.run("regenerate", "--from", f"{explorer}/docs/", capsys=capsys)

    assert result.code == 0, result.err
    assert "core: generated bcc_core_api with 44 operations" in result.err
    stored = workspace.spec / "core" / "swagger.json"
    assert stored.read_bytes() == SHARED_SPEC.read_bytes()
    metadata = json.loads((workspace.spec / "core" / "source.json").read_text())
    assert metadata["source_url"] == f"{explorer}/docs/core.json"
    assert metadata["obtained_by"] == "explorer"
    assert metadata["format"] == "swagger-2.0"
    assert metadata["sha256"] == hashlib.sha256(stored.read_bytes()).hexdigest()
    fixture = workspace.spec / "fixture" / "openapi.yaml"
    assert fixture.read_text().startswith("openapi: 3.1.0")

    printed = workspace.python(
        "from bcc_core_api.models import Person\n"
        "from bcc_fixture_api.models import Event, EventKind\n"
        "p = Person.from_dict({'uid': '0b0c3a52-64c9-4b5e-9a57-7ab9f6f3b2a1',"
        " 'personID': 7, 'lastChangedDate': '2024-02-03T04:05:06Z',"
        " 'firstName': 'Kari', 'lastName': 'Nordmann', 'displayName': 'Kari N'})\n"
        "e = Event.from_dict({'uid': '0b0c3a52-64c9-4b5e-9a57-7ab9f6f3b2a1',"
        " 'title': 'Camp', 'kind': 'camp', 'endsAt': None})\n"
        "print(p.display_name, p.person_id, e.kind is EventKind.CAMP, e.ends_at)\n"
    )
    assert printed.split() == ["Kari", "N", "7", "True", "None"]


def test_pull_of_one_api_leaves_the_others_alone(explorer, workspace, capsys):
    workspace.add_fixture_api()
    core_before = workspace.digest()

    result = workspace.run(
        "regenerate",
        "--from",
        f"{explorer}/docs/",
        "--api",
        "Fixture documentation",
        capsys=capsys,
    )

    assert result.code == 0, result.err
    assert "core:" not in result.err
    assert (workspace.generated / "bcc_fixture_api" / "api" / "events").is_dir()
    committed = REPO_ROOT / "spec" / "core" / "swagger.json"
    assert (workspace.spec / "core" / "swagger.json").read_bytes() == (
        committed.read_bytes()
    )
    assert (workspace.generated / "bcc_core_api").is_dir()
    assert workspace.digest() != core_before


def test_a_pull_of_an_unchanged_spec_keeps_the_snapshot_metadata(
    explorer, workspace, capsys
):
    first = workspace.run("regenerate", "--from", f"{explorer}/docs/", capsys=capsys)
    metadata = (workspace.spec / "core" / "source.json").read_bytes()

    second = workspace.run("regenerate", "--from", f"{explorer}/docs/", capsys=capsys)

    assert (first.code, second.code) == (0, 0)
    assert "snapshot kept" in second.err
    assert (workspace.spec / "core" / "source.json").read_bytes() == metadata


@pytest.mark.parametrize("page", ["/stock/", "/config/"])
def test_stock_swagger_ui_pages_are_understood(explorer, page):
    with Fetcher(timeout=10) as fetcher:
        found = discover(fetcher, fetcher.get(f"{explorer}{page}"))

    assert found is not None
    entry = found.select("Core documentation")
    assert entry.url in {f"{explorer}/stock/core.json", f"{explorer}/docs/core.json"}


def test_the_primary_entry_is_resolved_against_the_page(explorer):
    """swagger-ui-express `urls` with `urls.primaryName` (a known discovery trap)."""
    with Fetcher(timeout=10) as fetcher:
        found = discover(fetcher, fetcher.get(f"{explorer}/primary"))

    assert found is not None
    assert found.primary == "v2"
    assert found.select(None).url == f"{explorer}/primary/v2.json"


def test_a_page_serving_another_apis_document_is_refused(
    explorer, workspace: Workspace, capsys
):
    """
    Two pages behind swagger-ui-express's shared `serve` both hold the document
    set up last; the title check catches it instead of generating the wrong API.
    """
    config = workspace.spec / "apis.toml"
    config.write_text(
        config.read_text().replace('title = "BCC Core API"', 'title = "Public API"')
    )
    before = workspace.digest()

    result = workspace.run(
        "regenerate", "--from", f"{explorer}/shared/a/", capsys=capsys
    )

    assert result.code == 1
    assert "titled 'Admin API'" in result.error
    assert "'Public API'" in result.error
    assert workspace.digest() == before


def test_an_unknown_api_name_lists_the_names_there_are(explorer, workspace, capsys):
    config = workspace.spec / "apis.toml"
    config.write_text(config.read_text().replace("Core documentation", "Kjerne"))
    before = workspace.digest()

    result = workspace.run("regenerate", "--from", f"{explorer}/docs/", capsys=capsys)

    assert result.code == 1
    assert "no API named 'Kjerne'" in result.error
    assert "'Core documentation', 'Fixture documentation'" in result.error
    assert workspace.digest() == before
