"""
Regeneration pipeline for BCC's typed API clients.

The pipeline pulls each configured API's spec from BCC's API explorer (or reads the
committed snapshot), converts it to OpenAPI 3, applies the API's overlay of known
corrections, validates it and regenerates the typed client with
openapi-python-client. Nothing on disk changes unless every step succeeded.
"""
