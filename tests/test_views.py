"""The readers' pages, on an article built like the seed article from Báo An Giang."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.test import RequestFactory
from django.urls import reverse

from articles import preview
from articles.models import Article, ArticleSlugRedirect, Correction, Quote
from tests.factories import make_article, make_organisation, make_person, make_quote, make_topic, province

pytestmark = pytest.mark.django_db

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SEED_TITLE = "Thắt chặt mối quan hệ mật thiết giữa Đảng với dân"
HO_CHI_MINH_QUOTE = (
    "Trong bầu trời không có gì quý bằng nhân dân. "
    "Trong thế giới không có gì mạnh bằng lực lượng đoàn kết của nhân dân"
)
SEED_BODY = """\
Nhờ giữ mối quan hệ mật thiết với nhân dân, các cấp ủy Đảng trong tỉnh đã huy động được sức mạnh khối đại đoàn kết.
## Chăm lo lợi ích nhân dân
! Các cấp ủy Đảng, chính quyền địa phương quan tâm chăm lo đời sống đồng bào dân tộc, tôn giáo
Các phong trào thi đua, cuộc vận động của MTTQ ngày càng được nâng chất, đi vào chiều sâu.
## Tạo sự đồng thuận
Theo Bí thư Thành ủy Châu Đốc Lâm Quang Thi, hàng năm người đứng đầu cấp ủy tham dự hội nghị “Đối thoại giữa Đảng, chính quyền với nhân dân”.
Qua đối thoại, lãnh đạo địa phương nắm chắc những vấn đề mới phát sinh."""


def make_seed_article(**fields):
    """The Báo An Giang article of 25/11/2022 17:05, tagged with the An Giang of that time, quoting Hồ Chí Minh."""
    article = make_article(
        title=SEED_TITLE,
        lead=fields.pop("lead", "Gắn bó với nhân dân, dựa vào nhân dân để xây dựng, chỉnh đốn Đảng có vai trò "
                                "hết sức quan trọng. Đảng bộ và nhân dân tỉnh An Giang không ngừng bồi đắp mối "
                                "quan hệ máu thịt này."),
        body=SEED_BODY,
        published_at=fields.pop("published_at", datetime.datetime(2022, 11, 25, 17, 5, tzinfo=HCM)),
        provinces=["an-giang-cu"],
        source_name="Báo An Giang",
        source_url="https://baoangiang.com.vn/",
        byline="Thanh Tiến",
        **fields,
    )
    ho_chi_minh = make_person("Hồ Chí Minh", slug="ho-chi-minh")
    make_quote(article, HO_CHI_MINH_QUOTE, speaker=ho_chi_minh, speaker_title="Chủ tịch", position=1)
    article.people.add(ho_chi_minh)
    article.organisations.add(make_organisation("Ủy ban MTTQ Việt Nam tỉnh An Giang", slug="ubmttq-an-giang"))
    article.topics.add(make_topic("Xây dựng Đảng"))
    return article


def test_every_route_answers_on_the_seed_article(client):
    article = make_seed_article()
    urls = [
        "/", "/articles/", article.get_absolute_url(), "/provinces/", "/provinces/an-giang/",
        "/provinces/an-giang-cu/", "/provinces/kien-giang/", "/organisations/ubmttq-an-giang/",
        "/people/ho-chi-minh/", "/topics/xay-dung-dang/", "/search/?q=doi+thoai", "/search/",
        "/feeds/latest/", "/feeds/latest/atom/", "/feeds/provinces/an-giang/", "/feeds/provinces/an-giang/atom/",
        "/sitemap.xml", "/sitemap-articles.xml", "/robots.txt",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_article_page_shows_date_source_byline_headings_captions_and_tags(client):
    article = make_seed_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"<h1>{SEED_TITLE}</h1>" in html
    assert "25/11/2022 17:05" in html
    assert "Báo An Giang" in html and "Thanh Tiến" in html
    assert "<h2>Chăm lo lợi ích nhân dân</h2>" in html
    assert '<p class="caption">Các cấp ủy Đảng, chính quyền địa phương' in html
    assert 'href="/provinces/an-giang-cu/">An Giang</a>' in html
    assert "now part of An Giang" in html or "nay thuộc An Giang" in html
    for url in ("/organisations/ubmttq-an-giang/", "/people/ho-chi-minh/", "/topics/xay-dung-dang/"):
        assert f'href="{url}"' in html


def test_quote_is_a_pull_quote_with_speaker_and_title(client):
    article = make_seed_article()
    html = client.get(article.get_absolute_url()).content.decode()
    quote = re.search(r'<figure class="pull-quote">(.*?)</figure>', html, re.S).group(1)
    assert HO_CHI_MINH_QUOTE in quote
    assert '<a href="/people/ho-chi-minh/">Hồ Chí Minh</a>' in quote
    assert "Chủ tịch" in quote


def test_corrections_are_listed_with_their_dates(client):
    article = make_seed_article()
    Correction.objects.create(article=article, text="Sửa tên người phát biểu.",
                              created_at=datetime.datetime(2022, 11, 26, 8, 0, tzinfo=HCM))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "26/11/2022" in html and "Sửa tên người phát biểu." in html


def test_lead_image_has_srcset_size_caption_credit_and_lazy_loading(client):
    article = make_seed_article(lead_image_caption="Lãnh đạo tỉnh đối thoại với nhân dân",
                                lead_image_credit="Hữu Huy")
    Article.objects.filter(pk=article.pk).update(
        lead_image="articles/2022/11/doi-thoai.jpg", lead_image_width=1600, lead_image_height=900,
        lead_image_renditions={"480": "articles/2022/11/doi-thoai-480.webp",
                               "960": {"name": "articles/2022/11/doi-thoai-960.webp", "width": 960}},
    )
    html = client.get(article.get_absolute_url()).content.decode()
    img = re.search(r'<figure class="lead-image">\s*<img([^>]*)>', html, re.S).group(1)
    assert 'src="/media/articles/2022/11/doi-thoai.jpg"' in img
    assert 'srcset="/media/articles/2022/11/doi-thoai-480.webp 480w, /media/articles/2022/11/doi-thoai-960.webp 960w"' in img
    assert 'width="1600"' in img and 'height="900"' in img and 'loading="lazy"' in img
    assert 'alt="Lãnh đạo tỉnh đối thoại với nhân dân"' in img
    assert "Hữu Huy" in html
    assert '<meta property="og:image" content="http://127.0.0.1:8000/media/articles/2022/11/doi-thoai.jpg">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_seo_title_description_canonical_and_json_ld(client):
    article = make_seed_article()
    html = client.get(article.get_absolute_url()).content.decode()
    url = "http://127.0.0.1:8000" + article.get_absolute_url()
    assert f"<title>{SEED_TITLE} · " in html
    assert '<meta name="description" content="Gắn bó với nhân dân' in html
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == SEED_TITLE
    assert data["datePublished"].startswith("2022-11-25T10:05:00")
    assert data["author"] == [{"@type": "Person", "name": "Thanh Tiến"}]
    assert data["publisher"]["name"]
    assert data["about"][0]["name"] == "Tỉnh An Giang"


def test_json_ld_cannot_be_closed_by_a_title(client):
    article = make_article(title="Tin </script><script>alert(1)</script> & “ngoặc”")
    html = client.get(article.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["headline"] == article.title


def test_old_slug_redirects_permanently_to_the_current_address(client):
    article = make_seed_article()
    ArticleSlugRedirect.objects.create(old_slug="ten-cu-cua-bai", article=article)
    response = client.get("/articles/ten-cu-cua-bai/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_old_slug_of_an_unpublished_article_is_not_found(client):
    draft = make_article(status=Article.Status.DRAFT)
    ArticleSlugRedirect.objects.create(old_slug="ban-nhap-cu", article=draft)
    assert client.get("/articles/ban-nhap-cu/").status_code == 404


def test_tags_are_listed_by_name_in_each_kind_quotes_in_article_order_corrections_oldest_first(client):
    article = make_article(provinces=["kien-giang", "can-tho", "an-giang-cu"])
    article.organisations.add(make_organisation("Hội Nông dân B", slug="hoi-b"),
                              make_organisation("Hội Nông dân A", slug="hoi-a"))
    article.people.add(make_person("Trần Văn B", slug="tran-van-b"), make_person("Lê Văn A", slug="le-van-a"))
    article.topics.add(make_topic("Y tế"), make_topic("Giáo dục"))
    make_quote(article, "Câu nói sau", position=2)
    make_quote(article, "Câu nói trước", position=1)
    for day in (28, 26):
        Correction.objects.create(article=article, text=f"Sửa ngày {day}",
                                  created_at=datetime.datetime(2022, 11, day, tzinfo=HCM))
    html = client.get(article.get_absolute_url()).content.decode()
    tags = re.search(r'<footer class="tags">(.*?)</footer>', html, re.S).group(1)
    assert re.findall(r'<a href="/[a-z]+/[^"]+/">([^<]+)</a>', tags) == [
        "An Giang", "Cần Thơ", "Kiên Giang", "Hội Nông dân A", "Hội Nông dân B",
        "Lê Văn A", "Trần Văn B", "Giáo dục", "Y tế",
    ]
    assert tags.count("An Giang)") == 2  # both former units say what they became part of
    assert html.index("Câu nói trước") < html.index("Câu nói sau")
    assert html.index("Sửa ngày 26") < html.index("Sửa ngày 28")


def test_related_and_previous_next_are_published_articles_only(client):
    article = make_seed_article()
    older = make_article(title="Kiên Giang đối thoại với dân", provinces=["an-giang-cu"],
                         published_at=article.published_at - datetime.timedelta(days=1))
    newer = make_article(title="Tin mới hơn", published_at=article.published_at + datetime.timedelta(days=1))
    make_article(title="Bản nháp cùng tỉnh", status=Article.Status.DRAFT, provinces=["an-giang-cu"])
    make_article(title="Lưu trữ cùng tỉnh", status=Article.Status.ARCHIVED, provinces=["an-giang-cu"],
                 published_at=article.published_at)
    response = client.get(article.get_absolute_url())
    assert list(response.context["related"]) == [older]
    assert response.context["previous"] == older
    assert response.context["next"] == newer
    html = response.content.decode()
    assert "Bản nháp cùng tỉnh" not in html and "Lưu trữ cùng tỉnh" not in html


def test_editors_preview_renders_the_article_template_with_a_banner():
    draft = make_article(title="Bài chưa đăng", status=Article.Status.DRAFT)
    make_quote(draft, "Dân là gốc")
    html = preview.render_preview(RequestFactory().get("/admin/preview/"), draft).content.decode()
    assert 'class="preview-banner"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "application/ld+json" not in html and 'rel="canonical"' not in html
    assert "Dân là gốc" in html


def test_province_page_lists_articles_of_units_merged_into_it_newest_first(client):
    kien_giang = make_article(title="Kiên Giang đón khách", provinces=["kien-giang"],
                              published_at=datetime.datetime(2023, 3, 1, tzinfo=HCM))
    old_an_giang = make_seed_article()
    today = make_article(title="An Giang mới", provinces=["an-giang"])
    make_article(title="Tin Cần Thơ", provinces=["can-tho"])
    response = client.get("/provinces/an-giang/")
    assert list(response.context["page_obj"]) == [today, kien_giang, old_an_giang]
    html = response.content.decode()
    assert 'href="/provinces/kien-giang/">Kiên Giang</a>' in html  # each card names the unit of its time
    assert 'href="/provinces/an-giang-cu/">Tỉnh An Giang</a>' in html  # the page says what it includes
    assert "Tin Cần Thơ" not in html


def test_former_unit_keeps_its_page_and_says_what_it_became_part_of(client):
    make_article(title="Kiên Giang đón khách", provinces=["kien-giang"])
    make_article(title="An Giang mới", provinces=["an-giang"])
    html = client.get("/provinces/kien-giang/").content.decode()
    assert "Kiên Giang đón khách" in html and "An Giang mới" not in html
    assert "30/06/2025" in html
    assert 'href="/provinces/an-giang/">Tỉnh An Giang</a>' in html


def test_province_index_groups_todays_34_by_region_with_counts_including_predecessors(client):
    make_seed_article()
    make_article(provinces=["kien-giang"])
    make_article(provinces=["an-giang", "kien-giang"])  # counted once
    make_article(provinces=["an-giang"], status=Article.Status.DRAFT)
    response = client.get("/provinces/")
    regions = response.context["regions"]
    assert len(regions) == 6
    entries = {e.province.slug: e for group in regions for e in group.entries}
    assert len(entries) == 34
    assert entries["an-giang"].count == 3
    assert [p.slug for p in entries["an-giang"].predecessors] == ["an-giang-cu", "kien-giang"]
    assert entries["ha-noi"].count == 0
    html = response.content.decode()
    assert 'href="/provinces/kien-giang/">Kiên Giang</a>' in html


def test_province_counts_take_two_queries_whatever_the_number_of_provinces(django_assert_num_queries):
    from articles.directory import province_directory

    make_article(provinces=["an-giang"])
    with django_assert_num_queries(2):  # the provinces, then one aggregate over the article-province table
        groups = province_directory()
    assert sum(entry.count for group in groups for entry in group.entries) == 1


def test_unknown_province_organisation_person_topic_and_article_are_404(client):
    for url in ("/provinces/atlantis/", "/organisations/khong-co/", "/people/khong-co/", "/topics/khong-co/",
                "/articles/khong-co/", "/feeds/provinces/atlantis/"):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "1.5", "1e400", "%00"])
@pytest.mark.parametrize("url", ["/articles/", "/provinces/an-giang/", "/topics/xay-dung-dang/",
                                 "/search/?q=doi+thoai&x=1"])
def test_bad_page_numbers_are_not_found(client, url, page):
    make_seed_article()
    joiner = "&" if "?" in url else "?"
    assert client.get(f"{url}{joiner}page={page}").status_code == 404


def test_lists_are_paginated(client):
    for n in range(25):
        make_article(title=f"Tin {n}", provinces=["an-giang"])
    first = client.get("/articles/")
    assert len(first.context["page_obj"]) == 20
    assert 'href="?page=2"' in first.content.decode()
    assert len(client.get("/articles/?page=2").context["page_obj"]) == 5


@pytest.mark.parametrize("url", [
    "/", "/articles/", "/articles/?province=an-giang", "/provinces/an-giang/", "/search/?q=doi+thoai",
    "/topics/xay-dung-dang/", "/feeds/latest/", "/sitemap-articles.xml",
])
def test_list_pages_make_the_same_number_of_queries_for_5_and_100_articles(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import Topic

    topic = Topic.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang")
    counts = []
    for size in (5, 100):
        existing = Article.objects.count()
        for n in range(existing, size):
            article = make_article(title=f"Đối thoại số {n}", provinces=["an-giang", "kien-giang"])
            article.topics.add(topic)
            make_quote(article)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_interface_is_vietnamese_and_switches_to_english(client):
    make_seed_article()
    html = client.get("/").content.decode()
    assert '<html lang="vi">' in html
    assert "Tin mới nhất" in html  # "Latest articles"
    response = client.get("/language/", {"language": "en", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html and "Latest articles" in html


def test_choosing_a_language_returns_to_this_site_only(client):
    response = client.get("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/language/", {"language": "en", "next": "/provinces/"})["Location"] == "/provinces/"


def test_an_unknown_language_is_a_bad_request_and_changes_nothing(client):
    for query in ({"language": "fr", "next": "/"}, {"next": "/"}, {"language": "<script>", "next": "/"}):
        response = client.get("/language/", query)
        assert response.status_code == 400
        assert "django_language" not in response.cookies
    assert '<html lang="vi">' in client.get("/").content.decode()


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text


def test_pages_have_one_main_landmark_a_skip_link_and_one_h1(client):
    article = make_seed_article()
    for url in ("/", "/articles/", article.get_absolute_url(), "/provinces/", "/provinces/an-giang/",
                "/search/?q=doi+thoai"):
        html = client.get(url).content.decode()
        assert html.count("<main") == 1, url
        assert 'class="skip-link" href="#content"' in html and 'id="content"' in html
        assert len(re.findall(r"<h1[ >]", html)) == 1, url
        assert "<script>" not in html and "<script " not in html.replace('<script type="application/ld+json">', "")


def test_quotes_of_unpublished_articles_are_not_on_the_person_page(client):
    person = make_person("Lê Văn Nưng", slug="le-van-nung")
    draft = make_article(title="Bản nháp có trích dẫn", status=Article.Status.DRAFT)
    draft.people.add(person)
    Quote.objects.create(article=draft, text="Đối thoại là vừa lắng nghe", speaker=person)
    html = client.get(reverse("articles:person_detail", kwargs={"slug": "le-van-nung"})).content.decode()
    assert "Bản nháp có trích dẫn" not in html and "Đối thoại là vừa lắng nghe" not in html


def test_every_province_card_reads_the_name_of_its_time(client):
    make_article(title="Tin Thừa Thiên Huế", provinces=["thua-thien-hue"],
                 published_at=datetime.datetime(2023, 5, 1, tzinfo=HCM))
    html = client.get("/provinces/hue/").content.decode()
    assert 'href="/provinces/thua-thien-hue/">Thừa Thiên Huế</a>' in html


def test_a_future_date_in_a_slug_lookup_does_not_leak_scheduled_articles(client):
    scheduled = make_article(title="Tin hẹn giờ", status=Article.Status.SCHEDULED,
                             published_at=datetime.datetime.now(tz=HCM) + datetime.timedelta(hours=2))
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert province("an-giang").articles.count() == 0
