"""articles.importing: source texts become tagged drafts, once, atomically."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from articles import importing
from articles.importing import MAX_SOURCE_BYTES, Importer, Outcome, content_hash, import_source
from articles.models import Article, Organisation, Person, Quote, SourceText
from articles.text.body import BlockKind
from tests.sources import (  # noqa: F401  (fresh_gazetteer is an autouse fixture)
    SEED_DATED,
    SEED_UNDATED,
    as_windows_nfd,
    fresh_gazetteer,
    refusing_one_texts_quotes,
    seed_bytes,
    source,
)

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def row_counts():
    return {model.__name__: model.objects.count() for model in (Article, Quote, SourceText, Person, Organisation)}


def test_a_seed_text_becomes_a_draft_with_its_tags_quotes_and_provenance():
    result = import_source(seed_bytes(SEED_DATED), file_name=SEED_DATED)

    assert result.outcome == Outcome.CREATED, result.message()
    article = Article.objects.get(pk=result.article.pk)
    assert article.title == "Thắt chặt mối quan hệ mật thiết giữa Đảng với dân"
    assert article.status == Article.Status.DRAFT and not article.is_published()
    assert timezone.localtime(article.published_at) == datetime.datetime(2022, 11, 25, 17, 5, tzinfo=ZONE)
    assert article.source_name == "baoangiang.com.vn"
    # In 2022 An Giang was the unit that merged into today's An Giang in 2025.
    assert list(article.provinces.values_list("slug", flat=True)) == ["an-giang-cu"]
    assert {"Tỉnh ủy An Giang", "Hội đồng nhân dân tỉnh An Giang"} <= set(
        article.organisations.values_list("name", flat=True))
    assert {"Lâm Quang Thi", "Lê Văn Nưng"} <= set(article.people.values_list("name", flat=True))

    quotes = list(article.quotes.order_by("position"))
    assert [q.position for q in quotes] == list(range(len(quotes)))
    nung = next(q for q in quotes if q.speaker and q.speaker.name == "Lê Văn Nưng")
    assert nung.speaker_title == "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh An Giang"
    assert nung.kind == Quote.Kind.DIRECT
    assert all(q.speaker is None for q in quotes if q.kind == Quote.Kind.MOTTO)

    provenance = article.source_text
    assert provenance.file_name == SEED_DATED
    assert provenance.original_text == seed_bytes(SEED_DATED).decode("utf-8")
    assert provenance.content_hash == content_hash(provenance.original_text)
    assert provenance.imported_version == article.version and not provenance.edited_since_import
    assert provenance.report["title"] == article.title and "warnings" in provenance.report


def test_the_body_keeps_headings_and_captions_and_does_not_repeat_the_lead():
    article = import_source(seed_bytes(SEED_DATED), file_name=SEED_DATED).article
    kinds = {block.kind for block in article.blocks}
    assert {BlockKind.HEADING, BlockKind.CAPTION, BlockKind.PARAGRAPH} <= kinds
    assert "## Chăm lo lợi ích nhân dân" in article.body.splitlines()
    assert article.lead and article.lead not in [b.text for b in article.blocks]


def test_organisations_and_people_not_yet_known_are_created_once():
    first = import_source(source(), file_name="a.txt")
    assert first.outcome == Outcome.CREATED, first.message()
    hung = Person.objects.get(name="Nguyễn Văn Hùng")
    assert hung.slug == "nguyen-van-hung"
    second = import_source(source("Nông dân Như Xuân chuyển đổi cây trồng"), file_name="b.txt")
    assert second.outcome == Outcome.CREATED
    assert Person.objects.filter(name="Nguyễn Văn Hùng").count() == 1
    assert set(first.article.people.all()) == set(second.article.people.all()) == {hung}


def test_a_new_organisation_gets_the_province_its_name_makes_clear():
    import_source(seed_bytes(SEED_DATED), file_name=SEED_DATED)
    chau_doc = Organisation.objects.get(name="Ủy ban nhân dân thành phố Châu Đốc")
    assert chau_doc.province.slug == "an-giang-cu" and chau_doc.kind == Organisation.Kind.PEOPLES_COMMITTEE
    assert Organisation.objects.get(name="Thành ủy Châu Đốc").kind == Organisation.Kind.PARTY


def test_importing_the_same_text_again_creates_and_changes_nothing():
    first = import_source(seed_bytes(), file_name=SEED_DATED)
    before, version = row_counts(), first.article.version

    again = import_source(seed_bytes(), file_name="renamed.txt")

    assert again.outcome == Outcome.UNCHANGED and again.article == first.article
    assert row_counts() == before
    assert Article.objects.get(pk=first.article.pk).version == version


def test_the_same_text_with_a_bom_crlf_and_decomposed_accents_is_the_same_text():
    first = import_source(seed_bytes(), file_name=SEED_DATED)
    again = import_source(as_windows_nfd(seed_bytes()), file_name=SEED_DATED)
    assert again.outcome == Outcome.UNCHANGED and again.article == first.article


def test_a_bom_crlf_nfd_text_imports_as_clean_nfc():
    result = import_source(as_windows_nfd(seed_bytes()), file_name=SEED_DATED)
    article = result.article
    assert result.outcome == Outcome.CREATED
    assert article.title == "Thắt chặt mối quan hệ mật thiết giữa Đảng với dân"
    assert "\r" not in article.body and "\ufeff" not in article.title


def test_same_title_with_different_text_is_a_new_article():
    first = import_source(source("Đối thoại với nông dân", "Đoạn thứ nhất về đối thoại."), file_name="a.txt")
    second = import_source(source("Đối thoại với nông dân", "Một bài khác hẳn."), file_name="b.txt")
    assert second.outcome == Outcome.CREATED
    assert first.article.slug == "doi-thoai-voi-nong-dan"
    assert second.article.slug == "doi-thoai-voi-nong-dan-2"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ""),
        ("Tiêu đề".encode("utf-16"), ""),
    ],
    ids=["empty", "blank", "binary", "utf-16"],
)
def test_a_file_that_is_not_a_text_fails_clearly_and_leaves_nothing(data, reason):
    before = row_counts()
    result = import_source(data, file_name="bad.txt")
    assert result.outcome == Outcome.FAILED and result.reason
    assert reason in result.reason.lower()
    assert result.message().startswith("bad.txt")
    assert row_counts() == before


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        line = "Ủy ban nhân dân tỉnh Thanh Hóa họp phiên thường kỳ.\n".encode()
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert big.stat().st_size > 50 * 1024 * 1024 > MAX_SOURCE_BYTES

    result = import_source(big.read_bytes(), file_name=big.name)

    assert result.outcome == Outcome.FAILED and "too large" in result.reason
    assert not Article.objects.exists()


def test_a_text_with_no_title_fails_and_says_so():
    result = import_source("\u00a0\n\n\u00a0\n".encode(), file_name="notitle.txt")
    assert result.outcome == Outcome.FAILED and result.reason
    assert not Article.objects.exists()


def test_a_failure_half_way_through_a_text_leaves_no_row_of_it(monkeypatch):
    before = row_counts()
    importer = Importer()

    real = importing.bulk_insert

    def broken(objs, **kwargs):  # the article, its links and people are written by then
        objs = list(objs)
        if isinstance(objs[0], Quote):
            raise RuntimeError("disk full")
        return real(objs, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(importing, "bulk_insert", broken)
        result = importer.import_source(seed_bytes(), file_name=SEED_DATED)

    assert result.outcome == Outcome.FAILED and "disk full" in result.reason
    assert row_counts() == before  # no article, source text, quote, person or organisation of it
    # The same run goes on: the people the failed text created were forgotten with it.
    again = importer.import_source(seed_bytes(), file_name=SEED_DATED)
    assert again.outcome == Outcome.CREATED
    assert again.article.quotes.filter(speaker__isnull=False).exists()
    assert all(q.speaker_id for q in again.article.quotes.filter(kind=Quote.Kind.DIRECT))


def test_one_failing_text_does_not_stop_the_others_in_a_batch(monkeypatch):
    importer = Importer()
    results = list(importer.import_many([("good.txt", seed_bytes()), ("bad.txt", b""),
                                         ("other.txt", seed_bytes(SEED_UNDATED))], batch_size=10))
    assert [r.outcome for r in results] == [Outcome.CREATED, Outcome.FAILED, Outcome.CREATED]
    assert Article.objects.count() == 2


def test_a_dry_run_writes_nothing_but_says_what_it_would_do():
    result = import_source(seed_bytes(), file_name=SEED_DATED, dry_run=True)
    assert result.outcome == Outcome.CREATED and result.dry_run
    assert result.extraction()["title"] == "Thắt chặt mối quan hệ mật thiết giữa Đảng với dân"
    assert result.provinces == 1 and result.quotes > 0
    assert not Article.objects.exists() and not SourceText.objects.exists()


def test_publish_publishes_at_the_texts_date():
    article = import_source(seed_bytes(), file_name=SEED_DATED, publish=True).article
    assert article.status == Article.Status.PUBLISHED and article.is_published()
    assert timezone.localtime(article.published_at).date() == datetime.date(2022, 11, 25)


def test_publish_without_a_date_in_the_text_publishes_at_the_import_time():
    now = datetime.datetime(2025, 9, 2, 9, 0, tzinfo=ZONE)
    article = import_source(seed_bytes(SEED_UNDATED), file_name=SEED_UNDATED, publish=True, now=now).article
    assert article.published_at == now and article.source_text.imported_at == now


def test_an_undated_draft_has_no_publication_time():
    article = import_source(seed_bytes(SEED_UNDATED), file_name=SEED_UNDATED).article
    assert article.status == Article.Status.DRAFT and article.published_at is None


def test_the_importing_user_is_recorded(django_user_model):
    editor = django_user_model.objects.create_user("bientap")
    article = import_source(seed_bytes(), file_name=SEED_DATED, user=editor).article
    assert article.created_by == editor and article.updated_by == editor


# --- update ---------------------------------------------------------------------

def test_update_of_an_unchanged_text_changes_nothing():
    article = import_source(seed_bytes(), file_name=SEED_DATED).article
    result = import_source(seed_bytes(), file_name=SEED_DATED, update=True)
    assert result.outcome == Outcome.UNCHANGED
    assert Article.objects.get(pk=article.pk).version == article.version


def test_update_parses_a_changed_text_into_its_article():
    original = source("Đối thoại với nông dân", "Đoạn đầu tiên của bài viết về đối thoại.")
    article = import_source(original, file_name="doi-thoai.txt").article
    corrected = source("Đối thoại với nông dân huyện Như Xuân", "Đoạn đầu tiên của bài viết về đối thoại.")

    result = import_source(corrected, file_name="doi-thoai.txt", update=True)

    assert result.outcome == Outcome.UPDATED and result.article.pk == article.pk
    article.refresh_from_db()
    assert article.title == "Đối thoại với nông dân huyện Như Xuân"
    assert article.slug == "doi-thoai-voi-nong-dan"  # the address does not move
    assert article.source_text.content_hash == content_hash(corrected.decode())
    assert not article.source_text.edited_since_import
    assert Article.objects.count() == 1


def test_update_leaves_an_article_an_editor_has_changed_and_says_so():
    article = import_source(seed_bytes(), file_name=SEED_DATED).article
    article.title = "Tiêu đề do biên tập viên sửa"
    article.save()

    result = import_source(seed_bytes(), file_name=SEED_DATED, update=True)

    assert result.outcome == Outcome.SKIPPED and "editor" in result.reason
    article.refresh_from_db()
    assert article.title == "Tiêu đề do biên tập viên sửa"


def test_update_picks_up_what_the_database_has_learnt_since():
    article = import_source(source(), file_name="a.txt").article
    lasuco = Organisation.objects.create(name="Công ty Cổ phần Mía đường Lam Sơn", slug="mia-duong-lam-son",
                                         aliases=["Lasuco"])
    assert lasuco not in article.organisations.all()

    result = import_source(source(), file_name="a.txt", update=True)

    assert result.outcome == Outcome.UPDATED
    assert lasuco in article.organisations.all()


# --- batches ----------------------------------------------------------------------

def test_a_batch_writes_what_saving_each_article_would_write():
    texts = [(f"{n}.txt", source(f"Bài số {n} về nông dân Như Xuân")) for n in range(3)]
    results = list(Importer().import_many(texts, batch_size=10))
    assert [r.outcome for r in results] == [Outcome.CREATED] * 3
    for result in results:
        article = Article.objects.get(pk=result.article.pk)
        stored = (article.title, article.slug, article.search_text, article.version)
        article.slug = ""
        article.version = 0
        article.save()  # what the model itself derives
        assert stored == (article.title, article.slug, article.search_text, 1)
        assert article.source_text.imported_version == 1


def test_one_batch_numbers_the_slugs_of_equal_titles():
    texts = [("a.txt", source("Đối thoại với nông dân", "Bài thứ nhất.")),
             ("b.txt", source("Đối thoại với nông dân", "Bài thứ hai."))]
    results = list(Importer().import_many(texts))
    assert [r.article.slug for r in results] == ["doi-thoai-voi-nong-dan", "doi-thoai-voi-nong-dan-2"]


def test_the_same_text_twice_in_one_batch_is_imported_once():
    results = list(Importer().import_many([("a.txt", seed_bytes()), ("copy.txt", seed_bytes())]))
    assert [r.outcome for r in results] == [Outcome.CREATED, Outcome.UNCHANGED]
    assert results[0].article == results[1].article and Article.objects.count() == 1


def test_a_text_failing_inside_a_batch_leaves_no_row_and_the_rest_of_the_batch_is_imported(monkeypatch):
    monkeypatch.setattr(importing, "bulk_insert", refusing_one_texts_quotes(importing.bulk_insert))
    results = list(Importer().import_many([("seed.txt", seed_bytes()), ("bad.txt", source()),
                                           ("undated.txt", seed_bytes(SEED_UNDATED))]))

    assert [r.outcome for r in results] == [Outcome.CREATED, Outcome.FAILED, Outcome.CREATED]
    assert "IntegrityError" in results[1].reason and "quote_kind_valid" in results[1].reason
    assert Article.objects.count() == 2 and SourceText.objects.count() == 2
    assert not Person.objects.filter(name="Nguyễn Văn Hùng").exists()
