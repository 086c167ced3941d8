"""The command line: report, schema and validate, their options, and one-line errors."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialwork
from socialwork import cli
from socialwork.evaluation import better_off_section
from socialwork.metrics import MonthlyReport, monthly_report
from socialwork.records import replace
from socialwork.samples import outcome_month, station_month, station_previous_month, team_month
from socialwork.schema import json_schema
from socialwork.team import team_section

# The sample's June against May, by hand: 23 + 15 + 12 people and 15
# households covered in June of 76 registered, 65/76 = 85.5%; 60 of 76 in May
# (78.9%): +5/76 = +6.6 points, under the 95% target.
COVERAGE_ZH = "| 重点人群服务覆盖率 | 85.5% (65/76) | 78.9% (60/76) | +6.6 个百分点 |"
COVERAGE_EN = "| Key-group coverage | 85.5% (65/76) | 78.9% (60/76) | +6.6 pp |"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def june_file(tmp_path: Path) -> Path:
    path = tmp_path / "june.json"
    path.write_text(station_month().model_dump_json(), encoding="utf-8")
    return path


@pytest.fixture
def may_file(tmp_path: Path) -> Path:
    path = tmp_path / "may.json"
    path.write_text(station_previous_month().model_dump_json(), encoding="utf-8")
    return path


# --- report -------------------------------------------------------------------------------


def test_no_command_prints_the_sample_report_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert (status, err) == (0, "")
    assert out.startswith("# 幸福街道社工站 月度指标报告\n")
    assert "统计期: 2025-06-01 至 2025-06-30; 对比期: 2025-05-01 至 2025-05-31" in out
    assert COVERAGE_ZH in out
    assert run(capsys, "report")[1] == out


def test_report_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "report", "--lang", "en")
    assert status == 0
    assert out.startswith("# 幸福街道社工站 monthly indicator report\n")
    assert COVERAGE_EN in out


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [("en-US", "en"), ("en_US", "en"), ("EN", "en"), ("zh-CN", "zh"), ("zh_CN", "zh")],
)
def test_report_takes_every_language_alias(
    capsys: pytest.CaptureFixture[str], alias: str, canonical: str
) -> None:
    assert run(capsys, "report", "--lang", alias) == run(capsys, "report", "--lang", canonical)


@pytest.mark.parametrize("alias", ["zh-Hant", "zh-TW", "zh-HK"])
def test_report_in_traditional_chinese(capsys: pytest.CaptureFixture[str], alias: str) -> None:
    status, out, _ = run(capsys, "report", "--lang", alias)
    assert status == 0
    # 85% is under the 95% target: 未达标 in Traditional script.
    assert "| 未達預期 |" in out
    assert "| 未达标 |" not in out


def test_report_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "report", "--format", "json", "--lang", "en")
    assert status == 0
    report = json.loads(out)
    assert report["station"] == "幸福街道社工站"
    assert report["period"] == {"start": "2025-06-01", "end": "2025-06-30"}
    assert report["previous_period"] == {"start": "2025-05-01", "end": "2025-05-31"}
    lines = {line["definition"]["code"]: line for line in report["lines"]}
    coverage = lines["key_group_coverage"]
    assert coverage["definition"]["name"] == "Key-group coverage"
    assert coverage["value"] == {
        "numerator": 65,
        "denominator": 76,
        "value": 65 / 76,
        "text": "85.5% (65/76)",
        "exclusions": [],
    }
    assert coverage["previous"]["numerator"] == 60
    assert coverage["change"] == pytest.approx(100 * 5 / 76)
    assert coverage["status"] == "off_track"
    # 60 of 65 satisfied in June; no target judges it.
    satisfaction = lines["survey_satisfaction"]
    assert satisfaction["value"]["value"] == 60 / 65
    assert satisfaction["status"] == "no_target"
    # May has no volunteer hours: null, not 0, and no change.
    hours = lines["volunteer_hours"]
    assert (hours["value"], hours["previous"], hours["change"]) == ("100", None, None)


def test_report_as_html_escapes_every_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    june = station_month()
    named = replace(june, station=replace(june.station, name="<b>站</b> & co"))
    path = tmp_path / "named.json"
    path.write_text(named.model_dump_json(), encoding="utf-8")
    status, out, _ = run(capsys, "report", str(path), "--format", "html", "--lang", "en")
    assert status == 0
    assert out.startswith("<!DOCTYPE html>\n")
    assert '<html lang="en">' in out
    assert "<h1>&lt;b&gt;站&lt;/b&gt; &amp; co monthly indicator report</h1>" in out
    assert "<b>" not in out
    assert "<td>Key-group coverage</td><td>85.5% (65/76)</td>" in out
    # No previous period: "—"; no target (the target column): "—", and the status "No target".
    assert (
        "<td>Volunteer hours</td><td>100 hours</td><td>—</td><td>—</td><td>—</td><td>No target</td>"
        in out
    )

    cells: list[str] = []

    class Cells(HTMLParser):
        def handle_data(self, data: str) -> None:
            cells.append(data)

    Cells().feed(out)
    assert "Key-group coverage" in cells


def test_report_as_html_compares_with_may(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "report", "--format", "html", "--lang", "zh-Hant")
    assert status == 0
    # May holds no volunteer hours: n/a, never 0; no target judges the hours.
    assert "<td>100小時</td><td>n/a</td><td>—</td><td>—</td><td>無目標</td>" in out
    # 15 home visits a week planned: 32/60 in June, 27/60 in May, +8.3 points, every one due.
    assert (
        "<td>53.3% (32/60)</td><td>45.0% (27/60)</td><td>+8.3 個百分點</td><td>≥ 100.0%</td>"
        "<td>未達預期</td>" in out
    )


def sample_report() -> MonthlyReport:
    """The sample's report as a notebook builds it: June against May, with the team's and
    the better-off sections (the team's records cover June alone)."""
    june, may = station_month(), station_previous_month()
    sections = [
        team_section(team_month(), june.station.staff),
        better_off_section(outcome_month(), replace(outcome_month(), period=may.period)),
    ]
    return monthly_report(june, june.period, may, sections=sections)


def test_report_as_html_is_the_notebook_document(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "report", "--format", "html", "--lang", "en")
    report = sample_report()
    assert status == 0
    assert out == report.to_document("en").to_html_page(report.title("en"), "en")
    for section in (
        "<th>Target</th>",
        "<h2>Key-group coverage by category</h2>",
        "<h2>Groups</h2>",
        "<h2>Overdue follow-ups (2025-06-30)</h2>",
        "<h2>Exclusions</h2>",
        "<style>",
        'title="Key-group coverage">Key-group coverage (Vega-Lite)</div>',
        "vega-embed@6",
    ):
        assert section in out, section


def stdout_of(monkeypatch: pytest.MonkeyPatch, encoding: str, *argv: str) -> tuple[int, bytes]:
    """Run the command line with a standard output that encodes as ``encoding``."""
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding=encoding)
    monkeypatch.setattr(sys, "stdout", console)
    status = cli.main(list(argv))
    console.flush()
    return status, raw.getvalue()


