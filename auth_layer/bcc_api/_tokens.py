"""Access tokens: the value type, the process-wide cache and persistence hooks."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import tempfile
import threading
import time
import typing
import weakref
from collections.abc import Mapping
from pathlib import Path

import attrs

__all__ = [
    "AccessToken",
    "FileTokenStore",
    "TokenKey",
    "TokenStore",
    "clear_token_cache",
]

log = logging.getLogger("bcc_api.tokens")


@attrs.frozen(kw_only=True)
class TokenKey:
    """
    What a token is valid for; clients with equal keys share one token.

    The client id is part of the key so two apps in one process never share.
    """

    token_url: str
    audience: str
    client_id: str
    scopes: tuple[str, ...]

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
    """

    value: str = attrs.field(repr=False)
    expires_at: float | None
    scopes: tuple[str, ...]
    token_type: str = "Bearer"  # noqa: S105 -- a token kind, not a token
    obtained_at: float = attrs.field(factory=time.monotonic, eq=False, repr=False)
    """When this process got the token (monotonic clock)."""

    def is_fresh(self, leeway: float, now: float | None = None) -> bool:
        """True while the token is valid for at least *leeway* more seconds."""
        if self.expires_at is None:
            return True
        current = time.time() if now is None else now
        return self.expires_at - leeway > current

    def to_json(self) -> str:
        return json.dumps(
            {
                "access_token": self.value,
                "expires_at": self.expires_at,
                "scope": " ".join(self.scopes),
                "token_type": self.token_type,
            }
        )

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, typing.Any], *, requested: tuple[str, ...]
    ) -> AccessToken:
        """Build from a token-endpoint reply (or a stored copy)."""
        value = data["access_token"]
        if not isinstance(value, str) or not value:
            msg = "the reply has no access_token string"
            raise ValueError(msg)
        expires_at = data.get("expires_at")
        if expires_at is None and data.get("expires_in") is not None:
            expires_at = time.time() + float(data["expires_in"])
        scope = data.get("scope")
        scopes = tuple(sorted(scope.split())) if isinstance(scope, str) else requested
        return cls(
            value=value,
            expires_at=None if expires_at is None else float(expires_at),
            scopes=scopes,
            token_type=str(data.get("token_type") or "Bearer"),
        )


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
    """

    def __init__(self, key: TokenKey) -> None:
        self.key = key
        self.thread_lock = threading.Lock()
        self._token: AccessToken | None = None
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
