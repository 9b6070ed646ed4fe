"""
Errors raised by ``vetnet_plugin.api``.

Each maps to one HTTP status in the REST API and in XBlock handlers, so a
caller never needs to guess: bad input is a 400, not a 500.
"""


class VetnetError(Exception):
    """Base class of every error the API raises on purpose."""

    status_code = 400

    def __init__(self, message="", *, errors=None):
        super().__init__(message)
        self.message = str(message)
        # Field name -> list of messages, for forms that show errors per field.
        self.errors = errors or {}


class InvalidInput(VetnetError):
    """The request's data is not acceptable; ``errors`` says which field and why."""

    status_code = 400


class AccessDenied(VetnetError):
    """The user may not see or change this object."""

    status_code = 403


class NotFound(VetnetError):
    """No such object in the scope the caller may see."""

    status_code = 404


class Conflict(VetnetError):
    """The object changed since the caller read it (stale version)."""

    status_code = 409


class RateLimited(VetnetError):
    """The user created too much content too quickly; they may try again later."""

    status_code = 429
