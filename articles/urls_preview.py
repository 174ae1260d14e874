"""Shareable previews: /preview/<signed token>/ opens without an account."""

from django.urls import path

from articles.preview import shared_preview

app_name = "preview"

urlpatterns = [
    path("<str:token>/", shared_preview, name="shared"),
]
