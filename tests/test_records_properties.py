"""Properties every record has: JSON round-trip, frozen, schema-valid dumps."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import socialwork.analysis
import socialwork.calendars
import socialwork.plans
from socialwork import analysis, calendars, evaluation, metrics, models, plans, stages
from socialwork.records import replace
from socialwork.schema import RECORD_TYPES, json_schema
from tests import strategies
from tests.strategies import METRIC_RECORDS, PLANNING_RECORDS
from tests.support import PROPERTY

RECORDS: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    **strategies.RECORDS,
    **strategies.STAGE_RECORDS,
    **strategies.PLANNING_RECORDS,
    **strategies.METRIC_RECORDS,
    **strategies.EVALUATION_RECORDS,
    **strategies.TEAM_RECORDS,
}

SCHEMAS = json_schema()
SLOW = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])


def test_every_record_type_has_a_strategy() -> None:
    assert set(RECORDS) == set(RECORD_TYPES)


def test_record_types_lists_every_exported_record() -> None:
    exported = {
        getattr(package, name)
        for package in (models, stages, calendars, analysis, plans, metrics, evaluation)
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


@pytest.mark.parametrize("model", list(METRIC_RECORDS), ids=lambda t: t.__name__)
@settings(max_examples=30)
@given(data=st.data())
def test_metric_records_round_trip(model: type[BaseModel], data: st.DataObject) -> None:
    record = data.draw(METRIC_RECORDS[model])
    assert model.model_validate_json(record.model_dump_json()) == record


def planning_record_types() -> set[type[BaseModel]]:
    """Every pydantic record class defined in a module of calendars, analysis or plans."""
    found: set[type[BaseModel]] = set()
    for package in (socialwork.calendars, socialwork.analysis, socialwork.plans):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for _, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, BaseModel) and value.__module__ == info.name:
                    found.add(value)
    return found


def test_every_planning_record_has_a_strategy() -> None:
    assert set(PLANNING_RECORDS) == planning_record_types()
    assert len(PLANNING_RECORDS) == 23  # a goal's Target is a record of socialwork.metrics


@pytest.mark.parametrize("model", list(PLANNING_RECORDS), ids=lambda t: t.__name__)
def test_planning_records_round_trip_and_stay_frozen(model: type[BaseModel]) -> None:
    @PROPERTY
    @given(PLANNING_RECORDS[model])
    def check(record: BaseModel) -> None:
        assert model.model_validate_json(record.model_dump_json()) == record
        assert replace(record) == record
        data: dict[str, Any] = {name: getattr(record, name) for name in model.model_fields}
        with pytest.raises(ValidationError) as info:
            model.model_validate({**data, "unexpected": 1})
        assert info.value.errors()[0]["type"] == "extra_forbidden"

    check()