@pytest.mark.parametrize("encoding", ["cp1252", "gbk"])
@pytest.mark.parametrize("language", ["zh", "zh-Hant", "en"])
@pytest.mark.parametrize(
    ("output", "sections"),
    [
        ("markdown", ["月度", "## ", "| "]),
        ("json", ['"station": "幸福街道社工站"', '"overdue": [']),
        ("html", ["<h1>幸福街道社工站 ", "<h2>", "<table>", "sw-chart"]),
        ("text", ["幸福街道社工站 ", "=====", "------"]),
    ],
)
def test_report_is_utf8_whatever_the_console_encoding(
    monkeypatch: pytest.MonkeyPatch,
    encoding: str,
    language: str,
    output: str,
    sections: list[str],
) -> None:
    status, raw = stdout_of(monkeypatch, encoding, "report", "--format", output, "--lang", language)
    assert status == 0
    text = raw.decode("utf-8")  # the console's encoding could not hold 幸福, ≥ or …
    assert "幸福街道社工站" in text
    for section in sections:
        if language == "en" and section == "月度":
            section = "monthly indicator report"
        assert section in text


def test_validate_is_utf8_whatever_the_console_encoding(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = json.loads(station_month().model_dump_json())
    data["home_visits_planned"] = "三十"
    path = tmp_path / "chinese.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, raw = stdout_of(monkeypatch, "cp1252", "validate", str(path))
    assert status == 1
    assert "(got '三十')" in raw.decode("utf-8")


def test_report_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "june.html"
    status, out, err = run(capsys, "report", "--format", "html", "--out", str(target))
    assert (status, out, err) == (0, "", "")
    page = target.read_bytes().decode("utf-8")
    assert page == run(capsys, "report", "--format", "html")[1]
    assert "<h1>幸福街道社工站 月度指标报告</h1>" in page


def test_report_as_text_aligns_its_tables(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "report", "--format", "text", "--lang", "en")
    lines = out.splitlines()
    assert status == 0
    assert lines[:2] == ["幸福街道社工站 monthly indicator report", "=" * 39]
    header = next(line for line in lines if line.startswith("Indicator"))
    row = next(line for line in lines if line.startswith("Key-group coverage "))
    # English cells are one column a character: each value starts under its heading
    assert row.index("85.5% (65/76)") == header.index("This period")
    assert row.index("78.9% (60/76)") == header.index("Previous")
    assert row.index("Off track") == header.index("Status")
    assert "|" not in out


def test_report_of_files_matches_the_sample(
    capsys: pytest.CaptureFixture[str], june_file: Path, may_file: Path
) -> None:
    """A records file holds no team or evaluation records: the same report without sections."""
    june = station_month()
    without = monthly_report(june, june.period, station_previous_month())
    assert run(capsys, "report", str(june_file), "--previous", str(may_file)) == (
        0,
        without.to_markdown("zh"),
        "",
    )
    assert run(capsys, "report") == (0, sample_report().to_markdown("zh"), "")


def test_the_samples_report_shows_the_teams_and_better_off_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """June's figures worked by hand in tests/team/test_indicators.py and
    tests/evaluation/test_better_off.py, in every format."""
    status, out, _ = run(capsys, "report", "--format", "json")
    assert status == 0
    team, better = json.loads(out)["sections"]
    assert team["title"] == "团队"
    values = {li["definition"]["code"]: li["value"] for li in team["lines"]}
    assert values["supervision_compliance"]["text"] == "75.0% (6/8)"
    assert values["supervision_per_worker"] == pytest.approx(13 / 8)
    assert (values["supervisors"], values["supervised_workers"]) == (2, 7)
    assert values["training_coverage"]["text"] == "87.5% (7/8)"
    assert (values["internal_trainings"], values["external_exchanges"]) == (2, 1)
    assert values["approval_cycle"] == pytest.approx(17 / 3)
    assert values["promotions"] == 1
    improvement, gas = better["lines"]
    assert improvement["value"]["text"] == "50.0% (5/10)"
    assert improvement["previous"]["text"] == "50.0% (5/10)"
    assert gas["value"] is None
    _, text, _ = run(capsys, "report", "--format", "text", "--lang", "en")
    assert "Supervision compliance              75.0% (6/8)" in text
    assert "Clients reliably improved         50.0% (5/10)" in text
    _, html, _ = run(capsys, "report", "--format", "html", "--lang", "zh-Hant")
    for shown in ("<h2>團隊</h2>", "<td>1.6次</td>", "<td>5.7天</td>", "<td>2人</td>"):
        assert shown in html, shown


def test_report_of_one_file_has_no_comparison(
    capsys: pytest.CaptureFixture[str], june_file: Path
) -> None:
    status, out, _ = run(capsys, "report", str(june_file))
    assert status == 0
    assert "统计期: 2025-06-01 至 2025-06-30\n" in out
    assert "| 重点人群服务覆盖率 | 85.5% (65/76) | — | — |" in out


def test_report_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(station_month().model_dump_json()))
    status, out, _ = run(capsys, "report", "-", "--lang", "en")
    assert status == 0
    assert "| Key-group coverage | 85.5% (65/76) | — |" in out


