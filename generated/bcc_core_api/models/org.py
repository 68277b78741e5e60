from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_active_status import OrgActiveStatus
from ..models.org_type import OrgType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="Org")


@_attrs_define
class Org:
    uid: UUID
    active_status: OrgActiveStatus | Unset = UNSET
    billing_address: Address | Unset = UNSET
    district_name: str | Unset = UNSET
    last_changed_date: datetime.datetime | Unset = UNSET
    name: str | Unset = UNSET
    org_id: int | Unset = UNSET
    postal_address: Address | Unset = UNSET
    type_: OrgType | Unset = UNSET
    visiting_address: Address | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = str(self.uid)

        active_status: str | Unset = UNSET
        if not isinstance(self.active_status, Unset):
            active_status = self.active_status.value

        billing_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.billing_address, Unset):
            billing_address = self.billing_address.to_dict()

        district_name = self.district_name

        last_changed_date: str | Unset = UNSET
        if not isinstance(self.last_changed_date, Unset):
            last_changed_date = self.last_changed_date.isoformat()

        name = self.name

        org_id = self.org_id

        postal_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.postal_address, Unset):
            postal_address = self.postal_address.to_dict()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        visiting_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.visiting_address, Unset):
            visiting_address = self.visiting_address.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
            }
        )
        if active_status is not UNSET:
            field_dict["activeStatus"] = active_status
        if billing_address is not UNSET:
            field_dict["billingAddress"] = billing_address
        if district_name is not UNSET:
            field_dict["districtName"] = district_name
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if name is not UNSET:
            field_dict["name"] = name
        if org_id is not UNSET:
            field_dict["orgID"] = org_id
        if postal_address is not UNSET:
            field_dict["postalAddress"] = postal_address
        if type_ is not UNSET:
            field_dict["type"] = type_
        if visiting_address is not UNSET:
            field_dict["visitingAddress"] = visiting_address

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        uid = UUID(d.pop("uid"))

        _active_status = d.pop("activeStatus", UNSET)
        active_status: OrgActiveStatus | Unset
        if isinstance(_active_status, Unset):
            active_status = UNSET
        else:
            active_status = OrgActiveStatus(_active_status)

        _billing_address = d.pop("billingAddress", UNSET)
        billing_address: Address | Unset
        if isinstance(_billing_address, Unset):
            billing_address = UNSET
        else:
            billing_address = Address.from_dict(_billing_address)

        district_name = d.pop("districtName", UNSET)

        _last_changed_date = d.pop("lastChangedDate", UNSET)
        last_changed_date: datetime.datetime | Unset
        if isinstance(_last_changed_date, Unset) or not _last_changed_date:
            last_changed_date = UNSET
        else:
            last_changed_date = datetime.datetime.fromisoformat(_last_changed_date)

        name = d.pop("name", UNSET)

        org_id = d.pop("orgID", UNSET)

        _postal_address = d.pop("postalAddress", UNSET)
        postal_address: Address | Unset
        if isinstance(_postal_address, Unset):
            postal_address = UNSET
        else:
            postal_address = Address.from_dict(_postal_address)

        _type_ = d.pop("type", UNSET)
        type_: OrgType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = OrgType(_type_)

        _visiting_address = d.pop("visitingAddress", UNSET)
        visiting_address: Address | Unset
        if isinstance(_visiting_address, Unset):
            visiting_address = UNSET
        else:
            visiting_address = Address.from_dict(_visiting_address)

        org = cls(
            uid=uid,
            active_status=active_status,
            billing_address=billing_address,
            district_name=district_name,
            last_changed_date=last_changed_date,
            name=name,
            org_id=org_id,
            postal_address=postal_address,
            type_=type_,
            visiting_address=visiting_address,
        )

        org.additional_properties = d
        return org

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
