from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_active_status import OrgActiveStatus
from ..models.org_type import OrgType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="OrgWrite")


@_attrs_define
class OrgWrite:
    active_status: OrgActiveStatus
    district_name: str
    name: str
    type_: OrgType
    billing_address: Address | Unset = UNSET
    postal_address: Address | Unset = UNSET
    visiting_address: Address | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_status = self.active_status.value

        district_name = self.district_name

        name = self.name

        type_ = self.type_.value

        billing_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.billing_address, Unset):
            billing_address = self.billing_address.to_dict()

        postal_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.postal_address, Unset):
            postal_address = self.postal_address.to_dict()

        visiting_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.visiting_address, Unset):
            visiting_address = self.visiting_address.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activeStatus": active_status,
                "districtName": district_name,
                "name": name,
                "type": type_,
            }
        )
        if billing_address is not UNSET:
            field_dict["billingAddress"] = billing_address
        if postal_address is not UNSET:
            field_dict["postalAddress"] = postal_address
        if visiting_address is not UNSET:
            field_dict["visitingAddress"] = visiting_address

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        active_status = OrgActiveStatus(d.pop("activeStatus"))

        district_name = d.pop("districtName")

        name = d.pop("name")

        type_ = OrgType(d.pop("type"))

        _billing_address = d.pop("billingAddress", UNSET)
        billing_address: Address | Unset
        if isinstance(_billing_address, Unset):
            billing_address = UNSET
        else:
            billing_address = Address.from_dict(_billing_address)

        _postal_address = d.pop("postalAddress", UNSET)
        postal_address: Address | Unset
        if isinstance(_postal_address, Unset):
            postal_address = UNSET
        else:
            postal_address = Address.from_dict(_postal_address)

        _visiting_address = d.pop("visitingAddress", UNSET)
        visiting_address: Address | Unset
        if isinstance(_visiting_address, Unset):
            visiting_address = UNSET
        else:
            visiting_address = Address.from_dict(_visiting_address)

        org_write = cls(
            active_status=active_status,
            district_name=district_name,
            name=name,
            type_=type_,
            billing_address=billing_address,
            postal_address=postal_address,
            visiting_address=visiting_address,
        )

        org_write.additional_properties = d
        return org_write

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
