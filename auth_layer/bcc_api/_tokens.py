"""Access tokens: the value type, the process-wide cache and persistence hooks."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import math
import os
import tempfile
import threading
import time
import typing
import weakref
from collections.abc import Mapping
from pathlib import Path

import attrs

from ._errors import AuthError

__all__ = [
    "AccessToken",
    "FileTokenStore",
    "TokenKey",
    "TokenStore",
    "clear_token_cache",
]

log = logging.getLogger("bcc_api.tokens")


def secret_digest(client_id: str, client_secret: str) -> str:
    """
    A one-way digest of a client secret, to tell secrets apart without keeping one.

    The client id and a fixed label are mixed in, so the digest matches nothing
    computed elsewhere from the same secret.
    """
    text = json.dumps(["bcc_api token key", client_id, client_secret])
    return hashlib.sha256(text.encode()).hexdigest()


@attrs.frozen(kw_only=True)
class TokenKey:
    """
    What a token is valid for; clients with equal keys share one token.

    The client id is part of the key so two apps in one process never share,
    and so is a digest of the client secret (never the secret itself): a client
    with a mistyped or rotated secret is sent to the token endpoint instead of
    being handed a token that was issued for the right one.

    Attributes:
        token_url: The token endpoint.
        audience: The API the token is for.
        client_id: The app that asked for it.
        scopes: The scopes asked for, sorted.
        secret_digest: A SHA-256 digest of the client secret (with the client
            id mixed in), or empty; it never shows in `repr()`.
    """

    token_url: str
    audience: str
    client_id: str
    scopes: tuple[str, ...]
    secret_digest: str = attrs.field(default="", repr=False)

    def fingerprint(self) -> str:
        """A stable, file-name-safe digest of the key."""
        text = json.dumps(attrs.astuple(self), separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:32]


@attrs.frozen(kw_only=True)
class AccessToken:
    """
    An access token and what the token endpoint said about it.

    The token value never shows in `repr()` or `str()`.

    Attributes:
        value: The bearer token itself.
        expires_at: Unix time when it expires, or `None` if the server did not say.
        scopes: The scopes the token holds (as granted, or as requested when the
            server did not say).
        token_type: Normally `"Bearer"`.
        issued_at: Unix time when it was issued (when its reply arrived), or
            `None` if not known; it caps how early the token is renewed.
    """

    value: str = attrs.field(repr=False)
    expires_at: float | None
    scopes: tuple[str, ...]
    token_type: str = "Bearer"  # noqa: S105 -- a token kind, not a token
    issued_at: float | None = attrs.field(factory=time.time, eq=False)
    obtained_at: float = attrs.field(factory=time.monotonic, eq=False, repr=False)
    """When this process got the token (monotonic clock)."""

    def effective_leeway(self, leeway: float) -> float:
        """
        How early to renew: *leeway*, but at most half the token's lifetime.

        A token that lives no longer than the leeway would otherwise count as
        stale the moment it arrives, and be fetched again for every request.
        """
        if self.expires_at is None or self.issued_at is None:
            return leeway
        lifetime = max(0.0, self.expires_at - self.issued_at)
        return min(leeway, lifetime / 2)

    def is_fresh(self, leeway: float, now: float | None = None) -> bool:
        """True while the token is valid for longer than `effective_leeway`."""
        if self.expires_at is None:
            return True
        current = time.time() if now is None else now
        return self.expires_at - self.effective_leeway(leeway) > current

    def to_json(self) -> str:
        return json.dumps(
            {
                "access_token": self.value,
                "expires_at": self.expires_at,
                "issued_at": self.issued_at,
                "scope": " ".join(self.scopes),
                "token_type": self.token_type,
            }
        )

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, typing.Any], *, requested: tuple[str, ...]
    ) -> AccessToken:
        """
        Build from a token-endpoint reply (or a stored copy).

        A reply's `expires_in` wins over an `expires_at` computed from it (authlib
        rounds that one down to whole seconds); a stored copy has `expires_at` and
        `issued_at`.

        Raises:
            ValueError: A field is missing or unusable.
        """
        value = data["access_token"]
        if not isinstance(value, str) or not value:
            msg = "the reply has no access_token string"
            raise ValueError(msg)
        now = time.time()
        expires_in = _seconds(data.get("expires_in"), "expires_in")
        issued_at: float | None
        expires_at: float | None
        if expires_in is not None:
            issued_at, expires_at = now, now + expires_in
        else:
            issued_at = _seconds(data.get("issued_at"), "issued_at")
            expires_at = _seconds(data.get("expires_at"), "expires_at")
        scope = data.get("scope")
        scopes = tuple(sorted(scope.split())) if isinstance(scope, str) else requested
        return cls(
            value=value,
            expires_at=expires_at,
            scopes=scopes,
            token_type=str(data.get("token_type") or "Bearer"),
            issued_at=issued_at,
        )


def _seconds(value: object, name: str) -> float | None:
    """A finite number of seconds (a JSON number or numeric string), or `None`."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        msg = f"{name} is not a number"
        raise ValueError(msg)
    number = float(value)
    if not math.isfinite(number):
        msg = f"{name} is not a finite number"
        raise ValueError(msg)
    return number


