"""Environment presets, custom environments and settings resolution."""

from __future__ import annotations

import traceback

import attrs
import bcc_api
import pytest
from bcc_api._environments import read_environ, resolve_settings


def resolve(environ=None, **kwargs):
    args = {"environment": None, "client_id": None, "client_secret": None}
    return resolve_settings(**{**args, **kwargs}, environ=environ or {})


@pytest.mark.parametrize(
    ("name", "token_url", "api_url", "audience"),
    [
        (
            "sandbox",
            "https://bcc-sso-sandbox.eu.auth0.com/oauth/token",
            "https://sandbox-api.bcc.no",
            "sandbox-api.bcc.no",
        ),
        (
            "production",
            "https://login.bcc.no/oauth/token",
            "https://api.bcc.no",
            "api.bcc.no",
        ),
        (
            "dev",
            "https://bcc-sso-dev.eu.auth0.com/oauth/token",
            "https://dev-api.bcc.no",
            "dev-api.bcc.no",
        ),
    ],
)
def test_presets_are_looked_up_by_name(name, token_url, api_url, audience):
    env = bcc_api.get_environment(name)

    assert (env.token_url, env.api_url, env.audience) == (token_url, api_url, audience)
    assert bcc_api.ENVIRONMENTS[name] is env


def test_environments_are_frozen_values():
    env = bcc_api.get_environment("sandbox")

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        env.api_url = "https://elsewhere.example"  # type: ignore[misc]
    assert env == attrs.evolve(env)


def test_unknown_environment_names_the_closest_preset():
    with pytest.raises(bcc_api.ConfigurationError, match="Did you mean 'sandbox'"):
        bcc_api.get_environment("sandbx")


@pytest.mark.parametrize(
    "url",
    ["http://auth.example.com/oauth/token", "ftp://auth.example.com", "not a url"],
)
def test_non_https_urls_are_refused_outside_loopback(url):
    with pytest.raises(bcc_api.ConfigurationError, match=r"https|absolute"):
        bcc_api.Environment(
            name="x", token_url=url, api_url="https://api.example", audience="a"
        )


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.9.10", "[::1]"])
def test_plain_http_is_allowed_on_loopback(host):
    env = bcc_api.Environment(
        name="local",
        token_url=f"http://{host}:9/oauth/token",
        api_url=f"http://{host}:8/",
        audience="a",
    )

    assert env.api_url == f"http://{host}:8"


def test_settings_come_from_bcc_variables():
    settings = resolve(
        {
            "BCC_ENVIRONMENT": "dev",
            "BCC_CLIENT_ID": "id-from-env",
            "BCC_CLIENT_SECRET": "secret-from-env",
        }
    )

    assert settings.environment.name == "dev"
    assert settings.credentials.client_id == "id-from-env"
    assert "secret-from-env" not in repr(settings)


def test_a_custom_environment_comes_from_variables():
    settings = resolve(
        {
            "BCC_ENVIRONMENT": "custom",
            "BCC_TOKEN_URL": "https://login.example/oauth/token",
            "BCC_API_URL": "https://api.example",
            "BCC_AUDIENCE": "api.example",
        },
        client_id="c",
        client_secret="s",
    )

    assert settings.environment.token_url == "https://login.example/oauth/token"
    assert settings.environment.audience == "api.example"


@pytest.mark.parametrize(
    ("environ", "kwargs", "fix"),
    [
        ({}, {"client_id": "c", "client_secret": "s"}, "BCC_ENVIRONMENT"),
        ({"BCC_ENVIRONMENT": "sandbox"}, {}, "BCC_CLIENT_ID and BCC_CLIENT_SECRET"),
        (
            {"BCC_ENVIRONMENT": "sandbox", "BCC_CLIENT_ID": "c"},
            {},
            "set BCC_CLIENT_SECRET",
        ),
        (
            {"BCC_ENVIRONMENT": "custom", "BCC_TOKEN_URL": "https://t.example"},
            {"client_id": "c", "client_secret": "s"},
            "BCC_API_URL, BCC_AUDIENCE",
        ),
    ],
)
def test_missing_settings_name_the_fix(environ, kwargs, fix):
    with pytest.raises(bcc_api.ConfigurationError, match=fix):
        resolve(environ, **kwargs)


