"""Names of the fixtures every database needs, in loading order."""

from pathlib import Path

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"
REFERENCE_FIXTURES = [
    str(FIXTURE_DIR / "reference" / "provinces.json"),
    str(FIXTURE_DIR / "reference" / "districts.json"),
    str(FIXTURE_DIR / "reference" / "organisations.json"),  # after provinces: each names its province
]

#: The seed articles and the people and organisations they name, made from
#: fixtures/sources/ by `manage.py build_seed_fixtures` (see articles.seeding).
#: Loaded after REFERENCE_FIXTURES.
SEED_FIXTURE = str(FIXTURE_DIR / "seed" / "articles.json")
SEED_FIXTURES: list[str] = [SEED_FIXTURE]
