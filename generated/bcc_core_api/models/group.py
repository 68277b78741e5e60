from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_type import GroupType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Group")


@_attrs_define
class Group:
    uid: UUID
    app_uid: UUID | Unset = UNSET
    last_changed_date: datetime.datetime | Unset = UNSET
    name: str | Unset = UNSET
    org_uid: UUID | Unset = UNSET
    rule: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    type_: GroupType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = str(self.uid)

        app_uid: str | Unset = UNSET
        if not isinstance(self.app_uid, Unset):
            app_uid = str(self.app_uid)

        last_changed_date: str | Unset = UNSET
        if not isinstance(self.last_changed_date, Unset):
            last_changed_date = self.last_changed_date.isoformat()

        name = self.name

        org_uid: str | Unset = UNSET
        if not isinstance(self.org_uid, Unset):
            org_uid = str(self.org_uid)

        rule = self.rule

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
            }
        )
        if app_uid is not UNSET:
            field_dict["appUid"] = app_uid
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if name is not UNSET:
            field_dict["name"] = name
        if org_uid is not UNSET:
            field_dict["orgUid"] = org_uid
        if rule is not UNSET:
            field_dict["rule"] = rule
        if tags is not UNSET:
            field_dict["tags"] = tags
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uid = UUID(d.pop("uid"))

        _app_uid = d.pop("appUid", UNSET)
        app_uid: UUID | Unset
        if isinstance(_app_uid, Unset):
            app_uid = UNSET
        else:
            app_uid = UUID(_app_uid)

        _last_changed_date = d.pop("lastChangedDate", UNSET)
        last_changed_date: datetime.datetime | Unset
        if isinstance(_last_changed_date, Unset) or not _last_changed_date:
            last_changed_date = UNSET
        else:
            last_changed_date = datetime.datetime.fromisoformat(_last_changed_date)

        name = d.pop("name", UNSET)

        _org_uid = d.pop("orgUid", UNSET)
        org_uid: UUID | Unset
        if isinstance(_org_uid, Unset):
            org_uid = UNSET
        else:
            org_uid = UUID(_org_uid)

        rule = d.pop("rule", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: GroupType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = GroupType(_type_)

        group = cls(
            uid=uid,
            app_uid=app_uid,
            last_changed_date=last_changed_date,
            name=name,
            org_uid=org_uid,
            rule=rule,
            tags=tags,
            type_=type_,
        )

        group.additional_properties = d
        return group

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
