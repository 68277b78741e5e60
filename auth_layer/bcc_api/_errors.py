"""
Every exception the package raises, in one tree.

```
BccApiError                        root of everything raised here
├── ConfigurationError (ValueError)   settings missing, contradictory or unsafe
│   └── UnknownScopeError             a scope name the API does not declare
├── AuthError                         the token endpoint did not give a token
├── NetworkError (httpx.TransportError) no reply: connection failed or dropped
│   └── NetworkTimeout (httpx.TimeoutException)  no reply in time
└── ApiError                          the API answered with an error body
    ├── BadRequest                    400
    │   ├── InvalidQuery              invalid-query
    │   └── InvalidBody               invalid-body
    │       └── InvalidKeyReference   invalid-key-reference
    ├── Unauthorized                  401, unauthorized
    │   └── InvalidToken              invalid-token, cannot-parse-token
    ├── Forbidden                     403
    │   └── MissingScopes             missing-scopes
    ├── NotFound (LookupError)        404, not-found
    ├── Conflict                      409, duplicate-unique-key
    ├── RateLimited                   429
    └── ServerError                   5xx, internal-error
```

`ApiError` is chosen by the body's error code first and by the HTTP status when
the code is unknown or the body is not the API's error shape.
"""

from __future__ import annotations

import json
import typing

import httpx

__all__ = [
    "ApiError",
    "AuthError",
    "BadRequest",
    "BccApiError",
    "ConfigurationError",
    "Conflict",
    "Forbidden",
    "InvalidBody",
    "InvalidKeyReference",
    "InvalidQuery",
    "InvalidToken",
    "MissingScopes",
    "NetworkError",
    "NetworkTimeout",
    "NotFound",
    "RateLimited",
    "ServerError",
    "Unauthorized",
    "UnknownScopeError",
]

REQUEST_ID_HEADERS = ("x-request-id", "x-correlation-id")
# The methods retried by default: repeating one has the effect of sending it once.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
TOKEN_REJECTION_CODES = frozenset({"invalid-token", "cannot-parse-token"})


class BccApiError(Exception):
    """
    Root of every exception raised by `bcc_api`.
    """


class ConfigurationError(BccApiError, ValueError):
    """
    Settings are missing, contradict each other, or are unsafe.
    """


class UnknownScopeError(ConfigurationError):
    """
    A scope is not one the API declares.
    """

    def __init__(self, message: str, *, scope: str, suggestions: tuple[str, ...]):
        super().__init__(message)
        self.scope = scope
        self.suggestions = suggestions


class AuthError(BccApiError):
    """
    The token endpoint could not be reached or did not hand out a token.

    Attributes:
        token_url: The token endpoint that was asked.
        status: The HTTP status of its answer, or `None` when there was none.
        error: The OAuth error code it sent (`invalid_client`, ...), if any.
    """

    def __init__(
        self,
        message: str,
        *,
        token_url: str,
        status: int | None = None,
        error: str | None = None,
    ):
        super().__init__(message)
        self.token_url = token_url
        self.status = status
        self.error = error

    def copy(self) -> AuthError:
        """The same error as a new exception, without this one's traceback."""
        return type(self)(
            str(self), token_url=self.token_url, status=self.status, error=self.error
        )


class NetworkError(BccApiError, httpx.TransportError):
    """
    A request got no reply: the connection failed, broke or timed out.

    Idempotent requests were retried first, as the retry policy allows. A POST
    is never retried, and the server may have acted on it before the connection
    broke. It is also an `httpx.TransportError`, as the generated functions
    document.

    Attributes:
        method: The request method.
        path: The request path, without the query string.
    """

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        httpx.TransportError.__init__(self, message, request=request)
        self.method = request.method
        self.path = request.url.path


class NetworkTimeout(NetworkError, httpx.TimeoutException):
    """A request got no reply in time."""


def network_error(error: httpx.TransportError, request: httpx.Request) -> NetworkError:
    """Describe a transport failure of an API request, with what to do about it."""
    what = (
        "got no reply in time"
        if isinstance(error, httpx.TimeoutException)
        else f"lost its connection ({type(error).__name__})"
    )
    text = f"{request.method} {request.url.path} {what}."
    if request.method in IDEMPOTENT_METHODS:
        text += " It was retried as the retry policy allows. Check the network."
    else:
        text += (
            f" A {request.method} is never retried: the server may have acted on it,"
            " so check before sending it again."
        )
    cls = NetworkTimeout if isinstance(error, httpx.TimeoutException) else NetworkError
    return cls(text, request=request)


