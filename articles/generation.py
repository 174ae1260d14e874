"""Fill a database with realistic articles, fast, for benchmarks and load tests.

Text is recombined from the sentences of the seed source texts, so word
lengths, diacritics and punctuation are those of real provincial news. Each
article gets one to five provinces in force on its date (so pre-2025 units
appear in the archive), organisations, people, quotes and a lead image path.
Rows go in batches of 1,000 through articles.bulk_insert (COPY on
PostgreSQL, each article built while the server inserts the ones before it),
on PostgreSQL from several processes at once (articles.generation_workers):
a million-row archive takes minutes, not hours.
"""

import datetime
import random
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import connections, router, transaction
from django.utils import timezone

from articles import generation_workers
from articles.bulk_insert import bulk_insert, insert_rows, reserve_pks
from articles.models import Article, Organisation, Person, Province, Quote
from articles.text.normalise import clean, search_key
from articles.text.slugs import slugify_vi

SOURCES = Path(__file__).resolve().parent / "fixtures" / "sources"
ZONE = datetime.timezone(datetime.timedelta(hours=7))
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Lâm"]
MIDDLE = ["Văn", "Thị", "Minh", "Quang", "Hữu", "Đức", "Thanh", "Ngọc", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Nưng", "Phúc", "Sơn",
         "Thi", "Trang", "Tuấn", "Vy"]
TITLES = ["Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Phó Chủ tịch HĐND tỉnh", "Giám đốc Sở Y tế",
          "Chủ tịch UBMTTQVN tỉnh", "Bí thư Huyện ủy"]
HEADINGS = ["Chăm lo lợi ích nhân dân", "Tạo sự đồng thuận", "Kết quả nổi bật", "Nhiệm vụ thời gian tới"]
_HEADING_KEYS = {heading: search_key(heading) for heading in HEADINGS}
BATCH = 1000


@dataclass
class GenerationResult:
    articles: int
    quotes: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")


def _sentences() -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(SOURCES.glob("*.txt")))
    parts = re.split(r"(?<=[.!?…])\s+", clean(text))
    return [s for s in parts if 40 <= len(s) <= 400 and "“" not in s and '"' not in s]


class _Vocabulary:
    """Paragraphs drawn from a pool made once, each with its search key already folded.

    Folding and joining sentences per article would dominate the run time;
    a pool of a few thousand paragraphs still gives every article its own mix.
    The pools come from the run's seed alone, so every process generating
    part of a run draws from the same ones.
    """

    POOL = 3000
    SIZES = (1, 2, 3, 4)  # sentences per paragraph

    def __init__(self, seed: int):
        rng = random.Random(seed)
        self.sentences = _sentences()
        self.pools = {}
        for size in self.SIZES:
            texts = [" ".join(rng.choice(self.sentences) for _ in range(size)) for _ in range(self.POOL)]
            self.pools[size] = [(text, search_key(text)) for text in texts]

    def paragraph_with_key(self, rng: random.Random, sentences=3) -> tuple[str, str]:
        return rng.choice(self.pools[sentences])

    def paragraph(self, rng: random.Random, sentences=3) -> str:
        return self.paragraph_with_key(rng, sentences)[0]

    def title(self, rng: random.Random, place: str) -> str:
        words = rng.choice(self.sentences).rstrip(".…").split()
        start = rng.randrange(0, max(1, len(words) - 8))
        return clean(f"{place}: " + " ".join(words[start:start + rng.randint(6, 12)])).capitalize()


class _UnitsInForce:
    """The provinces in force on a day, computed once per period between two changes of the map."""

    def __init__(self):
        self.provinces = list(Province.objects.order_by("pk"))
        self.changes = sorted({p.valid_from for p in self.provinces if p.valid_from}
                              | {p.valid_to + datetime.timedelta(days=1) for p in self.provinces if p.valid_to})
        self.periods = {}

    def on(self, day: datetime.date) -> list[Province]:
        period = sum(1 for change in self.changes if change <= day)
        if period not in self.periods:
            self.periods[period] = [p for p in self.provinces if p.in_force_on(day)]
        return self.periods[period]


def _people(rng: random.Random, count: int) -> list[Person]:
    existing = list(Person.objects.order_by("pk")[:count])
    names = {p.name for p in existing}
    new = []
    while len(existing) + len(new) < count:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if name not in names:
            names.add(name)
            new.append(Person(name=name, slug=f"{slugify_vi(name)}-g{len(names)}"))
    Person.objects.bulk_create(new, batch_size=BATCH)
    return list(Person.objects.filter(name__in=names))


@dataclass(frozen=True)
class _Run:
    """What every batch of a run shares; plain values, so that worker processes get it pickled."""

    seed: int
    name: str            # in every slug: two runs never collide
    status: str
    first: datetime.datetime
    span: float          # seconds from `first` to the start of the run
    speaker_ids: tuple[int, ...]


