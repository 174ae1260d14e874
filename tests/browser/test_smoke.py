import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_chromium_opens_a_published_article(live_server, page):
    article = make_article(title="Đối thoại với nhân dân An Giang")
    page.goto(live_server.url + article.get_absolute_url())
    assert "Đối thoại với nhân dân An Giang" in page.content()


def test_reference_data_is_there_for_each_browser_test(live_server, page):
    from articles.models import Province

    assert Province.objects.current().count() == 34
