"""The reference units as the tagger sees them, read straight from the fixture files.

The importer builds its Gazetteer from the database (articles.tagging); the
pure text tests and the parser benchmark have no database, so they read the
same provinces and districts from the JSON fixtures load_reference_data loads.
"""

import datetime
import json
from pathlib import Path

from .records import DistrictEntry, Gazetteer, ProvinceEntry

REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "reference"


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def reference_gazetteer(directory: Path = REFERENCE) -> Gazetteer:
    """Provinces and districts of the reference fixtures."""
    with (directory / "provinces.json").open(encoding="utf-8") as f:
        provinces = [row["fields"] for row in json.load(f)]
    with (directory / "districts.json").open(encoding="utf-8") as f:
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
