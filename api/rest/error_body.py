"""The body of every refusal the API answers outside ``/oruk/`` and GraphQL: ``{"error", "field"}``.

:func:`api.app.create_app` writes it for every :class:`graph.errors.CommonGraphError` (401,
403, 404, 422 from our own checks, 429, 503); routes name it in their ``responses`` so the
OpenAPI document (and the web UI's generated types) say what a refusal holds.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = ["ErrorBody", "refusals"]


class ErrorBody(BaseModel):
    """A refusal: the message in the request's language and, when one input is at fault,
    that input's name."""

    error: str
    field: str | None = Field(default=None, description="absent when no one input is at fault")


def refusals(descriptions: dict[int, str]) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status, what it means, and this body."""
    return {
        status: {"model": ErrorBody, "description": text} for status, text in descriptions.items()
    }
