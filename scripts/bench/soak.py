"""
A fault soak of the `bcc_api` package against the fake Core API, on 127.0.0.1.

    PYTHONPATH=scripts:tests/servers python -m bench.soak [--small] [--seed N]
        [--requests N] [--workers N] [--time-limit S] [--quick-faults]

Many workers share one blocking client and send GETs of persons, with a few
POSTs (create person) mixed in, while the fake server answers a seeded random
share of all requests with a fault: 429 with a short `Retry-After`, 503, a
dropped connection, a slow reply, or one slower than the client's read timeout.
Meanwhile tokens expire, and every token seen so far is revoked, every couple
of seconds.

Every attempt that leaves the client is recorded below the retry layer, so the
report can say what was retried and prove what was not:

- every GET succeeds, with the right person;
- no POST goes out twice, except after a 401 (the API refused the token and did
  nothing, so the request is signed anew and sent once more);
- every POST reported as succeeded was created by the server exactly once;
- the server received no POST the client did not record.

The exit status is 1 when any of these breaks, or the soak hits its time limit.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import contextvars
import logging
import random
import sys
import threading
import time
import typing
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import attrs
import bcc_api
import httpx
from bcc_core_api.api.persons import create_persons, get_person
from bcc_core_api.models import Gender, MaritalStatus, PersonWrite

from bench._fake import fake_core, quick_fake
from bench._servers import AUDIENCE, Peers, TokenServer, token_server

__all__ = ["SMALL", "SoakReport", "SoakSettings", "main", "run"]

CREATE_ROUTE = "/v2/persons"
# Eight tries: at a 16% rate of failing faults, a GET fails all of them once in
# about 2.3 million; four tries (the default) would fail about 6 of 10,000.
SOAK_RETRY = bcc_api.RetryPolicy(
    attempts=8, backoff=0.05, max_backoff=0.5, total_timeout=30.0
)


@attrs.frozen(kw_only=True)
class SoakSettings:
    """The size, the fault mix and the bounds of one soak."""

    requests: int = 10_000
    workers: int = 32
    post_share: float = 0.05
    fault_rate: float = 0.2
    token_period: float = 2.0
    read_timeout: float = 2.0
    seed: int = 5
    persons: int = 10_000
    time_limit: float = 240.0
    retry: bcc_api.RetryPolicy = SOAK_RETRY
    fault_mix: tuple[FaultShare, ...] = ()  # () means FAULT_MIX


FaultShare = tuple[float, str, dict[str, typing.Any]]

# The fault mix, as shares of the faulted requests: (share, label, settings).
FAULT_MIX: tuple[FaultShare, ...] = (
    (0.175, "429, Retry-After: 0", {"status": 429, "retry_after": "0"}),
    (0.125, "429, Retry-After: 1", {"status": 429, "retry_after": "1"}),
    (0.25, "503", {"status": 503}),
    (0.2, "dropped connection", {"kind": "drop"}),
    (0.2, "slow reply (0.05-0.3 s)", {"kind": "delay"}),
    (0.05, "slower than the read timeout", {"kind": "delay"}),
)
# Only faults that end well within a token period. A request that outlives
# two revocations fails today: the package renews a rejected token once per
# request. The smoke test uses this mix so that it checks the tools, not that.
QUICK_FAULT_MIX: tuple[FaultShare, ...] = (
    (0.3, "429, Retry-After: 0", {"status": 429, "retry_after": "0"}),
    (0.25, "503", {"status": 503}),
    (0.25, "dropped connection", {"kind": "drop"}),
    (0.2, "slow reply (0.05-0.3 s)", {"kind": "delay"}),
)

SMALL = SoakSettings(requests=300, workers=16, time_limit=60.0)
SLOW_SECONDS = (0.05, 0.15, 0.3)


# --- faults on a seeded share of the requests ----------------------------------


class _Dice:
    """
    One seeded draw per request the fake handles.

    The fake asks its faults in list order, under its lock, whether they match
    a request; the first fault in the list draws, the others compare with the
    draw. So the sequence of draws is fixed by the seed, while which request
    gets which draw depends on the order of arrival.
    """

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)  # noqa: S311 -- reproducible, not secret
        self.choices: list[tuple[float, str, object]] = []
        self.chosen: object = None
        self.counts: collections.Counter[str] = collections.Counter()

    def draw(self) -> None:
        roll = self.random.random()
        self.chosen = None
        for bound, label, fault in self.choices:
            if roll < bound:
                self.chosen = fault
                self.counts[label] += 1
                return
        self.counts["none"] += 1


def install_faults(server: typing.Any, settings: SoakSettings) -> _Dice:
    """Make the fake fail a seeded `fault_rate` share of the API requests."""
    base: typing.Any = fake_core().Fault
    dice = _Dice(settings.seed)

    # The fake's module is loaded at run time, so its classes are Any to mypy.
    class Draw(base):  # type: ignore[misc]
        def matches(self, method: str, path: str) -> bool:
            dice.draw()
            return False

    class Chosen(base):  # type: ignore[misc]
        def matches(self, method: str, path: str) -> bool:
            return dice.chosen is self

    faults: list[typing.Any] = [Draw(times=None)]
    bound = 0.0
    for share, label, options in settings.fault_mix or FAULT_MIX:
        variants: list[dict[str, typing.Any]]
        if label.startswith("slow reply"):
            variants = [{"seconds": s} for s in SLOW_SECONDS]
        elif label.startswith("slower than"):
            variants = [{"seconds": settings.read_timeout + 0.5}]
        elif options.get("status") == 429:
            variants = [{"code": "too-many-requests"}]
        else:
            variants = [{}]
        for variant in variants:
            fault = Chosen(times=None, **options, **variant)
            bound += settings.fault_rate * share / len(variants)
            dice.choices.append((bound, label, fault))
            faults.append(fault)
    for fault in faults:
        server.add_fault(fault)
    return dice


# --- recording every attempt ----------------------------------------------------

CURRENT: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "soak_request", default=None
)


@attrs.define
class _Ledger:
    """What went out on the wire, per logical request of the soak."""

    api_url: str
    attempts: dict[str, list[str]] = attrs.Factory(
        lambda: collections.defaultdict(list)
    )
    token_attempts: int = 0
    lock: threading.Lock = attrs.Factory(threading.Lock)

    def note(self, request: httpx.Request, outcome: str) -> None:
        with self.lock:
            if not str(request.url).startswith(self.api_url):
                self.token_attempts += 1
                return
            self.attempts[CURRENT.get() or "untagged"].append(outcome)


class _Recording(httpx.BaseTransport):
    """Sits below the retry layer, so it sees every attempt."""

    def __init__(self, inner: httpx.BaseTransport, ledger: _Ledger) -> None:
        self.inner = inner
        self.ledger = ledger

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = self.inner.handle_request(request)
        except Exception as error:
            self.ledger.note(request, type(error).__name__)
            raise
        self.ledger.note(request, str(response.status_code))
        return response

    def close(self) -> None:
        self.inner.close()


class _CountRetries(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("retrying"):
            self.count += 1


@contextlib.contextmanager
def _counted_retries() -> Iterator[_CountRetries]:
    """Count the package's retry warnings instead of printing thousands."""
    logger = logging.getLogger("bcc_api.retry")
    handler = _CountRetries()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


