"""
The committed Core API snapshot against the spec its maintainers published.

`spec/core/swagger.json` is this project's own writing of the Core API: the
interface (paths, operations, parameters, schemas, security) must match the
published Swagger 2.0 document exactly, quirks included, while every piece of
prose is in the project's own words. The published document is never
committed; the comparisons read it from `../shared/specs/` next to the
repository and skip when it is not there.

Once a real pull has replaced the hand-written snapshot (`source.json` then
says how it was obtained), the checks about the hand-written writing no longer
apply and skip, saying so; the checksum check stays.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV2SpecValidator, validate

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCE = REPO_ROOT / "spec" / "core" / "source.json"
_METADATA = json.loads(SOURCE.read_text(encoding="utf-8"))
SNAPSHOT = REPO_ROOT / "spec" / "core" / _METADATA.get("file", "swagger.json")
hand_written_only = pytest.mark.skipif(
    _METADATA.get("obtained_by") != "written by hand",
    reason="spec/core holds a pulled spec now, not the hand-written snapshot",
)
PUBLISHED = REPO_ROOT.parent / "shared" / "specs" / "core-api.swagger.json"

HTTP_METHODS = frozenset(
    {"get", "put", "post", "delete", "options", "head", "patch"},
)
SWAGGO_TOP_LEVEL_ORDER = [
    "swagger",
    "info",
    "paths",
    "definitions",
    "securityDefinitions",
]
SOURCE_KEYS = {
    "api",
    "source_url",
    "retrieved_at",
    "sha256",
    "format",
    "obtained_by",
    "note",
}

# Scope names that operations ask for but the security scheme does not list,
# exactly as published. The snapshot keeps them; nothing corrects them yet.
UNDECLARED_SCOPES = {
    "consents#read",
    "consents#write",
    "persons#write",
    "persons.groups#read",
    "persons.groups#write",
    "persons.person_id#read",
    "persons.persons.role_assignments#read",
    "persons.persons.role_assignments#write",
}

Where = tuple[str | int, ...]


# --------------------------------------------------------------------------
# Interface extractor
# --------------------------------------------------------------------------


@dataclass
class Split:
    """
    A Swagger 2.0 document taken apart into interface and prose.

    Attributes:
        interface: The document without its prose; scope maps become lists
            of scope names.
        prose: Every description, summary and scope text, keyed by where it
            sits in the document.
    """

    interface: dict[str, Any] = field(default_factory=dict)
    prose: dict[Where, str] = field(default_factory=dict)


def split_document(doc: Mapping[str, Any]) -> Split:
    """
    Separate the interface of a Swagger 2.0 document from its prose.

    The walk follows the document's structure, so a schema property that is
    itself named `description` or `summary` stays part of the interface.
    """
    split = Split()
    for key, value in doc.items():
        where: Where = (key,)
        if key == "info":
            split.interface[key] = _drop_prose(value, where, split.prose)
        elif key == "paths":
            split.interface[key] = {
                path: _path_item(item, (*where, path), split.prose)
                for path, item in value.items()
            }
        elif key == "definitions":
            split.interface[key] = {
                name: _schema(schema, (*where, name), split.prose)
                for name, schema in value.items()
            }
        elif key == "parameters":
            split.interface[key] = {
                name: _parameter(param, (*where, name), split.prose)
                for name, param in value.items()
            }
        elif key == "responses":
            split.interface[key] = {
                name: _response(resp, (*where, name), split.prose)
                for name, resp in value.items()
            }
        elif key == "securityDefinitions":
            split.interface[key] = {
                name: _security_scheme(scheme, (*where, name), split.prose)
                for name, scheme in value.items()
            }
        elif key == "tags":
            split.interface[key] = [
                _drop_prose(tag, (*where, index), split.prose)
                for index, tag in enumerate(value)
            ]
        else:
            split.interface[key] = value
    return split


def _drop_prose(
    node: Mapping[str, Any],
    where: Where,
    prose: dict[Where, str],
    keys: tuple[str, ...] = ("description",),
) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in node.items():
        if key in keys:
            prose[(*where, key)] = value
        else:
            kept[key] = value
    return kept


def _path_item(
    item: Mapping[str, Any], where: Where, prose: dict[Where, str]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in HTTP_METHODS:
            out[key] = _operation(value, (*where, key), prose)
        elif key == "parameters":
            out[key] = [
                _parameter(param, (*where, key, index), prose)
                for index, param in enumerate(value)
            ]
        else:
            out[key] = value
    return out


def _operation(
    op: Mapping[str, Any], where: Where, prose: dict[Where, str]
) -> dict[str, Any]:
    out = _drop_prose(op, where, prose, keys=("description", "summary"))
    if "parameters" in out:
        out["parameters"] = [
            _parameter(param, (*where, "parameters", index), prose)
            for index, param in enumerate(out["parameters"])
        ]
    if "responses" in out:
        out["responses"] = {
            code: _response(resp, (*where, "responses", code), prose)
            for code, resp in out["responses"].items()
        }
    return out


def _parameter(
    param: Mapping[str, Any], where: Where, prose: dict[Where, str]
) -> dict[str, Any]:
    out = _drop_prose(param, where, prose)
    for key in ("schema", "items"):
        if key in out:
            out[key] = _schema(out[key], (*where, key), prose)
    return out


def _response(
    resp: Mapping[str, Any], where: Where, prose: dict[Where, str]
) -> dict[str, Any]:
    out = _drop_prose(resp, where, prose)
    if "schema" in out:
        out["schema"] = _schema(out["schema"], (*where, "schema"), prose)
    if "headers" in out:
        out["headers"] = {
            name: _schema(header, (*where, "headers", name), prose)
            for name, header in out["headers"].items()
        }
    return out


def _schema(schema: Any, where: Where, prose: dict[Where, str]) -> Any:
    if not isinstance(schema, Mapping):
        return schema
    out = _drop_prose(schema, where, prose)
    if "properties" in out:
        out["properties"] = {
            name: _schema(prop, (*where, "properties", name), prose)
            for name, prop in out["properties"].items()
        }
    if isinstance(out.get("items"), list):
        out["items"] = [
            _schema(item, (*where, "items", index), prose)
            for index, item in enumerate(out["items"])
        ]
    elif "items" in out:
        out["items"] = _schema(out["items"], (*where, "items"), prose)
    if "allOf" in out:
        out["allOf"] = [
            _schema(part, (*where, "allOf", index), prose)
            for index, part in enumerate(out["allOf"])
        ]
    if isinstance(out.get("additionalProperties"), Mapping):
        out["additionalProperties"] = _schema(
            out["additionalProperties"], (*where, "additionalProperties"), prose
        )
    return out


def _security_scheme(
    scheme: Mapping[str, Any], where: Where, prose: dict[Where, str]
) -> dict[str, Any]:
    out = _drop_prose(scheme, where, prose)
    if "scopes" in out:
        for name, text in out["scopes"].items():
            prose[(*where, "scopes", name)] = text
        out["scopes"] = list(out["scopes"])
    return out


# --------------------------------------------------------------------------
# Readable differences
# --------------------------------------------------------------------------


def render(where: Where) -> str:
    """Write a location as `$.paths['/v2/persons'].get.security[0]`."""
    parts = ["$"]
    for step in where:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif re.fullmatch(r"[A-Za-z_][\w-]*", step):
            parts.append(f".{step}")
        else:
            parts.append(f"[{step!r}]")
    return "".join(parts)


def differences(published: Any, snapshot: Any, where: Where = ()) -> Iterator[str]:
    """Yield one line per place where the two JSON values disagree."""
    if isinstance(published, Mapping) and isinstance(snapshot, Mapping):
        for key in published:
            if key not in snapshot:
                yield f"{render((*where, key))}: missing from the snapshot"
        for key in snapshot:
            if key not in published:
                yield f"{render((*where, key))}: not in the published spec"
        for key in published:
            if key in snapshot:
                yield from differences(published[key], snapshot[key], (*where, key))
    elif isinstance(published, list) and isinstance(snapshot, list):
        for index, (left, right) in enumerate(zip(published, snapshot, strict=False)):
            yield from differences(left, right, (*where, index))
        for index in range(len(snapshot), len(published)):
            yield f"{render((*where, index))}: missing from the snapshot"
        for index in range(len(published), len(snapshot)):
            yield f"{render((*where, index))}: not in the published spec"
    elif type(published) is not type(snapshot) or published != snapshot:
        yield f"{render(where)}: published {published!r}, snapshot {snapshot!r}"


def interface_differences(
    published: Mapping[str, Any], snapshot: Mapping[str, Any]
) -> list[str]:
    """List where the interfaces of two documents disagree, prose ignored."""
    return list(
        differences(
            split_document(published).interface, split_document(snapshot).interface
        )
    )


def report(lines: list[str], limit: int = 25) -> str:
    shown = "\n  ".join(lines[:limit])
    more = f"\n  ... and {len(lines) - limit} more" if len(lines) > limit else ""
    return f"{len(lines)} difference(s):\n  {shown}{more}"


# --------------------------------------------------------------------------
# Fixtures and small helpers
# --------------------------------------------------------------------------


def load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def snapshot() -> dict[str, Any]:
    return load(SNAPSHOT)


@pytest.fixture
def published() -> dict[str, Any]:
    if not PUBLISHED.is_file():
        pytest.skip(
            f"The published Core API spec is not at {PUBLISHED}; place it there "
            "to compare the committed snapshot with it."
        )
    return load(PUBLISHED)


def operations(doc: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield path, method, op


def normalised(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:;,")


def five_word_runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[\w#.{}()-]+", text.casefold())
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def key_orders(node: Any, where: Where = ()) -> Iterator[tuple[Where, list[str]]]:
    if isinstance(node, Mapping):
        yield where, list(node)
        for key, value in node.items():
            yield from key_orders(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from key_orders(value, (*where, index))


# --------------------------------------------------------------------------
# The snapshot against the published spec
# --------------------------------------------------------------------------


@hand_written_only
def test_snapshot_has_the_interface_of_the_published_spec(published, snapshot):
    lines = interface_differences(published, snapshot)

    assert not lines, report(lines)


def test_published_spec_is_the_expected_document(published):
    assert published["swagger"] == "2.0"
    assert len(list(operations(published))) == 44
    assert len(published["definitions"]) == 62


@hand_written_only
def test_snapshot_keeps_the_published_key_order(published, snapshot):
    published_orders = dict(key_orders(published))
    lines = [
        f"{render(where)}: published {published_orders[where]}, snapshot {keys}"
        for where, keys in key_orders(snapshot)
        if where in published_orders and published_orders[where] != keys
    ]

    assert not lines, report(lines)


@hand_written_only
def test_every_published_text_has_a_rewritten_counterpart(published, snapshot):
    ours = split_document(snapshot).prose
    lines = [
        f"{render(where)}: no text in the snapshot"
        for where, text in split_document(published).prose.items()
        if text.strip() and not ours.get(where, "").strip()
    ]

    assert not lines, report(lines)


@hand_written_only
def test_no_description_or_summary_is_copied_from_the_published_spec(
    published, snapshot
):
    theirs = split_document(published).prose
    lines = [
        f"{render(where)}: same text as published: {text!r}"
        for where, text in split_document(snapshot).prose.items()
        if theirs.get(where, "").strip()
        and normalised(theirs[where]) == normalised(text)
    ]

    assert not lines, report(lines)


@hand_written_only
def test_no_run_of_five_published_words_appears_in_the_snapshot(published, snapshot):
    published_runs: set[tuple[str, ...]] = set()
    for text in split_document(published).prose.values():
        published_runs |= five_word_runs(text)

    lines = [
        f"{render(where)}: repeats {' '.join(run)!r}"
        for where, text in split_document(snapshot).prose.items()
        for run in sorted(five_word_runs(text) & published_runs)
    ]

    assert not lines, report(lines)


# --------------------------------------------------------------------------
# The snapshot on its own
# --------------------------------------------------------------------------


@hand_written_only
def test_snapshot_is_valid_swagger_2(snapshot):
    validate(snapshot, cls=OpenAPIV2SpecValidator)


@hand_written_only
def test_snapshot_is_laid_out_the_way_swaggo_writes_it(snapshot):
    raw = SNAPSHOT.read_text(encoding="utf-8")

    assert raw == json.dumps(snapshot, indent=4) + "\n"
    assert list(snapshot) == SWAGGO_TOP_LEVEL_ORDER


@hand_written_only
def test_snapshot_has_every_operation_and_definition(snapshot):
    operation_ids = [op["operationId"] for _, _, op in operations(snapshot)]

    assert len(operation_ids) == 44
    assert len(set(operation_ids)) == 44
    assert len(snapshot["definitions"]) == 62
    assert "WrappedWithMeta-array_Person" in snapshot["definitions"]


@hand_written_only
def test_snapshot_keeps_the_published_quirks(snapshot):
    scheme = snapshot["securityDefinitions"]["ClientCredentials"]
    used = {
        scope
        for _, _, op in operations(snapshot)
        for requirement in op["security"]
        for scope in requirement["ClientCredentials"]
    }
    relations = [op for path, _, op in operations(snapshot) if "relations" in path]

    assert "host" not in snapshot
    assert "basePath" not in snapshot
    assert (scheme["type"], scheme["flow"]) == ("oauth2", "application")
    assert scheme["tokenUrl"] == "/docs/token"
    assert used - set(scheme["scopes"]) == UNDECLARED_SCOPES
    assert all(
        op["security"] == [{"ClientCredentials": ["consents#read"]}] for op in relations
    )


@hand_written_only
def test_every_text_in_the_snapshot_is_filled_in(snapshot):
    empty = [
        render(where)
        for where, text in split_document(snapshot).prose.items()
        if not text.strip()
    ]

    assert not empty, report(empty)


def test_source_json_records_the_snapshot_checksum():
    meta = load(SOURCE)

    actual = hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest()
    assert meta["sha256"] == actual, (
        f"spec/core/source.json records sha256 {meta['sha256']}, but "
        f"{SNAPSHOT.name} hashes to {actual}; update source.json."
    )


@hand_written_only
def test_source_json_says_how_the_hand_written_snapshot_was_made():
    meta = load(SOURCE)

    assert set(meta) == SOURCE_KEYS
    assert meta["format"] == "swagger-2.0"
    assert meta["obtained_by"] == "written by hand"
    assert meta["source_url"] is None
    assert meta["retrieved_at"] is None


def test_source_json_is_sorted_two_space_json():
    raw = SOURCE.read_text(encoding="utf-8")

    assert raw == json.dumps(json.loads(raw), indent=2, sort_keys=True) + "\n"


# --------------------------------------------------------------------------
# The extractor itself: it must see interface changes and ignore prose
# --------------------------------------------------------------------------


def _retype_property(doc: dict[str, Any]) -> None:
    doc["definitions"]["Metadata"]["properties"]["total"]["type"] = "string"


def _drop_defined_scope(doc: dict[str, Any]) -> None:
    del doc["securityDefinitions"]["ClientCredentials"]["scopes"]["roles#read"]


def _drop_operation_scope(doc: dict[str, Any]) -> None:
    doc["paths"]["/v2/persons"]["get"]["security"][0]["ClientCredentials"].pop()


def _swap_path_parameters(doc: dict[str, Any]) -> None:
    params = doc["paths"]["/groups/{groupUid}/members/{memberUid}"]["get"]["parameters"]
    params[0], params[1] = params[1], params[0]


def _turn_flag_into_number(doc: dict[str, Any]) -> None:
    doc["definitions"]["Affiliation"]["properties"]["validTo"]["x-nullable"] = 1


def _loosen_max_length(doc: dict[str, Any]) -> None:
    doc["definitions"]["Person"]["properties"]["profilePicture"]["maxLength"] = 1024


def _add_property_named_description(doc: dict[str, Any]) -> None:
    doc["definitions"]["Role"]["properties"]["description"] = {"type": "string"}


def _drop_enum_value(doc: dict[str, Any]) -> None:
    doc["definitions"]["ErrorCode"]["enum"].remove("missing-scopes")


def _change_success_schema(doc: dict[str, Any]) -> None:
    response = doc["paths"]["/v2/persons/personID/{uid}"]["get"]["responses"]["200"]
    response["schema"]["$ref"] = "#/definitions/Wrapped-Person"


def _fix_token_url(doc: dict[str, Any]) -> None:
    doc["securityDefinitions"]["ClientCredentials"]["tokenUrl"] = (
        "https://login.example.org/oauth/token"
    )


MUTATIONS: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (_retype_property, "$.definitions.Metadata.properties.total.type"),
    (_drop_defined_scope, "$.securityDefinitions.ClientCredentials.scopes"),
    (_drop_operation_scope, "$.paths['/v2/persons'].get.security[0]"),
    (_swap_path_parameters, ".get.parameters[0].name"),
    (_turn_flag_into_number, "$.definitions.Affiliation.properties.validTo"),
    (_loosen_max_length, "profilePicture.maxLength"),
    (_add_property_named_description, "$.definitions.Role.properties.description"),
    (_drop_enum_value, "$.definitions.ErrorCode.enum"),
    (_change_success_schema, "['200'].schema"),
    (_fix_token_url, "$.securityDefinitions.ClientCredentials.tokenUrl"),
]


@pytest.mark.parametrize(
    ("mutate", "expected_where"),
    MUTATIONS,
    ids=[mutate.__name__.strip("_") for mutate, _ in MUTATIONS],
)
def test_extractor_notices_an_interface_change(snapshot, mutate, expected_where):
    changed = copy.deepcopy(snapshot)
    mutate(changed)

    lines = interface_differences(snapshot, changed)

    assert lines, f"{mutate.__name__} went unnoticed"
    assert any(expected_where in line for line in lines), report(lines)


def test_extractor_ignores_every_piece_of_prose(snapshot):
    changed = copy.deepcopy(snapshot)
    prose = split_document(changed).prose
    for where in prose:
        node: Any = changed
        for step in where[:-1]:
            node = node[step]
        node[where[-1]] = "Rewritten."

    assert len(prose) > 400
    assert interface_differences(snapshot, changed) == []
    assert all(text == "Rewritten." for text in split_document(changed).prose.values())
