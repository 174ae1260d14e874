"""Helpers for the pure text tests: a Gazetteer from the reference fixtures, the seeds, the gold.

Only the standard library: these tests run without Django (`pytest -p no:django`).
"""

import datetime
import functools
import importlib.util
import json
from pathlib import Path

from articles.text.records import DistrictEntry, Gazetteer, OrganisationEntry, ProvinceEntry

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "articles" / "fixtures" / "reference"
SOURCES = REPO / "articles" / "fixtures" / "sources"


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@functools.cache
def reference_gazetteer() -> Gazetteer:
    """Provinces and districts as the reference fixtures hold them."""
    with (REFERENCE / "provinces.json").open(encoding="utf-8") as f:
        provinces = [row["fields"] for row in json.load(f)]
    with (REFERENCE / "districts.json").open(encoding="utf-8") as f:
        districts = [row["fields"] for row in json.load(f)]
    return Gazetteer(
        provinces=tuple(
            ProvinceEntry(
                key=p["slug"], name=p["name"], kind=p["kind"],
                valid_from=_date(p["valid_from"]), valid_to=_date(p["valid_to"]),
                successor_key=p["successor"][0] if p["successor"] else None,
                aliases=tuple(p["aliases"]),
            )
            for p in provinces
        ),
        districts=tuple(DistrictEntry(name=d["name"], kind=d["kind"], province_key=d["province"][0])
                        for d in districts),
    )


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
