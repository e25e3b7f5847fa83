"""Rate limits on the doors an attacker knocks at: log in, sign up, password reset, join a
class, join a live game. Each is limited per address and (but for live games) per account,
with the numbers in ``Config``.

The counters live in Redis when ``REDIS_URL`` is set (shared by every worker and server),
in memory otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app, g, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from quizapp.extensions import limiter


def _account_from_form() -> str:
    """The email a form names (login, sign-up, reset), normalised as accounts store it."""
    return "account:" + (request.form.get("email") or "").strip().lower()[:254]


def _signed_in_account() -> str:
    return "user:" + (str(current_user.id) if current_user.is_authenticated else "anonymous")


def _setting(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def throttled(
    prefix: str,
    *,
    per_account: Callable[[], str] = _account_from_form,
    methods: tuple[str, ...] = ("POST",),
    account_counts: Callable[[Response], bool] | None = None,
    account_exempt: Callable[[], bool] | None = None,
):
    """Limit a view (its POSTs by default) by ``RATE_LIMIT_<PREFIX>_PER_ADDRESS`` and
    ``RATE_LIMIT_<PREFIX>_PER_ACCOUNT``; the two counters are shared by every view with the
    same prefix. ``account_counts``: which responses count against the account (all when
    None), so a typo in a form does not lock its owner out; ``account_exempt``: requests with
    no account to count (only the address limit holds them)."""
    by_address = limiter.shared_limit(
        _setting(f"RATE_LIMIT_{prefix}_PER_ADDRESS"),
        scope=f"{prefix}-address",
        key_func=get_remote_address,
        methods=list(methods),
    )
    by_account = limiter.shared_limit(
        _setting(f"RATE_LIMIT_{prefix}_PER_ACCOUNT"),
        scope=f"{prefix}-account",
        key_func=per_account,
        methods=list(methods),
        deduct_when=account_counts,
        exempt_when=account_exempt,
    )

    def decorate(view):
        return by_address(by_account(view))

    return decorate


def throttled_per_user(prefix: str, methods: tuple[str, ...] = ("POST",)):
    """As :func:`throttled`, with the signed-in user as the account (join by code). Signed-out
    visitors (opening a join link) are held by the address limit alone: one counter shared by
    every visitor in the world would shut the door on a whole class at once."""
    return throttled(
        prefix, per_account=_signed_in_account, methods=methods, account_exempt=_signed_out
    )


def _signed_out() -> bool:
    return not current_user.is_authenticated


def throttled_join_lookup(view):
    """Count a GET whose ``next`` is a join link against the JOIN limit per address, as the
    join link itself is: the log-in and sign-up pages name that link's class, so they would
    otherwise be a way round it to test codes."""
    return limiter.shared_limit(
        _setting("RATE_LIMIT_JOIN_PER_ADDRESS"),
        scope="JOIN-address",
        key_func=get_remote_address,
        methods=["GET"],
        exempt_when=lambda: "/join/" not in request.args.get("next", ""),
    )(view)


def throttled_mail(prefix: str, *, exempt_when: Callable[[], bool]):
    """Limit the mails a signed-in user makes the app send to an address they typed (an email
    change's confirmation) by ``RATE_LIMIT_<PREFIX>_PER_ADDRESS`` and ``_PER_ACCOUNT``: only
    requests that sent one (:func:`note_mail_sent`) count, and the requests ``exempt_when``
    exempts (another form of the same page) are never held at the limit."""
    limits = [
        limiter.shared_limit(
            _setting(f"RATE_LIMIT_{prefix}_PER_{per}"),
            scope=f"{prefix}-{per.lower()}",
            key_func=key,
            methods=["POST"],
            exempt_when=exempt_when,
            deduct_when=_mail_was_sent,
        )
        for per, key in (("ADDRESS", get_remote_address), ("ACCOUNT", _signed_in_account))
    ]

    def decorate(view):
        for limit in limits:
            view = limit(view)
        return view

    return decorate


def note_mail_sent() -> None:
    """Count this request against its :func:`throttled_mail` limits."""
    g.throttled_mail_sent = True


def _mail_was_sent(_response: Response) -> bool:
    return bool(g.get("throttled_mail_sent"))


def refusals_per_address(prefix: str):
    """Limit a view's POSTs per address by ``RATE_LIMIT_<PREFIX>_PER_ADDRESS``, counting only
    refused ones (any 4xx): for doors without an account to count against (a guest joining a
    live game), where a whole room comes from one address and only guesses should add up."""
    return limiter.shared_limit(
        _setting(f"RATE_LIMIT_{prefix}_PER_ADDRESS"),
        scope=f"{prefix}-address",
        key_func=get_remote_address,
        methods=["POST"],
        deduct_when=refused,
    )


def refused(response: Response) -> bool:
    return 400 <= response.status_code < 500


def failed(response: Response) -> bool:
    """A refused form (wrong password): what guessing produces."""
    return response.status_code == 400


def succeeded(response: Response) -> bool:
    """A form that went through (an account signed up, a reset mail asked for)."""
    return response.status_code == 302
