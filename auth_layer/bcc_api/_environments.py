"""Environments (where to get tokens and where the API is) and settings."""

from __future__ import annotations

import difflib
import ipaddress
import os
import re
from collections.abc import Mapping

import attrs
import httpx

from ._errors import ConfigurationError

__all__ = ["ENVIRONMENTS", "Credentials", "Environment", "get_environment"]

ENV_ENVIRONMENT = "BCC_ENVIRONMENT"
ENV_CLIENT_ID = "BCC_CLIENT_ID"
ENV_CLIENT_SECRET = "BCC_CLIENT_SECRET"  # noqa: S105 -- a variable name
ENV_TOKEN_URL = "BCC_TOKEN_URL"  # noqa: S105 -- a variable name
ENV_API_URL = "BCC_API_URL"
ENV_AUDIENCE = "BCC_AUDIENCE"
CUSTOM = "custom"


def is_loopback_host(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _shown(url: str) -> str:
    """*url* fit for a message: whatever could be a user name or password hidden."""
    return re.sub(r"//.*@", "//***@", url)


def check_url(url: str, what: str) -> str:
    """
    Return *url* without a trailing slash, or fail if it is not safe to use.

    A URL with a user name or password in it is refused, and no message shows
    that part: the client credentials are settings of their own.
    """
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        msg = (
            f"The {what} {_shown(url)!r} is not a valid URL; give an absolute "
            "https URL."
        )
        raise ConfigurationError(msg) from None
    if parsed.userinfo:
        msg = (
            f"The {what} {_shown(url)!r} carries a user name or password; remove "
            "it. Client credentials are passed as client_id= and client_secret= "
            f"(or {ENV_CLIENT_ID} and {ENV_CLIENT_SECRET}), never in a URL."
        )
        raise ConfigurationError(msg)
    if not parsed.host or parsed.scheme not in {"http", "https"}:
        msg = f"The {what} {url!r} is not an absolute http(s) URL; give one."
        raise ConfigurationError(msg)
    if parsed.scheme != "https" and not is_loopback_host(parsed.host):
        msg = (
            f"The {what} {url!r} does not use https. Credentials and tokens may "
            "only travel over https (plain http is allowed for localhost only)."
        )
        raise ConfigurationError(msg)
    return url.rstrip("/")


def _check_token_url(_: Environment, __: attrs.Attribute[str], value: str) -> None:
    check_url(value, "token URL")


def _check_api_url(_: Environment, __: attrs.Attribute[str], value: str) -> None:
    check_url(value, "API URL")


def _strip_slash(value: str) -> str:
    return value.rstrip("/")


@attrs.frozen(kw_only=True)
class Environment:
    """
    Where tokens come from and where the API lives.

    Use a preset by name (`"sandbox"`, `"production"`, `"dev"`) or build a custom
    one. URLs must use https, except on the loopback interface.

    Args:
        name: A label for logs and messages.
        token_url: The OAuth2 token endpoint.
        api_url: The API origin; operation paths are appended to it.
        audience: The API identifier sent as `audience` in every token request.
    """

    name: str
    token_url: str = attrs.field(converter=_strip_slash, validator=_check_token_url)
    api_url: str = attrs.field(converter=_strip_slash, validator=_check_api_url)
    audience: str

    @classmethod
    def from_identity(
        cls, *, name: str, identity_url: str, api_url: str, audience: str
    ) -> Environment:
        """Build an environment whose token endpoint is `{identity}/oauth/token`."""
        token_url = f"{identity_url.rstrip('/')}/oauth/token"
        return cls(name=name, token_url=token_url, api_url=api_url, audience=audience)


ENVIRONMENTS: Mapping[str, Environment] = {
    env.name: env
    for env in (
        Environment.from_identity(
            name="sandbox",
            identity_url="https://bcc-sso-sandbox.eu.auth0.com",
            api_url="https://sandbox-api.bcc.no",
            audience="sandbox-api.bcc.no",
        ),
        Environment.from_identity(
            name="production",
            identity_url="https://login.bcc.no",
            api_url="https://api.bcc.no",
            audience="api.bcc.no",
        ),
        Environment.from_identity(
            name="dev",
            identity_url="https://bcc-sso-dev.eu.auth0.com",
            api_url="https://dev-api.bcc.no",
            audience="dev-api.bcc.no",
        ),
    )
}


def get_environment(name: str) -> Environment:
    """
    Return the preset environment called *name*.

    Raises:
        ConfigurationError: No preset has that name.
    """
    try:
        return ENVIRONMENTS[name]
    except KeyError:
        pass
    close = difflib.get_close_matches(name, ENVIRONMENTS, n=1)
    guess = f" Did you mean {close[0]!r}?" if close else ""
    known = ", ".join(repr(key) for key in ENVIRONMENTS)
    msg = (
        f"There is no environment called {name!r}.{guess} Use one of {known}, "
        "or pass an Environment(...) for a custom one."
    )
    raise ConfigurationError(msg)


@attrs.frozen(kw_only=True)
class Credentials:
    """A client id and secret; the secret never shows in a repr."""

    client_id: str
    client_secret: str = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class Settings:
    """Everything `connect` resolved from its arguments and the environment."""

    environment: Environment
    credentials: Credentials


def read_environ(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The one place that reads `BCC_*` variables (from *environ* or `os.environ`)."""
    source = os.environ if environ is None else environ
    names = (
        ENV_ENVIRONMENT,
        ENV_CLIENT_ID,
        ENV_CLIENT_SECRET,
        ENV_TOKEN_URL,
        ENV_API_URL,
        ENV_AUDIENCE,
    )
    return {name: source[name] for name in names if source.get(name)}


def resolve_settings(
    *,
    environment: str | Environment | None,
    client_id: str | None,
    client_secret: str | None,
    environ: Mapping[str, str],
) -> Settings:
    """
    Combine arguments with `BCC_*` variables, refusing anything ambiguous.

    Arguments win only where the variables say nothing different: an argument
    that contradicts a variable is an error, because silently picking one of two
    environments or two apps is how production data gets touched by mistake.
    """
    env = _resolve_environment(environment, environ)
    credentials = _resolve_credentials(client_id, client_secret, environ, env)
    return Settings(environment=env, credentials=credentials)


def _resolve_environment(
    environment: str | Environment | None, environ: Mapping[str, str]
) -> Environment:
    from_env = environ.get(ENV_ENVIRONMENT)
    custom_vars = [
        name for name in (ENV_TOKEN_URL, ENV_API_URL, ENV_AUDIENCE) if name in environ
    ]

    if isinstance(environment, Environment):
        if from_env is not None and from_env not in {environment.name, CUSTOM}:
            msg = (
                f"An Environment named {environment.name!r} was passed but "
                f"{ENV_ENVIRONMENT}={from_env!r} is set; unset {ENV_ENVIRONMENT} "
                "or pass the matching environment."
            )
            raise ConfigurationError(msg)
        return environment

    if environment is not None and from_env is not None and environment != from_env:
        msg = (
            f"environment={environment!r} was passed but {ENV_ENVIRONMENT}="
            f"{from_env!r} is set; remove one of them so only one environment "
            "is named."
        )
        raise ConfigurationError(msg)

    name = environment if environment is not None else from_env
    if name is None:
        msg = (
            "No environment was chosen. Pass environment='sandbox' (or "
            f"'production', 'dev') to connect(), or set {ENV_ENVIRONMENT}."
        )
        raise ConfigurationError(msg)

    if name == CUSTOM:
        missing = [
            var
            for var in (ENV_TOKEN_URL, ENV_API_URL, ENV_AUDIENCE)
            if var not in custom_vars
        ]
        if missing:
            msg = (
                f"The custom environment needs {', '.join(missing)} to be set as "
                "well, or pass Environment(...) to connect() instead."
            )
            raise ConfigurationError(msg)
        return Environment(
            name=CUSTOM,
            token_url=environ[ENV_TOKEN_URL],
            api_url=environ[ENV_API_URL],
            audience=environ[ENV_AUDIENCE],
        )

    if custom_vars:
        msg = (
            f"{', '.join(custom_vars)} is set but the environment is {name!r}, "
            "whose URLs are fixed. Unset those variables, or set "
            f"{ENV_ENVIRONMENT}={CUSTOM} to use them."
        )
        raise ConfigurationError(msg)
    return get_environment(name)


def _resolve_credentials(
    client_id: str | None,
    client_secret: str | None,
    environ: Mapping[str, str],
    environment: Environment,
) -> Credentials:
    if (client_id is None) != (client_secret is None):
        given, other = (
            ("client_id", "client_secret")
            if client_id is not None
            else ("client_secret", "client_id")
        )
        msg = (
            f"{given} was passed without {other}. Pass both, or neither and set "
            f"{ENV_CLIENT_ID} and {ENV_CLIENT_SECRET}."
        )
        raise ConfigurationError(msg)

    if client_id is not None and client_secret is not None:
        env_id = environ.get(ENV_CLIENT_ID)
        if env_id is not None and env_id != client_id:
            msg = (
                f"client_id was passed but {ENV_CLIENT_ID} names a different "
                f"client; unset {ENV_CLIENT_ID} or pass the same client."
            )
            raise ConfigurationError(msg)
        return Credentials(client_id=client_id, client_secret=client_secret)

    missing = [var for var in (ENV_CLIENT_ID, ENV_CLIENT_SECRET) if var not in environ]
    if missing:
        msg = (
            f"No client credentials for the {environment.name!r} environment: "
            f"set {' and '.join(missing)}, or pass client_id= and client_secret= "
            "to connect()."
        )
        raise ConfigurationError(msg)
    return Credentials(
        client_id=environ[ENV_CLIENT_ID], client_secret=environ[ENV_CLIENT_SECRET]
    )
