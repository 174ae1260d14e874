"""Source texts -> tagged Articles with their Quotes: the one import operation.

The import_articles command, the admin upload, the seed fixtures and the
tests all come through here. Each text is imported in its own transaction
(a savepoint when a caller batches several), so a failure half-way through
one file leaves no row of it and does not stop the others.

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

from django.db import transaction
from django.utils import timezone

from articles import tagging
from articles.models import Article, Organisation, Person, Province, Quote, SourceText
from articles.tagging import name_key
from articles.text.body import BlockKind, render_body
from articles.text.decode import decode
from articles.text.entities import Tagger
from articles.text.gold import as_gold_dict
from articles.text.normalise import nfc
from articles.text.records import Gazetteer, ParsedArticle, SourceError
from articles.text.slugs import numbered, slugify_vi

logger = logging.getLogger(__name__)

#: A source text is one article: a few kilobytes, a long one a hundred. A
#: file beyond this is not an article (a dump, a log, a mistake) and is
#: refused before anything reads it.
MAX_SOURCE_BYTES = 2 * 1024 * 1024

#: How many texts import_many() commits at once. Each text still has its own
#: savepoint, so a failing one rolls back alone; the batch only saves the
#: cost of a commit per text.
BATCH_SIZE = 50


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
    """The text of an uploaded or read file; SourceError when it is not a text that can be imported."""
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(file_name, f"the file is {len(data) / 1_048_576:.1f} MB; a source text is at most "
                                     f"{MAX_SOURCE_BYTES // 1_048_576} MB")
    return decode(data, file_name=file_name)


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

    Rows an article creates wait in `pending` until its transaction has
    committed (accept()), so a rolled-back article leaves no stale id here.
    """

    def __init__(self, model, *, fallback_slug: str):
        self.model, self.fallback_slug = model, fallback_slug
        self.max_length = model._meta.get_field("name").max_length
        rows = list(model.objects.order_by("pk").values_list("pk", "name", "slug", "aliases"))
        self.by_name = {}
        for pk, name, _, _ in rows:
            self.by_name.setdefault(name_key(name), pk)
        # Official names first: an alias never hides a row of that very name.
        for pk, _, _, aliases in rows:
            for alias in aliases or ():
                self.by_name.setdefault(name_key(alias), pk)
        self.slugs = {slug for _, _, slug, _ in rows}
        self.pending: dict[str, int] = {}
        self.pending_slugs: set[str] = set()

    def get(self, name: str) -> int | None:
        key = name_key(name)
        return self.by_name.get(key) or self.pending.get(key)

    def resolve(self, names: Iterable[str], *, build, warnings: list[str]) -> list[int]:
        """The ids of the rows these names stand for, creating the rows not yet known."""
        pks, new = [], {}
        for name in names:
            pk = self.get(name)
            if pk is not None:
                if pk not in pks:
                    pks.append(pk)
                continue
            if name_key(name) in new:
                continue
            if len(name) > self.max_length:
                warnings.append(f"not tagged, the name is over {self.max_length} characters: {name[:60]}…")
                continue
            slug = numbered(slugify_vi(name) or self.fallback_slug,
                            lambda s: s in self.slugs or s in self.pending_slugs)
            self.pending_slugs.add(slug)
            new[name_key(name)] = build(name, slug)
        if new:
            self.model.objects.bulk_create(new.values())
            for key, obj in new.items():
                self.pending[key] = obj.pk
                pks.append(obj.pk)
        return pks

    def accept(self) -> bool:
        created = bool(self.pending)
        self.by_name.update(self.pending)
        self.slugs |= self.pending_slugs
        self.discard()
        return created

    def discard(self) -> None:
        self.pending, self.pending_slugs = {}, set()


