"""The normalizer tests specify what the reading rules read, so they run with the familiar-wording
gate off (crawler/normalize/familiar.py): whether a reader knows a page's words is a separate
question, asked by the tests marked `familiar_gate` (test_familiar.py, and the property tests of
test_normalize_properties.py, which hold for what the product reads). Everything
outside tests/normalize (the spiders' recorded pages, the nights, the demo) reads with the gate on."""

from __future__ import annotations

import pytest

from crawler.normalize import familiar


@pytest.fixture(autouse=True)
def _rules_alone(request, monkeypatch):
    if request.node.get_closest_marker("familiar_gate") is None:
        monkeypatch.setattr(familiar, "GATE", False)
