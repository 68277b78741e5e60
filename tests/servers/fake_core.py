"""
A small fake of BCC's Core API, for tests and benchmarks, on the loopback only.

It is a real threaded HTTP server. It checks bearer tokens (decodes the JWT
and checks `aud` and `exp`; the signature is not verified), hides person fields
the token's scopes do not cover, pages (at most `max_limit` items a page),
filters, selects fields (always keeping `uid`, the identity field) and sorts,
and answers with the API's error bodies. Created and changed persons are
answered in full, with their `personID` and a new `lastChangedDate`. Faults are
injected on demand, either from Python (`FakeCore.add_fault`) or over HTTP
(`POST /__control/faults`), and every request is counted.

Persons are generated from their index, so 100,000 of them cost nothing until
a page is asked for, and every run sees the same data.

Run it on its own with:

    python tests/servers/fake_core.py --port 8081 --audience api.test --persons 100000

It prints one JSON line, `{"url": "http://127.0.0.1:8081"}`, once listening.
`--max-limit N` caps list pages at N items (1000 by default).

Control endpoints (no auth):
    GET  /__control/stats    counters
    POST /__control/faults   a JSON list of faults (see `Fault`)
    POST /__control/revoke   reject every token seen so far (invalid-token)
    POST /__control/reset    clear faults, counters, revocations, created persons
"""

from __future__ import annotations

import argparse
import base64
import binascii
import collections
import contextlib
import datetime as dt
import itertools
import json
import re
import signal
import socket
import sys
import threading
import time
import typing
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

__all__ = ["PERSON_FIELDS_BY_SCOPE", "FakeCore", "Fault", "person"]

IDENTITY_FIELD = "uid"
ALWAYS_VISIBLE = (IDENTITY_FIELD, "personID", "lastChangedDate")
PERSON_FIELDS_BY_SCOPE: Mapping[str, tuple[str, ...]] = {
    "persons.name#read": ("firstName", "middleName", "lastName", "displayName"),
    "persons.birth_date#read": ("birthDate",),
    "persons.deceased_date#read": ("deceasedDate",),
    "persons.gender#read": ("gender",),
    "persons.email#read": ("email", "emailVerified"),
    "persons.phone#read": ("cellPhone", "cellPhoneVerified", "homePhone"),
    "persons.address#read": ("address",),
    "persons.national_ids#read": ("nationalIds",),
}
ALL_PERSON_FIELDS = (
    *ALWAYS_VISIBLE,
    *itertools.chain.from_iterable(PERSON_FIELDS_BY_SCOPE.values()),
    "maritalStatus",
    "profilePicture",
)
READ_SCOPES = ("persons#read", *PERSON_FIELDS_BY_SCOPE)
WRITE_SCOPE = "persons#write"

FIRST_NAMES = ("Anna", "Bjørn", "Clara", "David", "Eva", "Fredrik", "Grete", "Hans")
LAST_NAMES = ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen")
CITIES = ("Oslo", "Bergen", "Trondheim", "Stavanger", "Hamburg", "Toronto")
EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
UID_RE = re.compile(r"00000000-0000-4000-8000-([0-9a-f]{12})")
DEFAULT_LIMIT = 20
MAX_LIMIT = 1000


def person_uid(index: int) -> str:
    return f"00000000-0000-4000-8000-{index:012x}"


def person(index: int) -> dict[str, typing.Any]:
    """The full record of person number *index* (all fields)."""
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
    born = dt.date(1940, 1, 1) + dt.timedelta(days=(index * 37) % 30000)
    return {
        "uid": person_uid(index),
        "personID": 10_000 + index,
        "lastChangedDate": (EPOCH + dt.timedelta(minutes=index)).isoformat(),
        "firstName": first,
        "middleName": "",
        "lastName": last,
        "displayName": f"{first} {last}",
        "birthDate": born.isoformat(),
        "deceasedDate": None,
        "gender": "Male" if index % 2 else "Female",
        "email": f"person{index}@example.invalid",
        "emailVerified": index % 3 == 0,
        "cellPhone": f"+47 9{index:07d}",
        "cellPhoneVerified": False,
        "homePhone": "",
        "address": {
            "address1": f"Street {index % 100}",
            "city": CITIES[index % len(CITIES)],
            "postalCode": f"{1000 + index % 9000}",
            "countryCode": "NO",
        },
        "nationalIds": [{"countryIso2Code": "NO", "id": f"{index:011d}"}],
        "maritalStatus": "Single",
        "profilePicture": "",
    }


