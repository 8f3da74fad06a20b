"""GraphQL input types generated from the pydantic models that validate them.

A filter the server accepts is declared once, as a field of a pydantic model in
:mod:`graph.repositories` (its type, limits and description). :func:`input_from_model`
turns such a model into a Strawberry input type with the same fields (camelCase in the
schema), so the GraphQL API cannot list a filter the server does not validate, or miss one
it does. Strawberry's own pydantic integration (``strawberry.experimental.pydantic``) is
still experimental and does not map ``Literal`` types; what the API's filters need is small
enough to map here: scalars, lists of strings, and the nested models and ``Literal`` types
given in ``nested``.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Collection, Mapping
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

import strawberry
from pydantic import BaseModel
from pydantic.fields import FieldInfo

__all__ = ["input_from_model", "model_values"]

_SCALARS = (str, int, float, bool)


def _graphql_type(annotation: Any, nested: Mapping[Any, Any]) -> Any:
    """The Strawberry annotation for a pydantic field's annotation."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) != 1:
            raise TypeError(f"only `X | None` unions are mapped, not {annotation!r}")
        return _graphql_type(members[0], nested) | None
    if origin is list:
        (item,) = get_args(annotation)
        return list[_graphql_type(item, nested)]  # type: ignore[misc]
    if annotation in nested:
        return nested[annotation]
    if annotation in _SCALARS:
        return annotation
    raise TypeError(f"no GraphQL input type for {annotation!r}: add it to `nested`")


def _field(info: FieldInfo, annotation: Any, *, partial: bool) -> Any:
    if partial:
        return strawberry.field(
            default=strawberry.UNSET, description=info.description, graphql_type=annotation
        )
    if info.is_required():
        return strawberry.field(description=info.description, graphql_type=annotation)
    if info.default_factory is not None:
        return strawberry.field(
            default_factory=info.default_factory,
            description=info.description,
            graphql_type=annotation,
        )
    return strawberry.field(
        default=info.get_default(), description=info.description, graphql_type=annotation
    )


def input_from_model(
    model: type[BaseModel],
    *,
    name: str,
    description: str,
    nested: Mapping[Any, Any],
    ids: Collection[str] = (),
    partial: bool = False,
    extra: type | None = None,
) -> type:
    """A Strawberry input type named ``name`` with one field per field of ``model``.

    ``nested`` maps a model, ``Literal`` or other type used inside ``model`` to the
    Strawberry type that stands for it (an existing input or enum). Defaults and
    descriptions are the model's. The fields named in ``ids`` hold node ids (``ID``, not
    ``String``). ``partial`` makes every field optional and unset unless given (an update:
    only the fields a client sends change). ``extra`` is a plain class whose annotated
    attributes (``name: type``, required, or ``name: type = strawberry.field(...)``) are
    fields the model does not have; they come first.
    """
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__annotations__": annotations, "__module__": __name__}
    if extra is not None:
        for field_name, annotation in get_type_hints(extra).items():
            annotations[field_name] = annotation
            if hasattr(extra, field_name):  # a bare annotation is a required field
                namespace[field_name] = getattr(extra, field_name)
    for field_name, info in model.model_fields.items():
        kinds = {**nested, str: strawberry.ID} if field_name in ids else nested
        annotation = _graphql_type(info.annotation, kinds)
        if partial:
            annotation = annotation | None
        annotations[field_name] = annotation
        namespace[field_name] = _field(info, annotation, partial=partial)
    cls = type(name, (), namespace)
    return strawberry.input(cls, name=name, description=description)


def model_values(value: Any) -> Any:
    """A Strawberry input value as plain data for pydantic: inputs become dicts, enums their
    values, lists element by element; unset fields are left out."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [model_values(v) for v in value]
    if dataclasses.is_dataclass(value) and hasattr(value, "__strawberry_definition__"):
        return {k: model_values(v) for k, v in vars(value).items() if v is not strawberry.UNSET}
    return value
