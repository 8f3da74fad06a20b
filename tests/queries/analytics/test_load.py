"""Referral load against capacity, and its concentration."""

from __future__ import annotations

import networkx as nx
import pytest

from queries.analytics.load import gini, referral_load


def test_gini_of_equal_and_concentrated_values() -> None:
    assert gini([3, 3, 3]) == 0.0
    assert gini([0, 0, 0, 4]) == pytest.approx(0.75)
    assert gini([]) == 0.0


def test_referral_load_by_hand() -> None:
    D = nx.DiGraph()
    D.add_node("S1", kind="service", name="Memory clinic", capacity=10)
    D.add_node("S2", kind="service", capacity=100)
    D.add_node("S3", kind="service")
    D.add_edge("gp1", "S1", type="REFERS_TO", weight=5)
    D.add_edge("gp2", "S1", type="REFERS_TO", weight=5)
    D.add_edge("gp3", "S1", type="REFERS_TO", weight=2)
    D.add_edge("gp1", "S2", type="REFERS_TO", weight=10)
    D.add_edge("gp1", "S3", type="KNOWS")
    out = referral_load(D)
    assert out["services"] == [
        {"id": "S1", "name": "Memory clinic", "volume": 12.0, "capacity": 10.0, "load": 1.2},
        {"id": "S2", "name": "S2", "volume": 10.0, "capacity": 100.0, "load": 0.1},
        {"id": "S3", "name": "S3", "volume": 0.0, "capacity": None, "load": None},
    ]
    # volumes [0, 10, 12]: (-2*0 + 0*10 + 2*12) / (3 * 22)
    assert out["gini"] == pytest.approx(24 / 66)
    assert out["top_share"] == {"services": 1, "volume_share": pytest.approx(12 / 22)}
    with pytest.raises(ValueError):
        referral_load(nx.Graph())