@dataclass
class Fault:
    """
    A fault injected into matching requests.

    Attributes:
        kind: `"status"` (answer with *status*), `"drop"` (close the connection
            without answering), `"delay"` (wait *seconds*, then answer normally)
            or `"invalid_token"` (401 with code invalid-token).
        method: Only requests with this method; any when `None`.
        path: Only requests whose path starts with this; any when `None`.
        status: The status for `"status"` faults.
        code: The error code in the body of `"status"` faults.
        retry_after: A `Retry-After` header value for `"status"` faults.
        seconds: The wait of `"delay"` faults.
        times: How many requests to affect; `None` for all of them.
    """

    kind: str = "status"
    method: str | None = None
    path: str | None = None
    status: int = 503
    code: str = "internal-error"
    retry_after: str | None = None
    seconds: float = 0.0
    times: int | None = 1

    def matches(self, method: str, path: str) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        if self.method is not None and self.method.upper() != method:
            return False
        return self.path is None or path.startswith(self.path)


class _ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass
class _State:
    audiences: frozenset[str]
    persons: int
    max_limit: int = MAX_LIMIT
    faults: list[Fault] = field(default_factory=list)
    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    seen_tokens: set[str] = field(default_factory=set)
    revoked: set[str] = field(default_factory=set)
    created: dict[str, dict[str, typing.Any]] = field(default_factory=dict)
    request_ids: itertools.count[int] = field(default_factory=itertools.count)
    lock: threading.Lock = field(default_factory=threading.Lock)


class FakeCore:
    """
    The fake Core API server; use as a context manager or call start/stop.

    Args:
        audience: Accepted `aud` claim(s) of bearer tokens.
        persons: How many persons exist.
        host: Must be a loopback address.
        port: 0 picks a free port.
        max_limit: The most items a list page holds, whatever `limit` asks for
            (changeable later through `state.max_limit`).
    """

    def __init__(
        self,
        *,
        audience: str | typing.Iterable[str] = "api.test",
        persons: int = 1000,
        host: str = "127.0.0.1",
        port: int = 0,
        max_limit: int = MAX_LIMIT,
    ) -> None:
        if host not in {"127.0.0.1", "::1", "localhost"}:
            msg = f"FakeCore listens on the loopback interface only, not {host!r}."
            raise ValueError(msg)
        audiences = [audience] if isinstance(audience, str) else list(audience)
        self.state = _State(
            audiences=frozenset(audiences), persons=persons, max_limit=max_limit
        )
        self._server = _Server((host, port), _handler_for(self.state))
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeCore:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeCore:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def add_fault(self, fault: Fault) -> None:
        with self.state.lock:
            self.state.faults.append(fault)

    def revoke_seen_tokens(self) -> None:
        """Make every token seen so far fail with 401 invalid-token."""
        with self.state.lock:
            self.state.revoked |= self.state.seen_tokens

    def reset(self) -> None:
        with self.state.lock:
            self.state.faults.clear()
            self.state.counts.clear()
            self.state.revoked.clear()
            self.state.seen_tokens.clear()
            self.state.created.clear()

    def count(self, method: str, route: str) -> int:
        """Requests received for *method* and *route* (`"/v2/persons/{uid}"`)."""
        return self.state.counts[f"{method.upper()} {route}"]

    def stats(self) -> dict[str, typing.Any]:
        with self.state.lock:
            counts = dict(self.state.counts)
        posts = sum(n for key, n in counts.items() if key.startswith("POST "))
        return {"requests": counts, "posts": posts}


def _decode_jwt(token: str) -> dict[str, typing.Any]:
    try:
        payload = token.split(".")[1]
        padded = payload + "=" * (-len(payload) % 4)
        claims = json.loads(base64.urlsafe_b64decode(padded))
    except (IndexError, ValueError, binascii.Error) as error:
        msg = "the bearer token is not a JWT"
        raise _ApiError(401, "cannot-parse-token", msg) from error
    if not isinstance(claims, dict):
        raise _ApiError(401, "cannot-parse-token", "the JWT payload is not an object")
    return claims


def _visible_fields(scopes: set[str]) -> tuple[str, ...]:
    if "persons#read" in scopes:
        return ALL_PERSON_FIELDS
    extra = [f for s in scopes for f in PERSON_FIELDS_BY_SCOPE.get(s, ())]
    return (*ALWAYS_VISIBLE, *extra)


