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


def setup_problem(using: str = "default") -> str | None:
    """Why this database cannot tag articles yet, as a reader of a command's error should be told; None if it can.

    Tagging finds provinces, districts and organisations in the database.
    Without the tables a command would end in a traceback; without the rows
    it would tag nothing and say nothing, which is worse.
    """
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    from articles.models import Province

    connection = connections[using]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return "The database is not up to date: run `manage.py migrate` first."
    if not Province.objects.using(using).exists():
        return "The database has no provinces: run `manage.py load_reference_data` first."
    return None
