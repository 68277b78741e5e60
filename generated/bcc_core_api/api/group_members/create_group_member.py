from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_data import ErrorData
from ...models.group_member_write import GroupMemberWrite
from ...models.wrapped_group_member import WrappedGroupMember
from ...types import Response


def _get_kwargs(
    group_uid: str,
    *,
    body: GroupMemberWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/groups/{group_uid}/members".format(
            group_uid=quote(str(group_uid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient,
    body: GroupMemberWrite,
) -> Response[ErrorData | WrappedGroupMember]:
    """Add a person to a group

     Makes a person a member of the group in the path and returns the membership. Declared scope:
    persons.groups#write, a name missing from the scheme's scope list.

    Args:
        group_uid (str):
        body (GroupMemberWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedGroupMember]
    """

    kwargs = _get_kwargs(
        group_uid=group_uid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_uid: str,
    *,
    client: AuthenticatedClient,
    body: GroupMemberWrite,
) -> ErrorData | WrappedGroupMember | None:
    """Add a person to a group

     Makes a person a member of the group in the path and returns the membership. Declared scope:
    persons.groups#write, a name missing from the scheme's scope list.

    Args:
        group_uid (str):
        body (GroupMemberWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedGroupMember
    """

    return sync_detailed(
        group_uid=group_uid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    group_uid: str,
    *,
    client: AuthenticatedClient,
    body: GroupMemberWrite,
) -> Response[ErrorData | WrappedGroupMember]:
    """Add a person to a group

     Makes a person a member of the group in the path and returns the membership. Declared scope:
    persons.groups#write, a name missing from the scheme's scope list.

    Args:
        group_uid (str):
        body (GroupMemberWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedGroupMember]
    """

    kwargs = _get_kwargs(
        group_uid=group_uid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_uid: str,
    *,
    client: AuthenticatedClient,
    body: GroupMemberWrite,
) -> ErrorData | WrappedGroupMember | None:
    """Add a person to a group

     Makes a person a member of the group in the path and returns the membership. Declared scope:
    persons.groups#write, a name missing from the scheme's scope list.

    Args:
        group_uid (str):
        body (GroupMemberWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedGroupMember
    """

    return (
        await asyncio_detailed(
            group_uid=group_uid,
            client=client,
            body=body,
        )
    ).parsed