_OPERATORS: dict[str, Callable[[typing.Any, typing.Any], bool]] = {
    "_eq": lambda v, a: v == a,
    "_neq": lambda v, a: v != a,
    "_in": lambda v, a: v in a,
    "_nin": lambda v, a: v not in a,
    "_gt": lambda v, a: v is not None and v > a,
    "_gte": lambda v, a: v is not None and v >= a,
    "_lt": lambda v, a: v is not None and v < a,
    "_lte": lambda v, a: v is not None and v <= a,
    "_contains": lambda v, a: isinstance(v, str) and a in v,
    "_icontains": lambda v, a: isinstance(v, str) and a.lower() in v.lower(),
    "_starts_with": lambda v, a: isinstance(v, str) and v.startswith(a),
}


def _compile_filter(
    condition: typing.Any, visible: tuple[str, ...]
) -> Callable[[dict[str, typing.Any]], bool]:
    if not isinstance(condition, dict):
        raise _ApiError(400, "invalid-query", "a filter must be a JSON object")
    tests: list[Callable[[dict[str, typing.Any]], bool]] = []
    for key, value in condition.items():
        if key in {"_and", "_or"}:
            if not isinstance(value, list):
                raise _ApiError(400, "invalid-query", f"{key} takes a list")
            parts = [_compile_filter(part, visible) for part in value]
            combine = all if key == "_and" else any
            tests.append(lambda p, parts=parts, c=combine: c(t(p) for t in parts))
            continue
        if key not in visible:
            msg = f"cannot filter on {key!r}: unknown or not readable with this token"
            raise _ApiError(400, "invalid-query", msg)
        ops = value if isinstance(value, dict) else {"_eq": value}
        for op, arg in ops.items():
            if op not in _OPERATORS:
                raise _ApiError(400, "invalid-query", f"unknown operator {op!r}")
            fn = _OPERATORS[op]
            tests.append(lambda p, k=key, f=fn, a=arg: f(p.get(k), a))
    return lambda p: all(t(p) for t in tests)


def _int_param(query: Mapping[str, list[str]], name: str) -> int | None:
    if name not in query:
        return None
    try:
        value = int(query[name][0])
    except ValueError:
        msg = f"{name} must be an integer"
        raise _ApiError(400, "invalid-query", msg) from None
    if value < 0:
        raise _ApiError(400, "invalid-query", f"{name} must not be negative")
    return value


