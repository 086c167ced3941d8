"""Properties every record has: JSON round-trip, frozen, schema-valid dumps."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from socialwork import analysis, calendars, metrics, models, plans, stages
from socialwork.schema import RECORD_TYPES, json_schema
from tests import strategies

RECORDS: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    **strategies.RECORDS,
    **strategies.STAGE_RECORDS,
    **strategies.PLANNING_RECORDS,
    **strategies.METRIC_RECORDS,
}

SCHEMAS = json_schema()
SLOW = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])


def test_every_record_type_has_a_strategy() -> None:
    assert set(RECORDS) == set(RECORD_TYPES)


def test_record_types_lists_every_exported_record() -> None:
    exported = {
        getattr(package, name)
        for package in (models, stages, calendars, analysis, plans, metrics)
        for name in package.__all__
    }
    records = {t for t in exported if isinstance(t, type) and issubclass(t, BaseModel)}
    assert records <= set(RECORD_TYPES)
    assert models.Client in records
    assert stages.Engagement in records


def test_record_names_are_unique() -> None:
    names = [t.__name__ for t in RECORD_TYPES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("model", RECORD_TYPES, ids=lambda t: t.__name__)
@SLOW
@given(data=st.data())
def test_round_trips_through_json(model: type[BaseModel], data: st.DataObject) -> None:
    record = data.draw(RECORDS[model])
    assert model.model_validate_json(record.model_dump_json()) == record


@pytest.mark.parametrize("model", RECORD_TYPES, ids=lambda t: t.__name__)
@SLOW
@given(data=st.data())
def test_schema_accepts_every_dumped_record(model: type[BaseModel], data: st.DataObject) -> None:
    record = data.draw(RECORDS[model])
    document: Any = json.loads(record.model_dump_json())
    jsonschema.Draft202012Validator(SCHEMAS[model.__name__]).validate(document)


@pytest.mark.parametrize("model", RECORD_TYPES, ids=lambda t: t.__name__)
@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_records_are_frozen(model: type[BaseModel], data: st.DataObject) -> None:
    record = data.draw(RECORDS[model])
    field = next(iter(model.model_fields))
    with pytest.raises(ValidationError) as info:
        setattr(record, field, getattr(record, field))
    assert info.value.errors()[0]["type"] == "frozen_instance"


@pytest.mark.parametrize("model", RECORD_TYPES, ids=lambda t: t.__name__)
@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_unknown_fields_are_refused(model: type[BaseModel], data: st.DataObject) -> None:
    record = data.draw(RECORDS[model])
    document = record.model_dump()
    document["not_a_field"] = 1
    with pytest.raises(ValidationError) as info:
        model.model_validate(document)
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_schemas_are_draft_2020_12_and_valid() -> None:
    assert set(SCHEMAS) == {t.__name__ for t in RECORD_TYPES}
    for schema in SCHEMAS.values():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)
