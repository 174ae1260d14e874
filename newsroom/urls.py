from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from articles import feeds, sitemaps, views
from articles.caching import cached_page
from newsroom.views import choose_language, healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("language/", choose_language, name="choose_language"),  # readers' pages
    path("i18n/", include("django.conf.urls.i18n")),  # the editors' desk (POST, with a CSRF token)
    path("preview/", include("articles.urls_preview")),
    path("feeds/latest/", cached_page(feeds.LatestArticlesFeed()), name="feed_latest"),
    path("feeds/latest/atom/", cached_page(feeds.LatestArticlesAtomFeed()), name="feed_latest_atom"),
    path("feeds/provinces/<slug:slug>/", cached_page(feeds.ProvinceFeed()), name="feed_province"),
    path("feeds/provinces/<slug:slug>/atom/", cached_page(feeds.ProvinceAtomFeed()), name="feed_province_atom"),
    path("sitemap.xml", cached_page(sitemaps.index), name="sitemap"),
    path("sitemap-<slug:section>.xml", cached_page(sitemaps.section), name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
