"""Answers written straight from the services' JSON, in the order and form their response models give.

A list of people is already JSON-ready (``orchardist.services.serialisers``) and matches ``PersonOut``
field for field; checking it again through pydantic, once in the route and once more when FastAPI
serialises the response model, cost more than finding the people. The response model stays the route's
documented shape (OpenAPI), and the tests compare these answers with the models' own.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import pydantic_core
from pydantic import BaseModel
from starlette.responses import JSONResponse


@cache
def field_order(model: type[BaseModel]) -> tuple[str, ...]:
    """The model's fields in the order pydantic writes them (its own after those it inherits)."""
    return tuple(model.model_fields)


def as_model_writes(values: Mapping[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``values`` with its keys in ``model``'s order; any others (extra fields) after them, in their
    own order, as pydantic writes a model that allows extras."""
    order = field_order(model)
    ordered = {key: values[key] for key in order if key in values}
    if len(ordered) < len(values):
        ordered.update(values)
    return ordered


def all_as_model_writes(items: list[dict[str, Any]], model: type[BaseModel]) -> list[dict[str, Any]]:
    """``as_model_writes`` of each of ``items``, which share their keys in the same order (one
    serialiser's list): the order is worked out once."""
    if not items:
        return items
    order = list(as_model_writes(items[0], model))
    if order == list(items[0]):
        return items
    return [{key: item[key] for key in order} for item in items]


class CompactJSON(JSONResponse):
    """JSON written by pydantic's encoder, the one FastAPI writes response models with: the same bytes as
    ``JSONResponse`` gives for text, numbers, lists and objects, in a third of the time."""

    def render(self, content: Any) -> bytes:
        return pydantic_core.to_json(content)


def answer(content: Any, status_code: int = 200) -> JSONResponse:
    """``content`` as compact UTF-8 JSON, as FastAPI writes a response model."""
    return CompactJSON(content, status_code=status_code)
