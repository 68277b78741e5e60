from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_data import ErrorData
from ...models.wrapped_affiliation import WrappedAffiliation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uid: str,
    *,
    fields: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["options"] = options

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/affiliations/{uid}".format(
            uid=quote(str(uid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorData | WrappedAffiliation | None:
    if response.status_code == 200:
        response_200 = WrappedAffiliation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorData.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorData.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorData.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorData | WrappedAffiliation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> Response[ErrorData | WrappedAffiliation]:
    """Fetch one affiliation

     Returns a single affiliation by its UID; use fields to pull in the linked person or org. Declared
    scope: persons.affiliations#read.

    Args:
        uid (str):
        fields (str | Unset):
        options (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedAffiliation]
    """

    kwargs = _get_kwargs(
        uid=uid,
        fields=fields,
        options=options,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uid: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> ErrorData | WrappedAffiliation | None:
    """Fetch one affiliation

     Returns a single affiliation by its UID; use fields to pull in the linked person or org. Declared
    scope: persons.affiliations#read.

    Args:
        uid (str):
        fields (str | Unset):
        options (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedAffiliation
    """

    return sync_detailed(
        uid=uid,
        client=client,
        fields=fields,
        options=options,
    ).parsed


async def asyncio_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> Response[ErrorData | WrappedAffiliation]:
    """Fetch one affiliation

     Returns a single affiliation by its UID; use fields to pull in the linked person or org. Declared
    scope: persons.affiliations#read.

    Args:
        uid (str):
        fields (str | Unset):
        options (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedAffiliation]
    """

    kwargs = _get_kwargs(
        uid=uid,
        fields=fields,
        options=options,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uid: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> ErrorData | WrappedAffiliation | None:
    """Fetch one affiliation

     Returns a single affiliation by its UID; use fields to pull in the linked person or org. Declared
    scope: persons.affiliations#read.

    Args:
        uid (str):
        fields (str | Unset):
        options (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedAffiliation
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            fields=fields,
            options=options,
        )
    ).parsed