class ApiError(BccApiError):
    """
    The API answered a request with an error.

    Attributes:
        code: The API's error code (`not-found`, ...), or `None` if it sent none.
        message: The API's own explanation.
        status: The HTTP status code.
        method: The request method.
        path: The request path, without the query string.
        request_id: The server's request id, for support tickets, if it sent one.
        response: The raw `httpx.Response`, body already read.
    """

    hint = ""

    def __init__(
        self,
        *,
        code: str | None,
        message: str,
        status: int,
        method: str,
        path: str,
        request_id: str | None,
        response: httpx.Response | None = None,
        detail: str = "",
    ):
        self.code = code
        self.message = message
        self.status = status
        self.method = method
        self.path = path
        self.request_id = request_id
        self.response = response
        super().__init__(self._describe(detail))

    def _describe(self, detail: str) -> str:
        code = f" ({self.code})" if self.code else ""
        text = f"{self.method} {self.path} failed with HTTP {self.status}{code}"
        if self.message:
            text += f": {self.message.rstrip('.')}."
        else:
            text += "."
        for extra in (detail, self.hint):
            if extra:
                text += f" {extra}"
        if self.request_id:
            text += f" Request id: {self.request_id}."
        return text


class BadRequest(ApiError):
    """The API rejected the request as malformed (400)."""

    hint = "Check the arguments of the call."


class InvalidQuery(BadRequest):
    """`filter`, `fields`, `sort` or paging parameters were not accepted."""

    hint = "Check the filter, fields, sort and paging arguments."


class InvalidBody(BadRequest):
    """The request body was not accepted."""

    hint = "Check the object sent in the request body."


class InvalidKeyReference(InvalidBody):
    """The body refers to an object that does not exist."""

    hint = "Check that every uid in the body refers to an existing object."


class Unauthorized(ApiError):
    """The API did not accept the caller (401)."""

    hint = "Check that the app is registered for this environment."


class InvalidToken(Unauthorized):
    """The API rejected the access token, and a newly fetched one too."""

    hint = (
        "The request was sent again with a new token, which was refused as well; "
        "check that the environment's audience matches the API you are calling."
    )


class Forbidden(ApiError):
    """The caller is known but not allowed to do this (403)."""


class MissingScopes(Forbidden):
    """
    The token lacks the scope the operation needs.

    Attributes:
        required_scopes: Scopes that grant the operation (any one of them).
        token_scopes: Scopes the token that was sent holds.
    """

    def __init__(
        self,
        *,
        required_scopes: tuple[str, ...],
        token_scopes: tuple[str, ...],
        **kwargs: typing.Any,
    ):
        self.required_scopes = required_scopes
        self.token_scopes = token_scopes
        needed = ", ".join(required_scopes) or "(not listed in the API description)"
        held = ", ".join(token_scopes) or "(none)"
        detail = (
            f"The operation accepts any of: {needed}. The token holds: {held}. "
            "Ask for one of the accepted scopes with connect(scopes=...) and make "
            "sure the app is granted it."
        )
        super().__init__(detail=detail, **kwargs)


class NotFound(ApiError, LookupError):
    """The object does not exist, or the token may not see it (404)."""

    hint = "Check the uid."


class Conflict(ApiError):
    """The object clashes with an existing one (duplicate unique key)."""

    hint = "An object with the same unique key already exists."


class RateLimited(ApiError):
    """Too many requests (429), after any automatic retries."""

    hint = (
        "Slow down. Idempotent requests were already retried as the retry "
        "policy allows; a POST is never retried."
    )


class ServerError(ApiError):
    """The API failed on its side (5xx), after any automatic retries."""

    hint = "This is not caused by the request; try again later."


_BY_CODE: dict[str, type[ApiError]] = {
    "not-found": NotFound,
    "invalid-query": InvalidQuery,
    "invalid-body": InvalidBody,
    "invalid-key-reference": InvalidKeyReference,
    "duplicate-unique-key": Conflict,
    "cannot-parse-token": InvalidToken,
    "invalid-token": InvalidToken,
    "missing-scopes": MissingScopes,
    "internal-error": ServerError,
    "unauthorized": Unauthorized,
}

_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    429: RateLimited,
}


def read_error_body(response: httpx.Response) -> tuple[str | None, str]:
    """Return the (code, message) of an API error body, tolerating any shape."""
    try:
        body = json.loads(response.content)
    except ValueError:
        return None, ""
    if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
        return None, ""
    code = body["error"].get("code")
    message = body["error"].get("message")
    return (
        code if isinstance(code, str) else None,
        message if isinstance(message, str) else "",
    )


def error_class(code: str | None, status: int) -> type[ApiError]:
    """Pick the exception class for an error code and HTTP status."""
    if code in _BY_CODE:
        return _BY_CODE[code]
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, ApiError)


def request_id_of(response: httpx.Response) -> str | None:
    """The server's request id, from the first request-id header it sent."""
    for name in REQUEST_ID_HEADERS:
        value: str | None = response.headers.get(name)
        if value:
            return value
    return None


# Shorter values are not searched for: they would mangle ordinary words, and
# no real client secret or access token is that short.
MIN_REDACTED_LENGTH = 8


def redact(text: str, secrets: typing.Iterable[str]) -> str:
    """Replace every occurrence of each secret in *text*."""
    for secret in secrets:
        if len(secret) >= MIN_REDACTED_LENGTH:
            text = text.replace(secret, "[redacted]")
    return text
