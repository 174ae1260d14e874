"""Source texts -> tagged Articles with their Quotes: the one import operation.

The import_articles command, the admin upload, the seed fixtures and the
tests all come through here. Each text is imported atomically: a failure
half-way through one file leaves no row of it and does not stop the others.

Imports of many texts can parse them in worker processes (jobs > 1, see
articles.parallel) while this process writes; what is written, and how, is
the same either way.

Idempotent: a text is known by the SHA-256 of its normalised form
(SourceText.content_hash), so importing it again creates and changes
nothing. With update=True a known text is parsed again into its article,
unless an editor has changed the article since (Article.version has moved
past SourceText.imported_version): an editor's work is never overwritten.
"""

import datetime
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.db import models, transaction
from django.utils import timezone

from articles import parallel, tagging
from articles.bulk_insert import bulk_insert, insert_rows
from articles.models import Article, Organisation, Person, Province, Quote, SourceText
from articles.tagging import name_key
from articles.text.article_fields import article_fields
from articles.text.decode import MAX_SOURCE_BYTES, decode_bytes  # noqa: F401  (the admin form checks it)
from articles.text.entities import Tagger
from articles.text.gold import as_gold_dict
from articles.text.normalise import nfc
from articles.text.records import Gazetteer, ParsedArticle, SourceError
from articles.text.slugs import numbered, slugify_vi

logger = logging.getLogger(__name__)

#: How many texts import_many() writes at once. A batch's new articles go in
#: with one INSERT per table (a COPY on PostgreSQL: articles.bulk_insert);
#: should anything in it fail, the batch is rolled back and written again one
#: text per savepoint, so a failing text still rolls back alone. Batching
#: saves a dozen round trips to the database per text, which is most of an
#: import's time.
BATCH_SIZE = 50

#: Below this many texts import_articles parses in its own process: starting
#: the workers and building their Taggers costs about as much as parsing a
#: few hundred texts on this one core.
PARALLEL_FROM = 500


def default_jobs(count: int) -> int:
    """How many processes should parse `count` texts: every core for many, this one for a handful."""
    return parallel.available_cores() if count >= PARALLEL_FROM else 1


class Outcome(StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    SKIPPED = "skipped"          # known text whose article an editor has changed since: left alone
    FAILED = "failed"


@dataclass
class ImportResult:
    file_name: str
    outcome: Outcome
    article: Article | None = None
    parsed: ParsedArticle | None = None
    quotes: int = 0
    provinces: int = 0
    organisations: int = 0
    people: int = 0
    warnings: list[str] = field(default_factory=list)
    reason: str | None = None     # why it failed or was skipped
    line: int | None = None       # where in the file, when known
    dry_run: bool = False

    @property
    def failed(self) -> bool:
        return self.outcome == Outcome.FAILED

    def extraction(self) -> dict:
        """The parser's findings in the shape of shared/gold/seeds.json."""
        return as_gold_dict(self.parsed) if self.parsed is not None else {}

    def message(self) -> str:
        """One line for a person: "002.txt: failed at line 3: not UTF-8"."""
        where = f"{self.file_name}:{self.line}" if self.line else self.file_name
        text = f"{where}: {self.outcome}"
        return f"{text}: {self.reason}" if self.reason else text


def normalised_text(text: str) -> str:
    """The form of a text its hash is taken of: NFC, LF line ends, no trailing spaces or blank ends.

    A file saved again with a BOM, CRLF line ends or decomposed accents is
    the same text and must not import twice. Non-breaking spaces stay: the
    parser reads a line of them as an image placeholder.
    """
    lines = nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip(" \t") for line in lines).strip("\n")


