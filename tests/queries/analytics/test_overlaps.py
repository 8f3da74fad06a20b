"""Overlapping services from different providers, checked by hand."""

from __future__ import annotations

from queries.analytics.overlaps import ServiceOffer, overlapping_services


def test_overlaps_by_need_area_ages_days_and_provider() -> None:
    services = [
        ServiceOffer("s1", "P1", ("N",), ("X",), 0, 18, frozenset({"mon", "tue"})),
        ServiceOffer("s2", "P2", ("N",), ("X",), 16, 99, frozenset({"tue"})),
        # s3: ages meet s2 but days do not; ages miss s1
        ServiceOffer("s3", "P3", ("N",), ("X",), 65, None, frozenset({"mon"})),
        # s4: same provider as s1; ages miss s2 and s3
        ServiceOffer("s4", "P1", ("N",), ("X",), 5, 10),
        ServiceOffer("s5", "P2", ("N",), ("Y",), 0, 99),
    ]
    # s6 from a mapping: ages -1 mean "not set", days match s1/s2 and s4 (unknown days)
    raw = {"id": "s6", "organisation_id": "P4", "needs": ["N"], "areas": ["X"]}
    six = {**raw, "min_age": -1, "max_age": -1, "days": ["Tuesday"]}
    assert overlapping_services([*services, six]) == [
        {"need": "N", "area": "X", "service_ids": ["s1", "s2", "s4", "s6"]}
    ]


def test_one_provider_never_overlaps_itself_and_top_caps() -> None:
    same = [ServiceOffer(f"s{i}", "P", ("N",), ("X",)) for i in range(3)]
    assert overlapping_services(same) == []
    many = [ServiceOffer(f"{a}{i}", f"P{i}", (a,), ("X",)) for a in "MN" for i in range(2)]
    assert len(overlapping_services(many)) == 2
    assert overlapping_services(many, top=1) == [
        {"need": "M", "area": "X", "service_ids": ["M0", "M1"]}
    ]


def test_universal_services_overlap_only_at_a_known_shared_time() -> None:
    """Two GP practices in one LSOA both offer GP care by their nature: not a duplication
    unless both say they open on a common day."""
    gp = {"needs": (), "universal_needs": ("poor_health",), "areas": ("W01",)}
    unknown = [{"id": "gp1", "provider": "a", **gp}, {"id": "gp2", "provider": "b", **gp}]
    assert overlapping_services(unknown) == []
    same_day = [{**row, "days": ["MO"]} for row in unknown]
    assert overlapping_services(same_day) == [
        {"need": "poor_health", "area": "W01", "service_ids": ["gp1", "gp2"]}
    ]
    told = [
        {"id": "walk1", "provider": "a", "needs": ("loneliness",), "areas": ("W01",)},
        {"id": "walk2", "provider": "b", "needs": ("loneliness",), "areas": ("W01",)},
    ]
    assert len(overlapping_services(told)) == 1  # needs from the listings' own words
