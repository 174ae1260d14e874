"""ASCII slugs from Vietnamese titles.

Django's slugify() drops "đ" (it has no ASCII decomposition), turning
"Đảng" into "ang"; here đ/Đ become d first, and NFD input gives the same
slug as NFC.
"""

import re

from .normalise import strip_diacritics

_NOT_SLUG = re.compile(r"[^a-z0-9]+")

#: Longest slug produced; Article.slug is a SlugField(max_length=255), and a
#: suffix such as "-12" must still fit.
MAX_SLUG_LENGTH = 200


def slugify_vi(text: str, *, max_length: int = MAX_SLUG_LENGTH) -> str:
    """"Thắt chặt mối quan hệ mật thiết giữa Đảng với dân" -> "that-chat-moi-quan-he-mat-thiet-giua-dang-voi-dan"."""
    slug = _NOT_SLUG.sub("-", strip_diacritics(text).lower()).strip("-")
    if len(slug) > max_length:
        # Cut at a word boundary so a long title does not end in half a word.
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def numbered(slug: str, taken) -> str:
    """The first of slug, slug-2, slug-3 … for which taken(candidate) is false."""
    candidate, n = slug, 1
    while taken(candidate):
        n += 1
        candidate = f"{slug}-{n}"
    return candidate
