from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_visibility import SearchVisibility
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisibilityPreferences")


@_attrs_define
class VisibilityPreferences:
    search: SearchVisibility
    birthday_list: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        search = self.search.value

        birthday_list = self.birthday_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "search": search,
            }
        )
        if birthday_list is not UNSET:
            field_dict["birthdayList"] = birthday_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        search = SearchVisibility(d.pop("search"))

        birthday_list = d.pop("birthdayList", UNSET)

        visibility_preferences = cls(
            search=search,
            birthday_list=birthday_list,
        )

        visibility_preferences.additional_properties = d
        return visibility_preferences

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
