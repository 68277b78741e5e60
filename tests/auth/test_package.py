"""The public surface of bcc_api."""

from __future__ import annotations

from pathlib import Path

import bcc_api


def _ruff_order(name: str) -> tuple[int, str]:
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


def test_all_is_sorted_and_complete():
    public = {
        name
        for name, value in vars(bcc_api).items()
        if not name.startswith("_") and getattr(value, "__module__", "") == "bcc_api"
    }

    assert bcc_api.__all__ == sorted(bcc_api.__all__, key=_ruff_order)
    assert public <= set(bcc_api.__all__)
    assert all(hasattr(bcc_api, name) for name in bcc_api.__all__)


def test_public_objects_show_the_package_name():
    assert bcc_api.BccClient.__module__ == "bcc_api"
    assert repr(bcc_api.NotFound).startswith("<class 'bcc_api.")


def test_the_package_is_typed():
    assert (Path(bcc_api.__file__).parent / "py.typed").exists()


def test_the_scope_enum_is_the_generated_one():
    from bcc_core_api.scopes import Scope  # noqa: PLC0415

    assert bcc_api.Scope is Scope
    assert bcc_api.Scope.PERSONS_NAME_READ == "persons.name#read"
