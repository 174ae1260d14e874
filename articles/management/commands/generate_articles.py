"""Fill the database with N realistic published articles, for benchmarks and load tests.

Not for production databases: the articles are recombined from the seed
texts and marked with the source "baomoi.example".
"""

from django.core.management.base import BaseCommand, CommandError

from articles.generation import generate_articles
from articles.parallel import available_cores
from articles.reference import setup_problem


class Command(BaseCommand):
    help = "Insert N generated articles (bulk inserts) and print how fast it went."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, nargs="?", default=1000)
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same text.")
        parser.add_argument("--jobs", type=int, default=available_cores(),
                            help="Processes writing batches, each with its own connection, on PostgreSQL "
                                 "(default: every core, %(default)s here). SQLite is written by one.")

    def handle(self, *args, count, seed, jobs, **options):
        if count < 1:
            raise CommandError("count must be a positive number")
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more")
        if problem := setup_problem():
            raise CommandError(problem)
        result = generate_articles(count, seed=seed, jobs=jobs)
        self.stdout.write(self.style.SUCCESS(
            f"{result.articles} articles and {result.quotes} quotes in {result.seconds:.1f} s "
            f"({result.per_second:,.0f} articles/s)"
        ))
