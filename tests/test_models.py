import unicodedata
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Province, Quote
from tests.factories import make_article, make_person, make_quote

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_vietnamese_title():
    article = make_article(title="Thắt chặt mối quan hệ mật thiết giữa Đảng với dân")
    assert article.slug == "that-chat-moi-quan-he-mat-thiet-giua-dang-voi-dan"


def test_same_title_gets_numbered_slugs():
    title = "Đối thoại giữa Đảng với dân"
    slugs = [make_article(title=t).slug for t in (title, title, unicodedata.normalize("NFD", title))]
    assert slugs == ["doi-thoai-giua-dang-voi-dan", "doi-thoai-giua-dang-voi-dan-2", "doi-thoai-giua-dang-voi-dan-3"]


def test_title_is_stored_in_nfc():
    article = make_article(title=unicodedata.normalize("NFD", "Thanh Hóa đón Tết"))
    assert article.title == unicodedata.normalize("NFC", "Thanh Hóa đón Tết")


def test_an_editors_slug_is_kept_and_must_be_unique():
    make_article(title="Một", slug="tin-rieng")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(title="Hai", slug="tin-rieng")


def test_published_article_needs_a_publication_time():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(title="Không giờ", status=Article.Status.PUBLISHED, published_at=None)


def test_unknown_status_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(title="Lạ", status="secret")


def test_motto_cannot_have_a_speaker():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_quote(article, kind=Quote.Kind.MOTTO, speaker=make_person())


def test_ended_province_must_name_its_successor():
    with pytest.raises(IntegrityError), transaction.atomic():
        Province.objects.create(code=99, name="Thử", full_name="Tỉnh Thử", slug="thu", kind="tinh",
                                region="southeast", valid_to=timezone.now().date())


def test_every_save_raises_the_version_and_refreshes_the_search_text():
    article = make_article(title="Tin cũ")
    first = article.version
    article.title = "Đối thoại ở Thanh Hoá"
    article.save()
    assert article.version == first + 1
    assert "doi thoai o thanh hoa" in article.search_text


def test_published_is_public_status_whose_time_has_come():
    now = timezone.now()
    live = make_article(status=Article.Status.PUBLISHED, published_at=now - timedelta(minutes=1))
    scheduled_due = make_article(status=Article.Status.SCHEDULED, published_at=now - timedelta(seconds=1))
    make_article(status=Article.Status.SCHEDULED, published_at=now + timedelta(hours=1))
    make_article(status=Article.Status.PUBLISHED, published_at=now + timedelta(hours=1))
    make_article(status=Article.Status.DRAFT, published_at=now - timedelta(days=1))
    make_article(status=Article.Status.REVIEW)
    make_article(status=Article.Status.ARCHIVED, published_at=now - timedelta(days=1))
    assert set(Article.objects.published()) == {live, scheduled_due}
    assert [a.is_published() for a in (live, scheduled_due)] == [True, True]
    assert not Article.objects.get(status=Article.Status.DRAFT).is_published()


def test_province_lists_include_units_merged_into_it():
    old_an_giang = make_article(provinces=["an-giang-cu"])
    kien_giang = make_article(provinces=["kien-giang"])
    new_an_giang = make_article(provinces=["an-giang"])
    make_article(provinces=["thanh-hoa"])
    today = Province.objects.get(slug="an-giang")
    assert set(Article.objects.for_province(today)) == {old_an_giang, kien_giang, new_an_giang}
    assert set(Article.objects.for_province(Province.objects.get(slug="kien-giang"))) == {kien_giang}


def test_str_reads_well():
    assert str(Province.objects.get(slug="kien-giang")) == "Kiên Giang (đến 30/06/2025)"
    assert str(Province.objects.get(slug="thanh-hoa")) == "Thanh Hóa"
    quote = make_quote(make_article(), text="Dân là gốc", kind=Quote.Kind.MOTTO)
    assert str(quote) == "“Dân là gốc”"
