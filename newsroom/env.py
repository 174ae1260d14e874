"""Reading settings from the environment, once, with clear errors.

Kept apart from settings.py so the parsing rules can be tested without
reloading Django's settings.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def boolean(name: str, default: bool = False, environ=os.environ) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off.")


def listing(name: str, default: str = "", environ=os.environ) -> list[str]:
    """A comma-separated list: "a.example, b.example" -> ["a.example", "b.example"]."""
    return [item.strip() for item in environ.get(name, default).split(",") if item.strip()]


def secret_key(*, debug: bool, environ=os.environ) -> str:
    """SECRET_KEY from the environment; only a DEBUG run may do without one."""
    key = environ.get("SECRET_KEY", "")
    if key:
        return key
    if debug:
        return "insecure-development-key"
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
        "(for example: export SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')), "
        "or set DEBUG=1 for local development."
    )


def database(default_sqlite_path, environ=os.environ) -> dict:
    """DATABASES["default"] from DATABASE_URL; a SQLite file when it is not set.

    PostgreSQL goes through psycopg 3 (Django picks it when installed) and
    keeps connections open between requests, with a health check so a
    restarted server does not break the first request after it.
    """
    url = environ.get("DATABASE_URL") or f"sqlite:///{default_sqlite_path}"
    try:
        config = dj_database_url.parse(url)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} cannot be read: {error}") from error
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_MAX_AGE"] = int(environ.get("CONN_MAX_AGE", "600"))
        config["CONN_HEALTH_CHECKS"] = True
        if boolean("DATABASE_PREPARED_STATEMENTS", True, environ):
            # Parameters bound by the server, and a statement run five times on a connection
            # prepared: a page's few queries are then neither parsed nor planned again, which
            # halves what PostgreSQL spends on each (docs/performance.md). Off (0) behind a
            # pooler in transaction mode, which cannot keep a session's prepared statements.
            config["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
    elif config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while an import writes; the busy timeout makes
        # a writer wait for the lock instead of failing at once.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        raise ImproperlyConfigured(f"DATABASE_URL names {config['ENGINE']}; use sqlite:// or postgres://.")
    return config


def origin(url: str) -> list[str]:
    """["https://cdn.example"] for an absolute URL, [] for a path on this site."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []
