"""LTI 1.3: the platforms (LMSs) an admin registered, the tool's own key, the one-time values
of a login (state and nonce), and the links from an LMS's users and courses to ours."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.core.clock import utcnow
from quizapp.extensions import db


class LtiToolKey(db.Model):
    """The tool's RSA key pair: made once, the private half never leaves the server.

    Platforms read the public half from the tool's JWKS URL to check what the tool signs
    (grade and deep-linking messages, service token requests).
    """

    __tablename__ = "lti_tool_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    private_key_pem: Mapped[str] = mapped_column(sa.Text)
    public_key_pem: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LtiPlatform(db.Model):
    """An LMS registered by an admin: who signs its launches and where its endpoints are."""

    __tablename__ = "lti_platform"
    __table_args__ = (sa.UniqueConstraint("issuer", "client_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    issuer: Mapped[str] = mapped_column(sa.String(255))
    client_id: Mapped[str] = mapped_column(sa.String(255))
    auth_login_url: Mapped[str] = mapped_column(sa.String(500))
    auth_token_url: Mapped[str] = mapped_column(sa.String(500))
    key_set_url: Mapped[str] = mapped_column(sa.String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    deployments: Mapped[list[LtiDeployment]] = relationship(
        back_populates="platform",
        cascade="all, delete-orphan",
        order_by="LtiDeployment.deployment_id",
    )


class LtiDeployment(db.Model):
    """One deployment of the tool on a platform; a launch naming another one is refused."""

    __tablename__ = "lti_deployment"
    __table_args__ = (sa.UniqueConstraint("platform_id", "deployment_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(sa.ForeignKey("lti_platform.id", ondelete="CASCADE"))
    deployment_id: Mapped[str] = mapped_column(sa.String(255))

    platform: Mapped[LtiPlatform] = relationship(back_populates="deployments")


class LtiLaunchValue(db.Model):
    """What the library keeps between a login and its launch (the nonce, the launch's claims),
    in the database so that every server sees it and a nonce can be used exactly once."""

    __tablename__ = "lti_launch_value"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(255), unique=True)
    value: Mapped[str] = mapped_column(sa.Text)  # JSON
    expires_at: Mapped[datetime] = mapped_column(index=True)


class LtiUserLink(db.Model):
    """An LMS user (the platform's ``sub``) and the quizapp account made for them."""

    __tablename__ = "lti_user_link"
    __table_args__ = (sa.UniqueConstraint("platform_id", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(sa.ForeignKey("lti_platform.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(sa.String(255))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LtiContextLink(db.Model):
    """An LMS course (the launch's context) and the quizapp class it became.

    A context id is unique only within its deployment (LTI 1.3 core, the context claim), so
    two deployments of one platform may name two courses alike: the deployment is in the key.
    """

    __tablename__ = "lti_context_link"
    __table_args__ = (sa.UniqueConstraint("platform_id", "deployment_id", "context_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(sa.ForeignKey("lti_platform.id", ondelete="CASCADE"))
    deployment_id: Mapped[str] = mapped_column(sa.String(255), default="", server_default="")
    context_id: Mapped[str] = mapped_column(sa.String(255))
    class_id: Mapped[int] = mapped_column(
        sa.ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    # Names and Role Provisioning: where the LMS lists the course's members (from launches).
    memberships_url: Mapped[str | None] = mapped_column(sa.String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LtiResourceLink(db.Model):
    """An activity in an LMS course (a resource link) and the quizapp assignment it opens.

    ``lineitem_url`` is the LMS's grade column for it (Assignment and Grade Services), known
    from the launches; an instructor links the activity to an assignment of the class.
    """

    __tablename__ = "lti_resource_link"
    # Resource link ids, too, are unique only within their deployment.
    __table_args__ = (sa.UniqueConstraint("platform_id", "deployment_id", "resource_link_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(sa.ForeignKey("lti_platform.id", ondelete="CASCADE"))
    deployment_id: Mapped[str] = mapped_column(sa.String(255), default="", server_default="")
    resource_link_id: Mapped[str] = mapped_column(sa.String(255))
    class_id: Mapped[int] = mapped_column(
        sa.ForeignKey("school_class.id", ondelete="CASCADE"), index=True
    )
    assignment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("assignment.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200), default="")
    lineitem_url: Mapped[str | None] = mapped_column(sa.String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LtiGradeOutbox(db.Model):
    """A grade to post to the LMS, one per submitted attempt (never two), kept until the LMS
    took it: ``sent_at`` is set in the transaction that records its answer."""

    __tablename__ = "lti_grade_outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quiz_attempt.id", ondelete="CASCADE"), unique=True
    )
    resource_link_id: Mapped[int] = mapped_column(
        sa.ForeignKey("lti_resource_link.id", ondelete="CASCADE"), index=True
    )
    subject: Mapped[str] = mapped_column(sa.String(255))  # the LMS's user id
    score_given: Mapped[float]
    score_maximum: Mapped[float]
    graded_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    tries: Mapped[int] = mapped_column(default=0)
    next_try_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    last_error: Mapped[str] = mapped_column(sa.String(500), default="")
    sent_at: Mapped[datetime | None]
