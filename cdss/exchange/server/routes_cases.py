"""Shared cases: publish, update (optimistic revision), withdraw, feed; threaded comments; moderation.

Authorization is checked per object: only a case's author edits or withdraws it, only a comment's author deletes it,
only an admin hides either. A case that is hidden is invisible (404) to everyone but its author and admins, so its
existence is not revealed; a withdrawn case answers 410 to them.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from sqlalchemy import and_, delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from cdss.exchange.schemas import (
    API_PREFIX,
    CaseContent,
    CaseOut,
    CasePage,
    CasePublish,
    CaseUpdate,
    CommentCreate,
    CommentList,
    CommentOut,
    ErrorBody,
    ImageRefOut,
    ModerationRequest,
    Specialty,
)
from cdss.exchange.server.auth import Principal
from cdss.exchange.server.deps import AdminDep, DbDep, IdempotencyKeyDep, PrincipalDep, SettingsDep
from cdss.exchange.server.errors import ApiError
from cdss.exchange.server.idempotency import run_write
from cdss.exchange.server.models import CaseImage, CaseTag, Comment, SharedCase, User, utcnow
from cdss.exchange.server.routes_images import check_case_images, replace_case_images
from cdss.exchange.server.storage import unit_of_work

_ERRORS = {code: {"model": ErrorBody} for code in (400, 401, 403, 404, 409, 410, 413, 422)}
router = APIRouter(prefix=API_PREFIX, responses=_ERRORS)

_comment_count = (select(func.count(Comment.id)).where(Comment.case_id == SharedCase.id)
                  .correlate(SharedCase).scalar_subquery())


def _images_of(session: Session, case_ids: list[int]) -> dict[int, list[ImageRefOut]]:
    found: dict[int, list[ImageRefOut]] = {}
    if case_ids:
        rows = session.scalars(select(CaseImage).where(CaseImage.case_id.in_(case_ids))
                               .order_by(CaseImage.case_id, CaseImage.position)).all()
        for row in rows:
            found.setdefault(row.case_id, []).append(
                ImageRefOut(sha256=row.sha256, content_type=row.content_type, caption=row.caption))  # type: ignore
    return found


def _case_out(case: SharedCase, author: str, comment_count: int, images: list[ImageRefOut] | None = None) -> CaseOut:
    return CaseOut(images=images or [],
                   case_uuid=UUID(case.case_uuid), revision=case.revision, author=author, title=case.title,
                   specialty=Specialty(case.specialty), tags=json.loads(case.tags or "[]"), summary=case.summary,
                   body=case.body, age_band=case.age_band, sex=case.sex,  # type: ignore[arg-type]
                   status=case.status, hidden=case.hidden, hidden_reason=case.hidden_reason,  # type: ignore[arg-type]
                   comment_count=comment_count, created_at=case.created_at, updated_at=case.updated_at)


def _load_case_out(session: Session, case_id: int) -> CaseOut:
    case, author, count = session.execute(
        select(SharedCase, User.name, _comment_count).join(User, User.id == SharedCase.author_id)
        .where(SharedCase.id == case_id)).one()
    return _case_out(case, author, count, _images_of(session, [case.id]).get(case.id))


def _visible_case(session: Session, case_uuid: UUID, principal: Principal, *, allow_withdrawn: bool = False
                  ) -> SharedCase:
    case = session.scalar(select(SharedCase).where(SharedCase.case_uuid == str(case_uuid)))
    privileged = case is not None and (case.author_id == principal.user_id or principal.is_admin)
    if case is None or (case.hidden and not privileged):
        raise ApiError(404, "case_not_found", "No such case (or it is not visible to you).")
    if case.status == "withdrawn" and not (privileged and allow_withdrawn):
        raise ApiError(410, "case_withdrawn", "This case was withdrawn by its author.")
    return case


def _authored_case(session: Session, case_uuid: UUID, principal: Principal) -> SharedCase:
    case = _visible_case(session, case_uuid, principal, allow_withdrawn=True)
    if case.author_id != principal.user_id:
        raise ApiError(403, "not_case_author", "Only the author of a case may change or withdraw it.")
    return case


def _apply_content(session: Session, case: SharedCase, content: CaseContent) -> None:
    tags = sorted(set(content.tags))
    case.title, case.specialty, case.summary, case.body = content.title, content.specialty.value, content.summary, \
        content.body
    case.tags, case.age_band, case.sex = json.dumps(tags, ensure_ascii=False), content.age_band, content.sex
    session.execute(delete(CaseTag).where(CaseTag.case_id == case.id))
    session.add_all(CaseTag(case_id=case.id, tag=tag) for tag in tags)
    replace_case_images(session, case.id, content)


# -- cursor --------------------------------------------------------------------------------------------------------
def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"v": 1, "before": last_id}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        before = data["before"]
        if data.get("v") != 1 or not isinstance(before, int) or not 0 < before < 2**62:
            raise ValueError(cursor)
        return before
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_cursor", "The cursor is not one this server issued; start from the first page.") \
            from exc


def _like_pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# -- cases ---------------------------------------------------------------------------------------------------------
@router.get("/cases", response_model=CasePage, tags=["cases"])
def feed(principal: PrincipalDep, db: DbDep, settings: SettingsDep,
         q: Annotated[str | None, Query(max_length=200, description="words in title, summary or text")] = None,
         specialty: Specialty | None = None,
         tag: Annotated[list[str] | None, Query(max_length=5)] = None,
         mine: bool = False,
         cursor: Annotated[str | None, Query(max_length=200)] = None,
         limit: Annotated[int, Query(ge=1, le=100)] = 20) -> CasePage:
    """Newest first, in a stable order (by server id), so pages never skip or repeat a case while others publish."""
    limit = min(limit, settings.page_size_max)
    query = select(SharedCase, User.name, _comment_count).join(User, User.id == SharedCase.author_id)
    if mine:  # the author's own cases, including withdrawn and hidden ones (for the client's sync)
        query = query.where(SharedCase.author_id == principal.user_id)
    else:
        query = query.where(SharedCase.status == "published", SharedCase.hidden.is_(False))
    if specialty is not None:
        query = query.where(SharedCase.specialty == specialty.value)
    for one_tag in tag or ():
        query = query.where(exists().where(CaseTag.case_id == SharedCase.id, CaseTag.tag == one_tag[:32]))
    for term in (q or "").split()[:8]:
        pattern = _like_pattern(term)
        query = query.where(or_(SharedCase.title.ilike(pattern, escape="\\"),
                                SharedCase.summary.ilike(pattern, escape="\\"),
                                SharedCase.body.ilike(pattern, escape="\\")))
    if cursor:
        query = query.where(SharedCase.id < decode_cursor(cursor))
    with unit_of_work(db.read) as session:
        rows = session.execute(query.order_by(SharedCase.id.desc()).limit(limit + 1)).all()
        images = _images_of(session, [case.id for case, _, _ in rows[:limit]])
    items = [_case_out(case, author, count, images.get(case.id)) for case, author, count in rows[:limit]]
    next_cursor = encode_cursor(rows[limit - 1][0].id) if len(rows) > limit else None
    return CasePage(items=items, next_cursor=next_cursor)


@router.post("/cases", response_model=CaseOut, status_code=201, tags=["cases"])
def publish_case(body: CasePublish, principal: PrincipalDep, db: DbDep, request: Request,
                 idempotency_key: IdempotencyKeyDep = None):
    def action(session: Session):
        check_case_images(session, body, principal)
        if session.scalar(select(SharedCase.id).where(SharedCase.case_uuid == str(body.case_uuid))) is not None:
            raise ApiError(409, "case_already_published",
                           "A case with this case_uuid is already published; update it with PUT instead.")
        now = utcnow()
        case = SharedCase(case_uuid=str(body.case_uuid), author_id=principal.user_id, revision=1, status="published",
                          hidden=False, created_at=now, updated_at=now, title="", specialty="", summary="")
        session.add(case)
        session.flush()
        _apply_content(session, case, body)
        session.flush()
        return 201, _load_case_out(session, case.id).model_dump(mode="json")

    return run_write(db, principal, idempotency_key, "POST", request.url.path, action)


@router.get("/cases/{case_uuid}", response_model=CaseOut, tags=["cases"])
def get_case(case_uuid: UUID, principal: PrincipalDep, db: DbDep) -> CaseOut:
    with unit_of_work(db.read) as session:
        return _load_case_out(session, _visible_case(session, case_uuid, principal, allow_withdrawn=True).id)


@router.put("/cases/{case_uuid}", response_model=CaseOut, tags=["cases"])
def update_case(case_uuid: UUID, body: CaseUpdate, principal: PrincipalDep, db: DbDep, request: Request,
                idempotency_key: IdempotencyKeyDep = None):
    """A new revision; refused with 409 when ``base_revision`` is not the current one (someone edited first)."""

    def action(session: Session):
        case = _authored_case(session, case_uuid, principal)
        if case.status == "withdrawn":
            raise ApiError(409, "case_withdrawn", "A withdrawn case cannot be edited.")
        check_case_images(session, body, principal)
        # Compare-and-set in one UPDATE, so two concurrent edits from the same base cannot both win.
        bumped = session.execute(update(SharedCase)
                                 .where(and_(SharedCase.id == case.id, SharedCase.revision == body.base_revision))
                                 .values(revision=SharedCase.revision + 1, updated_at=utcnow())
                                 .execution_options(synchronize_session=False))
        if bumped.rowcount != 1:
            raise ApiError(409, "stale_revision",
                           f"The case is at revision {case.revision}, not {body.base_revision}; "
                           "reload it and apply your edit again.")
        session.refresh(case)
        _apply_content(session, case, body)
        session.flush()
        return 200, _load_case_out(session, case.id).model_dump(mode="json")

    return run_write(db, principal, idempotency_key, "PUT", request.url.path, action)


@router.delete("/cases/{case_uuid}", response_model=CaseOut, tags=["cases"])
def withdraw_case(case_uuid: UUID, principal: PrincipalDep, db: DbDep, request: Request,
                  idempotency_key: IdempotencyKeyDep = None):
    """Withdraw: the case leaves the feed and answers 410 to others; its author still sees it (``mine=true``)."""

    def action(session: Session):
        case = _authored_case(session, case_uuid, principal)
        if case.status != "withdrawn":
            case.status, case.updated_at = "withdrawn", utcnow()
            session.flush()
        return 200, _load_case_out(session, case.id).model_dump(mode="json")

    return run_write(db, principal, idempotency_key, "DELETE", request.url.path, action)


# -- comments ------------------------------------------------------------------------------------------------------
def _comment_out(comment: Comment, case_uuid: str, author: str, principal: Principal) -> CommentOut:
    show_body = not comment.deleted and (not comment.hidden or principal.is_admin
                                         or comment.author_id == principal.user_id)
    return CommentOut(id=comment.id, case_uuid=UUID(case_uuid), parent_id=comment.parent_id, author=author,
                      body=comment.body if show_body else None, hidden=comment.hidden, deleted=comment.deleted,
                      created_at=comment.created_at)


@router.get("/cases/{case_uuid}/comments", response_model=CommentList, tags=["comments"])
def list_comments(case_uuid: UUID, principal: PrincipalDep, db: DbDep) -> CommentList:
    """The whole thread in posting order; a reply names its ``parent_id`` (hidden ones keep their place)."""
    with unit_of_work(db.read) as session:
        case = _visible_case(session, case_uuid, principal)
        rows = session.execute(select(Comment, User.name).join(User, User.id == Comment.author_id)
                               .where(Comment.case_id == case.id).order_by(Comment.id).limit(5000)).all()
        return CommentList(items=[_comment_out(c, case.case_uuid, name, principal) for c, name in rows])


@router.post("/cases/{case_uuid}/comments", response_model=CommentOut, status_code=201, tags=["comments"])
def add_comment(case_uuid: UUID, body: CommentCreate, principal: PrincipalDep, db: DbDep, request: Request,
                idempotency_key: IdempotencyKeyDep = None):
    def action(session: Session):
        case = _visible_case(session, case_uuid, principal)
        if body.parent_id is not None:
            parent = session.get(Comment, body.parent_id)
            if parent is None or parent.case_id != case.id:
                raise ApiError(422, "bad_parent_comment", "parent_id is not a comment on this case.")
        comment = Comment(case_id=case.id, parent_id=body.parent_id, author_id=principal.user_id, body=body.body,
                          hidden=False, deleted=False, created_at=utcnow())
        session.add(comment)
        session.flush()
        return 201, _comment_out(comment, case.case_uuid, principal.name, principal).model_dump(mode="json")

    return run_write(db, principal, idempotency_key, "POST", request.url.path, action)


def _comment_on_visible_case(session: Session, comment_id: int, principal: Principal) -> tuple[Comment, SharedCase]:
    comment = session.get(Comment, comment_id) if 0 < comment_id < 2**62 else None
    case = session.get(SharedCase, comment.case_id) if comment is not None else None
    if comment is None or case is None:
        raise ApiError(404, "comment_not_found", "No such comment.")
    _visible_case(session, UUID(case.case_uuid), principal, allow_withdrawn=True)
    return comment, case


@router.delete("/comments/{comment_id}", response_model=CommentOut, tags=["comments"])
def delete_comment(comment_id: int, principal: PrincipalDep, db: DbDep, request: Request,
                   idempotency_key: IdempotencyKeyDep = None):
    """The author deletes their comment; it stays in the thread as a placeholder so replies keep their parent."""

    def action(session: Session):
        comment, case = _comment_on_visible_case(session, comment_id, principal)
        if comment.author_id != principal.user_id:
            raise ApiError(403, "not_comment_author", "Only the author of a comment may delete it.")
        comment.deleted = True
        comment.body = ""
        session.flush()
        return 200, _comment_out(comment, case.case_uuid, principal.name, principal).model_dump(mode="json")

    return run_write(db, principal, idempotency_key, "DELETE", request.url.path, action)


# -- moderation ----------------------------------------------------------------------------------------------------
@router.post("/moderation/cases/{case_uuid}", response_model=CaseOut, tags=["moderation"])
def moderate_case(case_uuid: UUID, body: ModerationRequest, admin: AdminDep, db: DbDep, request: Request,
                  idempotency_key: IdempotencyKeyDep = None):
    def action(session: Session):
        case = _visible_case(session, case_uuid, admin, allow_withdrawn=True)
        case.hidden, case.hidden_reason = body.hidden, (body.reason or None) if body.hidden else None
        session.flush()
        return 200, _load_case_out(session, case.id).model_dump(mode="json")

    return run_write(db, admin, idempotency_key, "POST", request.url.path, action)


@router.post("/moderation/comments/{comment_id}", response_model=CommentOut, tags=["moderation"])
def moderate_comment(comment_id: int, body: ModerationRequest, admin: AdminDep, db: DbDep, request: Request,
                     idempotency_key: IdempotencyKeyDep = None):
    def action(session: Session):
        comment, case = _comment_on_visible_case(session, comment_id, admin)
        comment.hidden = body.hidden
        session.flush()
        author = session.scalar(select(User.name).where(User.id == comment.author_id)) or ""
        return 200, _comment_out(comment, case.case_uuid, author, admin).model_dump(mode="json")

    return run_write(db, admin, idempotency_key, "POST", request.url.path, action)
