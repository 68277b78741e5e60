"""Automatic retries of idempotent requests, as an httpx transport wrapper."""

from __future__ import annotations

import contextlib
import contextvars
import email.utils
import logging
import random
import time
from collections.abc import Iterator

import anyio
import attrs
import httpx

from ._errors import IDEMPOTENT_METHODS

__all__ = ["DEFAULT_RETRY", "NO_RETRY", "RetryPolicy", "retry_policy"]

log = logging.getLogger("bcc_api.retry")

# Marks a request that may be retried although its method is not idempotent
# (the token request: asking twice only costs a token).
RETRY_SAFE_EXTENSION = "bcc_api.retry_safe"

_RETRYABLE_ERRORS = (httpx.TransportError,)
_NEVER_RETRY_ERRORS = (httpx.UnsupportedProtocol, httpx.ProxyError)


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """
    When and how long to retry a failed request.

    Only idempotent methods are retried, on connection errors and on the listed
    statuses: by default GET, HEAD, PUT, DELETE and OPTIONS, never POST or
    PATCH. Waits grow exponentially with full jitter, a `Retry-After` header is
    honoured, and both the number of attempts and the total time are bounded.

    Args:
        attempts: Tries in total, the first included; 1 switches retrying off.
        backoff: Wait before the first retry, in seconds; doubles each time.
        max_backoff: Upper bound of a single wait.
        total_timeout: No retry starts once this many seconds have passed since
            the first try (or would pass during the wait).
        statuses: HTTP statuses that are retried.
        methods: HTTP methods that are retried (GET, HEAD, PUT, DELETE and
            OPTIONS by default: sending them twice has the effect of once).
    """

    attempts: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    backoff: float = 0.5
    max_backoff: float = 8.0
    total_timeout: float = 30.0
    statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    methods: frozenset[str] = IDEMPOTENT_METHODS

    def allows(self, request: httpx.Request) -> bool:
        if self.attempts <= 1:
            return False
        return request.method in self.methods or bool(
            request.extensions.get(RETRY_SAFE_EXTENSION)
        )

    def wait(self, retry: int, response: httpx.Response | None) -> float:
        """Seconds to wait before retry number *retry* (1-based)."""
        ceiling = min(self.max_backoff, self.backoff * 2 ** (retry - 1))
        wait = random.uniform(0, ceiling)  # noqa: S311 -- jitter, not security
        if response is not None:
            wait = max(wait, _retry_after(response) or 0.0)
        return wait


DEFAULT_RETRY = RetryPolicy()
NO_RETRY = RetryPolicy(attempts=1)

_OVERRIDE: contextvars.ContextVar[RetryPolicy | None] = contextvars.ContextVar(
    "bcc_api_retry_policy", default=None
)


@contextlib.contextmanager
def retry_policy(policy: RetryPolicy) -> Iterator[RetryPolicy]:
    """
    Use *policy* for requests made inside the `with` block (this thread or task).

    ```python
    with bcc_api.retry_policy(bcc_api.NO_RETRY):
        get_person.sync(client=bcc, uid=uid)
    ```
    """
    token = _OVERRIDE.set(policy)
    try:
        yield policy
    finally:
        _OVERRIDE.reset(token)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _Attempts:
    """The retry decision shared by the sync and async transports."""

    def __init__(self, policy: RetryPolicy, request: httpx.Request) -> None:
        self.policy = _OVERRIDE.get() or policy
        self.request = request
        self.enabled = self.policy.allows(request)
        self.started = time.monotonic()
        self.retry = 0

    def next_wait(
        self, response: httpx.Response | None, error: Exception | None
    ) -> float | None:
        """Seconds to wait before retrying, or `None` to stop here."""
        if not self.enabled or self.retry + 1 >= self.policy.attempts:
            return None
        if response is not None and response.status_code not in self.policy.statuses:
            return None
        if error is not None and isinstance(error, _NEVER_RETRY_ERRORS):
            return None
        self.retry += 1
        wait = self.policy.wait(self.retry, response)
        elapsed = time.monotonic() - self.started
        if elapsed + wait > self.policy.total_timeout:
            return None
        outcome = (
            f"HTTP {response.status_code}"
            if response is not None
            else type(error).__name__
        )
        log.warning(
            "retrying %s %s after %s: attempt %d of %d in %.2f s",
            self.request.method,
            self.request.url.path,
            outcome,
            self.retry + 1,
            self.policy.attempts,
            wait,
        )
        return wait


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport and retries what the policy allows."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(self.policy, request)
        while True:
            try:
                response = self.inner.handle_request(request)
            except _RETRYABLE_ERRORS as error:
                wait = attempts.next_wait(None, error)
                if wait is None:
                    raise
            else:
                wait = attempts.next_wait(response, None)
                if wait is None:
                    return response
                response.close()
            time.sleep(wait)

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps an async transport and retries what the policy allows."""

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempts = _Attempts(self.policy, request)
        while True:
            try:
                response = await self.inner.handle_async_request(request)
            except _RETRYABLE_ERRORS as error:
                wait = attempts.next_wait(None, error)
                if wait is None:
                    raise
            else:
                wait = attempts.next_wait(response, None)
                if wait is None:
                    return response
                await response.aclose()
            await anyio.sleep(wait)

    async def aclose(self) -> None:
        await self.inner.aclose()
