"""Public routes. The names are stable: models, feeds and tests reverse them."""

from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.front_page, name="front_page"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("provinces/", views.province_list, name="province_list"),
    path("provinces/<slug:slug>/", views.province_detail, name="province_detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("search/", views.search, name="search"),
]
