"""
Every kind of bad input gives one clear error line and a non-zero exit, and
leaves spec/ and generated/ byte for byte as they were.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bcc_regen import pipeline

from .conftest import REPO_ROOT, Workspace

SWAGGER_HEAD = {"swagger": "2.0", "info": {"title": "BCC Core API", "version": "1"}}


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _spec_file(tmp_path: Path, document: dict) -> str:
    path = tmp_path / "given.json"
    path.write_text(json.dumps(document))
    return str(path)


def _fails_cleanly(workspace: Workspace, capsys, *args: str) -> str:
    before = workspace.digest()

    result = workspace.run("regenerate", *args, capsys=capsys)

    assert result.code == 1, result.err
    assert workspace.digest() == before
    assert not list(workspace.root.glob(".regen-*")), "staging folder left behind"
    return result.error


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/faults/status/404", "answered HTTP 404"),
        ("/faults/status/500", "answered HTTP 500"),
        ("/faults/reset", "failed mid-transfer"),
        ("/faults/html", "no API spec could be found"),
        ("/faults/html-entry/", "returned an HTML page where a spec was expected"),
        ("/faults/truncated.json", "is not valid JSON"),
        ("/faults/bad.yaml", "is not valid JSON or YAML (line 3)"),
    ],
)
def test_bad_answers_from_the_server(explorer, workspace, capsys, path, expected):
    error = _fails_cleanly(workspace, capsys, "--from", f"{explorer}{path}")

    assert expected in error


def test_an_unreachable_host(workspace, capsys):
    url = f"http://127.0.0.1:{_closed_port()}/docs/"

    error = _fails_cleanly(workspace, capsys, "--from", url)

    assert f"Could not connect to {url}" in error


def test_a_server_that_does_not_answer_in_time(explorer, workspace, capsys):
    error = _fails_cleanly(
        workspace, capsys, "--from", f"{explorer}/faults/slow", "--timeout", "0.3"
    )

    assert "did not answer in time" in error


def test_a_spec_failing_validation(workspace, tmp_path, capsys):
    document = {**SWAGGER_HEAD, "paths": {"/x": {"get": {"responses": "none"}}}}

    error = _fails_cleanly(workspace, capsys, "--from", _spec_file(tmp_path, document))

    assert "is not a valid spec: at paths//x/get/responses" in error


def test_a_reference_to_nothing(workspace, tmp_path, capsys):
    document = {
        **SWAGGER_HEAD,
        "paths": {},
        "definitions": {"A": {"$ref": "#/definitions/Missing"}},
    }

    error = _fails_cleanly(workspace, capsys, "--from", _spec_file(tmp_path, document))

    assert "reference to #/definitions/Missing, which does not exist" in error


def test_references_that_only_point_at_each_other(workspace, tmp_path, capsys):
    document = {
        **SWAGGER_HEAD,
        "paths": {},
        "definitions": {
            "A": {"$ref": "#/definitions/B"},
            "B": {"$ref": "#/definitions/A"},
        },
    }

    error = _fails_cleanly(workspace, capsys, "--from", _spec_file(tmp_path, document))

    assert "#/definitions/A -> #/definitions/B -> #/definitions/A" in error


def test_an_external_reference(workspace, tmp_path, capsys):
    document = {
        **SWAGGER_HEAD,
        "paths": {},
        "definitions": {"A": {"$ref": "other.json#/definitions/B"}},
    }

    error = _fails_cleanly(workspace, capsys, "--from", _spec_file(tmp_path, document))

    assert "only references within the spec are supported" in error


def test_a_document_that_is_not_a_spec(workspace, tmp_path, capsys):
    error = _fails_cleanly(
        workspace, capsys, "--from", _spec_file(tmp_path, {"hello": "world"})
    )

    assert "neither a 'swagger' nor an 'openapi' version field" in error


def test_an_unknown_source(workspace, capsys):
    error = _fails_cleanly(workspace, capsys, "--from", "staging")

    assert "is not an environment (sandbox, production, dev)" in error


def test_an_unknown_api_name(workspace, capsys):
    error = _fails_cleanly(workspace, capsys, "--api", "Members documentation")

    assert "No configured API is named 'Members documentation'" in error
    assert "'Core documentation'" in error


def test_an_overlay_action_that_matches_nothing(workspace, capsys):
    overlay = workspace.spec / "core" / "overlay.yaml"
    overlay.write_text(
        overlay.read_text().replace(
            "$.components.schemas.Person.required",
            "$.components.schemas.Human.required",
        )
    )

    error = _fails_cleanly(workspace, capsys)

    assert "action 1: target $.components.schemas.Human.required matches" in error


def test_a_hand_edited_snapshot(workspace, capsys):
    snapshot = workspace.spec / "core" / "swagger.json"
    snapshot.write_text(snapshot.read_text().replace("Person", "Persona", 1))

    error = _fails_cleanly(workspace, capsys)

    assert "does not match the sha256" in error


def test_the_generator_cannot_start(workspace, capsys):
    (workspace.spec / "openapi-python-client.yaml").write_text("literal_enums: [1, 2\n")

    error = _fails_cleanly(workspace, capsys)

    assert "The generator config" in error


def _add_clashing_schema(workspace: Workspace) -> None:
    """`Event-Kind` becomes class EventKind too, so the generator drops it."""
    workspace.add_fixture_api()
    fixture = workspace.spec / "fixture" / "openapi.yaml"
    fixture.write_text(
        fixture.read_text().replace(
            "\nsecurity:\n",
            "\n    Event-Kind: {type: object, properties: {x: {type: string}}}"
            "\nsecurity:\n",
        )
    )


def test_the_generator_skipping_a_schema_names_it(workspace, capsys):
    _add_clashing_schema(workspace)

    error = _fails_cleanly(workspace, capsys)

    assert "skipped parts of bcc_fixture_api: Event-Kind (" in error
    assert "duplicate models" in error
    assert "allowed_skips" in error


def test_an_allowed_skip_with_a_reason_passes(workspace, capsys):
    _add_clashing_schema(workspace)
    config = workspace.spec / "apis.toml"
    config.write_text(
        config.read_text()
        + '\n[apis.fixture.allowed_skips]\n"Event-Kind" = "a test of the allow-list"\n'
    )

    result = workspace.run("regenerate", capsys=capsys)

    assert result.code == 0, result.err
    assert (workspace.generated / "bcc_fixture_api" / "models" / "event.py").exists()


def test_missing_node_tools(workspace, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BCC_NODE_TOOLS", str(tmp_path / "nowhere"))

    error = _fails_cleanly(workspace, capsys)

    assert "npm ci --prefix tools/node" in error


def test_a_disk_failure_while_swapping_rolls_everything_back(
    workspace, capsys, monkeypatch
):
    workspace.add_fixture_api()
    real_replace = os.replace
    calls = []

    def failing_replace(source, target):
        calls.append(target)
        if len(calls) == 3:  # core moved aside and in; fixture half-way
            raise OSError(28, "No space left on device", str(target))
        real_replace(source, target)

    monkeypatch.setattr(pipeline.os, "replace", failing_replace)

    error = _fails_cleanly(workspace, capsys)

    assert "No space left on device" in error
    assert "Nothing in spec/ or generated/ was changed" in error
    assert len(calls) >= 3


def test_an_overlay_that_breaks_the_spec_is_blamed(workspace, capsys):
    overlay = workspace.spec / "core" / "overlay.yaml"
    overlay.write_text(
        overlay.read_text()
        + "  - target: $.components.schemas.Person\n"
        + "    description: a broken correction\n"
        + "    update: {type: 12}\n"
    )

    error = _fails_cleanly(workspace, capsys)

    assert "spec (swagger.json) after its overlay is not a valid spec" in error
    assert "components/schemas/Person" in error or "12" in error


def _yaml_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "given.yaml"
    path.write_text(text)
    return str(path)


def test_a_yaml_alias_bomb_fails_fast(workspace, tmp_path, capsys):
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 8):
        below = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([below] * 9)}]")

    error = _fails_cleanly(
        workspace, capsys, "--from", _yaml_file(tmp_path, "\n".join(lines) + "\n")
    )

    assert "expands to more than 2,000,000 values" in error


def test_a_yaml_alias_that_contains_itself(workspace, tmp_path, capsys):
    error = _fails_cleanly(
        workspace,
        capsys,
        "--from",
        _yaml_file(tmp_path, "swagger: '2.0'\na: &a [*a]\n"),
    )

    assert "contain themselves" in error


def test_json_nested_absurdly_deep(workspace, tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}")

    error = _fails_cleanly(workspace, capsys, "--from", str(path))

    assert "nested too deeply" in error


def test_an_empty_file(workspace, tmp_path, capsys):
    error = _fails_cleanly(workspace, capsys, "--from", _yaml_file(tmp_path, "\n"))

    assert "is empty" in error


def test_a_reference_to_the_whole_document(workspace, tmp_path, capsys):
    document = {**SWAGGER_HEAD, "paths": {}, "definitions": {"A": {"$ref": "#"}}}

    error = _fails_cleanly(workspace, capsys, "--from", _spec_file(tmp_path, document))

    assert "reference to the whole document" in error


def test_a_corrupt_metadata_file(workspace, capsys):
    (workspace.spec / "core" / "source.json").write_text("{not json")

    error = _fails_cleanly(workspace, capsys)

    assert "source.json is not a JSON object" in error


def test_a_misspelt_generator_setting(workspace, capsys):
    config = workspace.spec / "openapi-python-client.yaml"
    config.write_text(config.read_text() + "literal_enum: true\n")

    error = _fails_cleanly(workspace, capsys)

    assert "does not know: literal_enum" in error


def test_scopes_that_would_share_an_enum_member(workspace, capsys):
    workspace.add_fixture_api()
    fixture = workspace.spec / "fixture" / "openapi.yaml"
    fixture.write_text(
        fixture.read_text().replace(
            "            events#write: Create events\n",
            "            events#write: Create events\n"
            "            events.write: Also create events\n",
        )
    )

    error = _fails_cleanly(workspace, capsys)

    assert "'events#write' and 'events.write' would both be Scope.EVENTS_WRITE" in error


def test_a_terminated_regeneration_changes_nothing(workspace: Workspace):
    """SIGTERM at any moment rolls back, as Ctrl-C does."""
    before = workspace.digest()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "scripts")}
    command = [sys.executable, "-m", "bcc_regen", "regenerate"]
    command += ["--config", str(workspace.spec / "apis.toml")]
    command += ["--generated", str(workspace.generated)]

    for delay in (0.3, 0.9, 1.3):
        process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)

        # -15: terminated while still importing, before anything was staged.
        assert process.returncode in {0, 130, -signal.SIGTERM}, err
        if process.returncode == 130:
            assert "interrupted; spec/ and generated/ are as they were" in err
        assert workspace.digest() == before
        assert not list(workspace.root.glob(".regen-*"))


@pytest.mark.parametrize("interrupted_move", [1, 2, 3, 4, 5])
def test_an_interrupt_right_after_any_move_is_rolled_back(
    workspace, capsys, monkeypatch, tmp_path, interrupted_move
):
    """Ctrl-C landing just after a file was moved, before anything else ran."""
    spec = tmp_path / "pulled.json"
    spec.write_text(
        (workspace.spec / "core" / "swagger.json")
        .read_text()
        .replace('"version": "1.0.1"', '"version": "1.0.2"')
    )
    before = workspace.digest()
    real_replace = os.replace
    calls = []

    def replace_then_interrupt(source, target):
        real_replace(source, target)
        calls.append(target)
        if len(calls) == interrupted_move:
            raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.os, "replace", replace_then_interrupt)

    result = workspace.run("regenerate", "--from", str(spec), capsys=capsys)

    assert result.code == 130
    assert workspace.digest() == before