# --- the work --------------------------------------------------------------------


@attrs.frozen
class _Planned:
    tag: str
    method: str
    index: int


def _plan(settings: SoakSettings) -> list[_Planned]:
    chooser = random.Random(settings.seed + 1)  # noqa: S311 -- reproducible
    plan = []
    for number in range(settings.requests):
        if chooser.random() < settings.post_share:
            plan.append(_Planned(f"post-{number}", "POST", number))
        else:
            index = chooser.randrange(settings.persons)
            plan.append(_Planned(f"get-{number}", "GET", index))
    return plan


def _uid(index: int) -> str:
    return f"00000000-0000-4000-8000-{index:012x}"


def _email(planned: _Planned) -> str:
    return f"soak-{planned.index}@example.invalid"


def _new_person(planned: _Planned) -> PersonWrite:
    return PersonWrite(
        display_name=f"Soak Person {planned.index}",
        first_name="Soak",
        last_name=f"Person {planned.index}",
        gender=Gender.FEMALE,
        marital_status=MaritalStatus.SINGLE,
        email=_email(planned),
    )


@attrs.frozen(kw_only=True)
class _Outcome:
    planned: _Planned
    error: str | None = None
    clear: bool = True
    message: str = ""
    uid: str | None = None


def _send(bcc: bcc_api.BccClient, planned: _Planned) -> _Outcome:
    CURRENT.set(planned.tag)
    try:
        if planned.method == "GET":
            person = bcc.call(get_person, uid=_uid(planned.index))
            if str(person.uid) != _uid(planned.index):
                return _Outcome(
                    planned=planned, error="WrongPerson", message=str(person.uid)
                )
            return _Outcome(planned=planned, uid=str(person.uid))
        created = bcc.call(create_persons, body=_new_person(planned))
        return _Outcome(planned=planned, uid=str(created.uid))
    except Exception as error:  # every failure is a finding of the soak
        return _Outcome(
            planned=planned,
            error=type(error).__name__,
            clear=isinstance(error, bcc_api.BccApiError),
            message=str(error),
        )