def test_report_as_of_a_day_of_the_period(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "report", "--as-of", "2025-06-15")
    assert status == 0
    # The period ends on the 15th, and a half month is not compared with May.
    assert "统计期: 2025-06-01 至 2025-06-15\n" in out
    assert "对比期" not in out
    # The survey was made on 28 June: no survey yet on the 15th.
    assert "| 服务对象满意率(调查) | n/a | — |" in out
    # 夕阳红 met on 3 and 10 June, 9 of its 10 members each time: 18 of 20.
    assert "| 夕阳红老年互助小组 | 90.0% (18/20) |" in out
    assert "## 超期未跟进个案 (2025-06-15)" in out


def test_report_by_community(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "report", "--by-community", "--lang", "en")
    assert status == 0
    assert out.startswith("# 幸福街道社工站 report by community\n")
    # 春晖社区 (c4): 12 of its 15 key-group clients visited (e24, e29, e34 were not)
    assert (
        "| Key-group coverage | 87.5% (14/16) | 87.5% (14/16) | 86.7% (13/15) | 80.0% (12/15) |"
        in out
    )
    assert "## For the whole station" in out
    status, half, _ = run(capsys, "report", "--by-community", "--as-of", "2025-06-15")
    assert status == 0
    assert "统计期: 2025-06-01 至 2025-06-15\n" in half
    status, data, _ = run(capsys, "report", "--by-community", "--format", "json")
    assert status == 0
    parsed = json.loads(data)
    assert [c["community_id"] for c in parsed["communities"]] == ["c1", "c2", "c3", "c4", "c5"]


