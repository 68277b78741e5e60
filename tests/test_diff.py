"""
The spec diff: which interface changes it finds and how it classes them.

Each test compares a fixture pair from tests/fixtures/diff/ and asserts the exact
findings, as (kind, message, HTTP level, Python level, operations) rows. Tests
that generate both packages for the Python surface take a few seconds each.
"""

from __future__ import annotations

import copy
import functools
import http.server
import json
import re
import subprocess
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from bcc_regen import release
from bcc_regen.convert import to_openapi3
from bcc_regen.diff import (
    DiffReport,
    Finding,
    Level,
    _rules,
    bump_version,
    compare_documents,
    normalise_path,
    render_markdown,
)
from bcc_regen.diff._cli import build_report, main
from bcc_regen.documents import parse_document

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "diff"
SHARED_SPEC = REPO_ROOT.parent / "shared" / "specs" / "core-api.swagger.json"
NODE_TOOLS = REPO_ROOT / "tools" / "node" / "node_modules" / ".bin"

BREAK, WARN, INFO = "breaking", "warning", "info"

RENAMED_OPERATIONS = [
    "GET /orgs/{uid}",
    "GET /orgs/{uid}/members/{memberId}",
    "GET /persons/{uid}",
    "PUT /persons/{uid}",
    "DELETE /persons/{uid}",
    "GET /persons/{uid}/consents",
]
REMOVED_SCHEMAS = [
    "Country",
    "CountryWrite",
    "Group",
    "GroupMember",
    "GroupWrite",
    "Relation",
    "RelationType",
    "Role",
    "RoleAssignment",
    "RoleWrite",
]
PERSON_RESPONSES = (
    "GET /persons (200 response)",
    "POST /persons (201 response)",
    "GET /persons/{id} (200 response)",
    "PUT /persons/{id} (200 response)",
    "GET /orgs/{id}/members/{memberId} (200 response)",
)
PERSON_REQUESTS = ("POST /persons (request body)", "PUT /persons/{id} (request body)")


def load(name: str) -> dict[str, Any]:
    path = FIXTURES / name
    return to_openapi3(parse_document(path.read_bytes(), source=name), source=name)


def diff(old: str, new: str) -> list[Finding]:
    return compare_documents(load(old), load(new))


def rows(findings: Iterable[Finding]) -> list[tuple[Any, ...]]:
    return sorted(
        (
            f.kind,
            f.message,
            f.http.value if f.http else None,
            f.python.value,
            f.operations,
        )
        for f in findings
    )


