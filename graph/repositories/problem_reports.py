"""Problem reports: anyone says what is wrong with a public listing; a moderator resolves it.

A report waits in the moderation queue (:func:`graph.repositories.edits.moderation_queue`)
beside new listings and changes. Reports hold no personal data: only the message, the listing
and when; the reporter is not recorded (the public needs no key).
"""

from __future__ import annotations

import uuid

from graph import messages as say
from graph.database import Database
from graph.repositories.assets import ServiceProps
from graph.repositories.audit import Actor, Change, audit_params, audited_change
from graph.repositories.outcomes import InvalidField, Missing, first_row
from graph.repositories.values import now_iso
from graph.text import stored_text

__all__ = ["MAX_MESSAGE", "report_problem", "resolve_report"]

MAX_MESSAGE = 2000


async def report_problem(db: Database, actor: Actor, service_id: str, message: str) -> str:
    """Store the report; return its id. The listing must be public."""
    text = stored_text(message).strip()
    if not text or len(text) > MAX_MESSAGE:
        raise InvalidField("message", say.SAY_WHAT_IS_WRONG())
    now = now_iso()
    report = {"id": str(uuid.uuid4()), "message": text, "at": now, "status": "open"}
    rows = await db.write(
        "reports/report_problem",
        service_id=service_id,
        report=report,
        audit=audit_params(actor, "reportProblem", service_id, ["problem_report"]),
    )
    row = first_row(rows, Missing("Service", service_id))
    return str(row["id"])


async def resolve_report(
    db: Database, actor: Actor, report_id: str, note: str | None
) -> ServiceProps:
    """Close an open report with a note; return the listing it was about."""
    clean = stored_text(note).strip() if note else None
    if clean is not None and len(clean) > MAX_MESSAGE:
        raise InvalidField("note", say.AT_MOST_CHARS(n=MAX_MESSAGE))
    change = Change(actor, "resolveReport", "ProblemReport", report_id, ["status"])
    no_report = InvalidField("reportId", say.NO_OPEN_REPORT(id=repr(report_id)))
    row = await audited_change(db, "reports/resolve_report", change, missing=no_report, note=clean)
    return ServiceProps.from_props(row["props"])