def test_report_as_of_the_last_day_is_the_whole_period(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "report", "--as-of", "2025-06-30") == run(capsys, "report")


@settings(max_examples=25)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_report_as_of_any_day_works_inside_the_period_only(day: date) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["report", "--as-of", day.isoformat(), "--format", "json"])
    if date(2025, 6, 1) <= day <= date(2025, 6, 30):
        assert status == 0
        assert json.loads(out.getvalue())["period"]["end"] == day.isoformat()
    else:
        assert status == 2
        assert out.getvalue() == ""
        assert err.getvalue() == (
            f"socialwork: error: --as-of {day} is outside the records' period "
            "2025-06-01 to 2025-06-30\n"
        )


# --- schema -------------------------------------------------------------------------------


def test_schema_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert json.loads(out) == json.loads(json.dumps(json_schema()))


def test_schema_to_a_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "new" / "schemas"
    status, out, _ = run(capsys, "schema", "--out", str(folder))
    schemas = json_schema()
    assert status == 0
    assert out == f"wrote {len(schemas)} JSON Schemas to {folder}\n"
    files = sorted(path.name for path in folder.iterdir())
    assert files == sorted(f"{name}.schema.json" for name in schemas)
    client = json.loads((folder / "Client.schema.json").read_text(encoding="utf-8"))
    assert client == json.loads(json.dumps(schemas["Client"]))
    assert client["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# --- validate -----------------------------------------------------------------------------


def test_validate_a_valid_file(capsys: pytest.CaptureFixture[str], june_file: Path) -> None:
    status, out, err = run(capsys, "validate", str(june_file))
    assert (status, err) == (0, "")
    assert out == (
        f"{june_file}: valid station records for 2025-06-01 to 2025-06-30 "
        "(76 clients, 8 cases, 82 visits)\n"
    )


def test_validate_lists_each_error_with_its_path_and_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(station_month().model_dump_json())
    data["home_visits_planned"] = -3
    data["clients"][2]["name"] = 7
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = run(capsys, "validate", str(path))
    assert (status, err) == (1, "")
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("$.clients[2].name: string_type: ")
    assert lines[0].endswith(" (got '*')")  # a name, masked
    assert lines[1].startswith("$.home_visits_planned: greater_than_equal: ")
    assert lines[1].endswith(" (got -3)")
    assert lines[2] == f"{path}: 2 errors"


def test_validate_reports_a_broken_reference(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(station_month().model_dump_json())
    data["visits"][0]["case_id"] = "nobody"
    path = tmp_path / "dangling.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    assert "nobody" in out
    assert out.splitlines()[-1] == f"{path}: 1 error"


def broken_june(tmp_path: Path) -> Path:
    """June with a field error, a wrong ID number, three dangling ids and a reference
    to the client whose field is broken (which is not dangling)."""
    data = json.loads(station_month().model_dump_json())
    data["clients"][2]["name"] = 7
    data["clients"][3]["id_number"] = "110105194912310023"
    data["clients"][3]["born_on"] = None
    for i in range(3):
        data["visits"][10 + i]["client_id"] = f"ghost{i}"
        data["visits"][10 + i]["case_id"] = None
    data["visits"][20]["client_id"] = data["clients"][2]["id"]
    data["visits"][20]["case_id"] = None
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_validate_reports_every_error_field_and_reference(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A field error no longer hides the references, and three dangling ids give three errors."""
    path = broken_june(tmp_path)
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    lines = out.splitlines()
    assert lines[-1] == f"{path}: 5 errors"
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        "$.clients[2].name",
        "$.clients[3].id_number",
        "$.visits[10].client_id",
        "$.visits[11].client_id",
        "$.visits[12].client_id",
    ]
    assert all(": unknown_reference: " in line for line in lines[2:5])


def test_validate_speaks_json_for_programs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, june_file: Path
) -> None:
    status, out, _ = run(capsys, "validate", "--format", "json", str(broken_june(tmp_path)))
    report = json.loads(out)
    assert status == 1
    assert (report["valid"], report["error_count"], report["references_checked"]) == (
        False,
        5,
        True,
    )
    first = report["errors"][0]
    assert first == {
        "path": "$.clients[2].name",
        "loc": ["clients", 2, "name"],
        "code": "string_type",
        "message": "Input should be a valid string",
        "got": "*",
    }
    status, out, _ = run(capsys, "validate", "--format", "json", str(june_file))
    assert status == 0
    assert json.loads(out)["errors"] == []


def test_validate_and_report_show_no_personal_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(station_month().model_dump_json())
    data["clients"][3]["id_number"] = "110105194912310023"
    data["clients"][3]["born_on"] = None
    data["clients"][4]["phone"] = 13912345678
    data["clients"][5]["nickname"] = "欧阳娜娜"
    path = tmp_path / "personal.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for command in (["validate"], ["validate", "--format", "json"], ["report"]):
        _, out, err = run(capsys, *command, str(path))
        for value in ("110105194912310023", "19491231", "13912345678", "欧阳娜娜"):
            assert value not in out + err
        assert "should be X" not in out + err


def test_validate_json_that_is_not_an_object(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "list.json"
    path.write_text("[]", encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 1
    assert out.splitlines()[0].startswith("$: model_type: ")


# --- bad input: one line on stderr, exit status 2, never a traceback ----------------------


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "not_json": tmp_path / "broken.json",
        "latin1": tmp_path / "latin1.json",
        "deep": tmp_path / "deep.json",
        "invalid": tmp_path / "invalid.json",
        "a_file": tmp_path / "plain.txt",
    }
    files["not_json"].write_text("{", encoding="utf-8")
    files["latin1"].write_bytes('{"name": "社区"}'.encode("gb18030"))
    files["deep"].write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    files["invalid"].write_text('{"station": 1}', encoding="utf-8")
    files["a_file"].write_text("not a folder", encoding="utf-8")
    return files


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "{missing}"], "{missing}: no such file"),
        (["validate", "{missing}"], "{missing}: no such file"),
        (["validate", "{folder}"], "{folder}: is a directory, not a records file"),
        (["validate", "{not_json}"], "{not_json}: not JSON: Expecting property name"),
        (["report", "{not_json}"], "{not_json}: not JSON: "),
        (["validate", "{latin1}"], "{latin1}: not a UTF-8 text file"),
        (["validate", "{deep}"], "{deep}: not usable JSON: nested too deeply"),
        (["report", "{invalid}"], "{invalid}: not valid station records ("),
        (
            ["report", "--as-of", "2025-13-01"],
            "--as-of must be a date as YYYY-MM-DD; got '2025-13-01'",
        ),
        (["report", "--as-of", "2025-06-15T09:00"], "--as-of must be a date as YYYY-MM-DD"),
        (
            ["report", "--as-of", "1899-12-31"],
            "--as-of must be a date from 1900-01-01 to 2199-12-31",
        ),
        (["report", "--as-of", "2025-07-01"], "--as-of 2025-07-01 is outside the records' period"),
        (["report", "--lang", "fr"], "--lang must be one of zh, zh-Hans, "),
        (["report", "--format", "pdf"], "argument --format: invalid choice: 'pdf'"),
        (
            ["report", "{june}", "--previous", "{june}", "--as-of", "2025-06-10"],
            "--previous compares",
        ),
        (
            ["report", "--by-community", "--previous", "{june}"],
            "--by-community reports one period: leave out --previous",
        ),
        (["report", "--out", "{folder}"], "cannot write the report to '{folder}': "),
        (["report", "--out", "bad\x00name"], "cannot write the report to 'bad\\x00name': "),
        (["schema", "--out", "{a_file}"], "cannot write the schemas to '{a_file}': "),
        (["schema", "--out", "bad\x00name"], "cannot write the schemas to 'bad\\x00name': "),
        (["validate", "bad\x00name"], "'bad\\x00name': not a usable file name"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        (["validate"], "the following arguments are required: FILE"),
    ],
)
def test_bad_input_gives_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    bad_inputs: dict[str, Path],
    june_file: Path,
    argv: list[str],
    message: str,
) -> None:
    names = {"missing": tmp_path / "missing.json", "folder": tmp_path, "june": june_file}
    names.update(bad_inputs)
    status, out, err = run(capsys, *(arg.format(**names) for arg in argv))
    assert status == 2
    assert out == ""
    assert err.startswith("socialwork: error: " + message.format(**names))
    assert err.count("\n") == 1
    assert err.endswith("\n")


@pytest.mark.parametrize("argv", ["report", [b"report"], ["report", 3]])
def test_argv_must_be_strings(argv: object) -> None:
    with pytest.raises(TypeError, match="argv must be a sequence of strings"):
        cli.main(argv)  # type: ignore[arg-type]


# --- help, version, entry points ----------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["report"], ["schema"], ["validate"]])
def test_help_of_every_command(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    status, out, _ = run(capsys, *command, "--help")
    assert status == 0
    assert out.startswith(f"usage: {' '.join(['socialwork', *command])} ")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"socialwork {socialwork.__version__}\n", "")


def test_console_script_runs_main() -> None:
    (script,) = entry_points(group="console_scripts", name="socialwork")
    assert script.value == "socialwork.cli:main"
    assert script.load() is cli.main


def test_python_dash_m_help_runs_in_a_fresh_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "socialwork", "--help"],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )
    assert result.returncode == 0
    assert result.stdout.startswith("usage: socialwork [-h] [--version] COMMAND ...")
    for command in ("report", "schema", "validate"):
        assert command in result.stdout
    assert result.stderr == ""
