"""
The OAuth2 client-credentials sessions: authlib's OAuth2 client on httpx.

authlib's own httpx integration is not used (see the notes on the HTTP stack):
these classes join authlib's framework-neutral `OAuth2Client` with the
`httpx.Client` / `httpx.AsyncClient` that the generated code is typed against,
and add what the client-credentials flow needs on top:

- every token request, first or renewed, carries the audience;
- one token request at a time per `TokenKey` (threads and tasks wait for it),
  and callers that waited on a request that failed get its `AuthError` at once;
- a token the API rejects as invalid is renewed and the request sent again,
  once (twice only when the refused token was a stale one from the cache);
- a request that gets no reply raises `NetworkError`, never a bare httpx error;
- API error bodies become exceptions from `bcc_api._errors`.
"""

from __future__ import annotations

import contextvars
import json
import logging
import math
import time
import typing
from collections.abc import AsyncGenerator, Generator

import attrs
import httpx
from authlib.oauth2.client import (  # type: ignore[import-untyped]
    OAuth2Client as _AuthlibOAuth2Client,
)
from authlib.oauth2.rfc6749 import OAuth2Token  # type: ignore[import-untyped]

from ._environments import Credentials, Environment
from ._errors import (
    TOKEN_REJECTION_CODES,
    ApiError,
    AuthError,
    MissingScopes,
    NetworkError,
    error_class,
    network_error,
    read_error_body,
    redact,
    request_id_of,
)
from ._retry import RETRY_SAFE_EXTENSION
from ._scopes import operation_scopes
from ._tokens import REGISTRY, AccessToken, TokenKey, TokenStore, secret_digest

__all__ = ["FORCE_RAISE", "AsyncSession", "SessionConfig", "SyncSession"]

log = logging.getLogger("bcc_api.session")

# A request whose token the API rejects gets a new token and is sent again. It
# may happen twice, but only while the token that was refused is older than the
# first refusal (another request's renewal raced with a revocation); a token
# fetched after the refusal that is refused too ends it.
MAX_RENEWALS = 2

AuthMethod = typing.Literal["client_secret_post", "client_secret_basic"]

# While set, API error replies raise even on a client made with
# raise_on_error=False: the convenience methods always raise.
FORCE_RAISE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "bcc_api_force_raise", default=False
)


@attrs.frozen(kw_only=True)
class SessionConfig:
    """What a session needs besides its HTTP settings."""

    environment: Environment
    credentials: Credentials
    scopes: tuple[str, ...]
    auth_method: AuthMethod = "client_secret_post"
    leeway: float = 60.0
    token_store: TokenStore | None = None
    raise_on_error: bool = True

    @property
    def key(self) -> TokenKey:
        return TokenKey(
            token_url=self.environment.token_url,
            audience=self.environment.audience,
            client_id=self.credentials.client_id,
            scopes=self.scopes,
            secret_digest=secret_digest(
                self.credentials.client_id, self.credentials.client_secret
            ),
        )


class _QuietToken(OAuth2Token):  # type: ignore[misc]
    """authlib's token dict, with a repr that does not print the token."""

    def __repr__(self) -> str:
        return f"<OAuth2Token expires_at={self.get('expires_at')!r} (value hidden)>"

    __str__ = __repr__


