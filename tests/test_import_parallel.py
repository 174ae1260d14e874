"""Parsing in worker processes (jobs > 1) imports exactly what parsing in one process does."""

import io
import json
import pickle
import shutil
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from articles import importing, parallel, tagging
from articles.import_benchmark import TextMaker
from articles.importing import Importer, Outcome
from articles.models import Article, Organisation, Person, Quote, SourceText
from articles.seeding import SOURCES_DIR
from articles.text.article_fields import article_fields
from articles.text.records import SourceError
from tests.sources import (  # noqa: F401  (fresh_gazetteer is an autouse fixture)
    SEED_DATED,
    SEED_UNDATED,
    fresh_gazetteer,
    refusing_one_texts_quotes,
    seed_bytes,
    source,
)

pytestmark = pytest.mark.django_db

#: Not a text the decoder refuses, but one the parser does (in a worker): nothing but page furniture.
NO_TITLE = "Phản hồi\n\nChia sẻ\n\nTin liên quan\n".encode()
BAD_FILES = {"empty.txt": b"", "binary.txt": b"\x00\x01\x02PK\x03\x04" * 50, "furniture.txt": NO_TITLE,
             "long-title.txt": source("Tiêu đề " * 80)}


def generated(count: int, *, seed: int = 7) -> list[tuple[str, bytes]]:
    return TextMaker(tagging.gazetteer(), seed=seed, people=20).texts(count)


def texts() -> list[tuple[str, bytes]]:
    """The seeds, generated texts, the bad files among them, and one text twice."""
    many = generated(40)
    return [(SEED_DATED, seed_bytes()), *many[:15], *BAD_FILES.items(), (SEED_UNDATED, seed_bytes(SEED_UNDATED)),
            *many[15:], ("copy-of-seed.txt", seed_bytes())]


def outcomes(results) -> list[tuple]:
    return [(r.file_name, r.outcome, r.reason, r.line, r.warnings, r.parsed, r.quotes, r.provinces,
             r.organisations, r.people) for r in results]


def database_rows() -> dict:
    """What an import wrote, without the ids and times that differ from one run to the next."""
    articles = Article.objects.order_by("slug").prefetch_related("provinces", "organisations", "people")
    return {
        "articles": [(a.slug, a.title, a.lead, a.body, a.status, a.published_at, a.source_name, a.source_url,
                      a.byline, a.search_text, a.version, sorted(p.slug for p in a.provinces.all()),
                      sorted(o.name for o in a.organisations.all()), sorted(p.name for p in a.people.all()))
                     for a in articles],
        "quotes": sorted(Quote.objects.values_list("article__slug", "position", "text", "speaker__name",
                                                   "speaker_title", "kind")),
        "sources": sorted(SourceText.objects.values_list("file_name", "content_hash", "article__slug",
                                                         "imported_version", "report")),
        "people": sorted(Person.objects.values_list("name", "slug")),
        "organisations": sorted(Organisation.objects.values_list("name", "slug", "kind", "province__slug")),
    }


def test_parsing_in_two_processes_gives_the_same_records_as_in_one(caplog):
    serial = outcomes(Importer(dry_run=True).import_many(texts(), batch_size=8, jobs=1))
    pooled = outcomes(Importer(dry_run=True).import_many(texts(), batch_size=8, jobs=2))

    assert pooled == serial
    assert not [r for r in caplog.records if r.name == "articles.parallel"]  # parsed by the workers
    assert sum(r[1] == Outcome.FAILED for r in pooled) == len(BAD_FILES)
    assert all(r[5] is not None for r in pooled if r[1] != Outcome.FAILED)


def test_workers_told_to_leave_the_fields_parse_the_same_records_and_the_fields_come_on_first_use():
    sources = generated(6)

    def parsed(**options):
        with parallel.ParsePool(tagging.gazetteer(), jobs=2, **options) as pool:
            return [record for batch in pool.parse_ahead([sources], lambda item: item) for _, record in batch]

    full, bare = parsed(), parsed(with_fields=False)

    assert all(record.prepared is not None for record in full)
    assert all(record.prepared is None for record in bare)
    assert [article_fields(record) for record in bare] == [record.prepared for record in full]
    assert bare == full  # every parsed field (the fields made from them are not compared)


def test_parsing_in_two_processes_writes_the_same_rows_as_in_one(caplog):
    with transaction.atomic():
        serial = outcomes(Importer().import_many(texts(), batch_size=8, jobs=1))
        serial_rows = database_rows()
        transaction.set_rollback(True)
    assert not Article.objects.exists()

    pooled = outcomes(Importer().import_many(texts(), batch_size=8, jobs=2))

    assert pooled == serial
    assert database_rows() == serial_rows
    assert not [r for r in caplog.records if r.name == "articles.parallel"]
    assert len(serial_rows["articles"]) == 42 and serial_rows["quotes"] and serial_rows["people"]


