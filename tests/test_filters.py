"""The /articles/ filters: the FilterSet with plain dicts, and the view's answers to bad input."""

import datetime
import zoneinfo

import pytest

from articles.filters import ArticleFilter
from articles.models import Article
from tests.factories import make_article, make_organisation, make_person, make_topic

pytestmark = pytest.mark.django_db
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def filtered(data):
    articles = ArticleFilter(data, queryset=Article.objects.published().newest_first())
    assert articles.is_valid(), articles.errors
    return list(articles.qs)


def test_province_includes_the_units_merged_into_it():
    kien_giang = make_article(title="Kiên Giang", provinces=["kien-giang"])
    today = make_article(title="An Giang", provinces=["an-giang"])
    both = make_article(title="Cả hai", provinces=["an-giang", "kien-giang"])
    make_article(title="Cần Thơ", provinces=["can-tho"])
    # make_article() dates each new article an hour before the previous one.
    assert filtered({"province": "an-giang"}) == [kien_giang, today, both]
    assert filtered({"province": "kien-giang"}) == [kien_giang, both]


def test_organisation_person_and_topic_filter_by_slug():
    organisation, person, topic = make_organisation(), make_person(), make_topic()
    tagged = make_article()
    tagged.organisations.add(organisation)
    tagged.people.add(person)
    tagged.topics.add(topic)
    make_article()
    assert filtered({"organisation": organisation.slug}) == [tagged]
    assert filtered({"person": person.slug}) == [tagged]
    assert filtered({"topic": topic.slug}) == [tagged]
    assert filtered({"topic": topic.slug, "province": "ha-noi"}) == []


def test_date_range_is_inclusive_in_vietnamese_time():
    first = make_article(published_at=datetime.datetime(2022, 11, 1, 0, 30, tzinfo=HCM))
    last = make_article(published_at=datetime.datetime(2022, 11, 30, 23, 30, tzinfo=HCM))
    make_article(published_at=datetime.datetime(2022, 12, 1, 0, 30, tzinfo=HCM))
    make_article(published_at=datetime.datetime(2022, 10, 31, 23, 30, tzinfo=HCM))
    assert filtered({"date_after": "2022-11-01", "date_before": "2022-11-30"}) == [last, first]
    assert len(filtered({"date_after": "2022-11-01"})) == 3


def test_filters_never_widen_the_published_queryset():
    make_article(title="Nháp", status=Article.Status.DRAFT, provinces=["an-giang"])
    assert filtered({"province": "an-giang"}) == []


@pytest.mark.parametrize("data", [
    {"province": "atlantis"}, {"organisation": "khong-co"}, {"person": "khong-co"}, {"topic": "khong-co"},
    {"date_after": "hôm qua"}, {"date_before": "2022-13-45"}, {"province": "x" * 5000},
])
def test_unknown_values_make_the_filter_invalid(data):
    assert not ArticleFilter(data, queryset=Article.objects.published()).is_valid()


@pytest.mark.parametrize("query", [
    "province=atlantis", "date_after=abc", "date_before=2022-02-30", "organisation=%00", "topic=<script>",
    "person=khong-co", "page=2&province=atlantis",
])
def test_bad_filter_parameters_answer_400_with_the_form_and_its_error(client, query):
    response = client.get(f"/articles/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="form-errors"' in html and '<form class="filters"' in html
    assert "<script>" not in html


def test_unknown_parameters_are_ignored(client):
    make_article()
    assert client.get("/articles/?utm_source=zalo&fbclid=x").status_code == 200


def test_filtered_list_heading_names_the_chosen_province(client):
    make_article(provinces=["kien-giang"])
    html = client.get("/articles/?province=an-giang").content.decode()
    assert '<span class="chosen"> · An Giang</span>' in html
    assert 'selected>An Giang</option>' in html


def test_a_filter_nothing_matches_says_so_and_an_empty_site_says_nothing_is_published(client):
    assert "Chưa có bài nào được đăng." in client.get("/articles/").content.decode()
    make_article(provinces=["thanh-hoa"])

    html = client.get("/articles/?province=an-giang").content.decode()

    assert "Không có bài nào khớp với bộ lọc." in html
    assert "Chưa có bài nào được đăng." not in client.get("/articles/").content.decode()
