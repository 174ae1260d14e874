"""Helpers for the pure text tests: a Gazetteer from the reference fixtures, the seeds, the gold.

Only the standard library: these tests run without Django (`pytest -p no:django`).
"""

import functools
import importlib.util
import json
from pathlib import Path

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


def shared_dir() -> Path:
    """shared/ beside the checkout: <repo>/../shared (main) or <repo>/../../shared (a worktree)."""
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no shared/ directory beside the repository")


def load_scorer():
    spec = importlib.util.spec_from_file_location("gold_score", shared_dir() / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_gold() -> dict:
    with (shared_dir() / "gold" / "seeds.json").open(encoding="utf-8") as f:
        return json.load(f)
