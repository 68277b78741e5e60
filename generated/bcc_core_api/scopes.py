"""OAuth2 scopes of BCC Core API, written by the regeneration pipeline."""

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

__all__ = ["OPERATION_SCOPES", "SCOPE_DESCRIPTIONS", "Scope"]


class Scope(StrEnum):
    """Every scope the spec names."""

    CONSENTS_READ = "consents#read"
    CONSENTS_WRITE = "consents#write"
    COUNTRIES_READ = "countries#read"
    COUNTRIES_WRITE = "countries#write"
    GROUPS_READ = "groups#read"
    GROUPS_WRITE = "groups#write"
    ORGS_READ = "orgs#read"
    ORGS_WRITE = "orgs#write"
    PERSONS_READ = "persons#read"
    PERSONS_WRITE = "persons#write"
    PERSONS_ADDRESS_READ = "persons.address#read"
    PERSONS_AFFILIATIONS_READ = "persons.affiliations#read"
    PERSONS_AFFILIATIONS_WRITE = "persons.affiliations#write"
    PERSONS_BIRTH_DATE_READ = "persons.birth_date#read"
    PERSONS_CONSENTS_READ = "persons.consents#read"
    PERSONS_CONSENTS_WRITE = "persons.consents#write"
    PERSONS_DECEASED_DATE_READ = "persons.deceased_date#read"
    PERSONS_EMAIL_READ = "persons.email#read"
    PERSONS_GENDER_READ = "persons.gender#read"
    PERSONS_GROUPS_READ = "persons.groups#read"
    PERSONS_GROUPS_WRITE = "persons.groups#write"
    PERSONS_NAME_READ = "persons.name#read"
    PERSONS_NATIONAL_IDS_READ = "persons.national_ids#read"
    PERSONS_PERSON_ID_READ = "persons.person_id#read"
    PERSONS_PERSONS_ROLE_ASSIGNMENTS_READ = "persons.persons.role_assignments#read"
    PERSONS_PERSONS_ROLE_ASSIGNMENTS_WRITE = "persons.persons.role_assignments#write"
    PERSONS_PHONE_READ = "persons.phone#read"
    PERSONS_RELATIONS_READ = "persons.relations#read"
    PERSONS_RELATIONS_WRITE = "persons.relations#write"
    PERSONS_ROLE_ASSIGNMENTS_READ = "persons.role_assignments#read"
    PERSONS_ROLE_ASSIGNMENTS_WRITE = "persons.role_assignments#write"
    ROLES_READ = "roles#read"
    ROLES_WRITE = "roles#write"


SCOPE_DESCRIPTIONS: Mapping[Scope, str] = MappingProxyType(
    {
        Scope.CONSENTS_READ: "Used by operations; not defined in the spec.",
        Scope.CONSENTS_WRITE: "Used by operations; not defined in the spec.",
        Scope.COUNTRIES_READ: "See the country register.",
        Scope.COUNTRIES_WRITE: "Add and change countries.",
        Scope.GROUPS_READ: "See groups.",
        Scope.GROUPS_WRITE: "Add, change and delete groups.",
        Scope.ORGS_READ: "See organisations.",
        Scope.ORGS_WRITE: "Add and change organisations.",
        Scope.PERSONS_READ: "See every person field that the eight persons.<field>#read scopes cover one by one: name, gender, birth date, deceased date, address, email, phone and national IDs.",
        Scope.PERSONS_WRITE: "Used by operations; not defined in the spec.",
        Scope.PERSONS_ADDRESS_READ: "See a person's postal address.",
        Scope.PERSONS_AFFILIATIONS_READ: "See which orgs persons are affiliated with.",
        Scope.PERSONS_AFFILIATIONS_WRITE: "Add, change and delete affiliations.",
        Scope.PERSONS_BIRTH_DATE_READ: "See a person's date of birth.",
        Scope.PERSONS_CONSENTS_READ: "See the consents persons have given.",
        Scope.PERSONS_CONSENTS_WRITE: "Record and change consents.",
        Scope.PERSONS_DECEASED_DATE_READ: "See a person's date of death.",
        Scope.PERSONS_EMAIL_READ: "See a person's email address.",
        Scope.PERSONS_GENDER_READ: "See a person's gender.",
        Scope.PERSONS_GROUPS_READ: "Used by operations; not defined in the spec.",
        Scope.PERSONS_GROUPS_WRITE: "Used by operations; not defined in the spec.",
        Scope.PERSONS_NAME_READ: "See a person's first, middle, last and display name.",
        Scope.PERSONS_NATIONAL_IDS_READ: "See a person's national identity numbers.",
        Scope.PERSONS_PERSON_ID_READ: "Used by operations; not defined in the spec.",
        Scope.PERSONS_PERSONS_ROLE_ASSIGNMENTS_READ: "Used by operations; not defined in the spec.",
        Scope.PERSONS_PERSONS_ROLE_ASSIGNMENTS_WRITE: "Used by operations; not defined in the spec.",
        Scope.PERSONS_PHONE_READ: "See a person's phone numbers.",
        Scope.PERSONS_RELATIONS_READ: "See relations between persons.",
        Scope.PERSONS_RELATIONS_WRITE: "Add and change relations between persons.",
        Scope.PERSONS_ROLE_ASSIGNMENTS_READ: "See which persons hold which roles.",
        Scope.PERSONS_ROLE_ASSIGNMENTS_WRITE: "Give, change and withdraw role assignments.",
        Scope.ROLES_READ: "See the roles that can be assigned.",
        Scope.ROLES_WRITE: "Define new roles.",
    }
)
"""What each scope grants, as the spec describes it."""

