"""
Call BCC's APIs with OAuth2 client credentials.

```python
import bcc_api
from bcc_api import Scope
from bcc_core_api.api.persons import get_person

with bcc_api.connect(environment="sandbox", scopes=[Scope.PERSONS_NAME_READ]) as bcc:
    person = bcc.call(get_person, uid=uid)
```
"""

from __future__ import annotations

import types

from bcc_core_api.scopes import Scope

from ._client import (
    DEFAULT_TIMEOUT,
    AsyncBccClient,
    BccClient,
    ListOperation,
    Operation,
    connect,
    connect_async,
)
from ._environments import ENVIRONMENTS, Credentials, Environment, get_environment
from ._errors import (
    ApiError,
    AuthError,
    BadRequest,
    BccApiError,
    ConfigurationError,
    Conflict,
    Forbidden,
    InvalidBody,
    InvalidKeyReference,
    InvalidQuery,
    InvalidToken,
    MissingScopes,
    NetworkError,
    NetworkTimeout,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
    UnknownScopeError,
)
from ._query import fields, filter_json, search, sort
from ._retry import DEFAULT_RETRY, NO_RETRY, RetryPolicy, retry_policy
from ._tokens import (
    AccessToken,
    FileTokenStore,
    TokenKey,
    TokenStore,
    clear_token_cache,
)

__all__ = [
    "DEFAULT_RETRY",
    "DEFAULT_TIMEOUT",
    "ENVIRONMENTS",
    "NO_RETRY",
    "AccessToken",
    "ApiError",
    "AsyncBccClient",
    "AuthError",
    "BadRequest",
    "BccApiError",
    "BccClient",
    "ConfigurationError",
    "Conflict",
    "Credentials",
    "Environment",
    "FileTokenStore",
    "Forbidden",
    "InvalidBody",
    "InvalidKeyReference",
    "InvalidQuery",
    "InvalidToken",
    "ListOperation",
    "MissingScopes",
    "NetworkError",
    "NetworkTimeout",
    "NotFound",
    "Operation",
    "RateLimited",
    "RetryPolicy",
    "Scope",
    "ServerError",
    "TokenKey",
    "TokenStore",
    "Unauthorized",
    "UnknownScopeError",
    "clear_token_cache",
    "connect",
    "connect_async",
    "fields",
    "filter_json",
    "get_environment",
    "retry_policy",
    "search",
    "sort",
]

# Show `bcc_api.X` rather than private module paths in reprs and tracebacks.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type | types.FunctionType) and _obj.__module__.startswith(
        "bcc_api._"
    ):
        _obj.__module__ = __name__
del _name, _obj
