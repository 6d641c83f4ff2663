"""`mlis-crawler serve` opens the demo's programs.db in real Datasette on loopback: a table page
(HTML) shows the metadata's descriptions, and its JSON has typed values, never JSON in a string."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.support.datadir import CLI
from tests.support.demo_file import demo_data

START_SECONDS = 60  # a bound on Datasette's start, never an expectation


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("datasette") / "serve.log"
    out = log.open("w")
    process = subprocess.Popen([str(CLI), "serve", "--data", str(demo_data()), "--port", str(port)],
                               stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    try:
        while True:
            assert process.poll() is None, log.read_text()
            try:
                get(base + "/-/versions.json")
                break
            except OSError:
                assert time.monotonic() < deadline, "Datasette did not start"
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        out.close()


def test_a_table_page_shows_the_descriptions(server):
    status, page = get(server + "/programs/programs")
    assert status == 200
    assert "One row per program; a concentration is its own program." in page  # the table's description
    assert "<dt>application_fee_cents</dt><dd>application fee for domestic applicants, in US cents (5000 is $50.00)</dd>" in page
    assert "Data source: the universities&#39; own program pages" in page
    assert "wisc/ma-lis-online" in page
    assert "24&nbsp;month" in page  # duration_months_min rendered with its unit
    _, index = get(server + "/")
    assert "Online library and information science master" in index  # the metadata's title
    for table in ("tuition_rates", "deadlines", "program_costs", "changes", "pending_changes", "change_items"):
        assert get(server + f"/programs/{table}")[0] == 200


def test_the_json_is_typed_and_not_double_encoded(server):
    status, body = get(server + "/programs/programs.json?_shape=objects&_size=max")
    assert status == 200
    rows = {r["program_id"]: r for r in json.loads(body)["rows"]}
    assert len(rows) == 42  # the demo's programs, Tennessee's one included
    wisc = rows["wisc/ma-lis-online"]
    assert wisc["application_fee_cents"] == 5600 and isinstance(wisc["application_fee_cents"], int)
    assert wisc["total_credits"] == 36.0 and wisc["under_review"] == 1 and wisc["synchronous"] is None
    for table in ("programs", "tuition_rates", "changes", "change_items", "program_start_terms"):
        _, body = get(server + f"/programs/{table}.json?_shape=array&_size=max")
        for row in json.loads(body):
            for value in row.values():
                assert not (isinstance(value, str) and value[:1] in "[{"), (table, value)
    _, body = get(server + "/programs/program_start_terms.json?_shape=array&program_id=arizona/ma-lis")
    assert [r["term"] for r in json.loads(body)] == ["fall", "spring", "summer"]


def test_the_metadata_describes_every_column(server):
    _, body = get(server + "/-/metadata.json")
    metadata = json.loads(body)
    tables = metadata["databases"]["programs"]["tables"]
    _, body = get(server + "/programs.json")
    served = {t["name"]: t["columns"] for t in json.loads(body)["tables"]}
    assert set(served) == set(tables)
    for name, columns in served.items():
        assert set(tables[name]["columns"]) == set(columns), name
        assert all(tables[name]["columns"][c] for c in columns)