def needs_node() -> None:
    if not (NODE_TOOLS / "swagger2openapi").exists():
        pytest.skip(
            "swagger2openapi is not installed: run `npm ci --prefix tools/node`"
        )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch folder standing in for the repository: a pyproject, no APIs."""
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "1.4.2"\n')
    return tmp_path


# -- the "done" scenario: {id} -> {uid} everywhere, ten schemas removed ----------


def test_path_parameter_renamed_on_every_path_breaks_python_callers_only() -> None:
    renames = [
        f for f in diff("persons-v1.yaml", "persons-v2-uid.yaml") if f.schema is None
    ]

    assert rows(renames) == sorted(
        (
            "path-parameter-renamed",
            f"path parameter `id` of `{operation}` was renamed to `uid`",
            INFO,
            BREAK,
            (operation,),
        )
        for operation in RENAMED_OPERATIONS
    )


def test_removed_schemas_no_operation_used_break_python_callers_only() -> None:
    removed = [f for f in diff("persons-v1.yaml", "persons-v2-uid.yaml") if f.schema]

    assert rows(removed) == sorted(
        ("schema-removed", f"schema `{name}` was removed", INFO, BREAK, ())
        for name in REMOVED_SCHEMAS
    )


def test_cli_fails_on_breaking_renames_and_suggests_a_major_version(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.json"

    code = main(
        [
            str(FIXTURES / "persons-v1.yaml"),
            str(FIXTURES / "persons-v2-uid.yaml"),
            *("--format", "json", "--output", str(out), "--fail-on", "breaking"),
            *("--no-python-surface", "--repo", str(repo)),
        ]
    )

    report = json.loads(out.read_text())
    assert code == 1
    assert (report["bump"], report["breaking"]) == ("major", True)
    assert (report["current_version"], report["suggested_version"]) == (
        "1.4.2",
        "2.0.0",
    )
    [api] = report["apis"]
    kinds = [f["kind"] for f in api["findings"]]
    assert kinds.count("path-parameter-renamed") == 6
    assert kinds.count("schema-removed") == 10
    assert len(kinds) == 16


def test_cli_without_fail_on_exits_zero_on_breaking_changes(repo: Path) -> None:
    args = [str(FIXTURES / "persons-v1.yaml"), str(FIXTURES / "persons-v2-uid.yaml")]

    assert main([*args, "--no-python-surface", "--repo", str(repo)]) == 0


def test_markdown_report_lists_each_change_and_ends_with_the_version(
    repo: Path,
) -> None:
    report = build_report(
        str(FIXTURES / "persons-v1.yaml"),
        str(FIXTURES / "persons-v2-uid.yaml"),
        repo=repo,
        python_surface=False,
    )

    text = render_markdown(report)

    for operation in RENAMED_OPERATIONS:
        row = f"| path parameter `id` of `{operation}` was renamed to `uid` |"
        assert f"{row} info | **breaking** |" in text
    for name in REMOVED_SCHEMAS:
        assert f"| schema `{name}` was removed | info | **breaking** |" in text
    version = text.split("## Suggested version", 1)[1].strip().splitlines()[0]
    assert version.startswith("`1.4.2` → `2.0.0` (**major**")
    assert text.index("## Suggested version") > text.index("### Schemas")


def test_python_surface_confirms_renamed_arguments_and_removed_classes(
    repo: Path,
) -> None:
    report = build_report(
        str(FIXTURES / "persons-v1.yaml"),
        str(FIXTURES / "persons-v2-uid.yaml"),
        repo=repo,
    )

    [api] = report.apis
    assert api.surface_checked
    package = "bcc_diff_client"
    renamed = {f.message for f in api.surface if f.kind == "python-parameter-renamed"}
    assert renamed == {
        f"parameter `id` was renamed to `uid` in {functions} of "
        f"`{package}.api.default.{module}`"
        for module, functions in [
            ("delete_person", "`asyncio_detailed`, `sync_detailed`"),
            *(
                (m, "`asyncio`, `asyncio_detailed`, `sync`, `sync_detailed`")
                for m in (
                    "get_org",
                    "get_org_member",
                    "get_person",
                    "list_person_consents",
                    "update_person",
                )
            ),
        ]
    }
    removed = {f.message for f in api.surface if f.kind == "python-object-removed"}
    assert len(removed) == 10
    assert (
        f"public object was removed: `{package}.models.Country` "
        f"(with its module `{package}.models.country`)"
    ) in removed
    assert {f.python for f in api.surface} == {Level.BREAKING}
    assert len(api.surface) == 16


def test_spec_findings_stand_when_a_side_cannot_be_generated(
    repo: Path, tmp_path: Path
) -> None:
    broken = load("persons-v1.yaml")
    address = {"$ref": "#/components/schemas/PostalAddress"}  # no such schema
    broken["components"]["schemas"]["Person"]["properties"]["address"] = address
    (tmp_path / "broken.json").write_text(json.dumps(broken))

    report = build_report(
        str(FIXTURES / "persons-v1.yaml"), str(tmp_path / "broken.json"), repo=repo
    )

    [api] = report.apis
    assert [f.kind for f in api.findings] == ["type-changed"]
    assert api.surface_error is not None
    assert "openapi-python-client" in api.surface_error
    assert not api.surface_checked
    assert "could not be compared" in render_markdown(report)


# -- wording only --------------------------------------------------------------


def test_changed_descriptions_and_summaries_are_no_interface_change(
    repo: Path,
) -> None:
    report = build_report(
        str(FIXTURES / "persons-v1.yaml"),
        str(FIXTURES / "persons-v1-reworded.yaml"),
        repo=repo,
    )

    [api] = report.apis
    assert (api.findings, api.surface, api.surface_checked) == ((), (), True)
    assert report.bump == "patch"
    assert "No interface change" in render_markdown(report)


# -- enums ---------------------------------------------------------------------


def test_enum_values_are_classed_by_where_the_enum_is_met() -> None:
    findings = diff("persons-v1.yaml", "persons-v2-enum.yaml")

    assert rows(findings) == sorted(
        [
            (
                "enum-value-added",
                "enum value `deceased` added to query parameter `status` of "
                "`GET /persons`",
                INFO,
                INFO,
                ("GET /persons",),
            ),
            (
                "enum-value-added",
                "enum value `unknown` added to `Gender`",
                INFO,
                WARN,
                PERSON_RESPONSES,
            ),
            (
                "enum-value-added",
                "enum value `unknown` added to `Gender`",
                INFO,
                INFO,
                PERSON_REQUESTS,
            ),
            (
                "enum-value-removed",
                "enum value `club` removed from `OrgType`",
                BREAK,
                BREAK,
                ("GET /orgs (query parameter type)",),
            ),
            (
                "enum-value-removed",
                "enum value `club` removed from `OrgType`",
                INFO,
                BREAK,
                ("GET /orgs (200 response)", "GET /orgs/{id} (200 response)"),
            ),
        ]
    )


def test_bug17_added_response_enum_value_is_attributed_to_each_user() -> None:
    findings = diff("jobs-v1.yaml", "jobs-v2.yaml")

    assert rows(findings) == [
        (
            "enum-value-added",
            "enum value `paused` added to `job.Status`",
            INFO,
            INFO,
            ("GET /jobs (query parameter status)",),
        ),
        (
            "enum-value-added",
            "enum value `paused` added to `job.Status`",
            INFO,
            WARN,
            ("GET /jobs/{id} (200 response)",),
        ),
    ]


def test_bug17_removed_enum_value_breaks_the_request_parameter() -> None:
    findings = diff("jobs-v2.yaml", "jobs-v3.yaml")

    assert rows(findings) == [
        (
            "enum-value-removed",
            "enum value `running` removed from `job.Status`",
            BREAK,
            BREAK,
            ("GET /jobs (query parameter status)",),
        ),
        (
            "enum-value-removed",
            "enum value `running` removed from `job.Status`",
            INFO,
            BREAK,
            ("GET /jobs/{id} (200 response)",),
        ),
    ]


def test_response_enum_level_for_python_is_one_constant(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_rules, "RESPONSE_ENUM_ADDED_PYTHON", Level.BREAKING)

    findings = diff("jobs-v1.yaml", "jobs-v2.yaml")

    response = [f for f in findings if "GET /jobs/{id} (200 response)" in f.operations]
    assert [(f.http, f.python) for f in response] == [(Level.INFO, Level.BREAKING)]


# -- required flags (BUG-16) ----------------------------------------------------


def test_property_made_required_breaks_requests_but_not_responses() -> None:
    findings = diff("persons-v1.yaml", "persons-v2-required.yaml")

    assert rows(findings) == [
        (
            "property-required",
            "property `email` of `PersonWrite` became required",
            BREAK,
            BREAK,
            PERSON_REQUESTS,
        ),
        (
            "property-required",
            "property `email` of `Person` became required",
            INFO,
            INFO,
            PERSON_RESPONSES,
        ),
    ]


def test_bug16_response_property_turning_optional_breaks_python_callers() -> None:
    findings = diff("users-v1.yaml", "users-v2.yaml")

    assert rows(findings) == [
        (
            "property-optional",
            "property `email` of the 200 response of `GET /users/{id}` became optional",
            WARN,
            BREAK,
            ("GET /users/{id}",),
        ),
        (
            "property-optional",
            "property `email` of the request body of `POST /users` became optional",
            INFO,
            INFO,
            ("POST /users",),
        ),
    ]


def test_bug16_release_check_exits_non_zero(repo: Path) -> None:
    users = [str(FIXTURES / "users-v1.yaml"), str(FIXTURES / "users-v2.yaml")]
    args = ["--fail-on", "breaking", "--no-python-surface", "--repo", str(repo)]

    assert main([*users, *args]) == 1


def test_bug16_reverse_change_in_a_response_is_info() -> None:
    findings = diff("users-v2.yaml", "users-v1.yaml")

    response = [f for f in findings if f.operations == ("GET /users/{id}",)]
    assert rows(response) == [
        (
            "property-required",
            "property `email` of the 200 response of `GET /users/{id}` became required",
            INFO,
            INFO,
            ("GET /users/{id}",),
        )
    ]


def test_attribute_type_changes_in_a_model_are_reported(repo: Path) -> None:
    report = build_report(
        str(FIXTURES / "things-v1.yaml"), str(FIXTURES / "things-v2.yaml"), repo=repo
    )

    [api] = report.apis
    owner = "`bcc_diff_client.models.thing.Thing`"
    assert rows(api.surface) == [
        (
            "python-attribute-changed-type",
            f"type of attribute `count` changed from `int` to `str` in {owner}",
            None,
            BREAK,
            (),
        ),
        (
            "python-attribute-changed-type",
            "type of attribute `label` changed from `str | Unset` to `int | Unset` "
            f"in {owner}",
            None,
            BREAK,
            (),
        ),
    ]
    assert "No breaking change found" not in render_markdown(report)


def test_griffe_sees_the_attrs_model_constructors(repo: Path) -> None:
    report = build_report(
        str(FIXTURES / "persons-v1.yaml"),
        str(FIXTURES / "persons-v2-required.yaml"),
        repo=repo,
    )

    [api] = report.apis
    models = "bcc_diff_client.models"
    assert rows(api.surface) == [
        (
            "python-parameter-changed-required",
            f"parameter `email` is now required in `__init__` of `{models}.{path}`",
            None,
            WARN,
            (),
        )
        for path in ("person.Person", "person_write.PersonWrite")
    ] + [
        (
            "python-parameter-moved",
            f"positional parameter `{name}` was moved in `__init__` of "
            f"`{models}.person.Person`",
            None,
            WARN,
            (),
        )
        for name in ("email", "gender")
    ]


# -- operations, scopes, Swagger 2 ----------------------------------------------


def test_added_operation_is_info_and_makes_a_minor_release(repo: Path) -> None:
    report = build_report(
        str(FIXTURES / "persons-v1.yaml"),
        str(FIXTURES / "persons-v2-operation.yaml"),
        repo=repo,
        python_surface=False,
    )

    [api] = report.apis
    assert rows(api.findings) == [
        (
            "operation-added",
            "operation `GET /orgs/{id}/persons` was added",
            INFO,
            INFO,
            ("GET /orgs/{id}/persons",),
        )
    ]
    assert (report.bump, report.suggested_version) == ("minor", "1.5.0")


@pytest.mark.node
def test_swagger2_pair_is_converted_before_comparing() -> None:
    needs_node()

    findings = diff("orgs-v1.swagger.json", "orgs-v2.swagger.json")

    assert rows(findings) == [
        (
            "enum-value-added",
            "enum value `archived` added to `OrgActiveStatus`",
            INFO,
            WARN,
            ("GET /v2/orgs/{uid} (200 response)",),
        ),
        (
            "operation-scope-added",
            "`GET /v2/orgs/{uid}` now requires scope `orgs.members#read` "
            "(ClientCredentials)",
            BREAK,
            INFO,
            ("GET /v2/orgs/{uid}",),
        ),
        (
            "scope-added",
            "scope `orgs.members#read` was added to security scheme "
            "`ClientCredentials`",
            INFO,
            INFO,
            (),
        ),
        (
            "type-changed",
            "property `orgID` of `Org` changed type from `integer` to `string`",
            BREAK,
            BREAK,
            ("GET /v2/orgs/{uid} (200 response)",),
        ),
    ]


def test_removed_scope_and_parameters_are_classed() -> None:
    old = load("persons-v1.yaml")
    new = copy.deepcopy(old)
    scopes = new["components"]["securitySchemes"]["ClientCredentials"]["flows"]
    del scopes["clientCredentials"]["scopes"]["persons.consents#read"]
    listing = new["paths"]["/persons"]["get"]
    listing["parameters"][0]["required"] = True  # limit
    listing["parameters"][1]["name"] = "state"  # status, same place
    listing["parameters"].append(
        {"name": "q", "in": "query", "schema": {"type": "string"}}
    )

    findings = compare_documents(old, new)

    assert rows(findings) == [
        (
            "parameter-added",
            "optional query parameter `q` was added to `GET /persons`",
            INFO,
            INFO,
            ("GET /persons",),
        ),
        (
            "parameter-renamed",
            "query parameter `status` of `GET /persons` was renamed to `state`",
            BREAK,
            BREAK,
            ("GET /persons",),
        ),
        (
            "parameter-required",
            "query parameter `limit` of `GET /persons` became required",
            BREAK,
            BREAK,
            ("GET /persons",),
        ),
        (
            "scope-removed",
            "scope `persons.consents#read` was removed from security scheme "
            "`ClientCredentials`",
            BREAK,
            INFO,
            (),
        ),
    ]


def test_property_and_parameter_changes_are_classed_by_direction() -> None:
    old = load("persons-v1.yaml")
    new = copy.deepcopy(old)
    schemas = new["components"]["schemas"]
    del schemas["Consent"]["properties"]["given"]
    schemas["Consent"]["required"].remove("given")
    schemas["PersonWrite"]["properties"]["nickname"] = {"type": "string"}
    schemas["Person"]["properties"]["nickname"] = {"type": "string"}
    schemas["Org"]["properties"]["parentUid"]["nullable"] = True
    new["paths"]["/persons"]["get"]["parameters"][0]["schema"] = {"type": "string"}

    findings = compare_documents(old, new)

    assert rows(findings) == [
        (
            "nullable-added",
            "property `parentUid` of `Org` became nullable",
            WARN,
            BREAK,
            ("GET /orgs (200 response)", "GET /orgs/{id} (200 response)"),
        ),
        (
            "property-added",
            "optional property `nickname` of `PersonWrite` was added",
            INFO,
            INFO,
            PERSON_REQUESTS,
        ),
        (
            "property-added",
            "optional property `nickname` of `Person` was added",
            INFO,
            INFO,
            PERSON_RESPONSES,
        ),
        (
            "property-removed",
            "property `given` of `Consent` was removed",
            BREAK,
            BREAK,
            ("GET /persons/{id}/consents (200 response)",),
        ),
        (
            "type-changed",
            "query parameter `limit` of `GET /persons` changed type from "
            "`integer(int32)` to `string`",
            BREAK,
            BREAK,
            ("GET /persons",),
        ),
    ]


def test_bodies_responses_and_operations_added_or_removed_are_classed() -> None:
    old = load("persons-v1.yaml")
    new = copy.deepcopy(old)
    person = new["paths"]["/persons/{id}"]
    person["delete"]["requestBody"] = copy.deepcopy(person["put"]["requestBody"])
    person["delete"]["requestBody"]["required"] = False
    del person["put"]["requestBody"]
    del person["get"]["responses"]["404"]
    new["paths"]["/persons"]["post"]["responses"]["409"] = {"description": "Taken."}
    del new["paths"]["/orgs/{id}"]

    findings = compare_documents(old, new)

    assert rows(findings) == [
        (
            "operation-removed",
            "operation `GET /orgs/{id}` was removed",
            BREAK,
            BREAK,
            ("GET /orgs/{id}",),
        ),
        (
            "request-body-added",
            "an optional request body was added to `DELETE /persons/{id}`",
            INFO,
            INFO,
            ("DELETE /persons/{id}",),
        ),
        (
            "request-body-removed",
            "the request body of `PUT /persons/{id}` was removed",
            WARN,
            BREAK,
            ("PUT /persons/{id}",),
        ),
        (
            "response-added",
            "a 409 response was added to `POST /persons`",
            INFO,
            WARN,
            ("POST /persons",),
        ),
        (
            "response-removed",
            "the 404 response of `GET /persons/{id}` was removed",
            WARN,
            WARN,
            ("GET /persons/{id}",),
        ),
    ]


def test_removing_a_schema_in_use_names_its_former_users() -> None:
    old = load("persons-v1.yaml")
    new = copy.deepcopy(old)
    consent = new["components"]["schemas"].pop("Consent")
    response = new["paths"]["/persons/{id}/consents"]["get"]["responses"]["200"]
    response["content"]["application/json"]["schema"]["items"] = consent

    findings = compare_documents(old, new)

    assert rows(findings) == [
        (
            "schema-removed",
            "schema `Consent` was removed",
            WARN,
            BREAK,
            ("GET /persons/{id}/consents (200 response)",),
        ),
        (
            "schema-replaced",
            "`Consent` was replaced by `object` in the items of the 200 response "
            "of `GET /persons/{id}/consents`, with the same shape",
            INFO,
            BREAK,
            ("GET /persons/{id}/consents",),
        ),
    ]


def test_schema_split_into_all_of_parts_is_no_change_of_shape() -> None:
    old = load("persons-v1.yaml")
    new = copy.deepcopy(old)
    schemas = new["components"]["schemas"]
    org = schemas.pop("Org")
    name = org["properties"].pop("name")
    org["required"].remove("name")
    schemas["Named"] = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": name},
    }
    schemas["Org"] = {"allOf": [{"$ref": "#/components/schemas/Named"}, org]}

    findings = compare_documents(old, new)

    assert rows(findings) == [
        (
            "schema-added",
            "schema `Named` was added",
            INFO,
            INFO,
            ("GET /orgs (200 response)", "GET /orgs/{id} (200 response)"),
        )
    ]


def test_path_templates_match_whatever_their_parameter_names() -> None:
    assert normalise_path("/orgs/{id}/members/{memberId}") == "/orgs/{}/members/{}"


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("0.1.0", "major", "1.0.0"),
        ("1.4.2", "minor", "1.5.0"),
        ("1.4.2", "patch", "1.4.3"),
        ("2.0.0rc1", "patch", "2.0.1"),
    ],
)
def test_versions_bump_by_semver(version: str, bump: str, expected: str) -> None:
    assert bump_version(version, bump) == expected


def test_report_without_findings_suggests_a_patch() -> None:
    assert DiffReport(apis=(), current_version="0.3.9").suggested_version == "0.3.10"


# -- sides: git refs, the working tree, URLs -------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.test", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def _write_snapshot(repo: Path, fixture: str) -> None:
    spec = repo / "spec" / "persons" / "swagger.json"
    spec.parent.mkdir(parents=True, exist_ok=True)
    document = parse_document((FIXTURES / fixture).read_bytes(), source=fixture)
    spec.write_text(json.dumps(document, indent=2))


@pytest.fixture
def git_repo(repo: Path) -> Path:
    """A repository with one configured API, its v1 snapshot tagged `v1.0.0`."""
    (repo / "spec").mkdir()
    (repo / "spec" / "apis.toml").write_text(
        '[apis.persons]\nname = "Persons documentation"\npackage = "bcc_persons_api"\n'
    )
    _write_snapshot(repo, "persons-v1.yaml")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "v1")
    _git(repo, "tag", "v1.0.0")
    return repo


def test_tag_against_working_tree_reads_the_snapshots(git_repo: Path) -> None:
    _write_snapshot(git_repo, "persons-v2-uid.yaml")

    report = build_report("v1.0.0", "WORKTREE", repo=git_repo, python_surface=False)

    [api] = report.apis
    assert api.key == "persons"
    assert api.old_source == "v1.0.0:spec/persons/swagger.json"
    assert len(api.findings) == 16
    assert report.bump == "major"


def test_unchanged_working_tree_has_no_change(git_repo: Path) -> None:
    report = build_report("HEAD", "WORKTREE", repo=git_repo, python_surface=False)

    assert [api.findings for api in report.apis] == [()]


def test_api_missing_at_the_old_ref_is_reported_as_added(git_repo: Path) -> None:
    _git(git_repo, "rm", "-q", "spec/persons/swagger.json")
    _git(git_repo, "commit", "-q", "-m", "drop")
    _write_snapshot(git_repo, "persons-v1.yaml")

    report = build_report("HEAD", "WORKTREE", repo=git_repo, python_surface=False)

    assert rows(report.findings) == [
        ("api-added", "API `persons` was added", INFO, INFO, ())
    ]


def test_unknown_side_is_an_error_that_says_what_to_pass(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["no-such-tag", "WORKTREE", "--repo", str(git_repo)])

    assert code == 2
    assert "Pass a release tag, a commit, a path or a URL." in capsys.readouterr().err


def _write_yaml_snapshot(repo: Path, fixture: str, name: str) -> None:
    """Store a fixture the way a pull of a YAML or OpenAPI 3 spec does."""
    folder = repo / "spec" / "persons"
    (folder / name).write_bytes((FIXTURES / fixture).read_bytes())
    (folder / "source.json").write_text(json.dumps({"file": name}))


def test_snapshot_named_by_source_json_is_read_at_a_ref_and_in_the_worktree(
    git_repo: Path,
) -> None:
    # The stale swagger.json left next to it must not be read instead.
    _write_snapshot(git_repo, "persons-v2-uid.yaml")
    _write_yaml_snapshot(git_repo, "persons-v1.yaml", "openapi.yaml")

    in_worktree = build_report(
        "v1.0.0", "WORKTREE", repo=git_repo, python_surface=False
    )
    _git(git_repo, "add", ".")
    _git(git_repo, "commit", "-q", "-m", "pulled as YAML")
    at_ref = build_report("HEAD", "v1.0.0", repo=git_repo, python_surface=False)

    assert [a.new_source for a in in_worktree.apis] == [
        "spec/persons/openapi.yaml (working tree)"
    ]
    assert [a.old_source for a in at_ref.apis] == ["HEAD:spec/persons/openapi.yaml"]
    assert in_worktree.findings == at_ref.findings == ()


def test_snapshot_without_source_json_is_found_under_any_known_name(
    git_repo: Path,
) -> None:
    document = parse_document((FIXTURES / "persons-v1.yaml").read_bytes(), source="")
    (git_repo / "spec" / "persons" / "openapi.json").write_text(json.dumps(document))
    _git(git_repo, "rm", "-q", "spec/persons/swagger.json")

    report = build_report("v1.0.0", "WORKTREE", repo=git_repo, python_surface=False)

    assert [a.new_source for a in report.apis] == [
        "spec/persons/openapi.json (working tree)"
    ]
    assert report.findings == ()


def test_unreadable_source_json_is_one_error_line(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (git_repo / "spec" / "persons" / "source.json").write_text("<<<<<<< HEAD\n")

    code = main(["v1.0.0", "WORKTREE", "--no-python-surface", "--repo", str(git_repo)])

    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: spec/persons/source.json (working tree) is not")
    assert err.count("\n") == 1


def _configure_persons(
    repo: Path, overlay: str | None = "persons-overlay.yaml"
) -> Path:
    """Make `repo` list the persons API, with an overlay from the fixtures."""
    folder = repo / "spec" / "persons"
    folder.mkdir(parents=True, exist_ok=True)
    (repo / "spec" / "apis.toml").write_text(
        '[apis.persons]\nname = "Persons documentation"\npackage = "bcc_persons_api"\n'
    )
    if overlay is not None:
        (folder / "overlay.yaml").write_bytes((FIXTURES / overlay).read_bytes())
    return folder / "overlay.yaml"


def test_overlay_relaxing_required_hides_the_raw_change_from_both_audiences(
    repo: Path,
) -> None:
    _configure_persons(repo)
    old, new = (
        str(FIXTURES / "persons-v1.yaml"),
        str(FIXTURES / "persons-v2-required.yaml"),
    )

    raw = build_report(old, new, repo=repo, python_surface=False)
    corrected = build_report(old, new, repo=repo, api="persons")

    assert {f.kind for f in raw.findings} == {"property-required"}
    [api] = corrected.apis
    assert (api.findings, api.surface, api.surface_checked) == ((), (), True)
    assert api.new_overlay == "spec/persons/overlay.yaml (working tree)"
    assert corrected.bump == "patch"
    assert "(corrected by `spec/persons/overlay.yaml (working tree)`)" in (
        render_markdown(corrected)
    )


def test_git_ref_side_is_corrected_by_the_overlay_of_that_ref(
    git_repo: Path,
) -> None:
    overlay = _configure_persons(git_repo)
    _git(git_repo, "add", ".")
    _git(git_repo, "commit", "-q", "-m", "overlay")
    _write_snapshot(git_repo, "persons-v2-required.yaml")
    both = build_report("HEAD", "WORKTREE", repo=git_repo, python_surface=False)
    overlay.unlink()  # only the old side is corrected now

    old_only = build_report("HEAD", "WORKTREE", repo=git_repo, python_surface=False)

    assert both.findings == ()
    [api] = old_only.apis
    assert (api.old_overlay, api.new_overlay) == (
        "HEAD:spec/persons/overlay.yaml",
        None,
    )
    made_required = {f.message for f in api.findings if f.schema == "Person"}
    assert "property `displayName` of `Person` became required" in made_required


def test_overlay_that_no_longer_applies_is_a_note_and_the_side_is_compared_raw(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = _configure_persons(git_repo, overlay=None)
    overlay.write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n"
        "  - target: $.components.schemas.Country\n"
        "    description: Countries are listed by their ISO code.\n"
        "    update: {required: [iso2Code]}\n"
    )
    _git(git_repo, "add", ".")
    _git(git_repo, "commit", "-q", "-m", "overlay")
    _write_snapshot(git_repo, "persons-v2-uid.yaml")  # has no Country any more
    args = ["HEAD", "WORKTREE", "--no-python-surface", "--repo", str(git_repo)]

    report = build_report("HEAD", "WORKTREE", repo=git_repo, python_surface=False)
    code = main(args)

    [api] = report.apis
    [note] = api.notes
    assert note.startswith(
        "spec/persons/overlay.yaml (working tree) does not apply to "
        "spec/persons/swagger.json (working tree), so that side is compared "
        "without it"
    )
    assert "target $.components.schemas.Country matches nothing" in note
    assert (api.old_overlay, api.new_overlay) == (
        "HEAD:spec/persons/overlay.yaml",
        None,
    )
    assert len(api.findings) == 16  # the renames and removed schemas, as without it
    text = render_markdown(report)
    assert "**1 note below needs a look.**" in text
    assert f"> **Check:** {note}" in text
    assert code == 0
    assert f"warning: {note}" in capsys.readouterr().err


def test_output_into_a_missing_folder_creates_it(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports" / "weekly" / "diff.md"
    args = [str(FIXTURES / "users-v1.yaml"), str(FIXTURES / "users-v2.yaml")]

    assert (
        main([*args, "--output", str(out), "--no-python-surface", "--repo", str(repo)])
        == 0
    )
    assert out.read_text().startswith("# API changes: ")


def test_output_that_cannot_be_written_is_one_error_line(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "taken").write_text("a file, not a folder")
    out = tmp_path / "taken" / "diff.md"
    args = [str(FIXTURES / "users-v1.yaml"), str(FIXTURES / "users-v2.yaml")]

    code = main(
        [*args, "--output", str(out), "--no-python-surface", "--repo", str(repo)]
    )

    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"error: cannot write the report to {out} (")
    assert err.count("\n") == 1


def test_unquoted_yaml_response_codes_are_the_same_responses(repo: Path) -> None:
    report = build_report(
        str(FIXTURES / "users-v1.yaml"),
        str(FIXTURES / "users-v1-unquoted.yaml"),
        repo=repo,
    )

    [api] = report.apis
    assert (api.findings, api.surface, api.surface_checked) == ((), (), True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def fixture_server() -> Iterator[str]:
    """Serve tests/fixtures/diff/ on 127.0.0.1; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_url_sides_are_downloaded(fixture_server: str, repo: Path) -> None:
    report = build_report(
        f"{fixture_server}/users-v1.yaml",
        f"{fixture_server}/users-v2.yaml",
        repo=repo,
        python_surface=False,
    )

    assert [f.kind for f in report.findings] == ["property-optional"] * 2
    assert report.has_breaking