class _SessionBase(_AuthlibOAuth2Client):  # type: ignore[misc]
    """The I/O-free half shared by both sessions."""

    config: SessionConfig

    def _init_oauth(self, config: SessionConfig) -> None:
        _AuthlibOAuth2Client.__init__(
            self,
            session=self,
            client_id=config.credentials.client_id,
            client_secret=config.credentials.client_secret,
            token_endpoint_auth_method=config.auth_method,
            scope=" ".join(config.scopes) or None,
            leeway=config.leeway,
            token_endpoint=config.environment.token_url,
            grant_type="client_credentials",
        )
        self.config = config
        self._slot = REGISTRY.slot(config.key)

    def __repr__(self) -> str:
        env = self.config.environment
        return (
            f"<{type(self).__name__} environment={env.name!r} "
            f"client_id={self.config.credentials.client_id!r} "
            f"scopes={list(self.config.scopes)!r}>"
        )

    @property
    def token(self) -> typing.Any:
        """authlib's view of the last token this session fetched."""
        return self.token_auth.token

    @token.setter
    def token(self, value: typing.Any) -> None:
        self.token_auth.set_token(None if value is None else _QuietToken(dict(value)))

    def _secrets(self, *tokens: AccessToken | None) -> list[str]:
        values = [self.config.credentials.client_secret]
        values.extend(token.value for token in tokens if token is not None)
        return values

    def _from_store(self) -> AccessToken | None:
        store = self.config.token_store
        if store is None:
            return None
        try:
            token = store.load(self.config.key)
        except Exception:  # a broken store must not stop the client
            log.warning("the token store failed to load a token; fetching a new one")
            return None
        if token is None or not token.is_fresh(self.config.leeway):
            return None
        self._slot.put(token)
        log.debug("reusing a stored access token")
        return token

    def _raise_recent_failure(self, started: float) -> None:
        """Re-raise a fetch failure that happened while this caller waited."""
        error = self._slot.failure_since(started)
        if error is not None:
            log.debug("the token request this caller waited for failed")
            raise error

    def _prepare_token_request(
        self, method: str, url: str, headers: typing.Any, body: str, auth: typing.Any
    ) -> tuple[str, dict[str, str], str]:
        # authlib hands over its module-level default headers: copy before the
        # client authentication writes into them.
        return typing.cast(
            tuple[str, dict[str, str], str],
            auth.prepare(method, url, dict(headers or {}), body),
        )

    def _token_request_kwargs(self) -> dict[str, typing.Any]:
        return {"auth": None, "extensions": {RETRY_SAFE_EXTENSION: True}}

    def _check_token_reply(self, response: httpx.Response) -> None:
        """Raise AuthError unless *response* is a successful token reply."""
        for hook in self.compliance_hook["access_token_response"]:
            response = hook(response)
        url = self.config.environment.token_url
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
        if (
            isinstance(body, dict)
            and response.status_code < 400
            and "error" not in body
        ):
            self._check_token_fields(body, url, response.status_code)
            return
        raise self._token_error(response, body, url)

    def _check_token_fields(
        self, body: dict[str, typing.Any], url: str, status: int
    ) -> None:
        """Raise AuthError for a lifetime field that is not a number of seconds."""
        for name in ("expires_in", "expires_at"):
            value = body.get(name)
            if value is None:
                continue
            try:
                seconds = float(value)
                usable = not isinstance(value, bool) and math.isfinite(seconds)
            except (TypeError, ValueError, OverflowError):  # 10**400 overflows
                usable = False
            if not usable:
                shown = redact(repr(value)[:40], self._secrets())
                msg = (
                    f"The token endpoint {url} answered with {name} {shown}, which "
                    "is not a number of seconds; check the environment's token URL."
                )
                raise AuthError(msg, token_url=url, status=status)

    def _parse_token_reply(self, response: httpx.Response) -> typing.Any:
        """authlib's reading of a checked reply; whatever it trips over is AuthError."""
        try:
            return self.parse_response_token(response)
        except (TypeError, ValueError, ArithmeticError, AttributeError) as error:
            url = self.config.environment.token_url
            msg = (
                f"The token endpoint {url} answered with a token reply that could "
                f"not be read ({type(error).__name__}); check the environment's "
                "token URL."
            )
            raise AuthError(msg, token_url=url, status=response.status_code) from None

    def _token_error(
        self, response: httpx.Response, body: object, url: str
    ) -> AuthError:
        status = response.status_code
        env = self.config.environment
        if not isinstance(body, dict):
            kind = response.headers.get("content-type", "no content type")
            msg = (
                f"The token endpoint {url} answered HTTP {status} with a body that "
                f"is not JSON ({kind}). Check the environment's token URL; a proxy "
                "or the identity service itself may be failing."
            )
            return AuthError(msg, token_url=url, status=status)
        error = body.get("error")
        error = error.strip() or None if isinstance(error, str) else None
        description = body.get("error_description") or body.get("message")
        description = description.strip() if isinstance(description, str) else ""
        said = ": ".join(part for part in (error, description) if part)
        said = f" ({redact(said, self._secrets())})" if said else ""
        if error in {"invalid_client", "unauthorized_client"} or status == 401:
            fix = (
                f"Check the client id and secret (BCC_CLIENT_ID, BCC_CLIENT_SECRET) "
                f"for the {env.name!r} environment."
            )
        elif error == "access_denied" or status == 403:
            fix = (
                f"Check that the audience {env.audience!r} is right for this "
                "environment and that the app is granted access to that API."
            )
        elif error == "invalid_scope":
            fix = (
                f"Check that the app is granted the scopes it asks for: "
                f"{' '.join(self.config.scopes) or '(none)'}."
            )
        else:
            fix = "Check the environment settings and try again later."
        msg = f"The token endpoint {url} refused a token, HTTP {status}{said}. {fix}"
        return AuthError(msg, token_url=url, status=status, error=error)

    def _unreachable(self, error: httpx.TransportError) -> AuthError:
        url = self.config.environment.token_url
        name = type(error).__name__
        if isinstance(error, httpx.TimeoutException) and not isinstance(
            error, httpx.ConnectTimeout
        ):
            msg = (
                f"The token endpoint {url} did not answer in time ({name}). It may "
                "be overloaded: try again later, or pass a longer timeout= to "
                "connect()."
            )
        else:
            msg = (
                f"Could not reach the token endpoint {url} ({name}). Check the "
                "network, the proxy settings and the environment's token URL."
            )
        return AuthError(msg, token_url=url)

    def _accept(self, raw: typing.Any) -> AccessToken:
        url = self.config.environment.token_url
        try:
            token = AccessToken.from_mapping(raw, requested=self.config.scopes)
        except (KeyError, TypeError, ValueError):
            msg = (
                f"The token endpoint {url} answered without a usable access_token; "
                "check the environment's token URL."
            )
            raise AuthError(msg, token_url=url) from None
        if token.token_type.lower() != "bearer":
            msg = (
                f"The token endpoint {url} issued a {token.token_type!r} token; "
                "only bearer tokens are supported."
            )
            raise AuthError(msg, token_url=url)

        self._slot.put(token)
        store = self.config.token_store
        if store is not None:
            try:
                store.save(self.config.key, token)
            except Exception:  # persistence is an optimisation
                log.warning("the token store failed to save the new token")
        lifetime = (
            f"valid for {token.expires_at - time.time():.0f} s"
            if token.expires_at is not None
            else "with no stated expiry"
        )
        log.info(
            "obtained an access token for %s (audience %s, scopes %s), %s",
            self.config.environment.name,
            self.config.environment.audience,
            " ".join(token.scopes) or "(none)",
            lifetime,
        )
        return token

    def raises(self) -> bool:
        return self.config.raise_on_error or FORCE_RAISE.get()

    def _rejects_token(self, response: httpx.Response) -> bool:
        if response.status_code != 401:
            return False
        code, _ = read_error_body(response)
        return code in TOKEN_REJECTION_CODES

    def _may_renew(
        self, token: AccessToken, renewals: int, first_refusal: float | None
    ) -> bool:
        """Whether a refused *token* is worth replacing (see MAX_RENEWALS)."""
        if renewals >= MAX_RENEWALS:
            return False
        return first_refusal is None or token.obtained_at < first_refusal

    def _sign(self, request: httpx.Request, token: AccessToken) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token.value}"
        return request

    def _api_error(self, response: httpx.Response, token: AccessToken) -> ApiError:
        code, message = read_error_body(response)
        request = response.request
        # The exception keeps the response, and so the request: not its token.
        request.headers["Authorization"] = "Bearer [redacted]"
        fields: dict[str, typing.Any] = {
            "code": code,
            "message": redact(message, self._secrets(token)),
            "status": response.status_code,
            "method": request.method,
            "path": request.url.path,
            "request_id": request_id_of(response),
            "response": response,
        }
        cls = error_class(code, response.status_code)
        if cls is MissingScopes:
            return MissingScopes(
                required_scopes=operation_scopes(request.method, request.url.path),
                token_scopes=token.scopes,
                **fields,
            )
        return cls(**fields)