def content_hash(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


def decode_source(data: bytes, *, file_name: str) -> str:
    """The text of an uploaded or read file; SourceError when it is not a text that can be imported.

    Too large (over MAX_SOURCE_BYTES), empty, binary or not UTF-8: see articles.text.decode.
    """
    return decode_bytes(data, file_name=file_name)


def source_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files named, and the *.txt files in the folders named, each folder sorted by name."""
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file()))
        else:
            files.append(path)
    return files


class _NothingChanged(Exception):
    """Raised inside an update's transaction to roll it back when it would change nothing."""


class _Names:
    """One model's rows by every spelling of their names, and the slugs taken.

    want() notes the rows a text needs, building the unknown ones; flush()
    inserts those in one query. Inserted rows wait in `pending` until their
    transaction has committed (accept()), so a rolled-back text leaves no
    stale id here.
    """

    def __init__(self, model, *, fallback_slug: str):
        self.model, self.fallback_slug = model, fallback_slug
        self.max_length = model._meta.get_field("name").max_length
        rows = list(model.objects.order_by("pk").values_list("pk", "name", "slug", "aliases"))
        self.by_name: dict[str, int] = {}
        for pk, name, _, _ in rows:
            self.by_name.setdefault(name_key(name), pk)
        # Official names first: an alias never hides a row of that very name.
        for pk, _, _, aliases in rows:
            for alias in aliases or ():
                self.by_name.setdefault(name_key(alias), pk)
        self.slugs = {slug for _, _, slug, _ in rows}
        self.new: dict[str, models.Model] = {}
        self.pending: dict[str, int] = {}
        self.reserved: set[str] = set()

    def pk(self, key: str) -> int | None:
        return self.by_name.get(key) or self.pending.get(key)

    def get(self, name: str) -> int | None:
        return self.pk(name_key(name))

    def want(self, names: Iterable[str], *, build, warnings: list[str]) -> list[str]:
        """The keys of the rows these names stand for; unknown names get a row built (unsaved)."""
        keys = []
        for name in names:
            key = name_key(name)
            if key in keys:
                continue
            if self.pk(key) is None and key not in self.new:
                if len(name) > self.max_length:
                    warnings.append(f"not tagged, the name is over {self.max_length} characters: {name[:60]}…")
                    continue
                slug = numbered(slugify_vi(name) or self.fallback_slug,
                                lambda s: s in self.slugs or s in self.reserved)
                self.reserved.add(slug)
                self.new[key] = build(name, slug)
            keys.append(key)
        return keys

    def flush(self) -> None:
        if self.new:
            bulk_insert(list(self.new.values()))
            self.pending.update((key, obj.pk) for key, obj in self.new.items())
            self.new = {}

    def accept(self) -> bool:
        """Keep the rows of a committed transaction; True when there were any."""
        created = bool(self.pending)
        self.by_name.update(self.pending)
        self.slugs |= self.reserved
        self.discard()
        return created

    def discard(self) -> None:
        self.new, self.pending, self.reserved = {}, {}, set()


class _Entities:
    """What a run looks up for every text, loaded once: provinces, organisations, people."""

    def __init__(self):
        self.provinces = dict(Province.objects.values_list("slug", "pk"))
        self.organisations = _Names(Organisation, fallback_slug="to-chuc")
        self.people = _Names(Person, fallback_slug="nguoi")

    def flush(self) -> None:
        self.organisations.flush()
        self.people.flush()

    def accept(self) -> bool:
        return any([self.organisations.accept(), self.people.accept()])

    def discard(self) -> None:
        self.organisations.discard()
        self.people.discard()


@dataclass
class _Plan:
    """One text on its way in: what was read, what exists, what will be written."""

    result: ImportResult
    text: str = ""
    digest: str = ""
    existing: SourceText | None = None
    parsed: parallel.Parsed = None  # parsed ahead by a worker process, when there is one
    known_when_read: bool = False   # already imported when read, batches ahead of the writes
    provinces: list[int] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)  # _Names keys
    people: list[str] = field(default_factory=list)

    @property
    def writes(self) -> bool:
        return self.result.outcome in (Outcome.CREATED, Outcome.UPDATED) and not self.result.dry_run