class _Writer:
    """Makes and writes batches of a run's articles; one per process."""

    def __init__(self, run: _Run):
        self.run = run
        self.words = _Vocabulary(run.seed)
        self.units_in_force = _UnitsInForce()
        self.organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))

    def article(self, rng: random.Random, i: int, pk: int | None, tags: list) -> Article:
        """Article number i, unsaved; its provinces, organisations and speakers go to `tags`."""
        words, run = self.words, self.run
        published_at = run.first + datetime.timedelta(seconds=rng.uniform(0, run.span))
        units = rng.sample(self.units_in_force.on(published_at.date()), rng.randint(1, 5))
        lead, lead_key = words.paragraph_with_key(rng, 2)
        heading = rng.choice(HEADINGS)
        parts = [words.paragraph_with_key(rng, n) for n in (3, 1, 4, 3)]
        body = "\n\n".join([parts[0][0], "## " + heading, "! " + parts[1][0], parts[2][0], parts[3][0]])
        title = words.title(rng, units[0].name)
        # The same key save() would compute, folded per paragraph (see _Vocabulary).
        keys = " ".join([search_key(title), lead_key, parts[0][1], _HEADING_KEYS[heading], *(k for _, k in parts[1:])])
        row = Article(
            pk=pk, title=title, slug=f"{slugify_vi(title)[:150]}-{run.name}-{i}", lead=lead, body=body,
            status=run.status, published_at=published_at, source_name="baomoi.example",
            byline=rng.choice(["PV", "Minh Anh", ""]), lead_image=f"articles/generated/{i % 50}.jpg",
            lead_image_width=1280, lead_image_height=853, lead_image_caption=words.paragraph(rng, 1)[:200],
            lead_image_credit="Ảnh: PV", search_text=keys,
        )
        orgs = rng.sample(self.organisations, min(len(self.organisations), rng.randint(1, 3)))
        speakers = rng.sample(run.speaker_ids, min(len(run.speaker_ids), rng.randint(0, 2)))
        tags.append((units, orgs, speakers))
        return row

    def batch(self, offset: int, size: int) -> int:
        """Articles offset to offset + size, in one transaction; returns how many quotes they got.

        Each batch draws from its own random generator, seeded from the run's
        seed and the batch: a seed gives the same articles whichever process
        writes which batch.
        """
        rng = random.Random(self.run.seed * 1_000_003 + offset)
        tags = []
        with transaction.atomic():
            # Made as they are sent: on PostgreSQL an article is built while the server
            # indexes the ones before it (articles.bulk_insert), so ids are taken first.
            pks = reserve_pks(Article, size) or [None] * size
            created = bulk_insert(self.article(rng, i, pk, tags)
                                  for i, pk in zip(range(offset, offset + size), pks, strict=True))
            if created[0].pk is None:  # backends that return no ids on bulk insert
                slugs = {a.slug: a for a in created}
                for pk, slug in Article.objects.filter(slug__in=slugs).values_list("pk", "slug"):
                    slugs[slug].pk = pk
            province_links, org_links, person_links, quotes = [], [], [], []
            for article, (units, orgs, speakers) in zip(created, tags, strict=True):
                province_links += [(article.pk, u.pk) for u in units]
                org_links += [(article.pk, o) for o in orgs]
                for position, speaker in enumerate(speakers):
                    person_links.append((article.pk, speaker))
                    quotes.append((article.pk, self.words.paragraph(rng, 1).rstrip("."), speaker,
                                   rng.choice(TITLES), Quote.Kind.DIRECT.value, position))
            insert_rows(Article.provinces.through, ("article_id", "province_id"), province_links)
            insert_rows(Article.organisations.through, ("article_id", "organisation_id"), org_links)
            insert_rows(Article.people.through, ("article_id", "person_id"), person_links)
            insert_rows(Quote, ("article_id", "text", "speaker_id", "speaker_title", "kind", "position"), quotes)
        return len(quotes)


def generate_articles(count: int, *, seed: int = 1, status=Article.Status.PUBLISHED, start_year=2015,
                      clock=timezone.now, people=200, jobs=1) -> GenerationResult:
    """Insert `count` articles spread over the years since start_year; returns timing.

    jobs > 1 writes the batches from that many processes on PostgreSQL, this
    one and jobs - 1 workers, each with its own connection (SQLite takes one
    writer at a time): the server's work, most of a generated article's cost,
    then runs on every core. The articles are the same for a seed whatever
    jobs is.
    """
    speakers = _people(random.Random(seed), people)
    started = clock()
    first = datetime.datetime(start_year, 1, 1, tzinfo=ZONE)
    run = _Run(seed=seed, name=f"{seed}-{int(started.timestamp())}", status=str(status), first=first,
               span=(started - first).total_seconds(), speaker_ids=tuple(sorted(p.pk for p in speakers)))
    batches = [(offset, min(BATCH, count - offset)) for offset in range(0, count, BATCH)]
    if jobs > 1 and len(batches) > 1 and connections[router.db_for_write(Article)].vendor == "postgresql":
        quotes = generation_workers.write_batches(run, lambda: _Writer(run), batches, jobs=min(jobs, len(batches)))
    else:
        writer = _Writer(run)
        quotes = sum(writer.batch(offset, size) for offset, size in batches)
    return GenerationResult(articles=count, quotes=quotes, seconds=(clock() - started).total_seconds())
