from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CountryWrite")


@_attrs_define
class CountryWrite:
    iso_2_code: str
    name_en: str
    name_native: str
    name_no: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        iso_2_code = self.iso_2_code

        name_en = self.name_en

        name_native = self.name_native

        name_no = self.name_no

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "iso2Code": iso_2_code,
                "nameEn": name_en,
                "nameNative": name_native,
                "nameNo": name_no,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        iso_2_code = d.pop("iso2Code")

        name_en = d.pop("nameEn")

        name_native = d.pop("nameNative")

        name_no = d.pop("nameNo")

        country_write = cls(
            iso_2_code=iso_2_code,
            name_en=name_en,
            name_native=name_native,
            name_no=name_no,
        )

        country_write.additional_properties = d
        return country_write

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
