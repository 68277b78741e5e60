from enum import StrEnum


class ErrorCode(StrEnum):
    CANNOT_PARSE_TOKEN = "cannot-parse-token"
    DUPLICATE_UNIQUE_KEY = "duplicate-unique-key"
    INTERNAL_ERROR = "internal-error"
    INVALID_APP_UID = "invalid-app-uid"
    INVALID_BODY = "invalid-body"
    INVALID_KEY_REFERENCE = "invalid-key-reference"
    INVALID_QUERY = "invalid-query"
    INVALID_TOKEN = "invalid-token"
    MISSING_SCOPES = "missing-scopes"
    NOT_FOUND = "not-found"
    UNAUTHORIZED = "unauthorized"

    @classmethod
    def _missing_(cls, value: object) -> "ErrorCode | None":
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
