"""Building the `fields`, `filter` and `sort` query parameters of list calls."""

from __future__ import annotations

import json
import typing
from collections.abc import Iterable, Mapping

__all__ = ["FilterTypes", "fields", "filter_json", "query_params", "search", "sort"]

FilterTypes = Mapping[str, typing.Any] | str
NamesTypes = Iterable[str] | str


def fields(names: NamesTypes) -> str:
    """
    The `fields` parameter: which fields to return, comma-separated.

    ```python
    fields(["uid", "firstName", "address.city"])  # "uid,firstName,address.city"
    ```
    """
    if isinstance(names, str):
        return names
    return ",".join(names)


def sort(keys: NamesTypes) -> str:
    """
    The `sort` parameter: field names, each prefixed with `-` for descending.

    ```python
    sort(["lastName", "-birthDate"])  # "lastName,-birthDate"
    ```
    """
    if isinstance(keys, str):
        return keys
    return ",".join(keys)


def filter_json(condition: FilterTypes) -> str:
    """
    The `filter` parameter: a condition as compact JSON.

    Conditions use the API's operator objects, for example
    `{"lastName": {"_eq": "Hansen"}, "birthDate": {"_gte": "2000-01-01"}}`;
    `_and` and `_or` take lists of conditions. A string is passed on as it is.
    """
    if isinstance(condition, str):
        return condition
    return json.dumps(condition, separators=(",", ":"), ensure_ascii=False, default=str)


def search(text: str, *, in_fields: Iterable[str]) -> dict[str, typing.Any]:
    """
    A filter condition that matches *text* in any of *in_fields*, ignoring case.

    Combine it with other conditions through `_and`:
    `{"_and": [search("hans", in_fields=["firstName", "lastName"]), other]}`.
    """
    names = list(in_fields)
    if not names:
        msg = "search() needs at least one field name in in_fields."
        raise ValueError(msg)
    return {"_or": [{name: {"_icontains": text}} for name in names]}


def query_params(
    *,
    filter: FilterTypes | None = None,
    fields_: NamesTypes | None = None,
    sort_: NamesTypes | None = None,
) -> dict[str, str]:
    """Keyword arguments for a generated list function (`filter_`, `fields`, ...)."""
    params: dict[str, str] = {}
    if filter is not None:
        params["filter_"] = filter_json(filter)
    if fields_ is not None:
        params["fields"] = fields(fields_)
    if sort_ is not None:
        params["sort"] = sort(sort_)
    return params
