from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender
from ..models.marital_status import MaritalStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.national_id import NationalId
    from ..models.preferences import Preferences


T = TypeVar("T", bound="PersonWrite")


@_attrs_define
class PersonWrite:
    display_name: str
    first_name: str
    gender: Gender
    last_name: str
    marital_status: MaritalStatus
    address: Address | Unset = UNSET
    birth_date: datetime.date | Unset = UNSET
    cell_phone: str | Unset = UNSET
    cell_phone_verified: bool | Unset = UNSET
    deceased_date: datetime.date | None | Unset = UNSET
    email: str | Unset = UNSET
    email_verified: bool | Unset = UNSET
    home_phone: str | Unset = UNSET
    middle_name: str | Unset = UNSET
    national_ids: list[NationalId] | Unset = UNSET
    preferences: Preferences | Unset = UNSET
    profile_picture: str | Unset = UNSET
    """ Web address (URL) of the person's picture. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        first_name = self.first_name

        gender = self.gender.value

        last_name = self.last_name

        marital_status = self.marital_status.value

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        birth_date: str | Unset = UNSET
        if not isinstance(self.birth_date, Unset):
            birth_date = self.birth_date.isoformat()

        cell_phone = self.cell_phone

        cell_phone_verified = self.cell_phone_verified

        deceased_date: None | str | Unset
        if isinstance(self.deceased_date, Unset):
            deceased_date = UNSET
        elif isinstance(self.deceased_date, datetime.date):
            deceased_date = self.deceased_date.isoformat()
        else:
            deceased_date = self.deceased_date

        email = self.email

        email_verified = self.email_verified

        home_phone = self.home_phone

        middle_name = self.middle_name

        national_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.national_ids, Unset):
            national_ids = []
            for national_ids_item_data in self.national_ids:
                national_ids_item = national_ids_item_data.to_dict()
                national_ids.append(national_ids_item)

        preferences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = self.preferences.to_dict()

        profile_picture = self.profile_picture

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "displayName": display_name,
                "firstName": first_name,
                "gender": gender,
                "lastName": last_name,
                "maritalStatus": marital_status,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if birth_date is not UNSET:
            field_dict["birthDate"] = birth_date
        if cell_phone is not UNSET:
            field_dict["cellPhone"] = cell_phone
        if cell_phone_verified is not UNSET:
            field_dict["cellPhoneVerified"] = cell_phone_verified
        if deceased_date is not UNSET:
            field_dict["deceasedDate"] = deceased_date
        if email is not UNSET:
            field_dict["email"] = email
        if email_verified is not UNSET:
            field_dict["emailVerified"] = email_verified
        if home_phone is not UNSET:
            field_dict["homePhone"] = home_phone
        if middle_name is not UNSET:
            field_dict["middleName"] = middle_name
        if national_ids is not UNSET:
            field_dict["nationalIds"] = national_ids
        if preferences is not UNSET:
            field_dict["preferences"] = preferences
        if profile_picture is not UNSET:
            field_dict["profilePicture"] = profile_picture

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.national_id import NationalId  # noqa: PLC0415
        from ..models.preferences import Preferences  # noqa: PLC0415

        d = dict(src_dict)
        display_name = d.pop("displayName")

        first_name = d.pop("firstName")

        gender = Gender(d.pop("gender"))

        last_name = d.pop("lastName")

        marital_status = MaritalStatus(d.pop("maritalStatus"))

        _address = d.pop("address", UNSET)
        address: Address | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = Address.from_dict(_address)

        _birth_date = d.pop("birthDate", UNSET)
        birth_date: datetime.date | Unset
        if isinstance(_birth_date, Unset) or not _birth_date:
            birth_date = UNSET
        else:
            birth_date = datetime.date.fromisoformat(_birth_date[:10])

        cell_phone = d.pop("cellPhone", UNSET)

        cell_phone_verified = d.pop("cellPhoneVerified", UNSET)

        def _parse_deceased_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deceased_date_type_0 = datetime.date.fromisoformat(data[:10]) if data else None

                return deceased_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        deceased_date = _parse_deceased_date(d.pop("deceasedDate", UNSET))

        email = d.pop("email", UNSET)

        email_verified = d.pop("emailVerified", UNSET)

        home_phone = d.pop("homePhone", UNSET)

        middle_name = d.pop("middleName", UNSET)

        _national_ids = d.pop("nationalIds", UNSET)
        national_ids: list[NationalId] | Unset = UNSET
        if _national_ids is not UNSET:
            national_ids = []
            for national_ids_item_data in _national_ids:
                national_ids_item = NationalId.from_dict(national_ids_item_data)

                national_ids.append(national_ids_item)

        _preferences = d.pop("preferences", UNSET)
        preferences: Preferences | Unset
        if isinstance(_preferences, Unset):
            preferences = UNSET
        else:
            preferences = Preferences.from_dict(_preferences)

        profile_picture = d.pop("profilePicture", UNSET)

        person_write = cls(
            display_name=display_name,
            first_name=first_name,
            gender=gender,
            last_name=last_name,
            marital_status=marital_status,
            address=address,
            birth_date=birth_date,
            cell_phone=cell_phone,
            cell_phone_verified=cell_phone_verified,
            deceased_date=deceased_date,
            email=email,
            email_verified=email_verified,
            home_phone=home_phone,
            middle_name=middle_name,
            national_ids=national_ids,
            preferences=preferences,
            profile_picture=profile_picture,
        )

        person_write.additional_properties = d
        return person_write

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
