from django.contrib import admin

from articles.models import Article, Quote


class QuoteInline(admin.TabularInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["position", "text", "speaker", "speaker_title", "kind"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    autocomplete_fields = ["provinces", "organisations", "people", "topics"]
    prepopulated_fields = {}
    inlines = [QuoteInline]
