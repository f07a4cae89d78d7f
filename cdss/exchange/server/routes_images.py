"""Images of shared cases: upload (idempotent by sha256, verified metadata-free) and fetch (authorized per case).

An image is readable by whoever uploaded it and by anyone who may read a case that shows it, under the same hidden
and withdrawn rules as the case itself. Everyone else gets 404, so an image's existence is not revealed by its hash.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request, Response
from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cdss.exchange.schemas import API_PREFIX, IMAGE_CONTENT_TYPES, CaseContent, ErrorBody, ImageOut
from cdss.exchange.server.auth import Principal
from cdss.exchange.server.deps import DbDep, PrincipalDep, SettingsDep
from cdss.exchange.server.errors import ApiError
from cdss.exchange.server.image_check import verify_clean_image
from cdss.exchange.server.models import CaseImage, ImageUpload, SharedCase, StoredImage, utcnow
from cdss.exchange.server.storage import Database, unit_of_work

_ERRORS = {code: {"model": ErrorBody} for code in (400, 401, 403, 404, 413, 415, 422, 429)}
router = APIRouter(prefix=API_PREFIX, responses=_ERRORS, tags=["images"])
IMAGES_PATH = f"{API_PREFIX}/images/"
Sha256Path = Annotated[str, Path(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]
_BINARY = {"schema": {"type": "string", "format": "binary"}}
_UPLOAD_BODY = {"requestBody": {"required": True, "content": {kind: _BINARY for kind in IMAGE_CONTENT_TYPES}}}


def _media_type(header: str | None) -> str:
    kind = (header or "").split(";", 1)[0].strip().lower()
    if kind not in IMAGE_CONTENT_TYPES:
        raise ApiError(415, "unsupported_media_type", "Upload images as image/jpeg or image/png.")
    return kind


@router.put("/images/{sha256}", response_model=ImageOut, status_code=201, openapi_extra=_UPLOAD_BODY)
async def upload_image(sha256: Sha256Path, request: Request, principal: PrincipalDep, db: DbDep,
                       settings: SettingsDep, content_type: Annotated[str | None, Header()] = None) -> Response:
    """Store the bytes under their sha256; a repeat upload of the same bytes answers 200 and stores nothing new."""
    kind = _media_type(content_type)
    data = await request.body()
    if len(data) > settings.max_image_bytes:
        raise ApiError(413, "image_too_large", f"Images are limited to {settings.max_image_bytes} bytes.")
    if not data:
        raise ApiError(422, "not_an_image", "The request body is empty.")
    created = await run_in_threadpool(_store, db, principal, sha256, kind, data, settings.max_unattached_images)
    body = ImageOut(sha256=sha256, content_type=kind, size=len(data), created=created)  # type: ignore[arg-type]
    return Response(body.model_dump_json(), status_code=201 if created else 200, media_type="application/json")


def _store(db: Database, principal: Principal, sha256: str, kind: str, data: bytes, max_unattached: int) -> bool:
    with unit_of_work(db.read) as session:
        known = session.get(StoredImage, sha256)
        known_type = known.content_type if known is not None else None
    if known_type is None:
        verify_clean_image(data, sha256, kind)
    else:
        # Bytes with this hash were verified when first stored: a matching hash means the very same bytes.
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ApiError(422, "image_hash_mismatch", "The uploaded bytes do not match the sha256 in the URL.")
        if known_type != kind:
            raise ApiError(422, "image_type_mismatch", f"This image is already stored as {known_type}.")
    try:
        with unit_of_work(db.write) as session:
            if session.get(ImageUpload, (sha256, principal.user_id)) is None and \
                    _unattached_count(session, principal.user_id) >= max_unattached:
                raise ApiError(429, "too_many_unattached_images",
                               f"You have {max_unattached} uploaded pictures that no case shows yet; publish those "
                               "cases (or wait for them to be cleaned up) before uploading more.")
            created = session.get(StoredImage, sha256) is None
            if created:
                session.add(StoredImage(sha256=sha256, content_type=kind, byte_size=len(data), data=data,
                                        created_at=utcnow()))
                session.flush()
            if session.get(ImageUpload, (sha256, principal.user_id)) is None:
                session.add(ImageUpload(sha256=sha256, user_id=principal.user_id, created_at=utcnow()))
        return created
    except IntegrityError:
        # Two uploads of the same bytes raced; the other one stored them. Record this uploader and report "known".
        with unit_of_work(db.write) as session:
            if session.get(ImageUpload, (sha256, principal.user_id)) is None:
                session.add(ImageUpload(sha256=sha256, user_id=principal.user_id, created_at=utcnow()))
        return False


def _unattached_count(session: Session, user_id: int) -> int:
    shown = select(CaseImage.sha256).where(CaseImage.sha256 == ImageUpload.sha256).exists()
    return session.scalar(select(func.count()).select_from(ImageUpload)
                          .where(ImageUpload.user_id == user_id, ~shown)) or 0


def prune_unattached_images(db: Database, grace: timedelta) -> int:
    """Forget uploads no case has shown for longer than ``grace``, and the bytes nobody holds or shows any more.

    Returns how many stored images were deleted. A picture of a withdrawn or hidden case is still shown by it (the
    case rows stay), so only uploads whose share never completed, or pictures an update replaced, go.
    """
    cutoff = utcnow() - grace
    with unit_of_work(db.write) as session:
        shown = select(CaseImage.sha256).where(CaseImage.sha256 == ImageUpload.sha256).exists()
        session.execute(delete(ImageUpload).where(ImageUpload.created_at < cutoff, ~shown))
        still_shown = select(CaseImage.sha256).where(CaseImage.sha256 == StoredImage.sha256).exists()
        still_held = select(ImageUpload.sha256).where(ImageUpload.sha256 == StoredImage.sha256).exists()
        result = session.execute(delete(StoredImage).where(~still_shown, ~still_held))
        return result.rowcount or 0


@router.get("/images/{sha256}", responses={200: {"content": {kind: _BINARY for kind in IMAGE_CONTENT_TYPES}}},
            response_class=Response)
def fetch_image(sha256: Sha256Path, principal: PrincipalDep, db: DbDep) -> Response:
    with unit_of_work(db.read) as session:
        if not _may_read(session, sha256, principal):
            raise ApiError(404, "image_not_found", "No such image (or it is not visible to you).")
        image = session.get(StoredImage, sha256)
        if image is None:
            raise ApiError(404, "image_not_found", "No such image (or it is not visible to you).")
        return Response(bytes(image.data), media_type=image.content_type,
                        headers={"Cache-Control": "private, max-age=86400, immutable",
                                 "X-Content-Type-Options": "nosniff",
                                 "Content-Security-Policy": "default-src 'none'"})


def _may_read(session: Session, sha256: str, principal: Principal) -> bool:
    if session.get(ImageUpload, (sha256, principal.user_id)) is not None:
        return True
    query = select(CaseImage.case_id).join(SharedCase, SharedCase.id == CaseImage.case_id).where(
        CaseImage.sha256 == sha256)
    if not principal.is_admin:  # same rule as reading the case: published and not hidden, or one's own
        query = query.where(or_(SharedCase.author_id == principal.user_id,
                                and_(SharedCase.status == "published", SharedCase.hidden.is_(False))))
    return session.scalar(query.limit(1)) is not None


def check_case_images(session: Session, content: CaseContent, principal: Principal) -> None:
    """Refuse a publish/update that names an image this user has not uploaded (or uploaded as another type)."""
    seen: set[str] = set()
    for ref in content.images:
        if ref.sha256 in seen:
            raise ApiError(422, "duplicate_image", f"Image {ref.sha256[:12]}… is attached twice.")
        seen.add(ref.sha256)
        row = session.execute(select(StoredImage.content_type).join(
            ImageUpload, and_(ImageUpload.sha256 == StoredImage.sha256, ImageUpload.user_id == principal.user_id))
            .where(StoredImage.sha256 == ref.sha256)).first()
        if row is None:
            raise ApiError(422, "image_not_uploaded",
                           f"Image {ref.sha256[:12]}… has not been uploaded; upload it with PUT "
                           f"{IMAGES_PATH}{{sha256}} before publishing.")
        if row[0] != ref.content_type:
            raise ApiError(422, "image_type_mismatch", f"Image {ref.sha256[:12]}… was uploaded as {row[0]}.")


def replace_case_images(session: Session, case_id: int, content: CaseContent) -> None:
    session.execute(delete(CaseImage).where(CaseImage.case_id == case_id))
    session.add_all(CaseImage(case_id=case_id, position=i, sha256=ref.sha256, content_type=ref.content_type,
                              caption=ref.caption) for i, ref in enumerate(content.images))
