"""Erasure of a person (UK GDPR Art. 17, "right to erasure"): nothing of them is kept.

The ``Person`` node and all its relationships are deleted in one transaction together with
the creation of an ``:AuditEvent`` that records that an erasure happened: who did it (the
actor's key id, role, organisation), when, and the erased id as an HMAC under the server's
secret (:mod:`graph.secret`), ``hmac-sha256:<hex>`` — enough for an auditor with the server
to confirm that a given erasure request was carried out, not reversible by hashing every
possible id, and none of the person's data (name, tribe, contacts, ties). Used by
``commongraph erase person ID`` and the ``erasePerson`` mutation.
"""

from __future__ import annotations

from pydantic import BaseModel

from graph import messages as say
from graph.database import Database
from graph.repositories.audit import Actor, audit_params
from graph.repositories.outcomes import InvalidField, Missing, first_row
from graph.secret import keyed_hash

__all__ = ["ERASE_OPERATION", "Erasure", "erase_person", "erased_id_hash"]

ERASE_OPERATION = "erasePerson"
_MAX_ID = 200


class Erasure(BaseModel):
    """What an erasure did (nothing here identifies the person)."""

    erased_id_hash: str
    relationships_removed: int
    audit_event_id: str


def erased_id_hash(person_id: str) -> str:
    """``hmac-sha256:<hex>`` of the id under the server secret, as the audit event stores it."""
    return keyed_hash(person_id)


async def erase_person(db: Database, actor: Actor, person_id: str) -> Erasure:
    """Delete the person, their relationships and survey invitations, and revoke the keys
    linked to them; raise Missing if there is no such person."""
    if not person_id.strip() or len(person_id) > _MAX_ID:
        raise InvalidField("id", say.PERSON_ID_LENGTH(n=_MAX_ID))
    hashed = erased_id_hash(person_id)
    audit = audit_params(actor, ERASE_OPERATION, hashed, ["person"])
    # The trail records the hash, not the id: this is the one change that cannot name its
    # record, so it is written here rather than through ``audited_change``.
    rows = await db.write("erasure/erase_person", now=audit["at"], audit=audit, id=person_id)
    row = first_row(rows, Missing("Person", person_id))
    return Erasure(
        erased_id_hash=hashed,
        relationships_removed=int(row["relationships"]),
        audit_event_id=str(row["event"]),
    )
