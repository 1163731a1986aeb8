"""Errors that domain operations raise; messages are English msgids, translated where shown."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal a person can understand; ``code`` is stable for the JSON API."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, fields: dict[str, str] | None = None, **params: object):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        self.params = params


class ValidationFailed(DomainError):
    status = 422
    code = "invalid"


class AuthenticationFailed(DomainError):
    status = 401
    code = "unauthenticated"


class PermissionDenied(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class Throttled(DomainError):
    status = 429
    code = "too_many_requests"
