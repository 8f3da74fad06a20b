"""Connectors' shortlists of assets, shareable (read-only) through an unguessable token.

The token is 24 random bytes (``secrets.token_urlsafe``); anyone holding it may read the
list, which shows only approved public listings, so it can be printed or sent to a person.
A link works for :data:`SHARE_DAYS` days and its owner can withdraw it sooner; after either,
the token opens nothing. The name is only ever a date in the UI: a shared list never says
who it is for.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, Field

from graph import messages as say
from graph.database import Database
from graph.repositories.assets import ServiceProps
from graph.repositories.audit import Actor, Change, audit_params, audited_change
from graph.repositories.outcomes import InvalidField, Missing, NotAllowed, validated
from graph.repositories.values import iso, now_iso
from graph.text import cleans_input_text

#: Days a share link works.
SHARE_DAYS = 90

__all__ = [
    "SHARE_DAYS",
    "ShortlistItem",
    "ShortlistRecord",
    "change_shortlist",
    "create_shortlist",
    "my_shortlists",
    "shortlist_by_token",
    "withdraw_shortlist",
]


class ShortlistItem(BaseModel):
    service: ServiceProps
    added_at: str | None = None


class ShortlistRecord(BaseModel):
    id: str
    name: str
    token: str
    owner_key_id: str | None = None
    created_at: str
    updated_at: str | None = None
    expires_at: str | None = None
    withdrawn_at: str | None = None
    items: list[ShortlistItem] | None = None  # None when not loaded
    size: int | None = None

    @property
    def share_expires_at(self) -> str:
        """When the share link stops working (lists made before expiry existed: 90 days
        after they were made)."""
        if self.expires_at:
            return self.expires_at
        made = datetime.fromisoformat(self.created_at)
        return (made + timedelta(days=SHARE_DAYS)).isoformat()


def _record(
    props: dict[str, Any], items: list[dict[str, Any]] | None = None, size: int | None = None
) -> ShortlistRecord:
    loaded = None
    if items is not None:
        loaded = [
            ShortlistItem(service=ServiceProps.from_props(i["props"]), added_at=iso(i["added_at"]))
            for i in items
            if i is not None
        ]
    return ShortlistRecord.model_validate({**props, "items": loaded, "size": size})


class _NewShortlist(BaseModel):
    _text = cleans_input_text()

    name: str = Field(min_length=1, max_length=200)


async def create_shortlist(db: Database, actor: Actor, name: str) -> ShortlistRecord:
    """A new empty shortlist owned by the caller's key."""
    if not name.strip():
        raise InvalidField("name", say.BLANK())
    valid = validated(_NewShortlist, name=name.strip())  # e.g. too long: a typed error
    now = now_iso()
    expires = (datetime.fromisoformat(now) + timedelta(days=SHARE_DAYS)).isoformat()
    sid = str(uuid.uuid4())
    rows = await db.write(
        "shortlists/create_shortlist",
        shortlist={
            "id": sid,
            "name": valid.name,
            "token": secrets.token_urlsafe(24),
            "owner_key_id": actor.key_id,
            "created_at": now,
            "updated_at": now,
            "expires_at": expires,
        },
        audit=audit_params(actor, "createShortlist", sid, ["name"]),
    )
    return _record(rows[0]["props"], items=[])


async def change_shortlist(
    db: Database, actor: Actor, owner: str | None, shortlist_id: str, service_id: str, *, add: bool
) -> ShortlistRecord:
    """Add or remove a service; ``owner`` None lets an admin change anyone's list."""
    operation = "addToShortlist" if add else "removeFromShortlist"
    change = Change(actor, operation, "Shortlist", shortlist_id, ["items"])
    row = await audited_change(
        db, "shortlists/change_shortlist", change, owner=owner, service_id=service_id, add=add
    )
    if not row["owned"]:
        raise NotAllowed(say.SHORTLIST_NOT_YOURS())
    if not row["service_exists"]:
        raise Missing("Service", service_id)
    found = await _read(db, token=None, shortlist_id=shortlist_id)
    assert found is not None  # it existed a statement ago and nothing deletes shortlists
    return found


async def withdraw_shortlist(
    db: Database, actor: Actor, owner: str | None, shortlist_id: str
) -> ShortlistRecord:
    """Withdraw the share link (its token opens nothing from now on); ``owner`` None lets
    an admin withdraw anyone's."""
    change = Change(actor, "withdrawShortlist", "Shortlist", shortlist_id, ["withdrawn_at"])
    row = await audited_change(db, "shortlists/withdraw_shortlist", change, owner=owner)
    if not row["owned"]:
        raise NotAllowed(say.SHORTLIST_NOT_YOURS())
    found = await _read(db, token=None, shortlist_id=shortlist_id)
    assert found is not None
    return found


async def _read(
    db: Database, token: str | None, shortlist_id: str | None
) -> ShortlistRecord | None:
    rows = await db.read(
        "shortlists/shortlist_by_token", token=token, id=shortlist_id, now=now_iso()
    )
    return _record(rows[0]["props"], rows[0]["items"]) if rows else None


async def shortlist_by_token(db: Database, token: str) -> ShortlistRecord | None:
    """The shortlist this share token opens, or None."""
    if not token or len(token) > 100:
        return None
    return await _read(db, token=token, shortlist_id=None)


async def my_shortlists(db: Database, owner: str, limit: int = 100) -> list[ShortlistRecord]:
    """The caller's shortlists (without items), newest first."""
    rows = await db.read("shortlists/shortlists_of_owner", owner=owner, limit=limit)
    return [_record(r["props"], size=r["size"]) for r in rows]
