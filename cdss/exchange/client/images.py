"""Case images on the client: strip, hash and keep them for upload; upload and fetch them over HTTP.

Images shared or received live in ``<workspace>/exchange/images/<sha256>`` (content-addressed, like attachments):
the bytes sent are the metadata-free copy, never the original photo, and the name is the hash the server checks.
The HTTP calls use the :class:`ExchangeClient`'s connection and token (raw bytes rather than JSON, so they do not go
through its JSON helper); a 401 is retried once after a token refresh, as its own calls do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from cdss.errors import UserError
from cdss.exchange.client.http import ApiRefused, ExchangeClient, TransientError
from cdss.exchange.schemas import IMAGE_CONTENT_TYPES, CaseOut
from cdss.files import write_atomic
from cdss.records.attachments import AttachmentStore, detect_media_type
from cdss.records.types import Case
from cdss.workspace import Workspace

MAX_IMAGE_BYTES = 8 * 1024 * 1024  # the server's default limit per picture


@dataclass(frozen=True)
class ShareImage:
    """One picture a share sends: the hash of its metadata-free bytes, its type, caption and size."""

    sha256: str
    content_type: str
    caption: str
    size: int
    source_filename: str  # the de-identified name (attachment-N.jpg), for the preview only

    def wire_ref(self) -> dict:
        return {"sha256": self.sha256, "content_type": self.content_type, "caption": self.caption}


def images_dir(workspace: Workspace) -> Path:
    return workspace.subdir("exchange") / "images"


def image_path(workspace: Workspace, sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise UserError("bad_attachment_hash", "An image reference is not a valid SHA-256 hash.", sha256=sha256)
    return images_dir(workspace) / sha256


def prepare_case_images(workspace: Workspace, original: Case, deidentified: Case, *,
                        limit: int = 12) -> tuple[list[ShareImage], list[str]]:
    """Strip every JPEG/PNG photo on the case's entries and keep the clean copy; returns (images, skipped notes).

    ``original`` supplies the stored bytes, ``deidentified`` the scrubbed caption and name of the same entries (the
    de-identifier keeps the entry order). Other file types (PDF, GIF...) are not sent and are listed as skipped.
    """
    from cdss.records.deid.images import strip_image_metadata

    store = AttachmentStore.of(workspace)
    images: list[ShareImage] = []
    skipped: list[str] = []
    for entry, clean_entry in zip(original.entries, deidentified.entries, strict=False):
        att, clean_att = entry.attachment, clean_entry.attachment
        if att is None or clean_att is None:
            continue
        if not store.exists(att.sha256):
            skipped.append(clean_att.filename)
            continue
        raw = store.read_bytes(att.sha256)
        if detect_media_type(raw[:16]) not in IMAGE_CONTENT_TYPES:
            skipped.append(clean_att.filename)
            continue
        try:
            data = strip_image_metadata(raw)
        except UserError:
            skipped.append(clean_att.filename)
            continue
        if len(data) > MAX_IMAGE_BYTES or len(images) >= limit:
            skipped.append(clean_att.filename)
            continue
        sha = hashlib.sha256(data).hexdigest()
        if any(image.sha256 == sha for image in images):
            continue  # the same photo twice on one case is sent once
        target = image_path(workspace, sha)
        if not target.is_file():
            write_atomic(target, data)
        images.append(ShareImage(sha256=sha, content_type=detect_media_type(data[:16]),
                                 caption=(clean_att.caption or "")[:200], size=len(data),
                                 source_filename=clean_att.filename))
    return images, skipped


# -- HTTP ----------------------------------------------------------------------------------------------------------
def upload_image(client: ExchangeClient, workspace: Workspace, sha256: str, content_type: str) -> dict:
    """PUT the kept clean copy; idempotent on the server, so a retry after a lost answer is harmless."""
    path = image_path(workspace, sha256)
    if not path.is_file():
        raise ApiRefused(0, "image_missing_locally", f"The prepared image {sha256[:12]}… is no longer on disk; "
                         "share the case again.")
    return client.put_bytes(f"/images/{sha256}", path.read_bytes(), content_type)


def fetch_image(client: ExchangeClient, workspace: Workspace, sha256: str) -> Path:
    """The local copy of a received image, downloaded (and checked against its hash) when not there yet."""
    path = image_path(workspace, sha256)
    if path.is_file():
        return path
    data = client.get_bytes(f"/images/{sha256}")
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ApiRefused(0, "image_hash_mismatch", "The server sent bytes that do not match the image's hash.")
    write_atomic(path, data)
    return path


def local_image(workspace: Workspace, sha256: str) -> Path | None:
    """The kept copy of an image if it is on disk (received or prepared for sharing)."""
    try:
        path = image_path(workspace, sha256)
    except UserError:
        return None
    return path if path.is_file() else None


def fetch_case_images(client: ExchangeClient, workspace: Workspace, case: CaseOut) -> dict[str, Path]:
    """On opening a received case: the local file of each of its pictures, downloading those not there yet.

    A picture the server refuses (the case was hidden or withdrawn since) or cannot send now is simply left out;
    the case view then says it is not downloaded.
    """
    found: dict[str, Path] = {}
    for ref in case.images:
        try:
            found[ref.sha256] = fetch_image(client, workspace, ref.sha256)
        except ApiRefused:
            continue
        except TransientError:
            break
    return found
