"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .affiliation import Affiliation
from .affiliation_type import AffiliationType
from .affiliation_write import AffiliationWrite
from .consent import Consent
from .consent_purpose import ConsentPurpose
from .consent_write import ConsentWrite
from .country import Country
from .country_write import CountryWrite
from .error_code import ErrorCode
from .error_data import ErrorData
from .error_details import ErrorDetails
from .gender import Gender
from .grant_type import GrantType
from .group import Group
from .group_member import GroupMember
from .group_member_write import GroupMemberWrite
from .group_type import GroupType
from .group_write import GroupWrite
from .marital_status import MaritalStatus
from .metadata import Metadata
from .national_id import NationalId
from .org import Org
from .org_active_status import OrgActiveStatus
from .org_type import OrgType
from .org_write import OrgWrite
from .person import Person
from .person_relation import PersonRelation
from .person_relation_type import PersonRelationType
from .person_write import PersonWrite
from .preferences import Preferences
from .relation import Relation
from .relation_type import RelationType
from .relation_write import RelationWrite
from .role import Role
from .role_assignment import RoleAssignment
from .role_assignment_write import RoleAssignmentWrite
from .role_scope import RoleScope
from .role_write import RoleWrite
from .search_visibility import SearchVisibility
from .visibility_preferences import VisibilityPreferences
from .wrapped_affiliation import WrappedAffiliation
from .wrapped_consent import WrappedConsent
from .wrapped_country import WrappedCountry
from .wrapped_group import WrappedGroup
from .wrapped_group_member import WrappedGroupMember
from .wrapped_int import WrappedInt
from .wrapped_org import WrappedOrg
from .wrapped_person import WrappedPerson
from .wrapped_relation import WrappedRelation
from .wrapped_role import WrappedRole
from .wrapped_role_assignment import WrappedRoleAssignment
from .wrapped_with_meta_array_affiliation import WrappedWithMetaArrayAffiliation
from .wrapped_with_meta_array_consent import WrappedWithMetaArrayConsent
from .wrapped_with_meta_array_country import WrappedWithMetaArrayCountry
from .wrapped_with_meta_array_group import WrappedWithMetaArrayGroup
from .wrapped_with_meta_array_group_member import WrappedWithMetaArrayGroupMember
from .wrapped_with_meta_array_org import WrappedWithMetaArrayOrg
from .wrapped_with_meta_array_person import WrappedWithMetaArrayPerson
from .wrapped_with_meta_array_relation import WrappedWithMetaArrayRelation
from .wrapped_with_meta_array_role import WrappedWithMetaArrayRole
from .wrapped_with_meta_array_role_assignment import WrappedWithMetaArrayRoleAssignment

__all__ = (
    "Address",
    "Affiliation",
    "AffiliationType",
    "AffiliationWrite",
    "Consent",
    "ConsentPurpose",
    "ConsentWrite",
    "Country",
    "CountryWrite",
    "ErrorCode",
    "ErrorData",
    "ErrorDetails",
    "Gender",
    "GrantType",
    "Group",
    "GroupMember",
    "GroupMemberWrite",
    "GroupType",
    "GroupWrite",
    "MaritalStatus",
    "Metadata",
    "NationalId",
    "Org",
    "OrgActiveStatus",
    "OrgType",
    "OrgWrite",
    "Person",
    "PersonRelation",
    "PersonRelationType",
    "PersonWrite",
    "Preferences",
    "Relation",
    "RelationType",
    "RelationWrite",
    "Role",
    "RoleAssignment",
    "RoleAssignmentWrite",
    "RoleScope",
    "RoleWrite",
    "SearchVisibility",
    "VisibilityPreferences",
    "WrappedAffiliation",
    "WrappedConsent",
    "WrappedCountry",
    "WrappedGroup",
    "WrappedGroupMember",
    "WrappedInt",
    "WrappedOrg",
    "WrappedPerson",
    "WrappedRelation",
    "WrappedRole",
    "WrappedRoleAssignment",
    "WrappedWithMetaArrayAffiliation",
    "WrappedWithMetaArrayConsent",
    "WrappedWithMetaArrayCountry",
    "WrappedWithMetaArrayGroup",
    "WrappedWithMetaArrayGroupMember",
    "WrappedWithMetaArrayOrg",
    "WrappedWithMetaArrayPerson",
    "WrappedWithMetaArrayRelation",
    "WrappedWithMetaArrayRole",
    "WrappedWithMetaArrayRoleAssignment",
)
