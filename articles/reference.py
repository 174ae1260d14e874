"""The fixtures every database needs, in loading order, and loading them again without losing editors' aliases."""

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


def load_reference_data(*, verbosity: int = 1) -> None:
    """Load REFERENCE_FIXTURES, keeping the aliases editors have added since.

    loaddata replaces every field of a row it finds by natural key, so a
    release that refreshes the fixtures would take back the spellings editors
    taught the tagger ("Sài Gòn", "UBND TP"). Fixture fields win, except that
    aliases are the fixture's and then the editors' own.
    """
    from django.core.management import call_command
    from django.db import transaction

    from articles import tagging
    from articles.models import Organisation, Province

    with transaction.atomic():
        before = {model: dict(model.objects.values_list("slug", "aliases")) for model in (Province, Organisation)}
        call_command("loaddata", *REFERENCE_FIXTURES, verbosity=verbosity)
        for model, aliases_before in before.items():
            changed = []
            for row in model.objects.filter(slug__in=aliases_before).only("pk", "slug", "aliases"):
                current = list(row.aliases or ())
                added = [a for a in aliases_before[row.slug] or () if a not in current]
                if added:
                    row.aliases = current + added
                    changed.append(row)
            model.objects.bulk_update(changed, ["aliases"], batch_size=500)
        # bulk_update sends no signal: the tagger must still learn the merged aliases.
        transaction.on_commit(tagging.invalidate)
