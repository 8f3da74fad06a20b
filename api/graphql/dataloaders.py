"""Per-request DataLoaders: nested fields of a page of services cost one statement per kind.

``assetsNear(first: 50) { edges { node { organisation { name } schedules { opensAt } } } }``
runs the root statement plus one statement per nested field kind, never one per service
(``tests/api/test_no_n_plus_one.py`` counts them).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from functools import cached_property
from typing import TypeVar

from strawberry.dataloader import DataLoader

from graph.database import Database
from graph.repositories import nodes, phones

__all__ = ["Loaders"]

T = TypeVar("T")


def _loader(
    db: Database,
    fetch: Callable[[Database, list[str]], Awaitable[dict[str, T]]],
    default: Callable[[], T | None],
) -> DataLoader[str, T | None]:
    async def load(keys: Sequence[str]) -> list[T | None]:
        found = await fetch(db, list(dict.fromkeys(keys)))
        return [found.get(key, default()) for key in keys]

    return DataLoader(load_fn=load)


class Loaders:
    """The loaders of one request (a fresh cache per request, so no data leaks between).

    Each loader is made on first use: most requests select no nested field at all.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    @cached_property
    def organization(self) -> DataLoader[str, nodes.NodeRecord | None]:
        return _loader(self._db, nodes.organizations_of_services, lambda: None)

    @cached_property
    def locations(self) -> DataLoader[str, list[nodes.LocationRecord] | None]:
        return _loader(self._db, nodes.locations_of_services, list)

    @cached_property
    def schedules(self) -> DataLoader[str, list[nodes.ScheduleRecord] | None]:
        return _loader(self._db, nodes.schedules_of_services, list)

    @cached_property
    def contacts(self) -> DataLoader[str, list[nodes.ContactRecord] | None]:
        return _loader(self._db, nodes.contacts_of_services, list)

    @cached_property
    def phones(self) -> DataLoader[str, list[phones.PhoneRecord] | None]:
        return _loader(self._db, phones.phones_of_services, list)

    @cached_property
    def details(self) -> DataLoader[str, nodes.ServiceDetails | None]:
        return _loader(self._db, nodes.details_of_services, nodes.ServiceDetails)