class TokenStore(typing.Protocol):
    """
    Keeps tokens between runs, so a short script does not fetch one every time.

    `load` returns `None` when nothing usable is stored; expired tokens are
    ignored by the caller, so a store need not check expiry.
    """

    def load(self, key: TokenKey) -> AccessToken | None: ...

    def save(self, key: TokenKey, token: AccessToken) -> None: ...


@attrs.define(kw_only=True)
class FileTokenStore:
    """
    Stores each token as a small JSON file readable by the owner only.

    Files are written to a temporary file with mode 0600 in the same folder and
    renamed into place, so a reader never sees half a token. The folder is
    created with mode 0700.

    Args:
        directory: Where the files go.
    """

    directory: Path = attrs.field(converter=Path)

    def _path(self, key: TokenKey) -> Path:
        return self.directory / f"token-{key.fingerprint()}.json"

    def load(self, key: TokenKey) -> AccessToken | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return AccessToken.from_mapping(data, requested=key.scopes)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, key: TokenKey, token: AccessToken) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.directory, prefix=".token-", text=True)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(token.to_json())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self._path(key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise


class TokenSlot:
    """
    The shared token for one `TokenKey`, and the locks that make fetching it
    single-flight: one lock for threads, one asyncio lock per event loop.

    A failed fetch is single-flight too: the slot remembers when the last one
    failed and why, so callers that were already waiting for the lock get that
    error at once instead of each repeating the whole request and its retries.
    """

    def __init__(self, key: TokenKey) -> None:
        self.key = key
        self.thread_lock = threading.Lock()
        self._token: AccessToken | None = None
        self._failure: tuple[float, AuthError] | None = None
        self._guard = threading.Lock()
        self._loop_locks: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, asyncio.Lock
        ] = weakref.WeakKeyDictionary()

    def __repr__(self) -> str:
        return f"<TokenSlot audience={self.key.audience!r} scopes={self.key.scopes!r}>"

    def fresh(self, leeway: float) -> AccessToken | None:
        token = self._token
        if token is not None and token.is_fresh(leeway):
            return token
        return None

    def put(self, token: AccessToken) -> None:
        self._token = token
        self._failure = None

    def fail(self, error: AuthError) -> None:
        """Record that a fetch failed just now with *error*."""
        self._failure = (time.monotonic(), error.copy())

    def failure_since(self, started: float) -> AuthError | None:
        """
        A copy of the error of a fetch that failed at or after *started*.

        *started* is when the caller began waiting for the lock (monotonic
        clock); a failure from before that is history, and the caller may try
        again.
        """
        failure = self._failure
        if failure is None or failure[0] < started:
            return None
        return failure[1].copy()

    def discard(self, token: AccessToken) -> None:
        """Forget *token*, unless another caller has already replaced it."""
        with self._guard:
            if self._token is token:
                self._token = None

    def loop_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        with self._guard:
            lock = self._loop_locks.get(loop)
            if lock is None:
                lock = self._loop_locks[loop] = asyncio.Lock()
            return lock


class _Registry:
    def __init__(self) -> None:
        self._slots: dict[TokenKey, TokenSlot] = {}
        self._lock = threading.Lock()

    def slot(self, key: TokenKey) -> TokenSlot:
        with self._lock:
            slot = self._slots.get(key)
            if slot is None:
                slot = self._slots[key] = TokenSlot(key)
            return slot

    def clear(self) -> None:
        with self._lock:
            self._slots.clear()


REGISTRY = _Registry()


def clear_token_cache() -> None:
    """Forget every cached token in this process (stored copies stay)."""
    REGISTRY.clear()
    log.debug("token cache cleared")
