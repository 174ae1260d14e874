"""Names of the fixtures every database needs, in loading order."""

from pathlib import Path

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"
REFERENCE_FIXTURES = [
    str(FIXTURE_DIR / "reference" / "provinces.json"),
    str(FIXTURE_DIR / "reference" / "districts.json"),
    str(FIXTURE_DIR / "reference" / "organisations.json"),  # after provinces: each names its province
]

#: The seed articles and the people and organisations they name, made from
#: fixtures/sources/ by `manage.py build_seed_fixtures`.
SEED_FIXTURES: list[str] = []
