from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Country")


@_attrs_define
class Country:
    uid: UUID
    iso_2_code: str | Unset = UNSET
    last_changed_date: datetime.datetime | Unset = UNSET
    name_en: str | Unset = UNSET
    name_native: str | Unset = UNSET
    name_no: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = str(self.uid)

        iso_2_code = self.iso_2_code

        last_changed_date: str | Unset = UNSET
        if not isinstance(self.last_changed_date, Unset):
            last_changed_date = self.last_changed_date.isoformat()

        name_en = self.name_en

        name_native = self.name_native

        name_no = self.name_no

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
            }
        )
        if iso_2_code is not UNSET:
            field_dict["iso2Code"] = iso_2_code
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if name_en is not UNSET:
            field_dict["nameEn"] = name_en
        if name_native is not UNSET:
            field_dict["nameNative"] = name_native
        if name_no is not UNSET:
            field_dict["nameNo"] = name_no

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uid = UUID(d.pop("uid"))

        iso_2_code = d.pop("iso2Code", UNSET)

        _last_changed_date = d.pop("lastChangedDate", UNSET)
        last_changed_date: datetime.datetime | Unset
        if isinstance(_last_changed_date, Unset) or not _last_changed_date:
            last_changed_date = UNSET
        else:
            last_changed_date = datetime.datetime.fromisoformat(_last_changed_date)

        name_en = d.pop("nameEn", UNSET)

        name_native = d.pop("nameNative", UNSET)

        name_no = d.pop("nameNo", UNSET)

        country = cls(
            uid=uid,
            iso_2_code=iso_2_code,
            last_changed_date=last_changed_date,
            name_en=name_en,
            name_native=name_native,
            name_no=name_no,
        )

        country.additional_properties = d
        return country

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
