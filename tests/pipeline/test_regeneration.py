"""Regeneration from the committed snapshot and from the real published spec."""

from __future__ import annotations

from bcc_core_api.scopes import OPERATION_SCOPES, SCOPE_DESCRIPTIONS, Scope

from .conftest import REPO_ROOT, SHARED_SPEC, Workspace, needs_shared_spec, tree_digest


def test_regenerating_twice_gives_identical_files(workspace: Workspace, capsys):
    first = workspace.run("regenerate", capsys=capsys)
    once = tree_digest(workspace.generated)
    second = workspace.run("regenerate", capsys=capsys)

    assert (first.code, second.code) == (0, 0)
    assert tree_digest(workspace.generated) == once


def test_the_committed_client_is_what_the_snapshot_generates(workspace, capsys):
    result = workspace.run("regenerate", capsys=capsys)

    assert result.code == 0, result.err
    assert tree_digest(workspace.generated) == tree_digest(REPO_ROOT / "generated"), (
        "generated/ is stale: run `nox -s regenerate` and commit the result"
    )


def test_the_real_spec_regenerates_every_operation(workspace: Workspace, capsys):
    needs_shared_spec()

    result = workspace.run("regenerate", "--from", str(SHARED_SPEC), capsys=capsys)

    assert result.code == 0, result.err
    assert "44 operations and 62 models" in result.err
    modules = [
        p
        for p in (workspace.generated / "bcc_core_api" / "api").rglob("*.py")
        if p.name != "__init__.py"
    ]
    assert len(modules) == 44
    assert (workspace.spec / "core" / "swagger.json").read_bytes() == (
        SHARED_SPEC.read_bytes()
    )
    printed = workspace.python(
        "from bcc_core_api.models import Person\n"
        "p = Person.from_dict({'uid': '0b0c3a52-64c9-4b5e-9a57-7ab9f6f3b2a1',"
        " 'personID': 1, 'lastChangedDate': '2024-01-01T00:00:00Z',"
        " 'firstName': 'Ola', 'lastName': 'Nordmann', 'displayName': 'Ola N'})\n"
        "print(p.first_name)\n"
    )
    assert printed.strip() == "Ola"


def test_the_scopes_module_lists_defined_and_used_scopes():
    assert Scope.PERSONS_NAME_READ == "persons.name#read"
    assert Scope.PERSONS_GROUPS_READ in SCOPE_DESCRIPTIONS  # used, never defined
    assert "not defined" in SCOPE_DESCRIPTIONS[Scope.PERSONS_GROUPS_READ]
    assert len(OPERATION_SCOPES) == 44
    assert OPERATION_SCOPES[("GET", "/v2/persons/{uid}")][0] is Scope.PERSONS_READ
