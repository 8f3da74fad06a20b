"""Facts derived by a stated rule from a service's kind: free at the point of use, Welsh
offered by public bodies in Wales. Each is written as HSDS (cost option, language) with a
note that says it was derived, so a connector can tell it from what a publisher stated."""

from __future__ import annotations

from typing import Any

from loaders.opendata.asset import FREE_NOTE, WELSH_NOTE, Asset


def _asset(tag: str, **fields: Any) -> Asset:
    return Asset.model_validate(
        {
            "id": f"{tag}:1",
            "source": "test",
            "source_id": "1",
            "name": "A place",
            "tag": tag,
            "organisation": {"id": "org:1", "name": "Org", "sector": "third_sector"},
            **fields,
        }
    )


def test_gp_practices_libraries_and_food_banks_are_free_at_the_point_of_use() -> None:
    for tag, label in (("gp", "GP practice"), ("library", "Library"), ("food_bank", "Food bank")):
        (cost,) = _asset(tag).to_hsds()["cost_options"]
        assert cost["amount"] == 0 and cost["option"] == "Free"
        assert cost["amount_description"] == FREE_NOTE.format(kind=label)


def test_kinds_that_may_charge_carry_no_cost_fact() -> None:
    for tag in ("pharmacy", "care_home", "sport", "charity"):
        assert _asset(tag).to_hsds()["cost_options"] == []


def test_a_welsh_public_body_offers_welsh_and_says_the_fact_is_derived() -> None:
    languages = _asset("library", public_body_in_wales=True).to_hsds()["languages"]
    assert [(g["code"], g.get("note")) for g in languages] == [("en", None), ("cy", WELSH_NOTE)]
    assert _asset("library").to_hsds()["languages"] == []