# --- the report ------------------------------------------------------------------

INVARIANTS = {
    "finished": "every planned request ran within the time limit",
    "gets": "every GET succeeded, with the right person",
    "post_once": "no POST went out twice (a resend after a 401 refusal aside)",
    "created_once": "every POST reported as succeeded was created exactly once, "
    "and none twice",
    "no_hidden_sends": "the server received no POST the client did not record",
    "clear_errors": "every failure reached the caller as a bcc_api.BccApiError",
}


@attrs.frozen(kw_only=True)
class SoakReport:
    """What happened, and which invariants broke (by key of `INVARIANTS`)."""

    seconds: float
    planned: int
    ran: int
    succeeded: int
    failed: int
    retried_requests: int
    retry_attempts: int
    retry_warnings: int
    resent_after_401: int
    token_requests: int
    faults: dict[str, int]
    errors: dict[str, int]
    examples: dict[str, str]
    posts_sent: int
    post_attempts: int
    posts_resent_after_401: int
    posts_received: int
    posts_created: int
    posts_succeeded: int
    posts_failed: int
    posts_failed_but_created: int
    broken: dict[str, list[str]]

    @property
    def ok(self) -> bool:
        return not any(self.broken.values())

    def lines(self) -> list[str]:
        faulted = sum(n for kind, n in self.faults.items() if kind != "none")
        mix = ", ".join(
            f"{k} {v}" for k, v in sorted(self.faults.items()) if k != "none"
        )
        errors = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items()))
        lines = [
            f"requests: {self.ran:,} of {self.planned:,} in {self.seconds:.1f} s; "
            f"succeeded {self.succeeded:,}, failed {self.failed:,}",
            f"retried: {self.retried_requests:,} requests, {self.retry_attempts:,} "
            f"extra attempts ({self.retry_warnings:,} retry warnings logged); "
            f"re-signed and re-sent after a 401: {self.resent_after_401:,}",
            f"token requests: {self.token_requests}",
            f"faults: {faulted:,} of {sum(self.faults.values()):,} requests the "
            f"server handled ({mix})",
            f"POSTs: sent {self.posts_sent}, attempts on the wire "
            f"{self.post_attempts} ({self.posts_resent_after_401} re-sent after a "
            f"401), received by the server {self.posts_received}, created "
            f"{self.posts_created}; reported succeeded {self.posts_succeeded}, "
            f"failed {self.posts_failed} (created anyway: "
            f"{self.posts_failed_but_created})",
            f"errors seen by callers: {errors or 'none'}",
            *(f"  {kind}: {text}" for kind, text in sorted(self.examples.items())),
            "invariants:",
        ]
        for key, text in INVARIANTS.items():
            found = self.broken.get(key, [])
            lines.append(f"  {'BROKEN' if found else 'held  '} {text}")
            lines.extend(f"      {item}" for item in found[:5])
            if len(found) > 5:
                lines.append(f"      ... and {len(found) - 5} more")
        return lines


