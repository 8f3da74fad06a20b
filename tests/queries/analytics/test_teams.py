"""Team composition gaps and people on pull, checked by hand."""

from __future__ import annotations

import networkx as nx

from queries.analytics.teams import team_gaps


def team_graph() -> nx.Graph:
    G = nx.Graph()
    G.add_node("T", kind="team", area_id="X")
    G.add_node("T2", kind="team", area_id="Y")
    G.add_node("X", kind="area", needs=["loneliness"])
    G.add_node("Y", kind="area")
    G.add_node("n-dem", kind="need", name="Dementia")
    G.add_edge("X", "n-dem", type="HAS_NEED")
    people = {"p1": "gp", "p2": "ot", "p3": "cpn", "p4": "volunteer", "p5": "community_connector"}
    for p, tribe in people.items():
        G.add_node(p, kind="person", tribe=tribe)
    G.add_edge("p1", "T", type="MEMBER_OF")
    G.add_edge("p2", "T", type="MEMBER_OF")
    G.add_edge("p3", "p1", type="KNOWS")
    G.add_edge("p4", "p2", type="REFERS_TO")  # not a working tie
    G.add_edge("p5", "p2", type="WORKS_WITH")
    return G


def test_team_lacks_roles_its_area_needs_and_finds_people_on_pull() -> None:
    # dementia -> cpn, ot; loneliness -> community_connector, volunteer; the team has gp, ot
    assert team_gaps(team_graph()) == [
        {
            "team": "T",
            "area": "X",
            "needs": ["Dementia", "loneliness"],
            "missing_roles": ["community_connector", "cpn", "volunteer"],
            "on_pull": {"community_connector": ["p5"], "cpn": ["p3"], "volunteer": []},
        }
    ]


def test_given_area_needs_replace_the_graph_ones() -> None:
    rows = team_gaps(team_graph(), area_needs={"X": ["diabetes"], "Y": []})
    assert rows[0]["missing_roles"] == ["nurse"]


def test_a_team_in_an_area_with_more_dementia_than_most_misses_a_cpn_and_an_ot() -> None:
    """A known answer: authority A has more dementia than B (0.85 vs 0.15 of its people); A's
    team has a GP and a nurse, so the roles dementia calls for (CPN, OT) are missing, and the
    CPN who knows a member is the one to pull in. B's team misses nothing."""
    from queries.analytics.teams import predicted_needs

    rows = [
        {"area": lsoa, "parent": la, "need": "dementia", "level": level, "population": 1500}
        for lsoa, la, level in (
            ("a1", "A", 0.9),
            ("a2", "A", 0.8),
            ("b1", "B", 0.1),
            ("b2", "B", 0.2),
        )
    ]
    G = nx.Graph()
    G.add_node("tA", kind="team", area_id="A")
    G.add_node("tB", kind="team", area_id="B")
    for person, tribe, team in (
        ("gp1", "gp", "tA"),
        ("nurse1", "nurse", "tA"),
        ("gp2", "gp", "tB"),
    ):
        G.add_node(person, kind="person", tribe=tribe)
        G.add_edge(person, team, type="MEMBER_OF")
    G.add_node("cpn1", kind="person", tribe="cpn")
    G.add_edge("nurse1", "cpn1", type="KNOWS")
    needs = predicted_needs(rows)
    assert needs["A"] == ["dementia"] and needs["B"] == []
    gaps = team_gaps(G, area_needs=needs)
    assert gaps == [
        {
            "team": "tA",
            "area": "A",
            "needs": ["dementia"],
            "missing_roles": ["cpn", "ot"],
            "on_pull": {"cpn": ["cpn1"], "ot": []},
        }
    ]