# -- release ---------------------------------------------------------------------


def test_release_writes_a_dated_changelog_entry_and_bumps_the_version(
    git_repo: Path,
) -> None:
    _write_snapshot(git_repo, "persons-v2-uid.yaml")
    args = ["--repo", str(git_repo), "--date", "2026-12-04", "--no-python-surface"]

    assert release.main(args) == 0

    changelog = (git_repo / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 2.0.0 (2026-12-04)\n")
    assert "Interface changes since `v1.0.0`:" in changelog
    assert (
        "- path parameter `id` of `GET /persons/{uid}` was renamed to `uid` "
        "(HTTP: info; Python: breaking)"
    ) in changelog
    assert changelog.count("- schema `") == 10
    assert '[project]\nversion = "2.0.0"\n' in (git_repo / "pyproject.toml").read_text()


def test_release_puts_the_newest_entry_first_and_keeps_older_ones(
    git_repo: Path,
) -> None:
    args = ["--repo", str(git_repo), "--no-python-surface"]
    (git_repo / "CHANGELOG.md").write_text(
        "# Changelog\n\n## 1.0.0 (2026-01-01)\n\n- Old.\n"
    )

    assert release.main([*args, "--version", "1.0.1", "--date", "2026-02-01"]) == 0

    changelog = (git_repo / "CHANGELOG.md").read_text()
    assert changelog.index("## 1.0.1 (2026-02-01)") < changelog.index("## 1.0.0")
    assert "- No interface change." in changelog
    assert changelog.endswith("- Old.\n")


def _release(repo: Path, *extra: str) -> int:
    args = ["--repo", str(repo), "--date", "2026-12-04", "--no-python-surface"]
    return release.main([*args, *extra])


def _release_files(repo: Path) -> tuple[str, str]:
    return (
        (repo / "CHANGELOG.md").read_text(),
        (repo / "pyproject.toml").read_text(),
    )


def test_release_twice_without_a_spec_change_adds_one_entry_and_bumps_once(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_snapshot(git_repo, "persons-v2-uid.yaml")
    assert _release(git_repo) == 0
    first = _release_files(git_repo)
    capsys.readouterr()

    assert _release(git_repo) == 0

    assert _release_files(git_repo) == first
    assert first[0].count("\n## ") == 1
    assert 'version = "2.0.0"' in first[1]
    assert "already has the 2.0.0 entry" in capsys.readouterr().out


def test_release_rewrites_its_unreleased_entry_when_the_specs_change_again(
    git_repo: Path,
) -> None:
    (git_repo / "CHANGELOG.md").write_text(
        "# Changelog\n\n## 1.0.0 (2026-01-01)\n\n- Old.\n"  # tagged v1.0.0
    )
    _write_snapshot(git_repo, "persons-v2-operation.yaml")
    assert _release(git_repo) == 0
    minor = _release_files(git_repo)
    _write_snapshot(git_repo, "persons-v2-uid.yaml")

    assert _release(git_repo) == 0

    changelog, pyproject = _release_files(git_repo)
    assert "## 1.5.0 (2026-12-04)" in minor[0]
    assert 'version = "1.5.0"' in minor[1]
    assert re.findall(r"^## .*", changelog, flags=re.MULTILINE) == [
        "## 2.0.0 (2026-12-04)",
        "## 1.0.0 (2026-01-01)",
    ]
    assert "was renamed to `uid`" in changelog
    assert changelog.endswith("\n\n## 1.0.0 (2026-01-01)\n\n- Old.\n")
    assert 'version = "2.0.0"' in pyproject


def test_release_keeps_a_version_raised_by_hand(git_repo: Path) -> None:
    release.set_version(git_repo / "pyproject.toml", "3.0.0")
    _write_snapshot(git_repo, "persons-v2-operation.yaml")  # a minor change

    assert _release(git_repo) == 0

    changelog, pyproject = _release_files(git_repo)
    assert changelog.startswith("# Changelog\n\n## 3.0.0 (2026-12-04)\n")
    assert 'version = "3.0.0"' in pyproject


def test_first_release_keeps_the_version_and_lists_the_packages(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _git(git_repo, "tag", "-d", "v1.0.0")
    assert release.last_release_ref(git_repo) is None

    assert _release(git_repo) == 0
    first = _release_files(git_repo)
    assert _release(git_repo) == 0

    assert _release_files(git_repo) == first
    assert first[0] == (
        "# Changelog\n\n## 1.4.2 (2026-12-04)\n\nFirst release.\n\n"
        "Packages generated from the API specs:\n\n"
        "- `bcc_persons_api`: Persons and Orgs (diff fixture), 9 operations.\n"
    )
    assert 'version = "1.4.2"' in first[1]
    out = capsys.readouterr().out
    assert "CHANGELOG.md has a new 1.4.2 entry." in out
    assert "already has the 1.4.2 entry" in out


def test_release_refuses_a_version_that_is_not_semver(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--repo", str(git_repo), "--no-python-surface", "--version", "next"]

    assert release.main(args) == 2
    assert release.main([*args[:-1], "1.0"]) == 2
    err = capsys.readouterr().err
    assert "error: --version 'next' is not a MAJOR.MINOR.PATCH version." in err
    assert "error: --version '1.0' is not a MAJOR.MINOR.PATCH version." in err
    assert "Pass --version" not in err
    assert not (git_repo / "CHANGELOG.md").exists()


# -- the real Core API spec ------------------------------------------------------


@pytest.mark.node
def test_real_core_spec_with_renamed_path_parameters() -> None:
    if not SHARED_SPEC.exists():
        pytest.skip(f"the real Core API spec is not at {SHARED_SPEC}")
    needs_node()
    original = json.loads(SHARED_SPEC.read_text())
    renamed = json.loads(re.sub(r"\{uid\}", "{id}", json.dumps(original)))
    for item in renamed["paths"].values():
        for operation in item.values():
            for param in operation.get("parameters", []):
                if param.get("in") == "path" and param["name"] == "uid":
                    param["name"] = "id"
    old = to_openapi3(original, source="core")

    assert compare_documents(old, copy.deepcopy(old)) == []
    findings = compare_documents(old, to_openapi3(renamed, source="core renamed"))
    assert findings
    assert {(f.kind, f.http, f.python) for f in findings} == {
        ("path-parameter-renamed", Level.INFO, Level.BREAKING)
    }
