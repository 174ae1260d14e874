"""Lead image uploads: real format, bytes and pixels checked; EXIF rotation; renditions made once."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from articles import images
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """Messages are matched in English; the desk shows them in Vietnamese (see the .po file)."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def image_bytes(size=(800, 600), image_format="JPEG", exif_orientation=None, color=(200, 30, 30)) -> bytes:
    image = Image.new("RGB", size, color)
    buffer = io.BytesIO()
    options = {}
    if exif_orientation:
        exif = Image.Exif()
        exif[images.EXIF_ORIENTATION] = exif_orientation
        options["exif"] = exif
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def upload(content: bytes, name="anh.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def test_a_text_file_named_jpg_is_refused():
    with pytest.raises(ValidationError, match="not a JPEG, PNG or WebP"):
        images.validate_image(upload(b"Day khong phai la anh, chi la chu.", "anh.jpg"))


def test_a_gif_is_refused_by_its_real_format_whatever_its_name():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    with pytest.raises(ValidationError, match="Only JPEG, PNG and WebP"):
        images.validate_image(upload(buffer.getvalue(), "anh.png"))


def test_a_file_over_the_byte_limit_is_refused(monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    with pytest.raises(ValidationError, match="limit is"):
        images.validate_image(upload(image_bytes(size=(600, 600))))


def test_a_decompression_bomb_is_refused_before_decoding():
    # A 10 000 × 10 000 PNG of one colour is a few hundred kilobytes but 100 megapixels.
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 1_000_000
    with pytest.raises(ValidationError, match="megapixels"):
        images.validate_image(upload(buffer.getvalue(), "bom.png"))


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_are_accepted(image_format):
    assert images.validate_image(upload(image_bytes(image_format=image_format), "anh.bin")) is None


def test_exif_rotation_is_applied_to_the_stored_photo():
    # Orientation 6: the camera was turned; the stored photo must stand upright (portrait).
    upright = images.validate_image(upload(image_bytes(size=(800, 600), exif_orientation=6)))
    with Image.open(upright) as image:
        assert image.size == (600, 800)


def test_renditions_are_made_at_the_site_widths_without_upscaling():
    article = make_article()
    article.lead_image.save("anh.jpg", ContentFile(image_bytes(size=(800, 600))), save=True)
    images.refresh_renditions(article)
    stored = Article.objects.get(pk=article.pk).lead_image_renditions
    assert sorted(stored, key=int) == ["320", "640"]
    with default_storage.open(stored["320"]) as f, Image.open(f) as small:
        assert small.format == "WEBP" and small.size == (320, 240)


def test_a_new_image_replaces_the_old_renditions():
    article = make_article()
    article.lead_image.save("mot.jpg", ContentFile(image_bytes()), save=True)
    images.refresh_renditions(article)
    old = dict(article.lead_image_renditions)
    article.lead_image.save("hai.jpg", ContentFile(image_bytes(color=(0, 0, 200))), save=True)
    images.refresh_renditions(article)
    assert all(not default_storage.exists(path) for path in old.values())
    assert all(default_storage.exists(path) for path in article.lead_image_renditions.values())
