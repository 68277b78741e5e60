"""Query helpers and iterating over every item of a list operation."""

from __future__ import annotations

import asyncio
import http.server
import json
import threading

import attrs
import bcc_api
import httpx
import pytest
from bcc_core_api.api.persons import find_persons, get_person, update_person
from bcc_core_api.types import Unset

from .conftest import new_person

pytestmark = pytest.mark.node


def test_helpers_build_the_parameters_the_api_expects():
    assert bcc_api.fields(["uid", "firstName"]) == "uid,firstName"
    assert bcc_api.fields(["firstName", "address.city"]) == "uid,firstName,address.city"
    assert bcc_api.fields("lastName, uid") == "lastName,uid"
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


def test_iterate_gets_every_item_when_the_server_caps_the_page_size(
    settings, fake_core
):
    fake_core.state.max_limit = 300

    with bcc_api.connect(**settings) as bcc:
        uids = [str(p.uid) for p in bcc.iterate(find_persons, page_size=1000)]

    assert len(uids) == len(set(uids)) == 1000
    assert fake_core.count("GET", "/v2/persons") == 4  # 300, 300, 300, 100


def test_iterate_async_gets_every_item_when_the_server_caps_the_page_size(
    settings, fake_core
):
    fake_core.state.max_limit = 400

    async def run():
        async with bcc_api.connect_async(**settings) as bcc:
            return [p.uid async for p in bcc.iterate(find_persons, page_size=1500)]

    assert len(set(asyncio.run(run()))) == 1000
    assert fake_core.count("GET", "/v2/persons") == 3


class RecordingTransport(httpx.HTTPTransport):
    """A real transport that remembers the query of every API request."""

    def __init__(self) -> None:
        super().__init__()
        self.queries: list[dict[str, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/v2/"):
            self.queries.append(dict(request.url.params))
        return super().handle_request(request)


def test_iterate_asks_for_uid_when_fields_leave_it_out(settings, fake_core):
    transport = RecordingTransport()

    with bcc_api.connect(**settings, transport=transport) as bcc:
        people = list(
            bcc.iterate(find_persons, fields=["personID", "firstName"], page_size=400)
        )

    assert {query["fields"] for query in transport.queries} == {
        "uid,personID,firstName"
    }
    assert len(people) == 1000
    assert str(people[3].uid) == "00000000-0000-4000-8000-000000000003"
    assert people[3].first_name == "David"
    assert isinstance(people[3].last_name, Unset)


def test_call_asks_for_uid_when_fields_leave_it_out(settings, fake_core):
    uid = "00000000-0000-4000-8000-000000000005"
    transport = RecordingTransport()

    with bcc_api.connect(**settings, transport=transport) as bcc:
        person = bcc.call(get_person, uid=uid, fields="personID,firstName")

    assert transport.queries == [{"fields": "uid,personID,firstName"}]
    assert str(person.uid) == uid
    assert person.first_name == "Fredrik"


def test_fields_with_only_the_display_name_are_read(settings, fake_core):
    with bcc_api.connect(**settings) as bcc:
        person = next(bcc.iterate(find_persons, fields=["displayName"]))

    assert str(person.uid) == "00000000-0000-4000-8000-000000000000"
    assert person.display_name == "Anna Hansen"
    assert isinstance(person.person_id, Unset)


def test_the_reply_to_an_update_is_read(settings, fake_core):
    settings["scopes"] = [bcc_api.Scope.PERSONS_WRITE, bcc_api.Scope.PERSONS_READ]
    uid = "00000000-0000-4000-8000-000000000009"

    with bcc_api.connect(**settings) as bcc:
        updated = bcc.call(update_person, uid=uid, body=new_person())
        again = bcc.call(get_person, uid=uid)

    assert str(updated.uid) == uid
    assert updated.person_id == 10_009
    assert updated.display_name == "Ada Lovelace"
    assert not isinstance(updated.last_changed_date, Unset)
    assert again.display_name == "Ada Lovelace"


class IgnoresOffset(http.server.BaseHTTPRequestHandler):
    """A list endpoint that answers every request with the first page."""

    def do_GET(self) -> None:
        rows = [{"uid": f"00000000-0000-4000-8000-00000000000{i}"} for i in range(2)]
        body = json.dumps(
            {"data": rows, "meta": {"limit": 2, "skipped": 0, "total": 10}}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def test_iterate_stops_with_an_error_when_pages_do_not_follow_the_offset(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), IgnoresOffset)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings["environment"] = attrs.evolve(
            settings["environment"], api_url=f"http://127.0.0.1:{server.server_port}"
        )
        with bcc_api.connect(**settings) as bcc:
            people = bcc.iterate(find_persons, page_size=2)
            first_page = [next(people), next(people)]
            with pytest.raises(bcc_api.BccApiError, match="from offset 0"):
                next(people)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    assert len(first_page) == 2
