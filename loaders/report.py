"""What a load did: created, updated, unchanged and rejected records, and why.

Every loader returns a :class:`LoadSummary`. A rejected record is named with its file, its
index in that file (or its line, for CSV), its id when it has one, the field and the reason;
warnings (values kept but odd) are named the same way. ``--errors FILE`` writes them all as
JSON lines. The CLI exits 0 when nothing was rejected and 2 when some records were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from rich.console import Console
from rich.table import Table

from graph.repositories.batched import ChangeCounts
from graph.text import Cleaned

__all__ = ["LoadSummary", "Problem"]

MAX_SHOWN = 20


class Problem(BaseModel):
    """One rejected record (or CSV row) or one warning, named so a person can find it."""

    severity: Literal["rejected", "warning"] = "rejected"
    file: str | None = None
    record: int | None = Field(default=None, description="index in the file, or CSV line")
    record_id: str | None = None
    field: str | None = None
    reason: str

    @classmethod
    def warning(
        cls,
        reason: str,
        file: str | None,
        record: int | None,
        record_id: str | None,
        field: str | None = None,
    ) -> Problem:
        """A value kept but odd, named the way a rejection is."""
        return cls(
            severity="warning",
            file=file,
            record=record,
            record_id=record_id,
            field=field,
            reason=reason,
        )

    def where(self) -> str:
        """``file, record 3 (id X), field latitude``: the parts that are known."""
        parts = []
        if self.file:
            parts.append(self.file)
        if self.record is not None:
            parts.append(f"record {self.record}")
        if self.record_id:
            parts.append(f"id {self.record_id}")
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts) or "input"

    def __str__(self) -> str:
        return f"{self.where()}: {self.reason}"


class LoadSummary(ChangeCounts):
    """Counts of records (CSV rows for the relationship loader) by outcome, and the problems."""

    rejected: int = 0
    nodes_written: int = 0
    relationships_written: int = 0
    seconds: float = 0.0
    problems: list[Problem] = Field(default_factory=list)

    def warn_cleaned(
        self,
        changes: Iterable[tuple[str, Cleaned]],
        file: str | None,
        record: int | None,
        record_id: str | None,
    ) -> None:
        """A warning for each field whose text was changed to be stored (graph/text.py)."""
        self.problems.extend(
            Problem.warning(change.describe(), file, record, record_id, field)
            for field, change in changes
        )

    def tally(self, *, stored: bool, same: bool) -> bool:
        """Count one record against what the graph holds of it: unchanged when stored and
        the same, else updated (stored) or created; True when it has to be written."""
        if stored and same:
            self.unchanged += 1
            return False
        if stored:
            self.updated += 1
        else:
            self.created += 1
        return True

    @property
    def rejects(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "rejected"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.rejected

    @property
    def exit_code(self) -> int:
        """0 when all was stored; 2 when some records were rejected; 1 when nothing was stored."""
        if not self.rejected:
            return 0
        return 2 if self.created + self.updated + self.unchanged else 1

    def reject(self, problem: Problem) -> None:
        """Count one rejected record and keep its reasons (one record may have several)."""
        self.rejected += 1
        self.problems.append(problem.model_copy(update={"severity": "rejected"}))

    def reject_record(self, problems: list[Problem]) -> None:
        """Count one rejected record that has one or more reasons."""
        self.rejected += 1
        self.problems.extend(p.model_copy(update={"severity": "rejected"}) for p in problems)

    def add(self, other: LoadSummary) -> LoadSummary:
        """Fold another summary into this one (a folder is loaded file by file)."""
        for name in ("created", "updated", "unchanged", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.nodes_written += other.nodes_written
        self.relationships_written += other.relationships_written
        self.seconds += other.seconds
        self.problems.extend(other.problems)
        return self

    def write_errors(self, path: Path) -> int:
        """Write every problem as one JSON object per line; return how many were written."""
        with path.open("w", encoding="utf-8") as out:
            for problem in self.problems:
                out.write(problem.model_dump_json() + "\n")
        return len(self.problems)

    def render(
        self, console: Console, errors: Console | None = None, *, what: str = "records"
    ) -> None:
        """The end-of-load summary: counts, the first warnings, and every reject on ``errors``."""
        table = Table(title=f"Load summary ({what})", show_header=True)
        for column in ("created", "updated", "unchanged", "rejected", "warnings", "seconds"):
            table.add_column(column, justify="right")
        table.add_row(
            str(self.created),
            str(self.updated),
            str(self.unchanged),
            str(self.rejected),
            str(len(self.warnings)),
            f"{self.seconds:.1f}",
        )
        console.print(table)
        warnings = self.warnings
        if warnings:
            console.print(f"Warnings ({len(warnings)}), values kept:", highlight=False)
            for problem in warnings[:MAX_SHOWN]:
                console.print(f"  {problem}", highlight=False, markup=False)
            if len(warnings) > MAX_SHOWN:
                console.print(f"  … and {len(warnings) - MAX_SHOWN} more (see --errors FILE)")
        for problem in self.rejects:
            (errors or console).print(
                f"rejected: {problem}", highlight=False, markup=False, soft_wrap=True
            )

    def to_json(self) -> str:
        """The summary as one JSON object (counts plus every problem)."""
        data = self.model_dump()
        data["problems"] = [p.model_dump() for p in self.problems]
        return json.dumps(data)
