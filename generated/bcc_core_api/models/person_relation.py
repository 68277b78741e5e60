from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_type import GrantType
from ..models.person_relation_type import PersonRelationType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="PersonRelation")


@_attrs_define
class PersonRelation:
    target_uid: UUID
    grant_to_origin: GrantType | Unset = UNSET
    grant_to_target: GrantType | Unset = UNSET
    target: Person | Unset = UNSET
    type_: PersonRelationType | Unset = UNSET
    valid_from: datetime.datetime | Unset = UNSET
    valid_to: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target_uid = str(self.target_uid)

        grant_to_origin: str | Unset = UNSET
        if not isinstance(self.grant_to_origin, Unset):
            grant_to_origin = self.grant_to_origin.value

        grant_to_target: str | Unset = UNSET
        if not isinstance(self.grant_to_target, Unset):
            grant_to_target = self.grant_to_target.value

        target: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.to_dict()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

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
                "targetUid": target_uid,
            }
        )
        if grant_to_origin is not UNSET:
            field_dict["grantToOrigin"] = grant_to_origin
        if grant_to_target is not UNSET:
            field_dict["grantToTarget"] = grant_to_target
        if target is not UNSET:
            field_dict["target"] = target
        if type_ is not UNSET:
            field_dict["type"] = type_
        if valid_from is not UNSET:
            field_dict["validFrom"] = valid_from
        if valid_to is not UNSET:
            field_dict["validTo"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        target_uid = UUID(d.pop("targetUid"))

        _grant_to_origin = d.pop("grantToOrigin", UNSET)
        grant_to_origin: GrantType | Unset
        if isinstance(_grant_to_origin, Unset):
            grant_to_origin = UNSET
        else:
            grant_to_origin = GrantType(_grant_to_origin)

        _grant_to_target = d.pop("grantToTarget", UNSET)
        grant_to_target: GrantType | Unset
        if isinstance(_grant_to_target, Unset):
            grant_to_target = UNSET
        else:
            grant_to_target = GrantType(_grant_to_target)

        _target = d.pop("target", UNSET)
        target: Person | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = Person.from_dict(_target)

        _type_ = d.pop("type", UNSET)
        type_: PersonRelationType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = PersonRelationType(_type_)

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

        person_relation = cls(
            target_uid=target_uid,
            grant_to_origin=grant_to_origin,
            grant_to_target=grant_to_target,
            target=target,
            type_=type_,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        person_relation.additional_properties = d
        return person_relation

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
