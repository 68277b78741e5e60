from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visibility_preferences import VisibilityPreferences


T = TypeVar("T", bound="Preferences")


@_attrs_define
class Preferences:
    content_languages: list[str] | Unset = UNSET
    ui_languages: list[str] | Unset = UNSET
    visibility: VisibilityPreferences | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_languages: list[str] | Unset = UNSET
        if not isinstance(self.content_languages, Unset):
            content_languages = self.content_languages

        ui_languages: list[str] | Unset = UNSET
        if not isinstance(self.ui_languages, Unset):
            ui_languages = self.ui_languages

        visibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if content_languages is not UNSET:
            field_dict["contentLanguages"] = content_languages
        if ui_languages is not UNSET:
            field_dict["uiLanguages"] = ui_languages
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.visibility_preferences import VisibilityPreferences  # noqa: PLC0415

        d = dict(src_dict)
        content_languages = cast(list[str], d.pop("contentLanguages", UNSET))

        ui_languages = cast(list[str], d.pop("uiLanguages", UNSET))

        _visibility = d.pop("visibility", UNSET)
        visibility: VisibilityPreferences | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = VisibilityPreferences.from_dict(_visibility)

        preferences = cls(
            content_languages=content_languages,
            ui_languages=ui_languages,
            visibility=visibility,
        )

        preferences.additional_properties = d
        return preferences

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
