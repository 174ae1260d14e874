import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom import env

ROOT = Path(__file__).resolve().parents[1]


def test_database_url_defaults_to_a_sqlite_file(tmp_path):
    config = env.database(tmp_path / "db.sqlite3", environ={})
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")


def test_postgres_url_uses_persistent_checked_connections():
    config = env.database("unused", environ={"DATABASE_URL": "postgres://editor:s3cret@db.example:5433/news"})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["USER"], config["PASSWORD"], config["HOST"], config["PORT"], config["NAME"]) == (
        "editor", "s3cret", "db.example", 5433, "news"
    )
    assert config["CONN_MAX_AGE"] == 600 and config["CONN_HEALTH_CHECKS"] is True
    assert config["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 5}


def test_prepared_statements_can_be_switched_off_for_a_transaction_pooler():
    config = env.database("unused", environ={"DATABASE_URL": "postgres://db.example/news",
                                             "DATABASE_PREPARED_STATEMENTS": "0"})
    assert "server_side_binding" not in config.get("OPTIONS", {})


def test_unsupported_database_is_refused_clearly():
    with pytest.raises(ImproperlyConfigured, match="use sqlite:// or postgres://"):
        env.database("unused", environ={"DATABASE_URL": "mysql://root@localhost/news"})


def test_boolean_accepts_the_usual_spellings_and_refuses_others():
    assert env.boolean("DEBUG", environ={"DEBUG": "yes"}) is True
    assert env.boolean("DEBUG", environ={"DEBUG": "0"}) is False
    assert env.boolean("DEBUG", environ={}) is False
    with pytest.raises(ImproperlyConfigured, match="not a boolean"):
        env.boolean("DEBUG", environ={"DEBUG": "maybe"})


def test_allowed_hosts_is_a_comma_separated_list():
    assert env.listing("ALLOWED_HOSTS", environ={"ALLOWED_HOSTS": "news.example, www.news.example,"}) == [
        "news.example", "www.news.example"
    ]


def _start_django(**variables):
    environ = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL")}
    environ.update(variables, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60,
    )


def test_production_without_secret_key_refuses_to_start_with_a_clear_message():
    result = _start_django()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_starts_without_secret_key_and_production_starts_with_one():
    assert _start_django(DEBUG="1").stdout.strip() == "started"
    assert _start_django(SECRET_KEY="x" * 50).stdout.strip() == "started"


def test_debug_is_off_unless_asked(settings):
    assert settings.DEBUG is False
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh" and settings.USE_TZ
    assert settings.LANGUAGE_CODE == "vi" and "en" in dict(settings.LANGUAGES)


def _settings_value(expression, **variables):
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "S3_BUCKET")}
    environ.update(variables, DJANGO_SETTINGS_MODULE="newsroom.settings", SECRET_KEY="x" * 50)
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; print(*[{expression}])"],
        cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_redis_url_makes_redis_the_shared_cache_and_session_store():
    assert _settings_value("settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/3") == (
        "django.core.cache.backends.redis.RedisCache"
    )
    assert _settings_value("settings.SESSION_ENGINE", REDIS_URL="redis://127.0.0.1:6379/3") == (
        "django.contrib.sessions.backends.cached_db"
    )
    assert "LocMemCache" in _settings_value("settings.CACHES['default']['BACKEND']")


def test_s3_bucket_moves_uploads_to_object_storage():
    backend = _settings_value(
        "settings.STORAGES['default']['BACKEND'], settings.STORAGES['default']['OPTIONS']['endpoint_url']",
        S3_BUCKET="newsroom-media", S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert backend == "storages.backends.s3.S3Storage http://127.0.0.1:9000"
    assert "FileSystemStorage" in _settings_value("settings.STORAGES['default']['BACKEND']")