class SyncSession(_SessionBase, httpx.Client):
    """A blocking session; requests get a token first, fetched once per process."""

    def __init__(
        self,
        *,
        config: SessionConfig,
        transport: httpx.BaseTransport,
        timeout: httpx.Timeout,
        headers: dict[str, str] | None = None,
    ) -> None:
        httpx.Client.__init__(
            self,
            base_url=config.environment.api_url,
            transport=transport,
            timeout=timeout,
            headers=headers,
            auth=_SyncTokenAuth(self),
        )
        self._init_oauth(config)

    def send(self, request: httpx.Request, **kwargs: typing.Any) -> httpx.Response:
        try:
            return super().send(request, **kwargs)
        except httpx.TransportError as error:
            if isinstance(error, NetworkError) or _is_token_request(request):
                raise
            raise network_error(error, request) from error

    def current_token(self) -> AccessToken:
        """
        A fresh token, fetching one if needed (one fetch for all threads).

        Raises:
            AuthError: No token could be had; threads that were waiting while
                the fetch failed get the same error.
        """
        token = self._slot.fresh(self.config.leeway)
        if token is not None:
            return token
        started = time.monotonic()
        with self._slot.thread_lock:
            token = self._slot.fresh(self.config.leeway) or self._from_store()
            if token is None:
                self._raise_recent_failure(started)
                try:
                    token = self._obtain()
                except AuthError as error:
                    self._slot.fail(error)
                    raise
            return token

    def renew_token(self, rejected: AccessToken) -> AccessToken:
        """Replace a token the API rejected, unless someone already did."""
        self._slot.discard(rejected)
        return self.current_token()

    def ensure_active_token(self, token: typing.Any = None) -> bool:
        """authlib's hook, routed to the audience-carrying fetch."""
        self.current_token()
        return True

    def _obtain(self) -> AccessToken:
        env = self.config.environment
        raw = self.fetch_token(
            env.token_url, grant_type="client_credentials", audience=env.audience
        )
        return self._accept(raw)

    def _fetch_token(
        self,
        url: str,
        body: str = "",
        headers: typing.Any = None,
        auth: typing.Any = None,
        method: str = "POST",
        **kwargs: typing.Any,
    ) -> typing.Any:
        url, headers, body = self._prepare_token_request(
            method, url, headers, body, auth
        )
        try:
            response = httpx.Client.request(
                self, method, url, content=body, headers=headers,
                **self._token_request_kwargs(),
            )  # fmt: skip
        except httpx.TransportError as error:
            raise self._unreachable(error) from error
        self._check_token_reply(response)
        return self._parse_token_reply(response)


