"""Test helpers, imported by tests (never from a conftest)."""
