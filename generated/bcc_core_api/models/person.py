from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender
from ..models.marital_status import MaritalStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.affiliation import Affiliation
    from ..models.consent import Consent
    from ..models.national_id import NationalId
    from ..models.person_relation import PersonRelation
    from ..models.preferences import Preferences
    from ..models.role_assignment import RoleAssignment


T = TypeVar("T", bound="Person")


@_attrs_define
class Person:
    uid: UUID
    address: Address | Unset = UNSET
    affiliations: list[Affiliation] | Unset = UNSET
    birth_date: datetime.date | Unset = UNSET
    cell_phone: str | Unset = UNSET
    cell_phone_verified: bool | Unset = UNSET
    consents: list[Consent] | Unset = UNSET
    deceased_date: datetime.date | None | Unset = UNSET
    display_name: str | Unset = UNSET
    email: str | Unset = UNSET
    email_verified: bool | Unset = UNSET
    first_name: str | Unset = UNSET
    gender: Gender | Unset = UNSET
    home_phone: str | Unset = UNSET
    last_changed_date: datetime.datetime | Unset = UNSET
    last_name: str | Unset = UNSET
    marital_status: MaritalStatus | Unset = UNSET
    middle_name: str | Unset = UNSET
    national_ids: list[NationalId] | Unset = UNSET
    person_id: int | Unset = UNSET
    preferences: Preferences | Unset = UNSET
    profile_picture: str | Unset = UNSET
    """ Web address (URL) of the person's picture. """
    relations: list[PersonRelation] | Unset = UNSET
    role_assignments: list[RoleAssignment] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = str(self.uid)

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        affiliations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.affiliations, Unset):
            affiliations = []
            for affiliations_item_data in self.affiliations:
                affiliations_item = affiliations_item_data.to_dict()
                affiliations.append(affiliations_item)

        birth_date: str | Unset = UNSET
        if not isinstance(self.birth_date, Unset):
            birth_date = self.birth_date.isoformat()

        cell_phone = self.cell_phone

        cell_phone_verified = self.cell_phone_verified

        consents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.consents, Unset):
            consents = []
            for consents_item_data in self.consents:
                consents_item = consents_item_data.to_dict()
                consents.append(consents_item)

        deceased_date: None | str | Unset
        if isinstance(self.deceased_date, Unset):
            deceased_date = UNSET
        elif isinstance(self.deceased_date, datetime.date):
            deceased_date = self.deceased_date.isoformat()
        else:
            deceased_date = self.deceased_date

        display_name = self.display_name

        email = self.email

        email_verified = self.email_verified

        first_name = self.first_name

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        home_phone = self.home_phone

        last_changed_date: str | Unset = UNSET
        if not isinstance(self.last_changed_date, Unset):
            last_changed_date = self.last_changed_date.isoformat()

        last_name = self.last_name

        marital_status: str | Unset = UNSET
        if not isinstance(self.marital_status, Unset):
            marital_status = self.marital_status.value

        middle_name = self.middle_name

        national_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.national_ids, Unset):
            national_ids = []
            for national_ids_item_data in self.national_ids:
                national_ids_item = national_ids_item_data.to_dict()
                national_ids.append(national_ids_item)

        person_id = self.person_id

        preferences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preferences, Unset):
            preferences = self.preferences.to_dict()

        profile_picture = self.profile_picture

        relations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.relations, Unset):
            relations = []
            for relations_item_data in self.relations:
                relations_item = relations_item_data.to_dict()
                relations.append(relations_item)

        role_assignments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.role_assignments, Unset):
            role_assignments = []
            for role_assignments_item_data in self.role_assignments:
                role_assignments_item = role_assignments_item_data.to_dict()
                role_assignments.append(role_assignments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if affiliations is not UNSET:
            field_dict["affiliations"] = affiliations
        if birth_date is not UNSET:
            field_dict["birthDate"] = birth_date
        if cell_phone is not UNSET:
            field_dict["cellPhone"] = cell_phone
        if cell_phone_verified is not UNSET:
            field_dict["cellPhoneVerified"] = cell_phone_verified
        if consents is not UNSET:
            field_dict["consents"] = consents
        if deceased_date is not UNSET:
            field_dict["deceasedDate"] = deceased_date
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if email_verified is not UNSET:
            field_dict["emailVerified"] = email_verified
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if gender is not UNSET:
            field_dict["gender"] = gender
        if home_phone is not UNSET:
            field_dict["homePhone"] = home_phone
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if marital_status is not UNSET:
            field_dict["maritalStatus"] = marital_status
        if middle_name is not UNSET:
            field_dict["middleName"] = middle_name
        if national_ids is not UNSET:
            field_dict["nationalIds"] = national_ids
        if person_id is not UNSET:
            field_dict["personID"] = person_id
        if preferences is not UNSET:
            field_dict["preferences"] = preferences
        if profile_picture is not UNSET:
            field_dict["profilePicture"] = profile_picture
        if relations is not UNSET:
            field_dict["relations"] = relations
        if role_assignments is not UNSET:
            field_dict["roleAssignments"] = role_assignments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.affiliation import Affiliation  # noqa: PLC0415
        from ..models.consent import Consent  # noqa: PLC0415
        from ..models.national_id import NationalId  # noqa: PLC0415
        from ..models.person_relation import PersonRelation  # noqa: PLC0415
        from ..models.preferences import Preferences  # noqa: PLC0415
        from ..models.role_assignment import RoleAssignment  # noqa: PLC0415

        d = dict(src_dict)
        uid = UUID(d.pop("uid"))

        _address = d.pop("address", UNSET)
        address: Address | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = Address.from_dict(_address)

        _affiliations = d.pop("affiliations", UNSET)
        affiliations: list[Affiliation] | Unset = UNSET
        if _affiliations is not UNSET:
            affiliations = []
            for affiliations_item_data in _affiliations:
                affiliations_item = Affiliation.from_dict(affiliations_item_data)

                affiliations.append(affiliations_item)

        _birth_date = d.pop("birthDate", UNSET)
        birth_date: datetime.date | Unset
        if isinstance(_birth_date, Unset) or not _birth_date:
            birth_date = UNSET
        else:
            birth_date = datetime.date.fromisoformat(_birth_date[:10])

        cell_phone = d.pop("cellPhone", UNSET)

        cell_phone_verified = d.pop("cellPhoneVerified", UNSET)

        _consents = d.pop("consents", UNSET)
        consents: list[Consent] | Unset = UNSET
        if _consents is not UNSET:
            consents = []
            for consents_item_data in _consents:
                consents_item = Consent.from_dict(consents_item_data)

                consents.append(consents_item)

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

        display_name = d.pop("displayName", UNSET)

        email = d.pop("email", UNSET)

        email_verified = d.pop("emailVerified", UNSET)

        first_name = d.pop("firstName", UNSET)

        _gender = d.pop("gender", UNSET)
        gender: Gender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = Gender(_gender)

        home_phone = d.pop("homePhone", UNSET)

        _last_changed_date = d.pop("lastChangedDate", UNSET)
        last_changed_date: datetime.datetime | Unset
        if isinstance(_last_changed_date, Unset) or not _last_changed_date:
            last_changed_date = UNSET
        else:
            last_changed_date = datetime.datetime.fromisoformat(_last_changed_date)

        last_name = d.pop("lastName", UNSET)

        _marital_status = d.pop("maritalStatus", UNSET)
        marital_status: MaritalStatus | Unset
        if isinstance(_marital_status, Unset):
            marital_status = UNSET
        else:
            marital_status = MaritalStatus(_marital_status)

        middle_name = d.pop("middleName", UNSET)

        _national_ids = d.pop("nationalIds", UNSET)
        national_ids: list[NationalId] | Unset = UNSET
        if _national_ids is not UNSET:
            national_ids = []
            for national_ids_item_data in _national_ids:
                national_ids_item = NationalId.from_dict(national_ids_item_data)

                national_ids.append(national_ids_item)

        person_id = d.pop("personID", UNSET)

        _preferences = d.pop("preferences", UNSET)
        preferences: Preferences | Unset
        if isinstance(_preferences, Unset):
            preferences = UNSET
        else:
            preferences = Preferences.from_dict(_preferences)

        profile_picture = d.pop("profilePicture", UNSET)

        _relations = d.pop("relations", UNSET)
        relations: list[PersonRelation] | Unset = UNSET
        if _relations is not UNSET:
            relations = []
            for relations_item_data in _relations:
                relations_item = PersonRelation.from_dict(relations_item_data)

                relations.append(relations_item)

        _role_assignments = d.pop("roleAssignments", UNSET)
        role_assignments: list[RoleAssignment] | Unset = UNSET
        if _role_assignments is not UNSET:
            role_assignments = []
            for role_assignments_item_data in _role_assignments:
                role_assignments_item = RoleAssignment.from_dict(role_assignments_item_data)

                role_assignments.append(role_assignments_item)

        person = cls(
            uid=uid,
            address=address,
            affiliations=affiliations,
            birth_date=birth_date,
            cell_phone=cell_phone,
            cell_phone_verified=cell_phone_verified,
            consents=consents,
            deceased_date=deceased_date,
            display_name=display_name,
            email=email,
            email_verified=email_verified,
            first_name=first_name,
            gender=gender,
            home_phone=home_phone,
            last_changed_date=last_changed_date,
            last_name=last_name,
            marital_status=marital_status,
            middle_name=middle_name,
            national_ids=national_ids,
            person_id=person_id,
            preferences=preferences,
            profile_picture=profile_picture,
            relations=relations,
            role_assignments=role_assignments,
        )

        person.additional_properties = d
        return person

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
