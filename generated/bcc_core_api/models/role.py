from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_scope import RoleScope
from ..types import UNSET, Unset

T = TypeVar("T", bound="Role")


@_attrs_define
class Role:
    uid: UUID
    last_changed_date: datetime.datetime | Unset = UNSET
    name: str | Unset = UNSET
    scope: RoleScope | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = str(self.uid)

        last_changed_date: str | Unset = UNSET
        if not isinstance(self.last_changed_date, Unset):
            last_changed_date = self.last_changed_date.isoformat()

        name = self.name

        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
            }
        )
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if name is not UNSET:
            field_dict["name"] = name
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uid = UUID(d.pop("uid"))

        _last_changed_date = d.pop("lastChangedDate", UNSET)
        last_changed_date: datetime.datetime | Unset
        if isinstance(_last_changed_date, Unset) or not _last_changed_date:
            last_changed_date = UNSET
        else:
            last_changed_date = datetime.datetime.fromisoformat(_last_changed_date)

        name = d.pop("name", UNSET)

        _scope = d.pop("scope", UNSET)
        scope: RoleScope | Unset
        if isinstance(_scope, Unset):
            scope = UNSET
        else:
            scope = RoleScope(_scope)

        role = cls(
            uid=uid,
            last_changed_date=last_changed_date,
            name=name,
            scope=scope,
        )

        role.additional_properties = d
        return role

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
