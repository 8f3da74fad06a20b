"""How a professional describes a working tie: how often, and in which ways.

The two questions follow relationship-mapping surveys used in health and social care
(PARTNER, Varda et al. 2008, https://partnertool.net: frequency of contact and the kinds of
joint work, from sharing information to delivering together). The ids are stored on the tie;
``FREQUENCY_STRENGTH`` turns the answer into the tie's strength (0..1) that analytics weigh.
"""

from __future__ import annotations

from queries.vocabulary.terms import Term, Vocabulary

__all__ = ["CONNECTION_KINDS", "FREQUENCIES", "FREQUENCY_STRENGTH", "WORKING_WAYS"]

FREQUENCIES = Vocabulary(
    "frequency",
    (
        Term("daily", "every day", "bob dydd"),
        Term("weekly", "every week", "bob wythnos"),
        Term("monthly", "every month", "bob mis"),
        Term("quarterly", "every few months", "bob ychydig fisoedd"),
        Term("yearly", "once a year or less", "unwaith y flwyddyn neu lai"),
    ),
)

#: strength of a tie (0..1) by how often the two work together
FREQUENCY_STRENGTH: dict[str, float] = {
    "daily": 1.0,
    "weekly": 0.8,
    "monthly": 0.6,
    "quarterly": 0.4,
    "yearly": 0.2,
}

WORKING_WAYS = Vocabulary(
    "working_way",
    (
        Term("share_information", "share information", "rhannu gwybodaeth"),
        Term("refer_people", "refer people to each other", "atgyfeirio pobl at ei gilydd"),
        Term("plan_together", "plan together", "cynllunio gyda'i gilydd"),
        Term("deliver_together", "deliver a service together", "darparu gwasanaeth gyda'i gilydd"),
        Term("share_resources", "share staff, space or funds", "rhannu staff, lle neu arian"),
        Term("informal_advice", "ask each other for advice", "gofyn i'w gilydd am gyngor"),
    ),
)

#: the relationship types a person may record about themself, and what each may point at
CONNECTION_KINDS: dict[str, frozenset[str]] = {
    "WORKS_WITH": frozenset({"Person", "Organization", "Team"}),
    "KNOWS": frozenset({"Person"}),
}