@pytest.mark.parametrize(
    ("environ", "kwargs", "fix"),
    [
        (
            {"BCC_ENVIRONMENT": "sandbox"},
            {"environment": "production", "client_id": "c", "client_secret": "s"},
            "remove one of them",
        ),
        (
            {"BCC_ENVIRONMENT": "sandbox", "BCC_API_URL": "https://api.example"},
            {"client_id": "c", "client_secret": "s"},
            "BCC_ENVIRONMENT=custom",
        ),
        (
            {"BCC_ENVIRONMENT": "sandbox", "BCC_CLIENT_SECRET": "s"},
            {"client_id": "c"},
            "client_id was passed without client_secret",
        ),
        (
            {"BCC_ENVIRONMENT": "sandbox", "BCC_CLIENT_ID": "other"},
            {"client_id": "c", "client_secret": "s"},
            "different client",
        ),
    ],
)
def test_contradictory_settings_are_one_clear_error(environ, kwargs, fix):
    with pytest.raises(bcc_api.ConfigurationError, match=fix) as caught:
        resolve(environ, **kwargs)

    assert "s3cret" not in str(caught.value)


def test_arguments_alone_are_enough():
    settings = resolve(environment="sandbox", client_id="c", client_secret="s")

    assert settings.environment is bcc_api.get_environment("sandbox")


def test_variables_are_read_only_from_the_mapping_given():
    assert read_environ({"BCC_ENVIRONMENT": "dev", "HOME": "/root"}) == {
        "BCC_ENVIRONMENT": "dev"
    }


def test_connect_ignores_variables_when_told(monkeypatch):
    monkeypatch.setenv("BCC_ENVIRONMENT", "production")

    with pytest.raises(bcc_api.ConfigurationError, match="No environment"):
        bcc_api.connect(client_id="c", client_secret="s", use_env=False)


def test_connect_sends_nothing_until_the_first_request():
    # An unreachable token URL is fine as long as no request is made.
    env = bcc_api.Environment(
        name="nowhere",
        token_url="http://127.0.0.1:9/oauth/token",
        api_url="http://127.0.0.1:9",
        audience="a",
    )

    client = bcc_api.connect(
        environment=env, client_id="c", client_secret="s", use_env=False
    )

    client.close()


@pytest.mark.parametrize(
    "url",
    [
        "https://tester:hunter2-password@login.example/oauth/token",
        "http://tester:hunter2-password@login.example/oauth/token",
        "https://:hunter2-password@login.example/oauth/token",
        "https://tester:hunter2-password@login.example:notaport/oauth/token",
    ],
)
def test_a_password_in_a_url_is_refused_and_never_shown(url):
    with pytest.raises(bcc_api.ConfigurationError) as caught:
        bcc_api.Environment(
            name="x", token_url=url, api_url="https://api.example", audience="a"
        )

    text = "".join(traceback.format_exception(caught.value))
    assert "hunter2-password" not in text
    assert "token URL" in str(caught.value)


def test_a_password_in_the_token_url_variable_is_refused(monkeypatch):
    monkeypatch.setenv("BCC_ENVIRONMENT", "custom")
    monkeypatch.setenv("BCC_TOKEN_URL", "https://me:hunter2-password@t.example/o")
    monkeypatch.setenv("BCC_API_URL", "https://api.example")
    monkeypatch.setenv("BCC_AUDIENCE", "api.example")

    with pytest.raises(bcc_api.ConfigurationError, match="user name or password") as e:
        bcc_api.connect(client_id="c", client_secret="s")

    assert "hunter2-password" not in str(e.value)
    assert "https://***@t.example/o" in str(e.value)
