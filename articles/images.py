"""Lead images: what an upload must be, and the copies the site shows.

An upload is checked by its real format (Pillow reads the bytes; the file
name is not trusted), its size in bytes and in pixels (a small PNG can
declare a huge canvas: decompression bombs are refused before decoding).
Photos from phones carry their rotation in EXIF; it is applied once, so
every copy stands upright. The resized copies are made once, when the
article is saved with a new image, never per request.
"""

import io
import os
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
#: The widths the site's <img srcset> offers.
RENDITION_WIDTHS = (320, 640, 1280)
RENDITION_FORMAT = "WEBP"
RENDITION_QUALITY = 80
EXIF_ORIENTATION = 0x0112


def validate_image(upload) -> ContentFile | None:
    """Check an uploaded file; raise ValidationError with a message for the editor.

    Returns a replacement file when the photo had to be turned upright (EXIF
    orientation), else None: the upload is stored as it came.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            _("The image is %(size).1f MB; the limit is %(limit)d MB."),
            code="too_large",
            params={"size": size / 1024 / 1024, "limit": MAX_BYTES // 1024 // 1024},
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        _("Only JPEG, PNG and WebP images are accepted; this file is %(format)s."),
                        code="format",
                        params={"format": image_format or _("not an image")},
                    )
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels(width, height)
                image.verify()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _too_many_pixels(None, None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image (whatever its name says)."), code="not_image"
        ) from error
    finally:
        upload.seek(0)
    return upright_copy(upload, image_format)


def _too_many_pixels(width, height) -> ValidationError:
    if width and height:
        return ValidationError(
            _("The image is %(width)d × %(height)d pixels; the limit is %(limit)d megapixels."),
            code="too_many_pixels",
            params={"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000},
        )
    return ValidationError(
        _("The image is larger than %(limit)d megapixels."), code="too_many_pixels",
        params={"limit": MAX_PIXELS // 1_000_000},
    )


def upright_copy(upload, image_format: str) -> ContentFile | None:
    """The photo turned as its EXIF orientation says, or None when it already stands upright."""
    upload.seek(0)
    with Image.open(upload) as image:
        if image.getexif().get(EXIF_ORIENTATION, 1) in (0, 1):
            upload.seek(0)
            return None
        turned = ImageOps.exif_transpose(image)
        buffer = io.BytesIO()
        options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
        turned.save(buffer, format=image_format, **options)
    upload.seek(0)
    return ContentFile(buffer.getvalue(), name=os.path.basename(upload.name))


def make_renditions(image_field, *, storage=default_storage) -> dict[str, str]:
    """Resized WebP copies of a stored image: {"320": path, "640": path, "1280": path}.

    Widths larger than the original are skipped (no upscaling); an image
    narrower than the smallest width gets one copy at its own width.
    """
    if not image_field:
        return {}
    stem, _ext = os.path.splitext(image_field.name)
    image_field.open("rb")
    try:
        with Image.open(image_field) as original:
            original = ImageOps.exif_transpose(original)
            if original.mode not in ("RGB", "RGBA"):
                original = original.convert("RGBA" if "transparency" in original.info else "RGB")
            widths = [w for w in RENDITION_WIDTHS if w <= original.width] or [original.width]
            renditions = {}
            for width in widths:
                height = max(1, round(original.height * width / original.width))
                copy = original.resize((width, height), Image.Resampling.LANCZOS)
                buffer = io.BytesIO()
                copy.save(buffer, format=RENDITION_FORMAT, quality=RENDITION_QUALITY)
                path = storage.save(f"{stem}-{width}.webp", ContentFile(buffer.getvalue()))
                renditions[str(width)] = path
    finally:
        image_field.close()
    return renditions


def refresh_renditions(article) -> None:
    """After a save with a new lead image: make its copies and drop the old ones."""
    old = dict(article.lead_image_renditions or {})
    new = make_renditions(article.lead_image)
    for path in old.values():
        if path not in new.values():
            default_storage.delete(path)
    type(article).objects.filter(pk=article.pk).update(lead_image_renditions=new)
    article.lead_image_renditions = new
