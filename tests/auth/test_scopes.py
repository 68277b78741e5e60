"""Scope checking and the scopes operations need."""

from __future__ import annotations

import bcc_api
import pytest
from bcc_api._scopes import operation_scopes, resolve_scopes


def test_scope_members_and_plain_strings_are_both_accepted():
    scopes = resolve_scopes([bcc_api.Scope.PERSONS_NAME_READ, "persons.email#read"])

    assert scopes == ("persons.email#read", "persons.name#read")


def test_scopes_are_sorted_and_deduplicated_for_a_stable_request():
    first = resolve_scopes(["persons.name#read", "orgs#read", "persons.name#read"])
    second = resolve_scopes(["orgs#read", "persons.name#read"])

    assert first == second == ("orgs#read", "persons.name#read")


def test_an_unknown_scope_names_the_closest_known_ones():
    with pytest.raises(bcc_api.UnknownScopeError) as caught:
        resolve_scopes(["persons.names#read"])

    assert caught.value.scope == "persons.names#read"
    assert "persons.name#read" in caught.value.suggestions
    assert "persons.name#read" in str(caught.value)
    assert "allow_unknown_scopes=True" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_unknown_scopes_pass_when_deliberate():
    assert resolve_scopes(["brand.new#read"], allow_unknown=True) == ("brand.new#read",)


def test_connect_checks_scopes_before_anything_else():
    with pytest.raises(bcc_api.UnknownScopeError, match="persons#read"):
        bcc_api.connect(
            environment="sandbox",
            client_id="c",
            client_secret="s",
            scopes=["person#read"],
            use_env=False,
        )


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/v2/persons/abc", "persons#read"),
        ("GET", "/v2/persons/personID/12", "persons.person_id#read"),
        ("POST", "/v2/persons", "persons#write"),
        ("GET", "/groups/g1/members/m2", "persons.groups#read"),
    ],
)
def test_operation_scopes_match_the_most_specific_path(method, path, expected):
    assert expected in operation_scopes(method, path)


def test_operation_scopes_are_empty_for_unknown_paths():
    assert operation_scopes("GET", "/no/such/path") == ()


def test_scopes_none_is_a_clear_configuration_error():
    with pytest.raises(bcc_api.ConfigurationError, match=r"scopes=None .*scopes=\[\]"):
        bcc_api.connect(
            environment="sandbox",
            client_id="c",
            client_secret="s",
            scopes=None,
            use_env=False,
        )


def test_an_upper_case_scope_gets_the_lower_case_suggestion():
    with pytest.raises(bcc_api.UnknownScopeError) as caught:
        resolve_scopes(["PERSONS.NAME#READ"])

    assert caught.value.suggestions[0] == "persons.name#read"
    assert "Closest known: persons.name#read" in str(caught.value)
