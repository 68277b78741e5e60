from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_type import GroupType
from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupWrite")


@_attrs_define
class GroupWrite:
    name: str
    type_: GroupType
    org_uid: UUID | Unset = UNSET
    rule: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        org_uid: str | Unset = UNSET
        if not isinstance(self.org_uid, Unset):
            org_uid = str(self.org_uid)

        rule = self.rule

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
            }
        )
        if org_uid is not UNSET:
            field_dict["orgUid"] = org_uid
        if rule is not UNSET:
            field_dict["rule"] = rule
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = GroupType(d.pop("type"))

        _org_uid = d.pop("orgUid", UNSET)
        org_uid: UUID | Unset
        if isinstance(_org_uid, Unset):
            org_uid = UNSET
        else:
            org_uid = UUID(_org_uid)

        rule = d.pop("rule", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        group_write = cls(
            name=name,
            type_=type_,
            org_uid=org_uid,
            rule=rule,
            tags=tags,
        )

        group_write.additional_properties = d
        return group_write

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