def test_texts_already_imported_are_unchanged_and_not_parsed_again_with_two_processes():
    list(Importer().import_many(texts()[:10], jobs=1))
    before = database_rows()

    results = list(Importer().import_many(texts(), batch_size=8, jobs=2))

    again = results[:10]
    assert [r.outcome for r in again] == [Outcome.UNCHANGED] * 10
    assert all(r.parsed is None for r in again)  # known when read: not sent to the workers
    assert [r.outcome for r in results[10:]].count(Outcome.CREATED) == 42 - 10
    after = database_rows()
    assert all(row in after["articles"] for row in before["articles"])  # left as they were


def test_a_text_failing_to_write_leaves_no_row_and_the_others_are_imported_with_two_processes(monkeypatch):
    # The writes stay in this process, so this patch holds.
    monkeypatch.setattr(importing, "bulk_insert", refusing_one_texts_quotes(importing.bulk_insert))
    results = list(Importer().import_many([("seed.txt", seed_bytes()), ("bad.txt", source()),
                                           ("undated.txt", seed_bytes(SEED_UNDATED))], jobs=2))

    assert [r.outcome for r in results] == [Outcome.CREATED, Outcome.FAILED, Outcome.CREATED]
    assert "IntegrityError" in results[1].reason and "quote_kind_valid" in results[1].reason
    assert Article.objects.count() == 2 and SourceText.objects.count() == 2
    assert not Person.objects.filter(name="Nguyễn Văn Hùng").exists()


def test_texts_the_workers_could_not_parse_are_parsed_here(monkeypatch, caplog):
    def broken_pool(self, items):
        future = Future()
        future.set_exception(BrokenProcessPool("a worker was killed"))
        return [future] * -(-len(items) // self.chunk_size)

    serial = outcomes(Importer(dry_run=True).import_many(texts(), batch_size=8, jobs=1))
    monkeypatch.setattr(parallel.ParsePool, "_submit", broken_pool)

    assert outcomes(Importer(dry_run=True).import_many(texts(), batch_size=8, jobs=2)) == serial
    assert caplog.text.count("parsing in this process instead") == 1  # said once, not for every chunk


def test_a_bug_in_a_worker_fails_only_its_text_and_keeps_its_traceback_for_the_log(monkeypatch):
    real = parallel.parse_article

    class Unpicklable(Exception):
        def __init__(self, first, second):
            super().__init__(f"{first} {second}")

    def buggy(text, *, file_name, tagger):
        if file_name == "bug.txt":
            raise KeyError("no such province")
        if file_name == "odd.txt":
            raise Unpicklable("cannot", "rebuild")
        return real(text, file_name=file_name, tagger=tagger)

    monkeypatch.setattr(parallel, "parse_article", buggy)
    monkeypatch.setattr(parallel, "_tagger", tagging.tagger())
    sent = [("a.txt", "Tiêu đề\n\nMột đoạn văn."), ("bug.txt", "Tiêu đề"), ("b.txt", "Phản hồi"),
            ("odd.txt", "Tiêu đề")]

    good, bug, no_title, odd = pickle.loads(pickle.dumps(parallel._parse_chunk(sent)))  # as it comes back

    assert good.title == "Tiêu đề"
    assert isinstance(bug, KeyError) and "in buggy" in bug.remote_traceback
    assert isinstance(no_title, SourceError) and (no_title.file_name, no_title.reason) == ("b.txt", "no title")
    assert "Unpicklable: cannot rebuild" in str(odd) and "in buggy" in odd.remote_traceback


def test_a_source_error_keeps_its_file_line_and_reason_through_pickling():
    error = pickle.loads(pickle.dumps(SourceError("a.txt", "not UTF-8", line=3)))
    assert (error.file_name, error.reason, error.line, str(error)) == ("a.txt", "not UTF-8", 3, "a.txt:3: not UTF-8")


# --- the command ---------------------------------------------------------------

def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err)
        failure = None
    except CommandError as error:
        failure = str(error)
    return out.getvalue(), err.getvalue(), failure


@pytest.fixture
def folder(tmp_path):
    for name in (SEED_DATED, SEED_UNDATED):
        shutil.copy(SOURCES_DIR / name, tmp_path / name)
    for name, data in generated(12):
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_the_dry_run_json_is_the_same_with_one_job_and_two(folder):
    one = run("--dry-run", "--json", "--jobs", 1, folder)
    two = run("--dry-run", "--json", "--jobs", 2, folder)

    assert one == two
    assert len(json.loads(one[0])) == 14 and one[2] is None


def test_a_bad_file_among_many_is_reported_and_skipped_with_two_jobs(folder):
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)

    out, err, failure = run("--jobs", 2, folder)

    assert Article.objects.count() == 14
    for name in BAD_FILES:
        assert name in err
    assert "furniture.txt: failed: no title" in err
    assert "4 of 18" in failure and "4 failed" in out
    assert not SourceText.objects.filter(file_name__in=BAD_FILES).exists()


def test_jobs_below_one_is_refused(folder):
    _, _, failure = run("--jobs", 0, folder)
    assert "--jobs" in failure and not Article.objects.exists()