def _judge(
    *,
    settings: SoakSettings,
    outcomes: Sequence[_Outcome],
    ledger: _Ledger,
    server: typing.Any,
) -> tuple[dict[str, list[str]], dict[str, int]]:
    """The broken invariants, and POST figures taken from the server."""
    broken: dict[str, list[str]] = collections.defaultdict(list)
    if len(outcomes) < settings.requests:
        broken["finished"].append(
            f"only {len(outcomes)} of {settings.requests} requests ran within "
            f"{settings.time_limit:.0f} s"
        )
    for outcome in outcomes:
        sent = ledger.attempts.get(outcome.planned.tag, [])
        if outcome.planned.method == "GET" and outcome.error is not None:
            broken["gets"].append(
                f"{outcome.planned.tag} failed after attempts {sent}: "
                f"{outcome.error}: {outcome.message[:100]}"
            )
        if not outcome.clear:
            broken["clear_errors"].append(
                f"{outcome.planned.method} {outcome.planned.tag} raised "
                f"{outcome.error}: {outcome.message[:100]}"
            )

    created = dict(server.state.created)
    by_email = collections.Counter(record.get("email") for record in created.values())
    posts = [o for o in outcomes if o.planned.method == "POST"]
    for outcome in posts:
        tag, email = outcome.planned.tag, _email(outcome.planned)
        sent = [a for a in ledger.attempts.get(tag, []) if a != "401"]
        if len(sent) > 1:
            broken["post_once"].append(f"{tag} went out {len(sent)} times: {sent}")
        if by_email[email] > 1:
            broken["created_once"].append(f"{tag} was created {by_email[email]} times")
        if outcome.error is None:
            record = created.get(outcome.uid or "")
            if record is None or record.get("email") != email:
                broken["created_once"].append(
                    f"{tag} was reported created, but the server has no {email}"
                )

    attempts = sum(len(ledger.attempts.get(o.planned.tag, [])) for o in posts)
    received = server.count("POST", CREATE_ROUTE)
    if received > attempts:
        broken["no_hidden_sends"].append(
            f"the server received {received} POSTs; the client sent {attempts}"
        )
    return dict(broken), {
        "post_attempts": attempts,
        "posts_resent_after_401": sum(
            ledger.attempts.get(o.planned.tag, []).count("401") for o in posts
        ),
        "posts_received": received,
        "posts_created": len(created),
        "posts_failed_but_created": sum(
            1 for o in posts if o.error is not None and by_email[_email(o.planned)]
        ),
    }


def _report(
    *,
    settings: SoakSettings,
    seconds: float,
    outcomes: Sequence[_Outcome],
    ledger: _Ledger,
    server: typing.Any,
    tokens: TokenServer,
    dice: _Dice,
    warnings: int,
) -> SoakReport:
    broken, post_figures = _judge(
        settings=settings, outcomes=outcomes, ledger=ledger, server=server
    )
    examples: dict[str, str] = {}
    retried = resent = extra = 0
    for outcome in outcomes:
        if outcome.error and outcome.error not in examples:
            examples[outcome.error] = outcome.message[:200]
        sent = ledger.attempts.get(outcome.planned.tag, [])
        resent += sent.count("401")
        more = max(0, len(sent) - 1 - sent.count("401"))
        extra += more
        retried += more > 0
    posts = [o for o in outcomes if o.planned.method == "POST"]
    return SoakReport(
        seconds=seconds,
        planned=settings.requests,
        ran=len(outcomes),
        succeeded=sum(o.error is None for o in outcomes),
        failed=sum(o.error is not None for o in outcomes),
        retried_requests=retried,
        retry_attempts=extra,
        retry_warnings=warnings,
        resent_after_401=resent,
        token_requests=tokens.count(),
        faults=dict(dice.counts),
        errors=dict(collections.Counter(o.error for o in outcomes if o.error)),
        examples=examples,
        posts_sent=len(posts),
        posts_succeeded=sum(o.error is None for o in posts),
        posts_failed=sum(o.error is not None for o in posts),
        broken=broken,
        **post_figures,
    )


# --- running ---------------------------------------------------------------------


