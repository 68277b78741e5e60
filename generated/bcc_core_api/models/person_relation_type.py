from enum import StrEnum


class PersonRelationType(StrEnum):
    CHILD = "Child"
    CONTACTDEPENDENT = "ContactDependent"
    CONTACTPERSON = "ContactPerson"
    FOSTERCHILD = "FosterChild"
    FOSTERPARENT = "FosterParent"
    LEGALDEPENDENT = "LegalDependent"
    LEGALGUARDIAN = "LegalGuardian"
    PARENT = "Parent"
    SPOUSE = "Spouse"

    @classmethod
    def _missing_(cls, value: object) -> "PersonRelationType | None":
        # A value this release does not know (the API added it later) becomes a
        # member of its own, named "unrecognised", instead of failing the whole
        # response. It compares equal to its string and is sent back unchanged.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "unrecognised"  # lower case: no generated name is
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