class _Entities:
    """What a run looks up for every article, loaded once: provinces, organisations, people."""

    def __init__(self):
        self.provinces = dict(Province.objects.values_list("slug", "pk"))
        self.organisations = _Names(Organisation, fallback_slug="to-chuc")
        self.people = _Names(Person, fallback_slug="nguoi")

    def accept(self) -> bool:
        """Keep the rows the committed article created; True when there were any."""
        return any([self.organisations.accept(), self.people.accept()])

    def discard(self) -> None:
        self.organisations.discard()
        self.people.discard()


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
        try:
            return self._import(data, file_name)
        except SourceError as error:
            return ImportResult(file_name, Outcome.FAILED, reason=error.reason, line=error.line,
                                dry_run=self.dry_run)
        except Exception as error:  # one broken file must not stop a run of thousands
            logger.exception("Importing %s failed", file_name)
            return ImportResult(file_name, Outcome.FAILED, reason=f"{type(error).__name__}: {error}",
                                dry_run=self.dry_run)
        finally:
            if self._entities is not None:
                self._entities.discard()

    def import_many(self, sources: Iterable[tuple[str, bytes]], *, batch_size: int = BATCH_SIZE
                    ) -> Iterator[ImportResult]:
        """import_source() over (file_name, data) pairs, committing every batch_size texts."""
        batch = []
        for item in sources:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def import_paths(self, paths: Iterable[Path], *, batch_size: int = BATCH_SIZE) -> Iterator[ImportResult]:
        """import_many() over files; a file that cannot be read is a failed result."""
        def read():
            for path in paths:
                try:
                    data = path.read_bytes()
                except OSError as error:
                    yield path.name, error
                else:
                    yield path.name, data
        return self.import_many(read(), batch_size=batch_size)

    def _batch(self, batch) -> list[ImportResult]:
        results = []
        with transaction.atomic():
            for file_name, data in batch:
                if isinstance(data, OSError):
                    results.append(ImportResult(file_name, Outcome.FAILED, reason=f"cannot read: {data.strerror}",
                                                dry_run=self.dry_run))
                else:
                    results.append(self.import_source(data, file_name=file_name))
        return results

    # --- the work ---

    @property
    def entities(self) -> _Entities:
        if self._entities is None:
            self._entities = _Entities()
        return self._entities

    def _import(self, data: bytes, file_name: str) -> ImportResult:
        text = decode_source(data, file_name=file_name)
        digest = content_hash(text)
        existing = (SourceText.objects.select_related("article").filter(content_hash=digest).first())
        if existing is None and self.update:
            existing = (SourceText.objects.select_related("article").filter(file_name=file_name)
                        .order_by("-imported_at").first())
        if existing is None:
            result = ImportResult(file_name, Outcome.CREATED, dry_run=self.dry_run)
        elif not self.update:
            result = ImportResult(file_name, Outcome.UNCHANGED, article=existing.article, dry_run=self.dry_run,
                                  reason="already imported")
        elif existing.edited_since_import:
            result = ImportResult(
                file_name, Outcome.SKIPPED, article=existing.article, dry_run=self.dry_run,
                reason=f"an editor has changed the article since it was imported "
                       f"(version {existing.article.version}, imported as {existing.imported_version}); not updated",
            )
        else:
            result = ImportResult(file_name, Outcome.UPDATED, article=existing.article, dry_run=self.dry_run)
        if result.outcome in (Outcome.UNCHANGED, Outcome.SKIPPED) and not self.dry_run:
            return result

        # A dry run parses every text, known or not: it shows what the parser finds.
        parsed = result.parsed = tagging.parse(text, file_name=file_name, with_tagger=self.tagger)
        result.warnings = list(parsed.warnings)
        if len(parsed.title) > Article._meta.get_field("title").max_length:
            raise SourceError(file_name, f"the title is {len(parsed.title)} characters long; is the first line "
                                         "really a title?", line=1)
        if self.dry_run:
            result.provinces, result.quotes = len(parsed.provinces), len(parsed.quotes)
            result.organisations = len(parsed.organisations)
            return result

        try:
            with transaction.atomic():
                if existing is None:
                    self._create(text, digest, parsed, result)
                else:
                    self._update(existing, text, digest, parsed, result)
        except _NothingChanged:
            # Same text, same findings: the rollback undid the version bump as well.
            result.article.refresh_from_db()
            result.outcome, result.reason = Outcome.UNCHANGED, "parsed again, nothing changed"
            result.quotes = result.provinces = result.organisations = result.people = 0
            self.entities.discard()
            return result
        if self.entities.accept():
            # New names are known to the next tagging (bulk_create sends no
            # post_save); this run keeps the Tagger it started with.
            transaction.on_commit(tagging.invalidate)
        return result

    def _published_at(self, parsed: ParsedArticle, current: datetime.datetime | None = None):
        if parsed.published_at is not None:
            return parsed.published_at
        if current is not None:
            return current
        if self.publish:
            return self.undated_published_at or self.now or timezone.now()
        return None

    def _fill(self, article: Article, parsed: ParsedArticle, result: ImportResult) -> None:
        blocks = list(parsed.blocks)
        if parsed.lead:
            # The lead is shown above the body; it stays out of the body so it is not read twice.
            first = next((i for i, b in enumerate(blocks) if b.kind == BlockKind.PARAGRAPH), None)
            if first is not None and blocks[first].text == parsed.lead:
                del blocks[first]
        article.title = parsed.title
        article.lead = parsed.lead or ""
        article.body = render_body(blocks)
        article.source_name = self._fit(parsed.source_name, Article, "source_name", result)
        article.source_url = self._fit(parsed.source_url, Article, "source_url", result)
        article.byline = self._fit(parsed.byline, Article, "byline", result)
        article.updated_by = self.user
        if self.publish:
            article.status = Article.Status.PUBLISHED
        article.published_at = self._published_at(parsed, article.published_at)

    @staticmethod
    def _fit(value, model, field_name, result) -> str:
        limit = model._meta.get_field(field_name).max_length
        value = value or ""
        if len(value) > limit:
            result.warnings.append(f"{field_name} cut to {limit} characters")
            value = value[:limit].rstrip()
        return value

    def _tag(self, article: Article, parsed: ParsedArticle, result: ImportResult, *, replace: bool) -> None:
        entities = self.entities
        on = timezone.localtime(parsed.published_at).date() if parsed.published_at else None

        def organisation(name, slug):
            province = tagging.organisation_province(name, self.gazetteer, on=on)
            return Organisation(name=name, slug=slug, kind=tagging.organisation_kind(name),
                                province_id=entities.provinces.get(province))

        provinces = list(dict.fromkeys(entities.provinces[e.key] for e in parsed.provinces
                                       if e.key in entities.provinces))
        organisations = entities.organisations.resolve(parsed.organisations, build=organisation,
                                                       warnings=result.warnings)
        speakers = [q.speaker for q in parsed.quotes if q.speaker and q.kind != Quote.Kind.MOTTO]
        people = entities.people.resolve(dict.fromkeys([*parsed.people, *speakers]),
                                         build=lambda name, slug: Person(name=name, slug=slug),
                                         warnings=result.warnings)

        if replace:
            for relation in (Article.provinces, Article.organisations, Article.people):
                relation.through.objects.filter(article_id=article.pk).delete()
            Quote.objects.filter(article_id=article.pk).delete()
        for relation, column, pks in ((Article.provinces, "province_id", provinces),
                                      (Article.organisations, "organisation_id", organisations),
                                      (Article.people, "person_id", people)):
            if pks:
                relation.through.objects.bulk_create(
                    [relation.through(article_id=article.pk, **{column: pk}) for pk in pks])
        title_limit = Quote._meta.get_field("speaker_title").max_length
        quotes = [
            Quote(
                article_id=article.pk,
                text=quote.text,
                speaker_id=None if quote.kind == Quote.Kind.MOTTO or not quote.speaker
                else entities.people.get(quote.speaker),
                speaker_title=(quote.speaker_title or "")[:title_limit],
                kind=quote.kind,
                position=position,
            )
            for position, quote in enumerate(sorted(parsed.quotes, key=lambda q: q.position))
            if quote.text
        ]
        Quote.objects.bulk_create(quotes)
        result.provinces, result.organisations = len(provinces), len(organisations)
        result.people, result.quotes = len(people), len(quotes)

    def _report(self, parsed: ParsedArticle, result: ImportResult) -> dict:
        return {**as_gold_dict(parsed), "warnings": list(result.warnings)}

    def _create(self, text: str, digest: str, parsed: ParsedArticle, result: ImportResult) -> None:
        article = Article(status=Article.Status.DRAFT, created_by=self.user)
        self._fill(article, parsed, result)
        article.save()
        self._tag(article, parsed, result, replace=False)
        SourceText.objects.create(
            article=article, file_name=result.file_name[:255], content_hash=digest, original_text=text,
            imported_at=self.now or timezone.now(), imported_version=article.version,
            report=self._report(parsed, result),
        )
        result.article = article

    def _update(self, source: SourceText, text: str, digest: str, parsed: ParsedArticle,
                result: ImportResult) -> None:
        article = source.article
        before = _snapshot(article)
        self._fill(article, parsed, result)
        article.save()
        self._tag(article, parsed, result, replace=True)
        if digest == source.content_hash and _snapshot(article) == before:
            raise _NothingChanged
        source.file_name, source.content_hash, source.original_text = result.file_name[:255], digest, text
        source.imported_at, source.imported_version = self.now or timezone.now(), article.version
        source.report = self._report(parsed, result)
        source.save()


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
    result = importer.import_source(data, file_name=file_name)
    return result
