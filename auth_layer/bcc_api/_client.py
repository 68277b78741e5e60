"""`connect()` / `connect_async()` and the clients they return."""

from __future__ import annotations

import contextlib
import functools
import ssl
import typing
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)

import httpx
from bcc_core_api import AuthenticatedClient
from bcc_core_api.models import ErrorData
from bcc_core_api.scopes import Scope
from bcc_core_api.types import Unset

from ._environments import Environment, read_environ, resolve_settings
from ._errors import BccApiError
from ._query import FilterTypes, NamesTypes, query_params
from ._query import fields as fields_param
from ._retry import (
    DEFAULT_RETRY,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
)
from ._scopes import resolve_scopes
from ._session import (
    FORCE_RAISE,
    AsyncSession,
    AuthMethod,
    SessionConfig,
    SyncSession,
)
from ._tokens import TokenStore

__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncBccClient",
    "BccClient",
    "ListOperation",
    "Operation",
    "connect",
    "connect_async",
]

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_PAGE_SIZE = 100

# The generated client insists on a token string; ours never reaches the wire
# because the session signs every request itself.
_TOKEN_PLACEHOLDER = "(managed by bcc_api)"  # noqa: S105 -- not a credential

_T_co = typing.TypeVar("_T_co", covariant=True)


class _One(typing.Protocol[_T_co]):
    @property
    def data(self) -> _T_co | Unset: ...


class _Page(typing.Protocol[_T_co]):
    @property
    def data(self) -> Sequence[_T_co] | Unset: ...


class Operation(typing.Protocol[_T_co]):
    """A generated operation module whose reply wraps one object in `data`."""

    @property
    def sync(self) -> Callable[..., ErrorData | _One[_T_co] | None]: ...

    @property
    def asyncio(self) -> Callable[..., Awaitable[ErrorData | _One[_T_co] | None]]: ...


class ListOperation(typing.Protocol[_T_co]):
    """A generated list operation module (`find_persons`, `find_orgs`, ...)."""

    @property
    def sync(self) -> Callable[..., ErrorData | _Page[_T_co] | None]: ...

    @property
    def asyncio(self) -> Callable[..., Awaitable[ErrorData | _Page[_T_co] | None]]: ...


@contextlib.contextmanager
def _raising() -> Iterator[None]:
    token = FORCE_RAISE.set(True)
    try:
        yield
    finally:
        FORCE_RAISE.reset(token)


def _unwrap_one(result: object, name: str) -> typing.Any:
    data = getattr(result, "data", None)
    if data is None or isinstance(result, ErrorData) or isinstance(data, Unset):
        msg = (
            f"{name} returned no data (an undocumented status or an empty reply); "
            "call its *_detailed function to inspect the raw response."
        )
        raise BccApiError(msg)
    return data


def _with_uid(kwargs: dict[str, typing.Any]) -> dict[str, typing.Any]:
    """*kwargs* of a call, with `uid` added to a `fields` argument."""
    names = kwargs.get("fields")
    if names is None or isinstance(names, Unset):
        return kwargs
    return {**kwargs, "fields": fields_param(names)}


