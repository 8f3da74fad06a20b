"""A group places its listing by postcode on both listing forms (register and edit): "Find"
writes the postcode in normal form and its coordinates, and a postcode the tables do not hold
is said under the postcode field, leaving the point as it was."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SeededData, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


def _find_fills_the_point(page: Page, prefix: str) -> None:
    """On the form whose field ids start with ``prefix``: a known postcode in any spelling
    gives its point; an unknown one is refused under the field and changes nothing."""
    page.fill(f"#{prefix}-postalCode", "cf101aa")
    page.click(f"#{prefix}-find-postcode")
    expect(page.locator(f"#{prefix}-postalCode")).to_have_value("CF10 1AA")
    expect(page.locator(f"#{prefix}-latitude")).to_have_value("51.479102")
    expect(page.locator(f"#{prefix}-longitude")).to_have_value("-3.178085")
    expect(page.locator(f"#{prefix}-postalCode-error")).to_be_empty()

    page.fill(f"#{prefix}-postalCode", "ZZ9 9ZZ")
    page.click(f"#{prefix}-find-postcode")
    expect(page.locator(f"#{prefix}-postalCode-error")).to_contain_text(
        "ZZ9 9ZZ is not in the postcode tables"
    )
    expect(page.locator(f"#{prefix}-latitude")).to_have_value("51.479102")
    expect(page.locator(f"#{prefix}-longitude")).to_have_value("-3.178085")


def test_find_by_postcode_places_a_listing_on_the_register_and_edit_forms(
    page: Page, seeded: SeededData
) -> None:
    page.goto("/#/group")
    sign_in(page, seeded.keys["editor"])
    expect(page.locator("#register-form")).to_be_visible()
    _find_fills_the_point(page, "o")

    page.locator("#my-listings li.offering button.edit").first.click()
    expect(page.locator("#edit-heading")).to_be_focused()
    _find_fills_the_point(page, "e")