def _handler_for(state: _State) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        pass

    Handler.state = state
    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # Many clients connect at once in the concurrency tests and the soak; with
    # socketserver's backlog of 5 they would wait for SYN retransmissions.
    request_queue_size = 128

    def handle_error(self, request: typing.Any, client_address: typing.Any) -> None:
        """A client that hung up early (a timeout, on purpose) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: without TCP_NODELAY a small
    # body waits for the client's delayed ACK, about 40 ms a request.
    disable_nagle_algorithm = True
    state: _State

    def log_message(self, format: str, *args: typing.Any) -> None:
        """Stay quiet; tests count requests through the stats instead."""

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._handle("PUT")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    # -- plumbing ---------------------------------------------------------

    def _handle(self, method: str) -> None:
        parts = urlsplit(self.path)
        body = self._read_body()
        if parts.path.startswith("/__control/"):
            self._control(method, parts.path, body)
            return

        route, args = _route(parts.path)
        with self.state.lock:
            self.state.counts[f"{method} {route}"] += 1
            fault = next(
                (f for f in self.state.faults if f.matches(method, parts.path)), None
            )
            if fault is not None and fault.times is not None:
                fault.times -= 1
            request_id = f"req-{next(self.state.request_ids)}"

        if fault is not None:
            if fault.kind == "drop":
                self._drop()
                return
            if fault.kind == "delay":
                time.sleep(fault.seconds)
            elif fault.kind == "invalid_token":
                self._error(401, "invalid-token", "token is expired", request_id)
                return
            elif fault.kind == "status":
                headers = (
                    {"Retry-After": fault.retry_after} if fault.retry_after else {}
                )
                message = HTTPStatus(fault.status).phrase
                self._error(fault.status, fault.code, message, request_id, headers)
                return

        try:
            scopes = self._authenticate()
            status, payload = self._dispatch(
                method=method,
                route=route,
                args=args,
                query_string=parts.query,
                body=body,
                scopes=scopes,
            )
        except _ApiError as error:
            self._error(error.status, error.code, error.message, request_id)
            return
        except Exception as error:  # a bug here must still look like the API
            message = f"fake server failure: {type(error).__name__}: {error}"
            self._error(500, "internal-error", message, request_id)
            return
        self._send(status, payload, request_id)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(
        self,
        status: int,
        payload: object,
        request_id: str | None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if request_id:
            self.send_header("X-Request-Id", request_id)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _error(
        self,
        status: int,
        code: str,
        message: str,
        request_id: str | None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        body = {"error": {"code": code, "message": message}}
        self._send(status, body, request_id, headers)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _control(self, method: str, path: str, body: bytes) -> None:
        state = self.state
        if method == "GET" and path == "/__control/stats":
            with state.lock:
                counts = dict(state.counts)
            posts = sum(n for key, n in counts.items() if key.startswith("POST "))
            self._send(200, {"requests": counts, "posts": posts}, None)
        elif method == "POST" and path == "/__control/faults":
            faults = [Fault(**item) for item in json.loads(body or b"[]")]
            with state.lock:
                state.faults.extend(faults)
            self._send(200, {"added": len(faults)}, None)
        elif method == "POST" and path == "/__control/revoke":
            with state.lock:
                state.revoked |= state.seen_tokens
            self._send(200, {}, None)
        elif method == "POST" and path == "/__control/reset":
            with state.lock:
                state.faults.clear()
                state.counts.clear()
                state.revoked.clear()
                state.seen_tokens.clear()
                state.created.clear()
            self._send(200, {}, None)
        else:
            self._send(404, {}, None)

    def _authenticate(self) -> set[str]:
        header = self.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise _ApiError(401, "unauthorized", "a bearer token is required")
        claims = _decode_jwt(token)
        with self.state.lock:
            self.state.seen_tokens.add(token)
            revoked = token in self.state.revoked
        if revoked:
            raise _ApiError(401, "invalid-token", "token has been revoked")
        audience = claims.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if not self.state.audiences.intersection(a for a in audiences if a):
            raise _ApiError(401, "invalid-token", "token audience is not this API")
        if (
            not isinstance(claims.get("exp"), int | float)
            or claims["exp"] < time.time()
        ):
            raise _ApiError(401, "invalid-token", "token is expired")
        scope = claims.get("scope")
        return set(scope.split()) if isinstance(scope, str) else set()

    # -- the API ----------------------------------------------------------

    def _dispatch(
        self,
        *,
        method: str,
        route: str,
        args: dict[str, str],
        query_string: str,
        body: bytes,
        scopes: set[str],
    ) -> tuple[int, object]:
        query = parse_qs(query_string)
        if route == "/v2/persons" and method == "GET":
            _require(scopes, READ_SCOPES)
            return 200, self._find_persons(query, scopes)
        if route == "/v2/persons/{uid}" and method == "GET":
            _require(scopes, READ_SCOPES)
            return 200, {"data": self._get_person(args["uid"], query, scopes)}
        if route == "/v2/persons" and method == "POST":
            _require(scopes, (WRITE_SCOPE,))
            return 200, {"data": self._create_person(body)}
        if route == "/v2/persons/{uid}" and method == "PUT":
            _require(scopes, (WRITE_SCOPE,))
            return 200, {"data": self._update_person(args["uid"], body)}
        if route == "/v2/persons/{uid}" and method == "DELETE":
            _require(scopes, (WRITE_SCOPE,))
            self._index_of(args["uid"])
            return 200, {"data": 1}
        raise _ApiError(404, "not-found", f"no route for {method} {route}")

    def _index_of(self, uid: str) -> int:
        match = UID_RE.fullmatch(uid)
        index = int(match.group(1), 16) if match else -1
        if not 0 <= index < self.state.persons:
            raise _ApiError(404, "not-found", f"person {uid} not found")
        return index

    def _get_person(
        self, uid: str, query: Mapping[str, list[str]], scopes: set[str]
    ) -> dict[str, typing.Any]:
        with self.state.lock:
            created = self.state.created.get(uid)
        record = created if created is not None else person(self._index_of(uid))
        return _project(record, _selected_fields(query, scopes))

    def _find_persons(
        self, query: Mapping[str, list[str]], scopes: set[str]
    ) -> dict[str, typing.Any]:
        limit = _int_param(query, "limit")
        limit = DEFAULT_LIMIT if limit is None else min(limit, self.state.max_limit)
        offset = _int_param(query, "offset")
        page = _int_param(query, "page")
        if offset is None:
            offset = (page - 1) * limit if page else 0

        visible = _visible_fields(scopes)
        selected = _selected_fields(query, scopes)
        matches = _matches(self.state.persons, query, visible)
        total, rows = matches(offset, limit)
        data = [_project(row, selected) for row in rows]
        return {
            "data": data,
            "meta": {"limit": limit, "skipped": offset, "total": total},
        }

    def _create_person(self, body: bytes) -> dict[str, typing.Any]:
        record = _json_object(body)
        email = record.get("email")
        with self.state.lock:
            clash = email and any(
                p.get("email") == email for p in self.state.created.values()
            )
            if clash:
                raise _ApiError(409, "duplicate-unique-key", "email is already in use")
            uid = str(uuid.uuid4())
            record = {
                **record,
                "uid": uid,
                "personID": 900_000 + len(self.state.created),
                "lastChangedDate": dt.datetime.now(dt.UTC).isoformat(),
            }
            self.state.created[uid] = record
        return record

    def _update_person(self, uid: str, body: bytes) -> dict[str, typing.Any]:
        """Overwrite the fields in *body*; the identity fields stay."""
        changes = _json_object(body)
        with self.state.lock:
            current = self.state.created.get(uid)
            if current is None:
                current = person(self._index_of(uid))
            record = {
                **current,
                **changes,
                "uid": uid,
                "personID": current["personID"],
                "lastChangedDate": dt.datetime.now(dt.UTC).isoformat(),
            }
            self.state.created[uid] = record
        return record


def _route(path: str) -> tuple[str, dict[str, str]]:
    parts = path.rstrip("/").split("/")
    if len(parts) == 4 and parts[1:3] == ["v2", "persons"]:
        return "/v2/persons/{uid}", {"uid": parts[3]}
    return path.rstrip("/") or "/", {}


def _require(scopes: set[str], accepted: tuple[str, ...]) -> None:
    if not scopes.intersection(accepted):
        msg = f"one of these scopes is required: {', '.join(accepted)}"
        raise _ApiError(403, "missing-scopes", msg)


def _json_object(body: bytes) -> dict[str, typing.Any]:
    try:
        value = json.loads(body or b"null")
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise _ApiError(400, "invalid-body", "the body must be a JSON object")
    return value


def _selected_fields(
    query: Mapping[str, list[str]], scopes: set[str]
) -> tuple[str, ...]:
    visible = _visible_fields(scopes)
    if "fields" not in query:
        return visible
    wanted = [name for name in query["fields"][0].split(",") if name]
    unknown = [name for name in wanted if name not in ALL_PERSON_FIELDS]
    if unknown:
        raise _ApiError(400, "invalid-query", f"unknown fields: {', '.join(unknown)}")
    # Like the real API, the identity field comes back whatever was selected.
    chosen = [name for name in wanted if name in visible and name != IDENTITY_FIELD]
    return (IDENTITY_FIELD, *chosen)


def _project(
    record: Mapping[str, typing.Any], names: tuple[str, ...]
) -> dict[str, typing.Any]:
    return {name: record[name] for name in names if name in record}


def _matches(
    persons: int, query: Mapping[str, list[str]], visible: tuple[str, ...]
) -> Callable[[int, int], tuple[int, list[dict[str, typing.Any]]]]:
    """Return a function (offset, limit) -> (total, rows), lazy where it can be."""
    predicate = None
    if "filter" in query:
        try:
            condition = json.loads(query["filter"][0])
        except ValueError:
            raise _ApiError(400, "invalid-query", "filter is not valid JSON") from None
        predicate = _compile_filter(condition, visible)
    keys = [key for key in query.get("sort", [""])[0].split(",") if key]
    for key in keys:
        if key.lstrip("-") not in visible:
            raise _ApiError(400, "invalid-query", f"cannot sort on {key.lstrip('-')!r}")

    natural = all(key.lstrip("-") in {"uid", "personID"} for key in keys)
    descending = bool(keys) and keys[0].startswith("-")
    if predicate is None and natural:

        def window(offset: int, limit: int) -> tuple[int, list[dict[str, typing.Any]]]:
            stop = min(persons, offset + limit)
            indexes: Iterator[int] = iter(range(offset, stop))
            if descending:
                indexes = (persons - 1 - i for i in range(offset, stop))
            return persons, [person(i) for i in indexes]

        return window

    def scan(offset: int, limit: int) -> tuple[int, list[dict[str, typing.Any]]]:
        rows = (person(i) for i in range(persons))
        chosen = [row for row in rows if predicate is None or predicate(row)]
        for key in reversed(keys):
            name = key.lstrip("-")
            chosen.sort(
                key=lambda r, n=name: (r.get(n) is None, r.get(n)),
                reverse=key.startswith("-"),
            )
        return len(chosen), chosen[offset : offset + limit]

    return scan


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--audience", action="append", default=[])
    parser.add_argument("--persons", type=int, default=1000)
    parser.add_argument("--max-limit", type=int, default=MAX_LIMIT)
    options = parser.parse_args(argv)

    server = FakeCore(
        audience=options.audience or ["api.test"],
        persons=options.persons,
        host=options.host,
        port=options.port,
        max_limit=options.max_limit,
    )
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    with server:
        print(json.dumps({"url": server.url}), flush=True)
        stopped.wait()


if __name__ == "__main__":
    main()
