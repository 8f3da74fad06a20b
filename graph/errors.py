"""Typed errors that carry a message a person can act on.

Every expected failure in commongraph is one of these. The CLI prints ``str(error)`` on one
line and exits with :attr:`CommonGraphError.exit_code`; the API maps
:attr:`CommonGraphError.http_status` to a response. No stack trace reaches a user for these.
"""

from __future__ import annotations

from graph.messages import Language, Said

__all__ = [
    "Busy",
    "CommonGraphError",
    "ConflictError",
    "DatabaseUnavailable",
    "DuplicateError",
    "ForbiddenError",
    "NotFoundError",
    "ServerSetupError",
    "ValidationFailed",
]


class CommonGraphError(Exception):
    """Base of all expected failures: one line saying what went wrong and what to do.

    The message is plain English text, or a :class:`graph.messages.Said` that also renders in
    Welsh; ``str(error)`` is always the English line, :meth:`text` the one a request asked for.
    """

    exit_code: int = 1
    http_status: int = 400

    def __init__(self, message: str | Said = "") -> None:
        super().__init__(str(message))
        self.said = message if isinstance(message, Said) else None

    def text(self, language: Language = "en") -> str:
        """The message in ``language`` (English where no Welsh wording exists)."""
        return self.said.text(language) if self.said is not None else str(self)


class ServerSetupError(CommonGraphError):
    """The local Neo4j cannot be installed or started (no Java, no Maven, port in use...)."""

    http_status = 503


class DatabaseUnavailable(CommonGraphError):
    """Neo4j does not answer, or refuses our credentials."""

    http_status = 503


class Busy(CommonGraphError):
    """Too much of this kind of work is running or waiting already; try again shortly."""

    http_status = 503
    code = "BUSY"


class ValidationFailed(CommonGraphError):
    """Input that cannot be stored faithfully: names the record, the field and the reason."""

    http_status = 422


class NotFoundError(CommonGraphError):
    """No node with the requested id."""

    http_status = 404


class ForbiddenError(CommonGraphError):
    """The caller's role may not do this."""

    http_status = 403


class DuplicateError(CommonGraphError):
    """A record with this id (or a likely duplicate) exists already."""

    http_status = 409


class ConflictError(CommonGraphError):
    """An optimistic version check failed: someone else changed the record first."""

    http_status = 409
