"""Wire schemas of the peer case-exchange API, shared by the server and the desktop client.

Every field carries its bounds here, so the server refuses oversize or malformed input before it reaches storage and
the client can validate an outbox entry before sending it. Input models forbid unknown fields: a typo in a client
must fail loudly rather than be dropped silently.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from cdss.textsafe import has_lone_surrogate

API_PREFIX = "/v1"
IDEMPOTENCY_HEADER = "Idempotency-Key"

UserName = Annotated[str, StringConstraints(min_length=2, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
Password = Annotated[str, StringConstraints(min_length=1, max_length=256)]
NewPassword = Annotated[str, StringConstraints(min_length=10, max_length=256)]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[\w\-]+$")]
OpaqueToken = Annotated[str, StringConstraints(min_length=16, max_length=200, pattern=r"^[A-Za-z0-9_\-]+$")]


class Specialty(StrEnum):
    """Broad specialties for filtering the feed (an organisational label, not a clinical classification)."""

    cardiology = "cardiology"
    dermatology = "dermatology"
    emergency = "emergency"
    endocrinology = "endocrinology"
    gastroenterology = "gastroenterology"
    general = "general"
    geriatrics = "geriatrics"
    hematology = "hematology"
    infectious_disease = "infectious_disease"
    nephrology = "nephrology"
    neurology = "neurology"
    obstetrics_gynecology = "obstetrics_gynecology"
    oncology = "oncology"
    ophthalmology = "ophthalmology"
    orthopedics = "orthopedics"
    pediatrics = "pediatrics"
    psychiatry = "psychiatry"
    pulmonology = "pulmonology"
    rheumatology = "rheumatology"
    surgery = "surgery"
    urology = "urology"
    other = "other"


def _has_nul(value: Any, depth: int = 0) -> bool:
    if isinstance(value, str):
        return "\x00" in value or has_lone_surrogate(value)
    if depth > 32:
        return False  # deeper than any payload of ours; the schema refuses it elsewhere
    if isinstance(value, dict):
        return any(_has_nul(k, depth + 1) or _has_nul(v, depth + 1) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v, depth + 1) for v in value)
    return False


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _no_nul(cls, data: Any) -> Any:
        """A NUL character in any text is refused (422): PostgreSQL cannot store it, and no clinical text has one."""
        if _has_nul(data):
            raise ValueError("text must not contain the NUL character or a lone surrogate")
        return data


class _Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# -- auth ----------------------------------------------------------------------------------------------------------
class LoginRequest(_Input):
    username: UserName
    password: Password


class RefreshRequest(_Input):
    refresh_token: OpaqueToken


class TokenPair(_Output):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    refresh_expires_in: int = Field(description="seconds until the refresh token expires")


# -- users ---------------------------------------------------------------------------------------------------------
UserStatus = Literal["active", "pending", "disabled"]


class UserCreate(_Input):
    """An admin invites a clinician: the account starts ``pending`` unless ``approve`` is set."""

    name: UserName
    password: NewPassword
    is_admin: bool = False
    approve: bool = False


class UserPatch(_Input):
    status: UserStatus | None = None
    is_admin: bool | None = None


class UserOut(_Output):
    id: int
    name: str
    is_admin: bool
    status: UserStatus
    created_at: datetime


# -- images --------------------------------------------------------------------------------------------------------
IMAGE_CONTENT_TYPES = ("image/jpeg", "image/png")
MAX_CASE_IMAGES = 12
ImageContentType = Literal["image/jpeg", "image/png"]
Sha256Hex = Annotated[str, StringConstraints(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]
Caption = Annotated[str, StringConstraints(max_length=200)]


class ImageRef(_Input):
    """A picture attached to a shared case, named by the sha256 of its metadata-free bytes (uploaded beforehand)."""

    sha256: Sha256Hex
    content_type: ImageContentType
    caption: Caption = ""


class ImageRefOut(_Output):
    sha256: str
    content_type: ImageContentType
    caption: str = ""


class ImageOut(_Output):
    """The server's receipt for an uploaded image (PUT /v1/images/{sha256})."""

    sha256: str
    content_type: ImageContentType
    size: int
    created: bool = Field(description="false when the server already held these bytes (an idempotent re-upload)")


# -- cases ---------------------------------------------------------------------------------------------------------
Sex = Literal["female", "male", "other", "unknown"]


class CaseContent(_Input):
    """The de-identified content of a shared case (the client de-identifies before it builds this)."""

    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    specialty: Specialty
    tags: list[Tag] = Field(default_factory=list, max_length=12)
    summary: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    body: Annotated[str, StringConstraints(max_length=100_000)] = ""
    age_band: Annotated[str, StringConstraints(max_length=16, pattern=r"^[0-9]{1,3}(-[0-9]{1,3}|\+)?$")] | None = None
    sex: Sex = "unknown"
    images: list[ImageRef] = Field(default_factory=list, max_length=MAX_CASE_IMAGES,
                                   description="pictures uploaded first with PUT /v1/images/{sha256}")


class CasePublish(CaseContent):
    case_uuid: UUID = Field(description="generated by the client once per case, so a re-publish is recognised")


class CaseUpdate(CaseContent):
    base_revision: int = Field(ge=1, le=2**31 - 1, description="the revision this edit was made from")


CaseStatus = Literal["published", "withdrawn"]


class CaseOut(_Output):
    case_uuid: UUID
    revision: int
    author: str
    title: str
    specialty: Specialty
    tags: list[str]
    summary: str
    body: str
    age_band: str | None
    sex: Sex
    status: CaseStatus
    hidden: bool
    hidden_reason: str | None
    comment_count: int
    created_at: datetime
    updated_at: datetime
    images: list[ImageRefOut] = Field(default_factory=list)


class CasePage(_Output):
    items: list[CaseOut]
    next_cursor: str | None = Field(description="opaque; pass back as ?cursor= for the next page, null at the end")


# -- comments ------------------------------------------------------------------------------------------------------
class CommentCreate(_Input):
    body: Annotated[str, StringConstraints(min_length=1, max_length=10_000)]
    parent_id: int | None = Field(default=None, ge=1, le=2**62)


class CommentOut(_Output):
    id: int
    case_uuid: UUID
    parent_id: int | None
    author: str
    body: str | None = Field(description="null when the comment was hidden by a moderator or deleted")
    hidden: bool
    deleted: bool
    created_at: datetime


class CommentList(_Output):
    items: list[CommentOut]


# -- moderation ----------------------------------------------------------------------------------------------------
class ModerationRequest(_Input):
    hidden: bool
    reason: Annotated[str, StringConstraints(max_length=500)] = ""


# -- misc ----------------------------------------------------------------------------------------------------------
class ErrorDetail(_Output):
    code: str
    message: str
    error_id: str | None = None
    fields: list[dict] | None = None


class ErrorBody(_Output):
    error: ErrorDetail


class Health(_Output):
    status: Literal["ok"]
    database: str
