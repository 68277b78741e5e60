from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_data import ErrorData
from ...models.wrapped_group_member import WrappedGroupMember
from ...types import UNSET, Response, Unset


def _get_kwargs(
    group_uid: str,
    member_uid: str,
    *,
    fields: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/groups/{group_uid}/members/{member_uid}".format(
            group_uid=quote(str(group_uid), safe=""),
            member_uid=quote(str(member_uid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorData | WrappedGroupMember | None:
    if response.status_code == 200:
        response_200 = WrappedGroupMember.from_dict(response.json())

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
) -> Response[ErrorData | WrappedGroupMember]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group_uid: str,
    member_uid: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> Response[ErrorData | WrappedGroupMember]:
    """Fetch one group membership

     Returns one membership of a group. Note the path parameters are listed member first, group second.
    Declared scope: persons.groups#read, a name missing from the scheme's scope list.

    Args:
        group_uid (str):
        member_uid (str):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedGroupMember]
    """

    kwargs = _get_kwargs(
        group_uid=group_uid,
        member_uid=member_uid,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_uid: str,
    member_uid: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> ErrorData | WrappedGroupMember | None:
    """Fetch one group membership

     Returns one membership of a group. Note the path parameters are listed member first, group second.
    Declared scope: persons.groups#read, a name missing from the scheme's scope list.

    Args:
        group_uid (str):
        member_uid (str):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedGroupMember
    """

    return sync_detailed(
        group_uid=group_uid,
        member_uid=member_uid,
        client=client,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    group_uid: str,
    member_uid: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> Response[ErrorData | WrappedGroupMember]:
    """Fetch one group membership

     Returns one membership of a group. Note the path parameters are listed member first, group second.
    Declared scope: persons.groups#read, a name missing from the scheme's scope list.

    Args:
        group_uid (str):
        member_uid (str):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedGroupMember]
    """

    kwargs = _get_kwargs(
        group_uid=group_uid,
        member_uid=member_uid,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_uid: str,
    member_uid: str,
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
) -> ErrorData | WrappedGroupMember | None:
    """Fetch one group membership

     Returns one membership of a group. Note the path parameters are listed member first, group second.
    Declared scope: persons.groups#read, a name missing from the scheme's scope list.

    Args:
        group_uid (str):
        member_uid (str):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedGroupMember
    """

    return (
        await asyncio_detailed(
            group_uid=group_uid,
            member_uid=member_uid,
            client=client,
            fields=fields,
        )
    ).parsed
