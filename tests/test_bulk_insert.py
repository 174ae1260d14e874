"""articles.bulk_insert: the rows bulk_create would write (COPY on PostgreSQL), with their ids."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.bulk_insert import bulk_insert, insert_rows, reserve_pks
from articles.models import Article, Province, Quote, SourceText
from articles.search import search
from tests.factories import make_article

pytestmark = pytest.mark.django_db

#: What COPY's text format must escape: its delimiter, line ends, backslashes, its NULL marker.
AWKWARD = 'Tab\there, CR\r, LF\nand a backslash \\ before N: \\N; "quotes", \'single\', “curly”, Đắk Lắk 🌾'


def article(n: int, **fields) -> Article:
    values = {"title": f"Bài {n}: {AWKWARD}", "slug": f"bai-{n}", "lead": AWKWARD, "body": f"## {AWKWARD}\n\nĐoạn.",
              "status": Article.Status.PUBLISHED, "published_at": timezone.now() - datetime.timedelta(hours=n),
              "search_text": f"bai {n} dak lak", "lead_image_renditions": {"w": [320, 640], "q": AWKWARD}}
    return Article(**(values | fields))


def stored(pk: int) -> dict:
    return Article.objects.values().get(pk=pk)


def test_rows_read_back_exactly_as_bulk_create_writes_them():
    by_django = Article.objects.bulk_create([article(1)])[0]
    ours = bulk_insert([article(2)])[0]

    differ = {"id", "slug", "title", "search_text", "published_at", "created_at", "updated_at"}
    assert {k: v for k, v in stored(ours.pk).items() if k not in differ} == \
           {k: v for k, v in stored(by_django.pk).items() if k not in differ}
    assert stored(ours.pk)["lead"] == AWKWARD and stored(ours.pk)["lead_image_renditions"]["q"] == AWKWARD
    assert stored(ours.pk)["published_at"] == ours.published_at and stored(ours.pk)["source_url"] == ""


def test_nulls_and_json_go_in_as_given():
    draft = article(1, status=Article.Status.DRAFT, published_at=None)
    bulk_insert([draft])
    source = SourceText(article=draft, file_name="a.txt", content_hash="0" * 64, original_text=AWKWARD,
                        imported_version=1, report={"title": AWKWARD, "quotes": [{"text": '"x" \\ y'}]})
    bulk_insert([source])

    assert stored(draft.pk)["published_at"] is None
    source.refresh_from_db()
    assert source.original_text == AWKWARD and source.report["quotes"][0]["text"] == '"x" \\ y'


def test_ids_are_set_ascending_in_the_order_given_and_the_objects_are_saved():
    rows = bulk_insert([article(n) for n in range(5)])

    assert [a.pk for a in rows] == sorted(a.pk for a in rows)
    assert list(Article.objects.order_by("pk").values_list("slug", flat=True)) == [f"bai-{n}" for n in range(5)]
    rows[0].title = "Sửa lại"
    rows[0].save()  # an UPDATE of the row, not a second INSERT
    assert Article.objects.count() == 5 and stored(rows[0].pk)["title"] == "Sửa lại"


def test_objects_made_while_being_sent_keep_the_ids_taken_for_them():
    pks = reserve_pks(Article, 3) or [None] * 3

    rows = bulk_insert(article(n, pk=pk) for n, pk in enumerate(pks))

    assert [a.slug for a in rows] == ["bai-0", "bai-1", "bai-2"] and None not in [a.pk for a in rows]
    if pks[0] is not None:
        assert [a.pk for a in rows] == pks
    assert set(Article.objects.values_list("pk", flat=True)) == {a.pk for a in rows}


def test_a_row_the_database_refuses_is_an_integrity_error_and_its_transaction_writes_nothing():
    owner = make_article()
    quotes = [Quote(article=owner, text="Một", kind=Quote.Kind.DIRECT, position=0),
              Quote(article=owner, text="", kind=Quote.Kind.DIRECT, position=1)]  # empty: refused

    with pytest.raises(IntegrityError), transaction.atomic():
        bulk_insert(quotes)

    assert not Quote.objects.exists()
    bulk_insert([Quote(article=owner, text="Hai", kind=Quote.Kind.DIRECT, position=0)])  # the connection goes on
    assert list(owner.quotes.values_list("text", flat=True)) == ["Hai"]


def test_articles_written_at_once_are_found_by_search():
    bulk_insert([article(1, title="Nông dân Như Xuân trồng mía", search_text="nong dan nhu xuan trong mia")])

    assert [a.slug for a in search("như xuân").articles] == ["bai-1"]


def test_plain_rows_link_articles_to_their_tags():
    first, second = make_article(), make_article()
    provinces = list(Province.objects.filter(valid_to__isnull=True).order_by("pk")[:2])

    insert_rows(Article.provinces.through, ("article_id", "province_id"),
                [(first.pk, provinces[0].pk), (first.pk, provinces[1].pk), (second.pk, provinces[1].pk)])

    assert list(first.provinces.order_by("pk")) == provinces
    assert list(second.provinces.all()) == [provinces[1]]


def test_a_plain_row_the_database_refuses_writes_nothing():
    owner = make_article()
    province = Province.objects.order_by("pk").first()

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Article.provinces.through, ("article_id", "province_id"),
                    [(owner.pk, province.pk), (owner.pk, province.pk)])  # the same link twice

    assert not owner.provinces.exists()
