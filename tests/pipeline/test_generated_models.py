"""
The generated Core models, used as an app would use them, on the payloads the
real server sends: fields dropped by scopes, Go's empty dates, new enum values.
"""

from __future__ import annotations

import datetime
import inspect
from uuid import UUID

import attrs
import pytest
from bcc_core_api import models
from bcc_core_api.types import UNSET

UID = "0b0c3a52-64c9-4b5e-9a57-7ab9f6f3b2a1"
UTC = datetime.UTC

IDENTIFIERS = {"uid": UID, "personID": 4711}
NAME_ONLY_PERSON = {
    "uid": UID,
    "personID": 4711,
    "lastChangedDate": "2024-03-01T12:00:00Z",
    "firstName": "Kari",
    "middleName": "",
    "lastName": "Nordmann",
    "displayName": "Kari Nordmann",
}


def test_a_person_holding_only_the_name_fields_parses():
    person = models.Person.from_dict(NAME_ONLY_PERSON)

    assert person.uid == UUID(UID)
    assert person.person_id == 4711
    assert person.display_name == "Kari Nordmann"
    assert person.last_changed_date == datetime.datetime(2024, 3, 1, 12, tzinfo=UTC)
    assert person.birth_date is UNSET
    assert person.gender is UNSET
    assert person.email is UNSET


def test_a_partial_person_serialises_without_the_absent_fields():
    person = models.Person.from_dict(NAME_ONLY_PERSON)

    assert person.to_dict() == {
        **NAME_ONLY_PERSON,
        "lastChangedDate": "2024-03-01T12:00:00+00:00",
    }


def test_a_page_mixing_partial_and_full_people_parses():
    full = {**NAME_ONLY_PERSON, "uid": UID.replace("0b", "1b"), "gender": "Female"}
    page = models.WrappedWithMetaArrayPerson.from_dict(
        {
            "data": [NAME_ONLY_PERSON, full],
            "meta": {"limit": 2, "skipped": 0, "total": 9},
        }
    )

    assert [p.gender for p in page.data] == [UNSET, models.Gender.FEMALE]
    assert page.meta.total == 9


def _read_models() -> list[type]:
    """Every model the server returns with a uid (the *Write bodies are inputs)."""
    return [
        cls
        for name, cls in inspect.getmembers(models, inspect.isclass)
        if attrs.has(cls)
        and not name.endswith("Write")
        and "uid" in attrs.fields_dict(cls)
    ]


@pytest.mark.parametrize("model", _read_models(), ids=lambda cls: cls.__name__)
def test_every_resource_parses_from_its_identifiers_alone(model):
    payload = {"uid": UID}

    parsed = model.from_dict(payload)

    assert parsed.uid == UUID(UID)
    assert parsed.to_dict() == payload


def test_nine_resources_are_covered():
    names = {cls.__name__ for cls in _read_models()}

    assert {"Person", "Affiliation", "Consent", "Country", "Group"} <= names
    assert {"GroupMember", "Org", "Relation", "Role", "RoleAssignment"} <= names


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (None, UNSET),
        ("", UNSET),
        ("0001-01-01T00:00:00Z", datetime.datetime(1, 1, 1, tzinfo=UTC)),
        ("2024-05-01T10:20:30Z", datetime.datetime(2024, 5, 1, 10, 20, 30, tzinfo=UTC)),
    ],
)
def test_go_style_date_times_parse(sent, expected):
    person = models.Person.from_dict({**NAME_ONLY_PERSON, "lastChangedDate": sent})

    assert person.last_changed_date == expected


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (None, None),
        ("", None),
        ("2031-12-24T00:00:00Z", datetime.datetime(2031, 12, 24, tzinfo=UTC)),
    ],
)
def test_a_nullable_date_time_reads_empty_as_none(sent, expected):
    affiliation = models.Affiliation.from_dict({"uid": UID, "validTo": sent})

    assert affiliation.valid_to == expected


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("", UNSET),
        (None, UNSET),
        ("1990-05-17", datetime.date(1990, 5, 17)),
        ("1990-05-17T00:00:00Z", datetime.date(1990, 5, 17)),
    ],
)
def test_dates_parse_from_the_shapes_go_sends(sent, expected):
    person = models.Person.from_dict({**NAME_ONLY_PERSON, "birthDate": sent})

    assert person.birth_date == expected


def test_x_nullable_fields_keep_an_explicit_null():
    person = models.Person.from_dict({**NAME_ONLY_PERSON, "deceasedDate": None})

    assert person.deceased_date is None
    assert person.to_dict()["deceasedDate"] is None


@pytest.mark.parametrize(
    ("model", "payload", "field", "value"),
    [
        (models.Person, {**IDENTIFIERS, "gender": "Other"}, "gender", "Other"),
        (
            models.Person,
            {**IDENTIFIERS, "maritalStatus": "Partnership"},
            "marital_status",
            "Partnership",
        ),
        (
            models.ErrorDetails,
            {"code": "rate-limited", "message": "slow down"},
            "code",
            "rate-limited",
        ),
    ],
)
def test_an_enum_value_added_later_does_not_break_parsing(model, payload, field, value):
    parsed = model.from_dict(payload)
    member = getattr(parsed, field)

    assert member == value
    assert member.name == "unrecognised"
    assert isinstance(member, type(member))
    assert parsed.to_dict() == payload


@pytest.mark.parametrize("value", ["Male", "Unknown"])
def test_known_enum_values_stay_the_same_members(value):
    person = models.Person.from_dict({**NAME_ONLY_PERSON, "gender": value})

    assert person.gender is models.Gender(value)
    assert person.gender.name == value.upper()
