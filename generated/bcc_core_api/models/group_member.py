from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="GroupMember")


@_attrs_define
class GroupMember:
    uid: UUID
    group_uid: UUID | Unset = UNSET
    last_changed_date: datetime.datetime | Unset = UNSET
    person: Person | Unset = UNSET
    person_uid: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = str(self.uid)

        group_uid: str | Unset = UNSET
        if not isinstance(self.group_uid, Unset):
            group_uid = str(self.group_uid)

        last_changed_date: str | Unset = UNSET
        if not isinstance(self.last_changed_date, Unset):
            last_changed_date = self.last_changed_date.isoformat()

        person: dict[str, Any] | Unset = UNSET
        if not isinstance(self.person, Unset):
            person = self.person.to_dict()

        person_uid = self.person_uid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
            }
        )
        if group_uid is not UNSET:
            field_dict["groupUid"] = group_uid
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if person is not UNSET:
            field_dict["person"] = person
        if person_uid is not UNSET:
            field_dict["personUid"] = person_uid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        uid = UUID(d.pop("uid"))

        _group_uid = d.pop("groupUid", UNSET)
        group_uid: UUID | Unset
        if isinstance(_group_uid, Unset):
            group_uid = UNSET
        else:
            group_uid = UUID(_group_uid)

        _last_changed_date = d.pop("lastChangedDate", UNSET)
        last_changed_date: datetime.datetime | Unset
        if isinstance(_last_changed_date, Unset) or not _last_changed_date:
            last_changed_date = UNSET
        else:
            last_changed_date = datetime.datetime.fromisoformat(_last_changed_date)

        _person = d.pop("person", UNSET)
        person: Person | Unset
        if isinstance(_person, Unset):
            person = UNSET
        else:
            person = Person.from_dict(_person)

        person_uid = d.pop("personUid", UNSET)

        group_member = cls(
            uid=uid,
            group_uid=group_uid,
            last_changed_date=last_changed_date,
            person=person,
            person_uid=person_uid,
        )

        group_member.additional_properties = d
        return group_member

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
