"""Fill a database with realistic articles, fast, for benchmarks and load tests.

Text is recombined from the sentences of the seed source texts, so word
lengths, diacritics and punctuation are those of real provincial news. Each
article gets one to five provinces in force on its date (so pre-2025 units
appear in the archive), organisations, people, quotes and a lead image path.
Rows go in batches of 1,000 through articles.bulk_insert (COPY on
PostgreSQL, each article built while the server inserts the ones before it):
a million-row archive takes minutes, not hours.
"""

import datetime
import random
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

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
    """

    POOL = 3000

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sentences = _sentences()
        self.pools = {}

    def _pool(self, sentences):
        if sentences not in self.pools:
            texts = [" ".join(self.rng.choice(self.sentences) for _ in range(sentences)) for _ in range(self.POOL)]
            self.pools[sentences] = [(text, search_key(text)) for text in texts]
        return self.pools[sentences]

    def paragraph_with_key(self, sentences=3) -> tuple[str, str]:
        return self.rng.choice(self._pool(sentences))

    def paragraph(self, sentences=3) -> str:
        return self.paragraph_with_key(sentences)[0]

    def title(self, place: str) -> str:
        words = self.rng.choice(self.sentences).rstrip(".…").split()
        start = self.rng.randrange(0, max(1, len(words) - 8))
        return clean(f"{place}: " + " ".join(words[start:start + self.rng.randint(6, 12)])).capitalize()


class _UnitsInForce:
    """The provinces in force on a day, computed once per period between two changes of the map."""

    def __init__(self):
        self.provinces = list(Province.objects.all())
        self.changes = sorted({p.valid_from for p in self.provinces if p.valid_from}
                              | {p.valid_to + datetime.timedelta(days=1) for p in self.provinces if p.valid_to})
        self.periods = {}

    def on(self, day: datetime.date) -> list[Province]:
        period = sum(1 for change in self.changes if change <= day)
        if period not in self.periods:
            self.periods[period] = [p for p in self.provinces if p.in_force_on(day)]
        return self.periods[period]


def _people(rng: random.Random, count: int) -> list[Person]:
    existing = list(Person.objects.all()[:count])
    names = {p.name for p in existing}
    new = []
    while len(existing) + len(new) < count:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if name not in names:
            names.add(name)
            new.append(Person(name=name, slug=f"{slugify_vi(name)}-g{len(names)}"))
    Person.objects.bulk_create(new, batch_size=BATCH)
    return list(Person.objects.filter(name__in=names))


def generate_articles(count: int, *, seed: int = 1, status=Article.Status.PUBLISHED, start_year=2015,
                      clock=timezone.now, people=200) -> GenerationResult:
    """Insert `count` articles spread over the years since start_year; returns timing."""
    rng = random.Random(seed)
    words = _Vocabulary(rng)
    units_in_force = _UnitsInForce()
    organisations = list(Organisation.objects.values_list("pk", "province_id")) or [(None, None)]
    speakers = _people(rng, people)
    started = clock()
    run = f"{seed}-{int(started.timestamp())}"
    first = datetime.datetime(start_year, 1, 1, tzinfo=ZONE)
    span = (started - first).total_seconds()
    made_quotes = 0

    def make_article(i: int, pk: int | None, tags: list) -> Article:
        """Article number i, unsaved; its provinces, organisations and speakers go to `tags`."""
        published_at = first + datetime.timedelta(seconds=rng.uniform(0, span))
        units = rng.sample(units_in_force.on(published_at.date()), rng.randint(1, 5))
        lead, lead_key = words.paragraph_with_key(2)
        heading = rng.choice(HEADINGS)
        parts = [words.paragraph_with_key(n) for n in (3, 1, 4, 3)]
        body = "\n\n".join([parts[0][0], "## " + heading, "! " + parts[1][0], parts[2][0], parts[3][0]])
        title = words.title(units[0].name)
        # The same key save() would compute, folded per paragraph (see _Vocabulary).
        keys = " ".join([search_key(title), lead_key, parts[0][1], search_key(heading), *(k for _, k in parts[1:])])
        row = Article(
            pk=pk, title=title, slug=f"{slugify_vi(title)[:150]}-{run}-{i}", lead=lead, body=body, status=status,
            published_at=published_at, source_name="baomoi.example", byline=rng.choice(["PV", "Minh Anh", ""]),
            lead_image=f"articles/generated/{i % 50}.jpg", lead_image_width=1280, lead_image_height=853,
            lead_image_caption=words.paragraph(1)[:200], lead_image_credit="Ảnh: PV",
            search_text=keys,
        )
        orgs = [org for org, _ in rng.sample(organisations, min(len(organisations), rng.randint(1, 3))) if org]
        tags.append((units, orgs, rng.sample(speakers, min(len(speakers), rng.randint(0, 2)))))
        return row

    for offset in range(0, count, BATCH):
        size = min(BATCH, count - offset)
        tags = []
        with transaction.atomic():
            # Made as they are sent: on PostgreSQL an article is built while the server
            # indexes the ones before it (articles.bulk_insert), so ids are taken first.
            pks = reserve_pks(Article, size) or [None] * size
            created = bulk_insert(make_article(i, pk, tags) for i, pk in zip(range(offset, offset + size), pks, strict=True))
            if created[0].pk is None:  # backends that return no ids on bulk insert
                slugs = {a.slug: a for a in created}
                for pk, slug in Article.objects.filter(slug__in=slugs).values_list("pk", "slug"):
                    slugs[slug].pk = pk
            province_links, org_links, person_links, quotes = [], [], [], []
            for article, (units, orgs, persons) in zip(created, tags, strict=True):
                province_links += [(article.pk, u.pk) for u in units]
                org_links += [(article.pk, o) for o in orgs]
                for position, person in enumerate(persons):
                    person_links.append((article.pk, person.pk))
                    quotes.append(Quote(article_id=article.pk, text=words.paragraph(1).rstrip("."), speaker=person,
                                        speaker_title=rng.choice(TITLES), kind=Quote.Kind.DIRECT, position=position))
            insert_rows(Article.provinces.through, ("article_id", "province_id"), province_links)
            insert_rows(Article.organisations.through, ("article_id", "organisation_id"), org_links)
            insert_rows(Article.people.through, ("article_id", "person_id"), person_links)
            bulk_insert(quotes, batch_size=BATCH * 3)
            made_quotes += len(quotes)
    return GenerationResult(articles=count, quotes=made_quotes, seconds=(clock() - started).total_seconds())