class AsyncSession(_SessionBase, httpx.AsyncClient):
    """An asyncio session; requests get a token first, fetched once per process."""

    def __init__(
        self,
        *,
        config: SessionConfig,
        transport: httpx.AsyncBaseTransport,
        timeout: httpx.Timeout,
        headers: dict[str, str] | None = None,
    ) -> None:
        httpx.AsyncClient.__init__(
            self,
            base_url=config.environment.api_url,
            transport=transport,
            timeout=timeout,
            headers=headers,
            auth=_AsyncTokenAuth(self),
        )
        self._init_oauth(config)

    async def send(
        self, request: httpx.Request, **kwargs: typing.Any
    ) -> httpx.Response:
        try:
            return await super().send(request, **kwargs)
        except httpx.TransportError as error:
            if isinstance(error, NetworkError) or _is_token_request(request):
                raise
            raise network_error(error, request) from error

    async def current_token(self) -> AccessToken:
        """
        A fresh token, fetching one if needed (one fetch for all tasks).

        Raises:
            AuthError: No token could be had; tasks that were waiting while
                the fetch failed get the same error.
        """
        token = self._slot.fresh(self.config.leeway)
        if token is not None:
            return token
        started = time.monotonic()
        async with self._slot.loop_lock():
            token = self._slot.fresh(self.config.leeway) or self._from_store()
            if token is None:
                self._raise_recent_failure(started)
                try:
                    token = await self._obtain()
                except AuthError as error:
                    self._slot.fail(error)
                    raise
            return token

    async def renew_token(self, rejected: AccessToken) -> AccessToken:
        """Replace a token the API rejected, unless someone already did."""
        self._slot.discard(rejected)
        return await self.current_token()

    async def ensure_active_token(self, token: typing.Any = None) -> bool:
        """authlib's hook, routed to the audience-carrying fetch."""
        await self.current_token()
        return True

    async def _obtain(self) -> AccessToken:
        env = self.config.environment
        raw = await self.fetch_token(
            env.token_url, grant_type="client_credentials", audience=env.audience
        )
        return self._accept(raw)

    async def _fetch_token(
        self,
        url: str,
        body: str = "",
        headers: typing.Any = None,
        auth: typing.Any = None,
        method: str = "POST",
        **kwargs: typing.Any,
    ) -> typing.Any:
        url, headers, body = self._prepare_token_request(
            method, url, headers, body, auth
        )
        try:
            response = await httpx.AsyncClient.request(
                self, method, url, content=body, headers=headers,
                **self._token_request_kwargs(),
            )  # fmt: skip
        except httpx.TransportError as error:
            raise self._unreachable(error) from error
        self._check_token_reply(response)
        return self._parse_token_reply(response)