OPERATION_SCOPES: Mapping[tuple[str, str], tuple[Scope, ...]] = MappingProxyType(
    {
        ("GET", "/affiliations"): (Scope.PERSONS_AFFILIATIONS_READ,),
        ("POST", "/affiliations"): (Scope.PERSONS_AFFILIATIONS_WRITE,),
        ("GET", "/affiliations/{uid}"): (Scope.PERSONS_AFFILIATIONS_READ,),
        ("PUT", "/affiliations/{uid}"): (Scope.PERSONS_AFFILIATIONS_WRITE,),
        ("DELETE", "/affiliations/{uid}"): (Scope.PERSONS_AFFILIATIONS_WRITE,),
        ("GET", "/consents"): (Scope.CONSENTS_READ,),
        ("POST", "/consents"): (Scope.CONSENTS_WRITE,),
        ("GET", "/consents/{uid}"): (Scope.CONSENTS_READ,),
        ("PUT", "/consents/{uid}"): (Scope.CONSENTS_WRITE,),
        ("GET", "/countries"): (Scope.COUNTRIES_READ,),
        ("POST", "/countries"): (Scope.COUNTRIES_WRITE,),
        ("GET", "/countries/{uid}"): (Scope.COUNTRIES_READ,),
        ("PUT", "/countries/{uid}"): (Scope.COUNTRIES_WRITE,),
        ("GET", "/groups"): (Scope.GROUPS_READ,),
        ("POST", "/groups"): (Scope.GROUPS_WRITE,),
        ("GET", "/groups/{groupUid}/members"): (Scope.PERSONS_GROUPS_READ,),
        ("POST", "/groups/{groupUid}/members"): (Scope.PERSONS_GROUPS_WRITE,),
        ("GET", "/groups/{groupUid}/members/{memberUid}"): (Scope.PERSONS_GROUPS_READ,),
        ("DELETE", "/groups/{groupUid}/members/{memberUid}"): (Scope.PERSONS_GROUPS_WRITE,),
        ("GET", "/groups/{uid}"): (Scope.GROUPS_READ,),
        ("PUT", "/groups/{uid}"): (Scope.GROUPS_WRITE,),
        ("DELETE", "/groups/{uid}"): (Scope.GROUPS_WRITE,),
        ("GET", "/relations"): (Scope.CONSENTS_READ,),
        ("POST", "/relations"): (Scope.CONSENTS_READ,),
        ("GET", "/relations/{uid}"): (Scope.CONSENTS_READ,),
        ("PUT", "/relations/{uid}"): (Scope.CONSENTS_READ,),
        ("GET", "/roleAssignments"): (Scope.PERSONS_PERSONS_ROLE_ASSIGNMENTS_READ,),
        ("POST", "/roleAssignments"): (Scope.PERSONS_PERSONS_ROLE_ASSIGNMENTS_WRITE,),
        ("GET", "/roleAssignments/{uid}"): (Scope.PERSONS_ROLE_ASSIGNMENTS_READ,),
        ("PUT", "/roleAssignments/{uid}"): (Scope.PERSONS_PERSONS_ROLE_ASSIGNMENTS_WRITE,),
        ("DELETE", "/roleAssignments/{uid}"): (Scope.PERSONS_PERSONS_ROLE_ASSIGNMENTS_WRITE,),
        ("GET", "/roles"): (Scope.ROLES_READ,),
        ("POST", "/roles"): (Scope.ROLES_WRITE,),
        ("GET", "/roles/{uid}"): (Scope.ROLES_READ,),
        ("GET", "/v2/orgs"): (Scope.ORGS_READ,),
        ("POST", "/v2/orgs"): (Scope.ORGS_WRITE,),
        ("GET", "/v2/orgs/{uid}"): (Scope.ORGS_READ,),
        ("PUT", "/v2/orgs/{uid}"): (Scope.ORGS_WRITE,),
        ("GET", "/v2/persons"): (
            Scope.PERSONS_READ,
            Scope.PERSONS_GENDER_READ,
            Scope.PERSONS_BIRTH_DATE_READ,
            Scope.PERSONS_DECEASED_DATE_READ,
            Scope.PERSONS_NAME_READ,
            Scope.PERSONS_ADDRESS_READ,
            Scope.PERSONS_EMAIL_READ,
            Scope.PERSONS_PHONE_READ,
            Scope.PERSONS_NATIONAL_IDS_READ,
        ),
        ("POST", "/v2/persons"): (Scope.PERSONS_WRITE,),
        ("GET", "/v2/persons/personID/{uid}"): (Scope.PERSONS_PERSON_ID_READ,),
        ("GET", "/v2/persons/{uid}"): (
            Scope.PERSONS_READ,
            Scope.PERSONS_GENDER_READ,
            Scope.PERSONS_BIRTH_DATE_READ,
            Scope.PERSONS_DECEASED_DATE_READ,
            Scope.PERSONS_NAME_READ,
            Scope.PERSONS_ADDRESS_READ,
            Scope.PERSONS_EMAIL_READ,
            Scope.PERSONS_PHONE_READ,
            Scope.PERSONS_NATIONAL_IDS_READ,
        ),
        ("PUT", "/v2/persons/{uid}"): (Scope.PERSONS_WRITE,),
        ("DELETE", "/v2/persons/{uid}"): (Scope.PERSONS_WRITE,),
    }
)
"""The scopes each operation lists, keyed by (method, path template)."""