class Importer:
    """One import run: the tagger and the name caches its texts share.

    publish: published articles (at the text's date; undated_published_at or
    the import time when it has none) instead of drafts. now: the import time,
    fixed by callers that must be reproducible.
    """

    def __init__(self, *, publish: bool = False, update: bool = False, user=None, dry_run: bool = False,
                 gazetteer: Gazetteer | None = None, tagger: Tagger | None = None,
                 now: datetime.datetime | None = None, undated_published_at: datetime.datetime | None = None):
        if gazetteer is None and tagger is None:
            gazetteer, tagger = tagging.gazetteer(), tagging.tagger()
        elif gazetteer is None:
            gazetteer = tagging.gazetteer()
        self.gazetteer = gazetteer
        self.tagger = tagger or Tagger(gazetteer)
        self.publish, self.update, self.user, self.dry_run = publish, update, user, dry_run
        self.now, self.undated_published_at = now, undated_published_at
        self._entities: _Entities | None = None

    # --- the public doors ---

    def import_source(self, data: bytes, *, file_name: str) -> ImportResult:
        """Import one text; never raises for a bad text, reports it in the result."""
        plan = self._read(file_name, data)
        if not plan.result.failed:
            existing = SourceText.objects.select_related("article").filter(content_hash=plan.digest).first()
            self._decide(plan, existing)
        if plan.writes:
            self._write_one(plan)
        return plan.result

    def import_many(self, sources: Iterable[tuple[str, bytes | OSError]], *, batch_size: int = BATCH_SIZE,
                    jobs: int = 1) -> Iterator[ImportResult]:
        """import_source() over (file_name, data) pairs, batch_size texts at a time.

        jobs > 1 parses the texts in that many worker processes, a few
        batches ahead of the one being written; the results are the same.
        """
        batches = ([self._read(file_name, data) for file_name, data in batch]
                   for batch in parallel.chunked(sources, batch_size))
        if jobs <= 1:
            for plans in batches:
                yield from self._batch(plans)
            return
        # The workers tag with this run's Tagger's Gazetteer, as this process would.
        with parallel.ParsePool(self.tagger.gazetteer, jobs=jobs) as pool:
            for pairs in pool.parse_ahead(map(self._note_known, batches), self._text_to_parse):
                for plan, parsed in pairs:
                    plan.parsed = parsed
                yield from self._batch([plan for plan, _ in pairs])

    def import_paths(self, paths: Iterable[Path], *, batch_size: int = BATCH_SIZE, jobs: int = 1
                     ) -> Iterator[ImportResult]:
        """import_many() over files; a file that cannot be read is a failed result."""
        def read():
            for path in paths:
                try:
                    yield path.name, path.read_bytes()
                except OSError as error:
                    yield path.name, error
        return self.import_many(read(), batch_size=batch_size, jobs=jobs)

    # --- reading and deciding: no writes ---

    @property
    def entities(self) -> _Entities:
        if self._entities is None:
            self._entities = _Entities()
        return self._entities

    def _failed(self, plan: _Plan, error: Exception) -> None:
        result = plan.result
        result.outcome, result.article = Outcome.FAILED, None
        if isinstance(error, SourceError):
            result.reason, result.line = error.reason, error.line
        elif isinstance(error, OSError):
            result.reason = f"cannot read: {error.strerror or error}"
        else:  # a bug or a database error: worth a traceback in the log
            logger.error("Importing %s failed", result.file_name, exc_info=error)
            result.reason = f"{type(error).__name__}: {error}"

    def _read(self, file_name: str, data: bytes | OSError) -> _Plan:
        plan = _Plan(ImportResult(file_name, Outcome.CREATED, dry_run=self.dry_run))
        try:
            if isinstance(data, OSError):
                raise data
            plan.text = decode_source(data, file_name=file_name)
            plan.digest = content_hash(plan.text)
        except (SourceError, OSError) as error:
            self._failed(plan, error)
        return plan

    def _note_known(self, plans: list[_Plan]) -> list[_Plan]:
        """Mark the texts already imported, so the workers do not parse what will not be written.

        Only a hint, taken batches ahead of the writes: _batch() asks again
        just before writing, and parses here whatever it needs and lacks.
        """
        digests = [plan.digest for plan in plans if not plan.result.failed]
        known = set(SourceText.objects.filter(content_hash__in=digests).values_list("content_hash", flat=True))
        for plan in plans:
            plan.known_when_read = plan.digest in known
        return plans

    def _text_to_parse(self, plan: _Plan) -> tuple[str, str] | None:
        # As _decide(): a known text is parsed again only to update it or to show it in a dry run.
        if plan.result.failed or (plan.known_when_read and not (self.update or self.dry_run)):
            return None
        return plan.result.file_name, plan.text

    def _decide(self, plan: _Plan, existing: SourceText | None) -> None:
        """What to do with a text that was read: create, update, leave, or fail; parses when needed."""
        result = plan.result
        if existing is None and self.update:
            existing = (SourceText.objects.select_related("article").filter(file_name=result.file_name)
                        .order_by("-imported_at").first())
        plan.existing = existing
        if existing is not None:
            result.article = existing.article
            if not self.update:
                result.outcome, result.reason = Outcome.UNCHANGED, "already imported"
            elif existing.edited_since_import:
                result.outcome = Outcome.SKIPPED
                result.reason = (f"an editor has changed the article since it was imported (version "
                                 f"{existing.article.version}, imported as {existing.imported_version}); not updated")
            else:
                result.outcome = Outcome.UPDATED
        if result.outcome in (Outcome.UNCHANGED, Outcome.SKIPPED) and not self.dry_run:
            return
        # A dry run parses every text, known or not: it shows what the parser finds.
        try:
            parsed = plan.parsed
            if isinstance(parsed, Exception):  # raised in a worker process
                raise parsed
            if parsed is None:
                parsed = tagging.parse(plan.text, file_name=result.file_name, with_tagger=self.tagger, decoded=True)
            result.parsed = parsed
            if len(parsed.title) > Article._meta.get_field("title").max_length:
                raise SourceError(result.file_name, f"the title is {len(parsed.title)} characters long; is the "
                                                    "first line really a title?", line=1)
        except Exception as error:
            self._failed(plan, error)
            return
        result.warnings = list(parsed.warnings)
        result.provinces, result.quotes = len(parsed.provinces), len(parsed.quotes)
        result.organisations = len(parsed.organisations)

    # --- writing ---

    def _batch(self, plans: list[_Plan]) -> list[ImportResult]:
        # One query tells which texts of the batch are known, instead of one per text.
        digests = [plan.digest for plan in plans if not plan.result.failed]
        known = {source.content_hash: source
                 for source in SourceText.objects.select_related("article").filter(content_hash__in=digests)}
        for plan in plans:
            if not plan.result.failed:
                self._decide(plan, known.get(plan.digest))
        new, first = [], {}
        for plan in plans:
            if plan.writes and plan.existing is None:
                if plan.digest in first:  # the same text twice in one batch
                    plan.result.outcome, plan.result.reason = Outcome.UNCHANGED, "already imported"
                    continue
                first[plan.digest] = plan
                new.append(plan)
        with transaction.atomic():
            if new:
                self._create_many(new)
            for plan in plans:
                if plan.writes and plan.existing is not None:
                    self._write_one(plan)
        for plan in plans:
            if plan.result.outcome == Outcome.UNCHANGED and plan.existing is None:
                original = first[plan.digest].result
                plan.result.article = original.article
                if original.failed:
                    plan.result.outcome, plan.result.reason = Outcome.FAILED, original.reason
        return [plan.result for plan in plans]

    def _create_many(self, plans: list[_Plan]) -> None:
        """Write a batch of new texts in one INSERT per table; one text at a time if that fails."""
        try:
            with transaction.atomic():
                for plan in plans:
                    self._plan_tags(plan)
                self.entities.flush()
                articles = []
                for plan in plans:
                    article = Article(status=Article.Status.DRAFT, created_by=self.user)
                    self._fill(article, plan.result.parsed, plan.result)
                    articles.append(article)
                _assign_slugs(articles)
                bulk_insert(articles)
                for plan, article in zip(plans, articles, strict=True):
                    plan.result.article = article
                self._write_tags(plans, replace=False)
                bulk_insert([self._provenance(plan) for plan in plans])
        except Exception:
            logger.info("Writing a batch of %s texts at once failed; writing them one by one", len(plans))
            self.entities.discard()
            for plan in plans:
                plan.result.article = None
                self._write_one(plan)
            return
        if self.entities.accept():
            transaction.on_commit(tagging.invalidate)

    def _write_one(self, plan: _Plan) -> None:
        """Create or update one article in its own transaction (a savepoint inside a batch)."""
        result = plan.result
        try:
            with transaction.atomic():
                if plan.existing is None:
                    self._create_one(plan)
                else:
                    self._update_one(plan)
        except _NothingChanged:
            # Same text, same findings: the rollback undid the version bump as well.
            result.article.refresh_from_db()
            result.outcome, result.reason = Outcome.UNCHANGED, "parsed again, nothing changed"
            result.quotes = result.provinces = result.organisations = result.people = 0
            self.entities.discard()
        except Exception as error:  # one broken text must not stop a run of thousands
            self.entities.discard()
            self._failed(plan, error)
        else:
            if self.entities.accept():
                # New names are known to the next tagging (bulk_insert sends no
                # post_save); this run keeps the Tagger it started with.
                transaction.on_commit(tagging.invalidate)

    def _create_one(self, plan: _Plan) -> None:
        article = Article(status=Article.Status.DRAFT, created_by=self.user)
        self._fill(article, plan.result.parsed, plan.result)
        self._plan_tags(plan)
        self.entities.flush()
        article.save()
        plan.result.article = article
        self._write_tags([plan], replace=False)
        self._provenance(plan).save()

    def _update_one(self, plan: _Plan) -> None:
        source, result = plan.existing, plan.result
        article = result.article
        before = _snapshot(article)
        self._fill(article, result.parsed, result)
        self._plan_tags(plan)
        self.entities.flush()
        article.save()
        self._write_tags([plan], replace=True)
        if plan.digest == source.content_hash and _snapshot(article) == before:
            raise _NothingChanged
        updated = self._provenance(plan)
        updated.pk = source.pk
        updated.save()

    def _published_at(self, parsed: ParsedArticle, current: datetime.datetime | None = None):
        if parsed.published_at is not None:
            return parsed.published_at
        if current is not None:
            return current
        if self.publish:
            return self.undated_published_at or self.now or timezone.now()
        return None

    def _fill(self, article: Article, parsed: ParsedArticle, result: ImportResult) -> None:
        fields = article_fields(parsed)
        # search_text too, as save() would make it: bulk_insert skips save().
        article.title, article.lead, article.body = fields.title, fields.lead, fields.body
        article.search_text = fields.search_text
        article.source_name = _fit(parsed.source_name, "source_name", result)
        article.source_url = _fit(parsed.source_url, "source_url", result)
        article.byline = _fit(parsed.byline, "byline", result)
        article.updated_by = self.user
        if self.publish:
            article.status = Article.Status.PUBLISHED
        article.published_at = self._published_at(parsed, article.published_at)

    def _plan_tags(self, plan: _Plan) -> None:
        """Which provinces, organisations and people the text is tagged with; unknown ones are built."""
        parsed, result, entities = plan.result.parsed, plan.result, self.entities
        on = timezone.localtime(parsed.published_at).date() if parsed.published_at else None

        def organisation(name, slug):
            province = tagging.organisation_province(name, self.gazetteer, on=on)
            return Organisation(name=name, slug=slug, kind=tagging.organisation_kind(name),
                                province_id=entities.provinces.get(province))

        plan.provinces = list(dict.fromkeys(entities.provinces[e.key] for e in parsed.provinces
                                            if e.key in entities.provinces))
        plan.organisations = entities.organisations.want(parsed.organisations, build=organisation,
                                                         warnings=result.warnings)
        speakers = [q.speaker for q in parsed.quotes if q.speaker and q.kind != Quote.Kind.MOTTO]
        plan.people = entities.people.want([*parsed.people, *speakers],
                                           build=lambda name, slug: Person(name=name, slug=slug),
                                           warnings=result.warnings)

    def _write_tags(self, plans: list[_Plan], *, replace: bool) -> None:
        """The tag links and quotes of these plans' articles, one INSERT per table."""
        entities = self.entities
        if replace:
            pks = [plan.result.article.pk for plan in plans]
            for relation in (Article.provinces, Article.organisations, Article.people):
                relation.through.objects.filter(article_id__in=pks).delete()
            Quote.objects.filter(article_id__in=pks).delete()
        # (article id, tag id) pairs: plain values, many per article (articles.bulk_insert.insert_rows)
        links = {Article.provinces: [], Article.organisations: [], Article.people: []}
        quotes = []
        title_limit = Quote._meta.get_field("speaker_title").max_length
        for plan in plans:
            result, article = plan.result, plan.result.article
            organisations = [entities.organisations.pk(key) for key in plan.organisations]
            people = [entities.people.pk(key) for key in plan.people]
            for relation, pks in ((Article.provinces, plan.provinces), (Article.organisations, organisations),
                                  (Article.people, people)):
                links[relation] += [(article.pk, pk) for pk in pks]
            mine = [
                Quote(
                    article_id=article.pk,
                    text=quote.text,
                    speaker_id=None if quote.kind == Quote.Kind.MOTTO or not quote.speaker
                    else entities.people.get(quote.speaker),
                    speaker_title=(quote.speaker_title or "")[:title_limit],
                    kind=quote.kind,
                    position=position,
                )
                for position, quote in enumerate(sorted(result.parsed.quotes, key=lambda q: q.position))
                if quote.text
            ]
            quotes += mine
            result.provinces, result.organisations = len(plan.provinces), len(organisations)
            result.people, result.quotes = len(people), len(mine)
        for relation, column in ((Article.provinces, "province_id"), (Article.organisations, "organisation_id"),
                                 (Article.people, "person_id")):
            if links[relation]:
                insert_rows(relation.through, ("article_id", column), links[relation])
        if quotes:
            bulk_insert(quotes)

    def _provenance(self, plan: _Plan) -> SourceText:
        result = plan.result
        return SourceText(
            article=result.article, file_name=result.file_name[:255], content_hash=plan.digest,
            original_text=plan.text, imported_at=self.now or timezone.now(),
            imported_version=result.article.version,
            report={**as_gold_dict(result.parsed), "warnings": list(result.warnings)},
        )


