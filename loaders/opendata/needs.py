"""Which needs an open-data service addresses, and the rule that says so.

The needs themselves (ids, English and Welsh names, synonyms) are the one vocabulary in
:mod:`queries.vocabulary.needs`. A service is tagged (``ADDRESSES {rule}``) only by a rule a
reader can check:

- ``type:<kind>`` — every service of that kind addresses the need by its nature
  (:data:`queries.vocabulary.TYPE_NEEDS`: a food bank addresses food poverty; a GP practice
  addresses general health, and is *not* a dementia service because GPs see dementia);
- ``text:<phrase>`` — the service's own name or description says it
  (:data:`queries.vocabulary.TAGGING_PHRASES`: "Alzheimer's Society Trafford" → dementia).

``docs/data.md`` lists the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from queries.vocabulary import NEEDS as NEED_VOCABULARY
from queries.vocabulary import TAGGING_PHRASES, TYPE_NEEDS, fold

__all__ = ["NEEDS", "NeedTag", "need_tags", "needs_for_tags"]

#: Need id → English name (the ``Need`` nodes' ``name``; ``name_cy`` holds the Welsh).
NEEDS: dict[str, str] = {t.id: t.en for t in NEED_VOCABULARY}


@dataclass(frozen=True)
class NeedTag:
    """One need a service addresses and the rule that derived it."""

    need: str
    rule: str


def needs_for_tags(tags: Iterable[str]) -> list[str]:
    """The needs every service of these kinds addresses, in a stable order.

    >>> needs_for_tags(["charity", "food_bank"])
    ['food_poverty']
    >>> needs_for_tags(["gp"])
    ['poor_health']
    """
    return sorted({need for tag in tags for need in TYPE_NEEDS.get(tag, ())})


def need_tags(kinds: Iterable[str], *texts: str | None) -> list[NeedTag]:
    """Needs from the service's kinds, then from phrases in its own words; one tag per need.

    >>> [(t.need, t.rule) for t in need_tags(["charity"], "Alzheimer's Society Trafford")]
    [('dementia', 'text:alzheimers')]
    >>> [(t.need, t.rule) for t in need_tags(["gp"], "Dementia friendly GP practice")]
    [('poor_health', 'type:gp'), ('dementia', 'text:dementia')]
    """
    found: dict[str, str] = {}
    for kind in kinds:
        for need in TYPE_NEEDS.get(kind, ()):
            found.setdefault(need, f"type:{kind}")
    padded = " " + " ".join(fold(t) for t in texts if t) + " "
    for need, phrases in TAGGING_PHRASES.items():
        hit = next((p for p in map(fold, phrases) if f" {p} " in padded), None)
        if hit is not None:
            found.setdefault(need, f"text:{hit}")
    return [NeedTag(need, rule) for need, rule in found.items()]
