"""Building the `fields`, `filter` and `sort` query parameters of list calls."""

from __future__ import annotations

import json
import typing
from collections.abc import Iterable, Mapping

__all__ = ["FilterTypes", "fields", "filter_json", "query_params", "search", "sort"]

FilterTypes = Mapping[str, typing.Any] | str
NamesTypes = Iterable[str] | str

# Every object of the API carries it, and the generated models require it, so
# a reply without it could not be read.
IDENTITY_FIELD = "uid"


def fields(names: NamesTypes) -> str:
    """
    The `fields` parameter: which fields to return, comma-separated.

    `uid` is always asked for, first, even when *names* leaves it out: the
    generated models need it to read a reply.

    ```python
    fields(["firstName", "address.city"])  # "uid,firstName,address.city"
    fields("uid,lastName")                 # "uid,lastName"
    ```
    """
    if isinstance(names, str):
        names = names.split(",")
    wanted = [name.strip() for name in names if name.strip()]
    if IDENTITY_FIELD not in wanted:
        wanted.insert(0, IDENTITY_FIELD)
    return ",".join(wanted)


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
    """
    Keyword arguments for a generated list function (`filter_`, `fields`, ...).

    *fields_* goes through `fields`, so `uid` is always among them.
    """
    params: dict[str, str] = {}
    if filter is not None:
        params["filter_"] = filter_json(filter)
    if fields_ is not None:
        params["fields"] = fields(fields_)
    if sort_ is not None:
        params["sort"] = sort(sort_)
    return params
