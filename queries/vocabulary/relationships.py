"""Kinds of relationship a person reads on a map or in a path, in English and Welsh.

The ids are the graph's relationship types. The labels read as a verb phrase between two
names ("Aled *works with* Siân"), so a path can be told as sentences.
"""

from __future__ import annotations

from queries.vocabulary.terms import Term, Vocabulary

__all__ = ["PERSON_TIES", "RELATIONSHIP_KINDS"]

RELATIONSHIP_KINDS = Vocabulary(
    "relationship",
    (
        Term("KNOWS", "knows", "yn adnabod"),
        Term("WORKS_WITH", "works with", "yn gweithio gyda"),
        Term("WORKS_FOR", "works for", "yn gweithio i"),
        Term("MEMBER_OF", "is a member of", "yn aelod o"),
        Term("REFERS_TO", "refers people to", "yn atgyfeirio pobl at"),
        Term("PROVIDES", "provides", "yn darparu"),
        Term("SERVES_AREA", "serves", "yn gwasanaethu"),
        Term("PART_OF", "is part of", "yn rhan o"),
        Term("ADDRESSES", "helps with", "yn helpu gyda"),
        Term("SAME_AS", "is the same listing as", "yr un rhestriad â"),
        Term("IN_AREA", "is in", "yn"),
    ),
)

#: Ties between people that mean they know each other (used first for introductions).
PERSON_TIES: tuple[str, ...] = ("KNOWS", "WORKS_WITH", "MEMBER_OF")
