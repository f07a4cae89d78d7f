"""Image metadata removal: EXIF (with GPS), XMP, IPTC, ICC-embedded text and comments go; pixels stay."""

from __future__ import annotations

import io

from cdss.errors import UserError

MAX_PIXELS = 80_000_000  # a phone photo is ~12-50 MP; anything far larger is hostile or not a photo


def strip_image_metadata(data: bytes) -> bytes:
    """Re-encode a JPEG or PNG from its pixels only, so no metadata block can survive.

    The image is first turned upright by its EXIF orientation, because once the EXIF is gone a viewer could no
    longer rotate it. Raises ``UserError("not_an_image")`` for anything that is not a readable JPEG/PNG.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format
            if fmt not in ("JPEG", "PNG"):
                raise UserError("not_an_image", "Only JPEG and PNG images can be cleaned of metadata.", format=fmt)
            if image.width * image.height > MAX_PIXELS:
                raise UserError(
                    "image_too_large", "The image is too large to process.", pixels=image.width * image.height
                )
            upright = ImageOps.exif_transpose(image)
            upright.load()
    except UserError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise UserError("not_an_image", "The file is not a readable JPEG or PNG image.", detail=str(exc)) from exc

    # A fresh image holds pixels and mode only: no info dict, no EXIF, no XMP, no text chunks.
    clean = Image.new(upright.mode, upright.size)
    clean.putdata(upright.getdata()) if upright.mode == "P" else clean.paste(upright)
    if upright.mode == "P" and (palette := upright.getpalette()) is not None:
        clean.putpalette(palette)
    out = io.BytesIO()
    if fmt == "JPEG":
        if clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        clean.save(out, format="JPEG", quality=92, optimize=True)
    else:
        clean.save(out, format="PNG", optimize=False)
    return out.getvalue()