def _revoke_periodically(
    server: typing.Any, period: float, stop: threading.Event
) -> None:
    """Reject every token seen so far, every *period* seconds."""
    wait = period / 2  # halfway between two expiries
    while not stop.wait(wait):
        server.revoke_seen_tokens()
        wait = period


def _work(
    bcc: bcc_api.BccClient, plan: Sequence[_Planned], settings: SoakSettings
) -> list[_Outcome]:
    deadline = time.monotonic() + settings.time_limit
    pending = iter(plan)
    lock = threading.Lock()
    outcomes: list[_Outcome] = []

    def worker() -> None:
        while time.monotonic() < deadline:
            with lock:
                planned = next(pending, None)
            if planned is None:
                return
            outcome = contextvars.copy_context().run(_send, bcc, planned)
            with lock:
                outcomes.append(outcome)

    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        for future in [pool.submit(worker) for _ in range(settings.workers)]:
            future.result()
    return outcomes


def run(settings: SoakSettings, *, tokens: TokenServer | None = None) -> SoakReport:
    """Run one soak; start a token server unless one is given."""
    with contextlib.ExitStack() as stack:
        if tokens is None:
            tokens = stack.enter_context(token_server())
        tokens.reset()
        lifetime = int(2 * settings.token_period)
        tokens.configure(expires_in=lifetime)
        stack.callback(tokens.reset)

        server = stack.enter_context(
            quick_fake(audience=AUDIENCE, persons=settings.persons)
        )
        dice = install_faults(server, settings)
        peers = Peers(tokens=tokens, api_url=server.url)
        ledger = _Ledger(api_url=server.url)
        warnings = stack.enter_context(_counted_retries())

        bcc_api.clear_token_cache()
        stack.callback(bcc_api.clear_token_cache)
        kwargs = peers.connect_kwargs(
            bcc_api.Scope.PERSONS_READ, bcc_api.Scope.PERSONS_WRITE
        )
        bcc = stack.enter_context(
            bcc_api.connect(
                **kwargs,
                retry=settings.retry,
                timeout=httpx.Timeout(settings.read_timeout, connect=5.0),
                leeway=settings.token_period,
                transport=_Recording(httpx.HTTPTransport(), ledger),
            )
        )

        stop = threading.Event()
        revoker = threading.Thread(
            target=_revoke_periodically,
            args=(server, settings.token_period, stop),
            daemon=True,
        )
        revoker.start()
        started = time.perf_counter()
        try:
            outcomes = _work(bcc, _plan(settings), settings)
        finally:
            stop.set()
            revoker.join(timeout=10)
        seconds = time.perf_counter() - started

        return _report(
            settings=settings,
            seconds=seconds,
            outcomes=outcomes,
            ledger=ledger,
            server=server,
            tokens=tokens,
            dice=dice,
            warnings=warnings.count,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.soak", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--small", action="store_true", help="300 requests (smoke)")
    parser.add_argument("--requests", type=int, help="how many requests in all")
    parser.add_argument("--workers", type=int, help="threads sharing one client")
    parser.add_argument("--seed", type=int, help="seed of the faults and the plan")
    parser.add_argument("--time-limit", type=float, help="seconds before giving up")
    parser.add_argument(
        "--quick-faults",
        action="store_true",
        help="only faults that end well within a token period",
    )
    options = parser.parse_args(argv)

    settings = SMALL if options.small else SoakSettings()
    changes = {
        "requests": options.requests,
        "workers": options.workers,
        "seed": options.seed,
        "time_limit": options.time_limit,
    }
    settings = attrs.evolve(settings, **{k: v for k, v in changes.items() if v})
    if options.quick_faults:
        settings = attrs.evolve(settings, fault_mix=QUICK_FAULT_MIX)
    print(
        f"soak: {settings.requests:,} requests, {settings.workers} workers, "
        f"{settings.post_share:.0%} POSTs, faults on {settings.fault_rate:.0%}, "
        f"tokens expire and are revoked every {settings.token_period:g} s, "
        f"seed {settings.seed}",
        flush=True,
    )
    report = run(settings)
    print("\n".join(report.lines()))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
