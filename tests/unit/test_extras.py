import pytest

from tests.extras import require


def test_a_missing_extra_skips_locally(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require("no_such_module_for_annotator")


def test_a_missing_extra_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no_such_module_for_annotator is needed in CI"):
        require("no_such_module_for_annotator")


def test_a_present_module_is_returned(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert require("json").dumps([]) == "[]"