def _fit(value: str | None, field_name: str, result: ImportResult) -> str:
    """A parsed value cut to its Article field's length, with a warning when it was longer."""
    limit = Article._meta.get_field(field_name).max_length
    value = value or ""
    if len(value) > limit:
        result.warnings.append(f"{field_name} cut to {limit} characters")
        value = value[:limit].rstrip()
    return value


def _assign_slugs(articles: list[Article]) -> None:
    """Unique slugs for a batch of new articles, as Article.unique_slug() makes them, in one query."""
    bases = [slugify_vi(article.title) or "bai-viet" for article in articles]
    taken = set(Article.objects.filter(slug__in=bases).values_list("slug", flat=True))
    used: set[str] = set()
    for article, base in zip(articles, bases, strict=True):
        if base in taken or base in used:
            # The numbered ones in one query, not one query per number tried; a range
            # rather than startswith, which SQLite's LIKE answers without the index.
            taken.update(Article.objects.filter(slug__gt=f"{base}-", slug__lt=f"{base}.")
                         .values_list("slug", flat=True))
            base = numbered(base, lambda s, unavailable=taken | used: s in unavailable)
        article.slug = base
        used.add(base)


def _snapshot(article: Article) -> tuple:
    """What an import writes to an article, for telling whether an update changed anything."""
    return (
        article.title, article.lead, article.body, article.status, article.published_at, article.source_name,
        article.source_url, article.byline,
        sorted(article.provinces.values_list("pk", flat=True)),
        sorted(article.organisations.values_list("pk", flat=True)),
        sorted(article.people.values_list("pk", flat=True)),
        list(Quote.objects.filter(article_id=article.pk).order_by("position")
             .values_list("text", "speaker_id", "speaker_title", "kind", "position")),
    )


def import_source(data: bytes, *, file_name: str, publish: bool = False, update: bool = False, user=None,
                  dry_run: bool = False, gazetteer: Gazetteer | None = None, tagger: Tagger | None = None,
                  now: datetime.datetime | None = None) -> ImportResult:
    """Import one source text (see the module docstring); the result says what happened."""
    importer = Importer(publish=publish, update=update, user=user, dry_run=dry_run, gazetteer=gazetteer,
                        tagger=tagger, now=now)
    return importer.import_source(data, file_name=file_name)
