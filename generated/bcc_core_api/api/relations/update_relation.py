from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_data import ErrorData
from ...models.relation_write import RelationWrite
from ...models.wrapped_relation import WrappedRelation
from ...types import Response


def _get_kwargs(
    uid: str,
    *,
    body: RelationWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/relations/{uid}".format(
            uid=quote(str(uid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorData | WrappedRelation | None:
    if response.status_code == 200:
        response_200 = WrappedRelation.from_dict(response.json())

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
) -> Response[ErrorData | WrappedRelation]:
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
    body: RelationWrite,
) -> Response[ErrorData | WrappedRelation]:
    """Change a relation

     Overwrites the type, grants or validity period of a relation. Declared scope: consents#read, a read
    scope on a write operation, as published.

    Args:
        uid (str):
        body (RelationWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedRelation]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: RelationWrite,
) -> ErrorData | WrappedRelation | None:
    """Change a relation

     Overwrites the type, grants or validity period of a relation. Declared scope: consents#read, a read
    scope on a write operation, as published.

    Args:
        uid (str):
        body (RelationWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedRelation
    """

    return sync_detailed(
        uid=uid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: RelationWrite,
) -> Response[ErrorData | WrappedRelation]:
    """Change a relation

     Overwrites the type, grants or validity period of a relation. Declared scope: consents#read, a read
    scope on a write operation, as published.

    Args:
        uid (str):
        body (RelationWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedRelation]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uid: str,
    *,
    client: AuthenticatedClient,
    body: RelationWrite,
) -> ErrorData | WrappedRelation | None:
    """Change a relation

     Overwrites the type, grants or validity period of a relation. Declared scope: consents#read, a read
    scope on a write operation, as published.

    Args:
        uid (str):
        body (RelationWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedRelation
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            body=body,
        )
    ).parsed
