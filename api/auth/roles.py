"""Roles and the calling principal; every permission rule of the API is written here.

The matrix of roles × operations is documented in ``docs/security.md``; the tests in
``tests/api/test_authorisation_matrix.py`` check every cell of it.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel

__all__ = ["Caller", "Role"]


class Role(StrEnum):
    """Who is calling. ``public`` is anyone without a key."""

    PUBLIC = "public"
    CONNECTOR = "connector"
    GROUP_EDITOR = "group_editor"
    MODERATOR = "moderator"
    LEADER = "leader"
    ADMIN = "admin"


# Roles that may see people (names, contacts) and the relationship network.
_SEES_PEOPLE = frozenset({Role.CONNECTOR, Role.LEADER, Role.MODERATOR, Role.ADMIN})
_READS_NETWORK = frozenset({Role.CONNECTOR, Role.LEADER, Role.ADMIN})
_KEEPS_SHORTLISTS = frozenset({Role.CONNECTOR, Role.ADMIN})
_REFERS = frozenset({Role.CONNECTOR, Role.ADMIN})
_EDITS_OFFERINGS = frozenset({Role.GROUP_EDITOR, Role.MODERATOR, Role.ADMIN})
_MODERATES = frozenset({Role.MODERATOR, Role.ADMIN})


class Caller(BaseModel):
    """The principal of one request: its role, key id and (group editors) organisation."""

    role: Role = Role.PUBLIC
    key_id: str | None = None
    organisation_id: str | None = None
    name: str | None = None
    #: the Person this key stands for ("my connections"), when it is linked to one
    person_id: str | None = None

    @property
    def sees_people(self) -> bool:
        """Names and contacts of ``Person`` nodes (never for ``public``)."""
        return self.role in _SEES_PEOPLE

    @property
    def reads_network(self) -> bool:
        """``egoNetwork``, ``connection``, ``relationshipMap``."""
        return self.role in _READS_NETWORK

    @property
    def keeps_shortlists(self) -> bool:
        return self.role in _KEEPS_SHORTLISTS

    @property
    def refers(self) -> bool:
        """May create referrals (the referrer side)."""
        return self.role in _REFERS

    @property
    def edits_offerings(self) -> bool:
        """May register and edit offerings (group editors only their own organisation's)."""
        return self.role in _EDITS_OFFERINGS

    @property
    def moderates(self) -> bool:
        """May approve and reject offerings and read the audit trail."""
        return self.role in _MODERATES

    @property
    def org_scope(self) -> str | None:
        """The organisation a caller's edits are confined to; None means unrestricted.

        A group editor is always confined to its organisation; a group editor key without
        one (which the CLI refuses to create) is confined to an id no organisation has.
        """
        if self.role is Role.GROUP_EDITOR:
            return self.organisation_id or ""
        return None

    def may_edit_org(self, organisation_ids: list[str]) -> bool:
        """Whether the caller may edit a listing provided by these organisations."""
        if not self.edits_offerings:
            return False
        scope = self.org_scope
        return scope is None or scope in organisation_ids
