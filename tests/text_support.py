"""Helpers for the pure text tests: a Gazetteer from the reference fixtures, the seeds, the gold.

Only the standard library and pytest: these tests run without Django (`pytest -p no:django`).
"""

import functools
import importlib.util
import json
import os
from pathlib import Path

import pytest

from articles.text import gazetteer
from articles.text.records import Gazetteer, OrganisationEntry

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "articles" / "fixtures" / "sources"


@functools.cache
def reference_gazetteer() -> Gazetteer:
    """Provinces and districts as the reference fixtures hold them, read once per test run."""
    return gazetteer.reference_gazetteer()


def with_organisations(gazetteer: Gazetteer, *organisations: OrganisationEntry) -> Gazetteer:
    return Gazetteer(gazetteer.provinces, gazetteer.districts, tuple(organisations), gazetteer.people)


def shared_gold_dir() -> Path:
    """shared/gold beside the checkout: <repo>/../shared (main) or <repo>/../../shared (a worktree).

    Without it the tests that need it are skipped, with the reason; under CI=true that is a failure.
    """
    for candidate in (REPO.parent / "shared" / "gold", REPO.parent.parent / "shared" / "gold"):
        if (candidate / "score.py").exists() and (candidate / "seeds.json").exists():
            return candidate
    if os.environ.get("CI") == "true":
        pytest.fail("shared/gold (score.py, seeds.json) is required under CI=true", pytrace=False)
    pytest.skip("shared/gold not found beside the repository (../shared or ../../shared)", allow_module_level=True)


def load_scorer():
    spec = importlib.util.spec_from_file_location("gold_score", shared_gold_dir() / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_gold() -> dict:
    with (shared_gold_dir() / "seeds.json").open(encoding="utf-8") as f:
        return json.load(f)
