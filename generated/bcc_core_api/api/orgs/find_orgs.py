from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_data import ErrorData
from ...models.wrapped_with_meta_array_org import WrappedWithMetaArrayOrg
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["page"] = page

    params["filter"] = filter_

    params["fields"] = fields

    params["sort"] = sort

    params["options"] = options

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/orgs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorData | WrappedWithMetaArrayOrg | None:
    if response.status_code == 200:
        response_200 = WrappedWithMetaArrayOrg.from_dict(response.json())

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
) -> Response[ErrorData | WrappedWithMetaArrayOrg]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> Response[ErrorData | WrappedWithMetaArrayOrg]:
    """List orgs

     Returns organisations (churches, clubs and other orgs) with their addresses and status. Paged with
    limit plus offset or page; narrow it with a JSON filter, choose fields and order with fields and
    sort. Declared scope: orgs#read.

    Args:
        limit (int | Unset):
        offset (int | Unset):
        page (int | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        sort (str | Unset):
        options (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedWithMetaArrayOrg]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        page=page,
        filter_=filter_,
        fields=fields,
        sort=sort,
        options=options,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> ErrorData | WrappedWithMetaArrayOrg | None:
    """List orgs

     Returns organisations (churches, clubs and other orgs) with their addresses and status. Paged with
    limit plus offset or page; narrow it with a JSON filter, choose fields and order with fields and
    sort. Declared scope: orgs#read.

    Args:
        limit (int | Unset):
        offset (int | Unset):
        page (int | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        sort (str | Unset):
        options (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedWithMetaArrayOrg
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        page=page,
        filter_=filter_,
        fields=fields,
        sort=sort,
        options=options,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> Response[ErrorData | WrappedWithMetaArrayOrg]:
    """List orgs

     Returns organisations (churches, clubs and other orgs) with their addresses and status. Paged with
    limit plus offset or page; narrow it with a JSON filter, choose fields and order with fields and
    sort. Declared scope: orgs#read.

    Args:
        limit (int | Unset):
        offset (int | Unset):
        page (int | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        sort (str | Unset):
        options (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedWithMetaArrayOrg]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        page=page,
        filter_=filter_,
        fields=fields,
        sort=sort,
        options=options,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filter_: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    options: str | Unset = UNSET,
) -> ErrorData | WrappedWithMetaArrayOrg | None:
    """List orgs

     Returns organisations (churches, clubs and other orgs) with their addresses and status. Paged with
    limit plus offset or page; narrow it with a JSON filter, choose fields and order with fields and
    sort. Declared scope: orgs#read.

    Args:
        limit (int | Unset):
        offset (int | Unset):
        page (int | Unset):
        filter_ (str | Unset):
        fields (str | Unset):
        sort (str | Unset):
        options (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedWithMetaArrayOrg
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            page=page,
            filter_=filter_,
            fields=fields,
            sort=sort,
            options=options,
        )
    ).parsed
