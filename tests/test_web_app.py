"""Records as the request and response models of a small FastAPI app.

Web frameworks validate a parsed JSON body in Python mode; the records must take
what JSON carries there (ISO dates, decimal strings) and still refuse what
strictness is for.
"""

from __future__ import annotations

import json

from fastapi import FastAPI
from fastapi.testclient import TestClient

from socialwork.models import Client, StationRecords
from socialwork.samples import station_month

app = FastAPI()


@app.post("/clients")
def register(client: Client) -> Client:
    return client


@app.post("/records")
def count_cases(records: StationRecords) -> dict[str, int]:
    return {"cases": len(records.cases), "visits": len(records.visits)}


web = TestClient(app)

CLIENT = {
    "id": "p1",
    "name": "李大爷",
    "community_id": "c1",
    "registered_on": "2025-03-02",
    "categories": ["living_alone_elderly"],
}


def test_a_client_posted_as_json_is_accepted_and_echoed() -> None:
    answer = web.post("/clients", json=CLIENT)
    assert answer.status_code == 200
    assert answer.json()["registered_on"] == "2025-03-02"
    assert Client.model_validate_json(answer.text).categories[0].label() == "独居老人"


def test_the_samples_own_json_is_accepted() -> None:
    june = station_month()
    answer = web.post(
        "/records",
        content=june.model_dump_json(),
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 200
    assert answer.json() == {"cases": 8, "visits": 82}  # 65 first visits, 17 follow-ups


def test_a_datetime_for_a_date_is_refused_with_its_field_and_code() -> None:
    answer = web.post("/clients", json=CLIENT | {"registered_on": "2025-03-02T08:00:00"})
    assert answer.status_code == 422
    (error,) = answer.json()["detail"]
    assert error["type"] == "date_format"
    assert error["loc"] == ["body", "registered_on"]


def test_a_float_for_money_is_refused() -> None:
    june = json.loads(station_month().model_dump_json())
    assert june["budget"]["funding_sources"][0]["amount_cny"].endswith(".00")
    june["budget"]["funding_sources"][0]["amount_cny"] = 0.1
    answer = web.post("/records", json=june)
    assert answer.status_code == 422
    assert [e["type"] for e in answer.json()["detail"]] == ["decimal_type"]
