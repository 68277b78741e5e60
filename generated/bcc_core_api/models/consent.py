from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_purpose import ConsentPurpose
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.org import Org
    from ..models.person import Person


T = TypeVar("T", bound="Consent")


@_attrs_define
class Consent:
    uid: UUID
    last_changed_date: datetime.datetime | Unset = UNSET
    org: Org | Unset = UNSET
    org_uid: UUID | Unset = UNSET
    person: Person | Unset = UNSET
    person_uid: UUID | Unset = UNSET
    purpose: ConsentPurpose | Unset = UNSET
    valid_from: datetime.datetime | Unset = UNSET
    valid_to: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = str(self.uid)

        last_changed_date: str | Unset = UNSET
        if not isinstance(self.last_changed_date, Unset):
            last_changed_date = self.last_changed_date.isoformat()

        org: dict[str, Any] | Unset = UNSET
        if not isinstance(self.org, Unset):
            org = self.org.to_dict()

        org_uid: str | Unset = UNSET
        if not isinstance(self.org_uid, Unset):
            org_uid = str(self.org_uid)

        person: dict[str, Any] | Unset = UNSET
        if not isinstance(self.person, Unset):
            person = self.person.to_dict()

        person_uid: str | Unset = UNSET
        if not isinstance(self.person_uid, Unset):
            person_uid = str(self.person_uid)

        purpose: str | Unset = UNSET
        if not isinstance(self.purpose, Unset):
            purpose = self.purpose.value

        valid_from: str | Unset = UNSET
        if not isinstance(self.valid_from, Unset):
            valid_from = self.valid_from.isoformat()

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.datetime):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uid": uid,
            }
        )
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if org is not UNSET:
            field_dict["org"] = org
        if org_uid is not UNSET:
            field_dict["orgUid"] = org_uid
        if person is not UNSET:
            field_dict["person"] = person
        if person_uid is not UNSET:
            field_dict["personUid"] = person_uid
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if valid_from is not UNSET:
            field_dict["validFrom"] = valid_from
        if valid_to is not UNSET:
            field_dict["validTo"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.org import Org  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        uid = UUID(d.pop("uid"))

        _last_changed_date = d.pop("lastChangedDate", UNSET)
        last_changed_date: datetime.datetime | Unset
        if isinstance(_last_changed_date, Unset) or not _last_changed_date:
            last_changed_date = UNSET
        else:
            last_changed_date = datetime.datetime.fromisoformat(_last_changed_date)

        _org = d.pop("org", UNSET)
        org: Org | Unset
        if isinstance(_org, Unset):
            org = UNSET
        else:
            org = Org.from_dict(_org)

        _org_uid = d.pop("orgUid", UNSET)
        org_uid: UUID | Unset
        if isinstance(_org_uid, Unset):
            org_uid = UNSET
        else:
            org_uid = UUID(_org_uid)

        _person = d.pop("person", UNSET)
        person: Person | Unset
        if isinstance(_person, Unset):
            person = UNSET
        else:
            person = Person.from_dict(_person)

        _person_uid = d.pop("personUid", UNSET)
        person_uid: UUID | Unset
        if isinstance(_person_uid, Unset):
            person_uid = UNSET
        else:
            person_uid = UUID(_person_uid)

        _purpose = d.pop("purpose", UNSET)
        purpose: ConsentPurpose | Unset
        if isinstance(_purpose, Unset):
            purpose = UNSET
        else:
            purpose = ConsentPurpose(_purpose)

        _valid_from = d.pop("validFrom", UNSET)
        valid_from: datetime.datetime | Unset
        if isinstance(_valid_from, Unset) or not _valid_from:
            valid_from = UNSET
        else:
            valid_from = datetime.datetime.fromisoformat(_valid_from)

        def _parse_valid_to(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.datetime.fromisoformat(data) if data else None

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("validTo", UNSET))

        consent = cls(
            uid=uid,
            last_changed_date=last_changed_date,
            org=org,
            org_uid=org_uid,
            person=person,
            person_uid=person_uid,
            purpose=purpose,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        consent.additional_properties = d
        return consent

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
