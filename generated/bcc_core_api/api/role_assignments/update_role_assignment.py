from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_data import ErrorData
from ...models.role_assignment_write import RoleAssignmentWrite
from ...models.wrapped_role_assignment import WrappedRoleAssignment
from ...types import Response


def _get_kwargs(
    uid: str,
    *,
    body: RoleAssignmentWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/roleAssignments/{uid}".format(
            uid=quote(str(uid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorData | WrappedRoleAssignment | None:
    if response.status_code == 200:
        response_200 = WrappedRoleAssignment.from_dict(response.json())

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
) -> Response[ErrorData | WrappedRoleAssignment]:
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
    body: RoleAssignmentWrite,
) -> Response[ErrorData | WrappedRoleAssignment]:
    """Change a role assignment

     Overwrites the person, role, org or validity period of an assignment. Declared scope:
    persons.persons.role_assignments#write (prefix doubled; the scheme lists
    persons.role_assignments#write).

    Args:
        uid (str):
        body (RoleAssignmentWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedRoleAssignment]
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
    body: RoleAssignmentWrite,
) -> ErrorData | WrappedRoleAssignment | None:
    """Change a role assignment

     Overwrites the person, role, org or validity period of an assignment. Declared scope:
    persons.persons.role_assignments#write (prefix doubled; the scheme lists
    persons.role_assignments#write).

    Args:
        uid (str):
        body (RoleAssignmentWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedRoleAssignment
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
    body: RoleAssignmentWrite,
) -> Response[ErrorData | WrappedRoleAssignment]:
    """Change a role assignment

     Overwrites the person, role, org or validity period of an assignment. Declared scope:
    persons.persons.role_assignments#write (prefix doubled; the scheme lists
    persons.role_assignments#write).

    Args:
        uid (str):
        body (RoleAssignmentWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorData | WrappedRoleAssignment]
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
    body: RoleAssignmentWrite,
) -> ErrorData | WrappedRoleAssignment | None:
    """Change a role assignment

     Overwrites the person, role, org or validity period of an assignment. Declared scope:
    persons.persons.role_assignments#write (prefix doubled; the scheme lists
    persons.role_assignments#write).

    Args:
        uid (str):
        body (RoleAssignmentWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorData | WrappedRoleAssignment
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            body=body,
        )
    ).parsed
