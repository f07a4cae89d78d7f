"""Verify an uploaded image before storing it: the bytes match their hash, are a JPEG/PNG, and carry no metadata.

The client strips metadata before upload; the server checks again so that a buggy or old client cannot publish a
photo with its GPS position or camera serial. Checking is read-only: the server never re-encodes, so the hash the
client computed stays the image's name.
"""

from __future__ import annotations

import hashlib
import io

from cdss.exchange.server.errors import ApiError

MAX_PIXELS = 80_000_000
_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}
# JPEG APP segments that may stay: APP0 (JFIF header) and APP14 (Adobe colour transform); APP1 holds EXIF and XMP,
# APP13 holds IPTC/Photoshop, and any other may hide vendor data.
_ALLOWED_JPEG_MARKERS = {"APP0", "APP14"}
# Image.info keys that only describe how to decode pixels, never who/where/when.
_HARMLESS_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression",
                  "adobe", "adobe_transform", "gamma", "transparency", "aspect", "interlace"}


def verify_clean_image(data: bytes, sha256: str, content_type: str) -> None:
    """Raise :class:`ApiError` (422) unless ``data`` is a metadata-free ``content_type`` image named ``sha256``."""
    from PIL import Image

    if hashlib.sha256(data).hexdigest() != sha256:
        raise ApiError(422, "image_hash_mismatch", "The uploaded bytes do not match the sha256 in the URL.")
    expected = _FORMATS.get(content_type)
    if expected is None:
        raise ApiError(415, "unsupported_media_type", "Upload images as image/jpeg or image/png.")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != expected:
                raise ApiError(422, "image_type_mismatch", f"The bytes are not {content_type}.")
            if image.width * image.height > MAX_PIXELS:
                raise ApiError(422, "image_too_many_pixels", "The image has too many pixels.")
            image.load()  # PNG text chunks after the pixel data are only seen once the pixels are read
            found = _metadata_found(image)
    except ApiError:
        raise
    except Exception as exc:
        # A hostile file can make the decoder raise almost anything (struct.error, IndexError...): all mean "not an
        # image we accept", never a 500.
        raise ApiError(422, "not_an_image", "The bytes are not a readable JPEG or PNG image.") from exc
    if found:
        raise ApiError(422, "image_has_metadata",
                       "The image still carries metadata (" + ", ".join(sorted(found)[:5]) + "); strip it before "
                       "uploading.")


def _metadata_found(image) -> set[str]:
    found = {key for key in image.info if key not in _HARMLESS_INFO}
    if image.getexif():
        found.add("exif")
    for marker, _payload in getattr(image, "applist", ()):
        if marker not in _ALLOWED_JPEG_MARKERS:
            found.add(marker)
    if getattr(image, "text", None):  # PNG tEXt/iTXt/zTXt chunks
        found.add("text")
    return {str(key) for key in found}