def _is_token_request(request: httpx.Request) -> bool:
    """Token requests report their own failures, as `AuthError`."""
    return bool(request.extensions.get(RETRY_SAFE_EXTENSION))


class _SyncTokenAuth(httpx.Auth):
    """Signs API requests; renews a rejected token once; raises error bodies."""

    def __init__(self, session: SyncSession) -> None:
        self._session = session

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        session = self._session
        token = session.current_token()
        response = yield session._sign(request, token)

        renewals, first_refusal = 0, None
        while response.status_code == 401:
            response.read()
            if not session._rejects_token(response):
                break
            if not session._may_renew(token, renewals, first_refusal):
                break
            first_refusal = first_refusal or time.monotonic()
            log.info("the API rejected the access token; fetching a new one")
            token = session.renew_token(token)
            renewals += 1
            response = yield session._sign(request, token)

        if response.status_code >= 400 and session.raises():
            response.read()
            raise session._api_error(response, token)

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        msg = "This session is synchronous; use bcc_api.connect_async() for asyncio."
        raise RuntimeError(msg)


class _AsyncTokenAuth(httpx.Auth):
    """Signs API requests; renews a rejected token once; raises error bodies."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        session = self._session
        token = await session.current_token()
        response = yield session._sign(request, token)

        renewals, first_refusal = 0, None
        while response.status_code == 401:
            await response.aread()
            if not session._rejects_token(response):
                break
            if not session._may_renew(token, renewals, first_refusal):
                break
            first_refusal = first_refusal or time.monotonic()
            log.info("the API rejected the access token; fetching a new one")
            token = await session.renew_token(token)
            renewals += 1
            response = yield session._sign(request, token)

        if response.status_code >= 400 and session.raises():
            await response.aread()
            raise session._api_error(response, token)

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        msg = "This session is asynchronous; use bcc_api.connect() for blocking calls."
        raise RuntimeError(msg)
