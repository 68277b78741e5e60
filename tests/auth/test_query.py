"""Query helpers and iterating over every item of a list operation."""

from __future__ import annotations

import asyncio
import json

import bcc_api
import pytest
from bcc_core_api.api.persons import find_persons
from bcc_core_api.types import Unset

pytestmark = pytest.mark.node


def test_helpers_build_the_parameters_the_api_expects():
    assert bcc_api.fields(["uid", "firstName"]) == "uid,firstName"
    assert bcc_api.sort(["lastName", "-birthDate"]) == "lastName,-birthDate"
    assert json.loads(bcc_api.filter_json({"lastName": {"_eq": "Olsen"}})) == {
        "lastName": {"_eq": "Olsen"}
    }
    assert bcc_api.filter_json('{"a":1}') == '{"a":1}'
    assert bcc_api.search("ann", in_fields=["firstName", "lastName"]) == {
        "_or": [
            {"firstName": {"_icontains": "ann"}},
            {"lastName": {"_icontains": "ann"}},
        ]
    }


def test_iterate_yields_every_item_page_by_page(settings, fake_core):
    with bcc_api.connect(**settings) as bcc:
        uids = [str(p.uid) for p in bcc.iterate(find_persons, page_size=300)]

    assert len(uids) == len(set(uids)) == 1000
    assert fake_core.count("GET", "/v2/persons") == 4


def test_iterate_is_lazy(settings, fake_core):
    with bcc_api.connect(**settings) as bcc:
        people = bcc.iterate(find_persons, page_size=10)
        assert fake_core.count("GET", "/v2/persons") == 0
        first = next(people)
        assert fake_core.count("GET", "/v2/persons") == 1
        people.close()

    assert first.person_id == 10_000


def test_iterate_sends_filter_fields_and_sort(settings, fake_core):
    condition = {
        "_and": [
            bcc_api.search("bjørn", in_fields=["firstName"]),
            {"lastName": {"_eq": "Olsen"}},
        ]
    }
    with bcc_api.connect(**settings) as bcc:
        people = list(
            bcc.iterate(
                find_persons,
                filter=condition,
                fields=["uid", "personID", "firstName", "lastName"],
                sort=["-personID"],
                page_size=7,
            )
        )

    assert people
    assert {(p.first_name, p.last_name) for p in people} == {("Bjørn", "Olsen")}
    ids = [p.person_id for p in people]
    assert ids == sorted(ids, reverse=True)
    assert all(isinstance(p.display_name, type(p.email)) for p in people)


def test_iterate_refuses_its_own_paging_arguments(settings, fake_core):
    with bcc_api.connect(**settings) as bcc, pytest.raises(ValueError, match="page"):
        next(bcc.iterate(find_persons, limit=5))


def test_iterate_async_yields_every_item(settings, fake_core):
    async def run():
        async with bcc_api.connect_async(**settings) as bcc:
            return [p.uid async for p in bcc.iterate(find_persons, page_size=250)]

    assert len(set(asyncio.run(run()))) == 1000
    assert fake_core.count("GET", "/v2/persons") == 4


def test_fields_hidden_by_the_token_scopes_are_unset_not_errors(settings, fake_core):
    """BUG-01 at run time: required-in-the-spec fields may be absent."""
    with bcc_api.connect(**settings) as bcc:
        person = next(bcc.iterate(find_persons, page_size=1))

    assert person.display_name == "Anna Hansen"
    assert isinstance(person.birth_date, Unset)
    assert isinstance(person.gender, Unset)
    assert "birthDate" not in person.to_dict()