class _Pager:
    """
    The offsets `iterate()` asks for, from what each page says and holds.

    The next offset is the last one plus the items actually returned, so a
    server that caps the page size below `page_size` still yields every item.
    Iteration ends at an empty page or once `meta.skipped + len(data)` reaches
    `meta.total`; without a `meta.total` it ends at the first empty page.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.offset = 0
        self.done = False

    def take(self, result: object) -> Sequence[typing.Any]:
        data = getattr(result, "data", None)
        if data is None or isinstance(result, ErrorData):
            msg = (
                f"{self.name} returned no page (an undocumented status or an empty "
                "reply); call its *_detailed function to inspect the raw response."
            )
            raise BccApiError(msg)
        items: Sequence[typing.Any] = [] if isinstance(data, Unset) else data
        meta = getattr(result, "meta", None)
        skipped, total = _count(meta, "skipped"), _count(meta, "total")
        if skipped is not None and skipped != self.offset:
            msg = (
                f"{self.name} was asked for the items from offset {self.offset} but "
                f"answered with those from offset {skipped}. iterate() stops here "
                "rather than skip or repeat items; page with limit= and offset= "
                "yourself if the API pages differently."
            )
            raise BccApiError(msg)
        self.offset += len(items)
        self.done = not items or (total is not None and self.offset >= total)
        return items


def _count(meta: object, name: str) -> int | None:
    value = getattr(meta, name, None)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _page_args(
    page_size: int,
    filter: FilterTypes | None,
    fields: NamesTypes | None,
    sort: NamesTypes | None,
    params: Mapping[str, typing.Any],
) -> dict[str, typing.Any]:
    if page_size < 1:
        msg = "page_size must be at least 1."
        raise ValueError(msg)
    if {"limit", "offset", "page"} & params.keys():
        msg = "iterate() pages by itself; pass page_size instead of limit/offset/page."
        raise ValueError(msg)
    return {**query_params(filter=filter, fields_=fields, sort_=sort), **params}


class BccClient(AuthenticatedClient):
    """
    A blocking client, usable wherever the generated code wants a client.

    Pass it as `client=` to any generated `sync` / `sync_detailed` function; its
    HTTP client is an OAuth2 client-credentials session that fetches, caches and
    renews the access token. Made by `bcc_api.connect()`.
    """

    def __init__(self, *, session: SyncSession) -> None:
        super().__init__(
            base_url=session.config.environment.api_url, token=_TOKEN_PLACEHOLDER
        )
        self.set_httpx_client(session)
        self._session = session

    def __repr__(self) -> str:
        env = self._session.config.environment
        return (
            f"<BccClient environment={env.name!r} "
            f"scopes={list(self._session.config.scopes)!r}>"
        )

    @property
    def environment(self) -> Environment:
        return self._session.config.environment

    @property
    def session(self) -> SyncSession:
        """The underlying authlib/httpx session."""
        return self._session

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        msg = (
            "This client was made by bcc_api.connect() for blocking calls; use "
            "bcc_api.connect_async() for the asyncio functions."
        )
        raise TypeError(msg)

    def with_headers(self, headers: dict[str, str]) -> BccClient:
        """Add headers to every later request of this client (in place)."""
        self._session.headers.update(headers)
        return self

    def with_cookies(self, cookies: dict[str, str]) -> BccClient:
        """Add cookies to every later request of this client (in place)."""
        self._session.cookies.update(cookies)
        return self

    def with_timeout(self, timeout: httpx.Timeout) -> BccClient:
        """Change the timeout of every later request of this client (in place)."""
        self._session.timeout = timeout
        return self

    def close(self) -> None:
        """Close the connections; the cached token stays for other clients."""
        self._session.close()

    def call(self, operation: Operation[_T_co], /, **kwargs: typing.Any) -> _T_co:
        """
        Call a generated operation and return the object inside `data`.

        ```python
        person = bcc.call(get_person, uid=uid)
        ```

        A `fields` argument always gets `uid` added (see `bcc_api.fields`).

        Raises:
            ApiError: The API answered with an error (a subclass by error code).
        """
        with _raising():
            result = operation.sync(client=self, **_with_uid(kwargs))
        return typing.cast(_T_co, _unwrap_one(result, _name(operation)))

    def iterate(
        self,
        operation: ListOperation[_T_co],
        /,
        *,
        filter: FilterTypes | None = None,
        fields: NamesTypes | None = None,
        sort: NamesTypes | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        **params: typing.Any,
    ) -> Iterator[_T_co]:
        """
        Yield every item of a list operation, fetching one page at a time.

        Only the current page is held in memory. Each page starts where the
        items received so far end, and iteration stops once the reply's
        `meta.total` items have been seen or a page comes back empty, so a
        server that returns fewer than *page_size* items per page loses none.

        Args:
            operation: A generated list module, such as `find_persons`.
            filter: A condition mapping (sent as JSON) or a ready JSON string.
            fields: Field names to return; `uid` is always added.
            sort: Field names, `-` first for descending.
            page_size: Items to ask for per request; the server may cap it.
            **params: Other arguments of the operation (`group_uid=...`).

        Raises:
            BccApiError: A page did not start at the offset asked for.
        """
        args = _page_args(page_size, filter, fields, sort, params)
        pager = _Pager(_name(operation))
        while not pager.done:
            with _raising():
                result = operation.sync(
                    client=self, limit=page_size, offset=pager.offset, **args
                )
            yield from pager.take(result)


class AsyncBccClient(AuthenticatedClient):
    """
    An asyncio client, usable wherever the generated code wants a client.

    Pass it as `client=` to any generated `asyncio` / `asyncio_detailed`
    function; its HTTP client is an OAuth2 client-credentials session that
    fetches, caches and renews the access token. Made by
    `bcc_api.connect_async()`.
    """

    def __init__(self, *, session: AsyncSession) -> None:
        super().__init__(
            base_url=session.config.environment.api_url, token=_TOKEN_PLACEHOLDER
        )
        self.set_async_httpx_client(session)
        self._session = session

    def __repr__(self) -> str:
        env = self._session.config.environment
        return (
            f"<AsyncBccClient environment={env.name!r} "
            f"scopes={list(self._session.config.scopes)!r}>"
        )

    @property
    def environment(self) -> Environment:
        return self._session.config.environment

    @property
    def session(self) -> AsyncSession:
        """The underlying authlib/httpx session."""
        return self._session

    def get_httpx_client(self) -> httpx.Client:
        msg = (
            "This client was made by bcc_api.connect_async() for asyncio; use "
            "bcc_api.connect() for the blocking functions."
        )
        raise TypeError(msg)

    def with_headers(self, headers: dict[str, str]) -> AsyncBccClient:
        """Add headers to every later request of this client (in place)."""
        self._session.headers.update(headers)
        return self

    def with_cookies(self, cookies: dict[str, str]) -> AsyncBccClient:
        """Add cookies to every later request of this client (in place)."""
        self._session.cookies.update(cookies)
        return self

    def with_timeout(self, timeout: httpx.Timeout) -> AsyncBccClient:
        """Change the timeout of every later request of this client (in place)."""
        self._session.timeout = timeout
        return self

    async def close(self) -> None:
        """Close the connections; the cached token stays for other clients."""
        await self._session.aclose()

    async def call(self, operation: Operation[_T_co], /, **kwargs: typing.Any) -> _T_co:
        """
        Call a generated operation and return the object inside `data`.

        ```python
        person = await bcc.call(get_person, uid=uid)
        ```

        Raises:
            ApiError: The API answered with an error (a subclass by error code).
        """
        with _raising():
            result = await operation.asyncio(client=self, **_with_uid(kwargs))
        return typing.cast(_T_co, _unwrap_one(result, _name(operation)))

    async def iterate(
        self,
        operation: ListOperation[_T_co],
        /,
        *,
        filter: FilterTypes | None = None,
        fields: NamesTypes | None = None,
        sort: NamesTypes | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        **params: typing.Any,
    ) -> AsyncIterator[_T_co]:
        """
        Yield every item of a list operation, fetching one page at a time.

        Only the current page is held in memory. Arguments are those of
        `BccClient.iterate`.
        """
        args = _page_args(page_size, filter, fields, sort, params)
        pager = _Pager(_name(operation))
        while not pager.done:
            with _raising():
                result = await operation.asyncio(
                    client=self, limit=page_size, offset=pager.offset, **args
                )
            for item in pager.take(result):
                yield item


@functools.cache
def _default_ssl_context() -> ssl.SSLContext:
    # Building a verifying context loads the CA bundle (tens of milliseconds);
    # share one so that a client per call stays cheap.
    return httpx.create_ssl_context()


def _verify(verify: ssl.SSLContext | bool) -> ssl.SSLContext | bool:
    return _default_ssl_context() if verify is True else verify


def _name(operation: object) -> str:
    return str(getattr(operation, "__name__", operation)).rsplit(".", 1)[-1]


def _config(
    *,
    environment: str | Environment | None,
    client_id: str | None,
    client_secret: str | None,
    scopes: Iterable[Scope | str],
    allow_unknown_scopes: bool,
    auth_method: AuthMethod,
    token_store: TokenStore | None,
    leeway: float,
    raise_on_error: bool,
    use_env: bool,
) -> SessionConfig:
    settings = resolve_settings(
        environment=environment,
        client_id=client_id,
        client_secret=client_secret,
        environ=read_environ() if use_env else {},
    )
    return SessionConfig(
        environment=settings.environment,
        credentials=settings.credentials,
        scopes=resolve_scopes(scopes, allow_unknown=allow_unknown_scopes),
        auth_method=auth_method,
        leeway=leeway,
        token_store=token_store,
        raise_on_error=raise_on_error,
    )


def connect(
    *,
    environment: str | Environment | None = None,
    client_id: str | None = None,
    client_secret: str | None = None,
    scopes: Iterable[Scope | str] = (),
    allow_unknown_scopes: bool = False,
    auth_method: AuthMethod = "client_secret_post",
    retry: RetryPolicy = DEFAULT_RETRY,
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    verify: ssl.SSLContext | bool = True,
    proxy: str | httpx.Proxy | None = None,
    headers: Mapping[str, str] | None = None,
    token_store: TokenStore | None = None,
    leeway: float = 60.0,
    raise_on_error: bool = True,
    use_env: bool = True,
) -> BccClient:
    """
    Return a blocking client for the BCC API, ready to use.

    Nothing is sent until the first request; that request fetches a token.
    Clients made with the same environment, client id and scopes share one
    cached token within the process.

    Args:
        environment: `"sandbox"`, `"production"`, `"dev"`, `"custom"` (URLs from
            `BCC_TOKEN_URL`, `BCC_API_URL`, `BCC_AUDIENCE`) or an `Environment`;
            defaults to `BCC_ENVIRONMENT`.
        client_id: Defaults to `BCC_CLIENT_ID`; pass it with *client_secret*.
        client_secret: Defaults to `BCC_CLIENT_SECRET`.
        scopes: `Scope` members or their strings; unknown strings are an error.
        allow_unknown_scopes: Accept scopes the `Scope` enum does not know.
        auth_method: How the client authenticates to the token endpoint:
            id and secret in the form body (default) or as HTTP basic auth.
        retry: When to retry idempotent requests (GET, HEAD, PUT, DELETE and
            OPTIONS; never POST); `NO_RETRY` switches it off.
        timeout: Seconds, or an `httpx.Timeout`; applies to token requests too.
        transport: An httpx transport to send everything through (tests, mTLS,
            unix sockets); *verify* and *proxy* are then ignored.
        verify: TLS verification: `True`, `False` or an `ssl.SSLContext`
            (which may also carry a client certificate).
        proxy: A proxy URL for token and API requests alike.
        headers: Extra headers for every API and token request.
        token_store: Keeps tokens between runs, such as `FileTokenStore`.
        leeway: Renew a token this many seconds before it expires.
        raise_on_error: Raise `ApiError` subclasses for API error replies; when
            false, generated functions return the error body as usual.
        use_env: Read `BCC_*` environment variables.

    Raises:
        ConfigurationError: Settings are missing, contradict each other or are
            unsafe; the message says how to fix them.
    """
    config = _config(
        environment=environment,
        client_id=client_id,
        client_secret=client_secret,
        scopes=scopes,
        allow_unknown_scopes=allow_unknown_scopes,
        auth_method=auth_method,
        token_store=token_store,
        leeway=leeway,
        raise_on_error=raise_on_error,
        use_env=use_env,
    )
    inner = transport or httpx.HTTPTransport(verify=_verify(verify), proxy=proxy)
    session = SyncSession(
        config=config,
        transport=RetryTransport(inner, retry),
        timeout=httpx.Timeout(timeout),
        headers=dict(headers or {}),
    )
    return BccClient(session=session)


def connect_async(
    *,
    environment: str | Environment | None = None,
    client_id: str | None = None,
    client_secret: str | None = None,
    scopes: Iterable[Scope | str] = (),
    allow_unknown_scopes: bool = False,
    auth_method: AuthMethod = "client_secret_post",
    retry: RetryPolicy = DEFAULT_RETRY,
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    transport: httpx.AsyncBaseTransport | None = None,
    verify: ssl.SSLContext | bool = True,
    proxy: str | httpx.Proxy | None = None,
    headers: Mapping[str, str] | None = None,
    token_store: TokenStore | None = None,
    leeway: float = 60.0,
    raise_on_error: bool = True,
    use_env: bool = True,
) -> AsyncBccClient:
    """
    Return an asyncio client for the BCC API, ready to use.

    The arguments are those of `connect`, with an async *transport*.
    """
    config = _config(
        environment=environment,
        client_id=client_id,
        client_secret=client_secret,
        scopes=scopes,
        allow_unknown_scopes=allow_unknown_scopes,
        auth_method=auth_method,
        token_store=token_store,
        leeway=leeway,
        raise_on_error=raise_on_error,
        use_env=use_env,
    )
    inner = transport or httpx.AsyncHTTPTransport(verify=_verify(verify), proxy=proxy)
    session = AsyncSession(
        config=config,
        transport=AsyncRetryTransport(inner, retry),
        timeout=httpx.Timeout(timeout),
        headers=dict(headers or {}),
    )
    return AsyncBccClient(session=session)
