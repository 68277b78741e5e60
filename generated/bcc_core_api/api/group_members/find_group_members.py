from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_data import ErrorData
from ...models.wrapped_with_meta_array_group_member import (
    WrappedWithMetaArrayGroupMember,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    group_uid: str,
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["page"] = page

    params["filter"] = filter_

    params["fields"] = fields

    params["sort"] = sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/groups/{group_uid}/members".format(
            group_uid=quote(str(group_uid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorData | WrappedWithMetaArrayGroupMember | None:
    if response.status_code == 200:
        response_200 = WrappedWithMetaArrayGroupMember.from_dict(response.json())

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
) -> Response[ErrorData | WrappedWithMetaArrayGroupMember]:
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
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> Response[ErrorData | WrappedWithMetaArrayGroupMember]:
    """List the members of a group

     Returns the membership records of one group; this list takes no options parameter. Paged with limit
    plus offset or page, with filter, fields and sort. Declared scope: persons.groups#read, a name
    missing from the scheme's scope list.

    Args:
        group_uid (str):
        limit (int | Unset):
        offset (int | Unset):
        page (int | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedWithMetaArrayGroupMember]
    """

    kwargs = _get_kwargs(
        group_uid=group_uid,
        limit=limit,
        offset=offset,
        page=page,
        filter_=filter_,
        fields=fields,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_uid: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> ErrorData | WrappedWithMetaArrayGroupMember | None:
    """List the members of a group

     Returns the membership records of one group; this list takes no options parameter. Paged with limit
    plus offset or page, with filter, fields and sort. Declared scope: persons.groups#read, a name
    missing from the scheme's scope list.

    Args:
        group_uid (str):
        limit (int | Unset):
        offset (int | Unset):
        page (int | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedWithMetaArrayGroupMember
    """

    return sync_detailed(
        group_uid=group_uid,
        client=client,
        limit=limit,
        offset=offset,
        page=page,
        filter_=filter_,
        fields=fields,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    group_uid: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> Response[ErrorData | WrappedWithMetaArrayGroupMember]:
    """List the members of a group

     Returns the membership records of one group; this list takes no options parameter. Paged with limit
    plus offset or page, with filter, fields and sort. Declared scope: persons.groups#read, a name
    missing from the scheme's scope list.

    Args:
        group_uid (str):
        limit (int | Unset):
        offset (int | Unset):
        page (int | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedWithMetaArrayGroupMember]
    """

    kwargs = _get_kwargs(
        group_uid=group_uid,
        limit=limit,
        offset=offset,
        page=page,
        filter_=filter_,
        fields=fields,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_uid: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> ErrorData | WrappedWithMetaArrayGroupMember | None:
    """List the members of a group

     Returns the membership records of one group; this list takes no options parameter. Paged with limit
    plus offset or page, with filter, fields and sort. Declared scope: persons.groups#read, a name
    missing from the scheme's scope list.

    Args:
        group_uid (str):
        limit (int | Unset):
        offset (int | Unset):
        page (int | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedWithMetaArrayGroupMember
    """

    return (
        await asyncio_detailed(
            group_uid=group_uid,
            client=client,
            limit=limit,
            offset=offset,
            page=page,
            filter_=filter_,
            fields=fields,
            sort=sort,
        )
    ).parsed
