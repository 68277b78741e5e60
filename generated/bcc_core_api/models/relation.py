from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_type import GrantType
from ..models.relation_type import RelationType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="Relation")


@_attrs_define
class Relation:
    uid: UUID
    grant_to_origin: GrantType | Unset = UNSET
    grant_to_target: GrantType | Unset = UNSET
    last_changed_date: datetime.datetime | Unset = UNSET
    origin: Person | Unset = UNSET
    origin_uid: UUID | Unset = UNSET
    target: Person | Unset = UNSET
    target_uid: UUID | Unset = UNSET
    type_: RelationType | Unset = UNSET
    valid_from: datetime.datetime | Unset = UNSET
    valid_to: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = str(self.uid)

        grant_to_origin: str | Unset = UNSET
        if not isinstance(self.grant_to_origin, Unset):
            grant_to_origin = self.grant_to_origin.value

        grant_to_target: str | Unset = UNSET
        if not isinstance(self.grant_to_target, Unset):
            grant_to_target = self.grant_to_target.value

        last_changed_date: str | Unset = UNSET
        if not isinstance(self.last_changed_date, Unset):
            last_changed_date = self.last_changed_date.isoformat()

        origin: dict[str, Any] | Unset = UNSET
        if not isinstance(self.origin, Unset):
            origin = self.origin.to_dict()

        origin_uid: str | Unset = UNSET
        if not isinstance(self.origin_uid, Unset):
            origin_uid = str(self.origin_uid)

        target: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.to_dict()

        target_uid: str | Unset = UNSET
        if not isinstance(self.target_uid, Unset):
            target_uid = str(self.target_uid)

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
                "uid": uid,
            }
        )
        if grant_to_origin is not UNSET:
            field_dict["grantToOrigin"] = grant_to_origin
        if grant_to_target is not UNSET:
            field_dict["grantToTarget"] = grant_to_target
        if last_changed_date is not UNSET:
            field_dict["lastChangedDate"] = last_changed_date
        if origin is not UNSET:
            field_dict["origin"] = origin
        if origin_uid is not UNSET:
            field_dict["originUid"] = origin_uid
        if target is not UNSET:
            field_dict["target"] = target
        if target_uid is not UNSET:
            field_dict["targetUid"] = target_uid
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
        uid = UUID(d.pop("uid"))

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

        _last_changed_date = d.pop("lastChangedDate", UNSET)
        last_changed_date: datetime.datetime | Unset
        if isinstance(_last_changed_date, Unset) or not _last_changed_date:
            last_changed_date = UNSET
        else:
            last_changed_date = datetime.datetime.fromisoformat(_last_changed_date)

        _origin = d.pop("origin", UNSET)
        origin: Person | Unset
        if isinstance(_origin, Unset):
            origin = UNSET
        else:
            origin = Person.from_dict(_origin)

        _origin_uid = d.pop("originUid", UNSET)
        origin_uid: UUID | Unset
        if isinstance(_origin_uid, Unset):
            origin_uid = UNSET
        else:
            origin_uid = UUID(_origin_uid)

        _target = d.pop("target", UNSET)
        target: Person | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = Person.from_dict(_target)

        _target_uid = d.pop("targetUid", UNSET)
        target_uid: UUID | Unset
        if isinstance(_target_uid, Unset):
            target_uid = UNSET
        else:
            target_uid = UUID(_target_uid)

        _type_ = d.pop("type", UNSET)
        type_: RelationType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = RelationType(_type_)

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

        relation = cls(
            uid=uid,
            grant_to_origin=grant_to_origin,
            grant_to_target=grant_to_target,
            last_changed_date=last_changed_date,
            origin=origin,
            origin_uid=origin_uid,
            target=target,
            target_uid=target_uid,
            type_=type_,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        relation.additional_properties = d
        return relation

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
