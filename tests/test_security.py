import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.django_db


def test_deploy_check_passes_with_production_settings():
    environ = {k: v for k, v in os.environ.items() if k not in ("DEBUG",)}
    environ.update(SECRET_KEY=secrets.token_urlsafe(50), HTTPS="1", ALLOWED_HOSTS="news.example",
                   DJANGO_SETTINGS_MODULE="newsroom.settings")
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_responses_carry_security_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'self'" in script_src and "unsafe-inline" not in script_src
    assert "frame-ancestors 'none'" in policy


def test_https_deployment_sends_hsts(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/", secure=False).status_code == 301
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_admin_login_is_throttled_after_repeated_failures(client, settings):
    user = get_user_model().objects.create_user("bientapvien", password="đúng-mật-khẩu-2025", is_staff=True)
    login = reverse("admin:login")
    statuses = [client.post(login, {"username": user.username, "password": "sai"}).status_code
                for _ in range(settings.AXES_FAILURE_LIMIT)]
    # The form comes back with its error until the limit is reached; the last failure locks.
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = client.post(login, {"username": user.username, "password": "đúng-mật-khẩu-2025"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_other_users_are_not_locked_out_by_someone_elses_failures(client, settings):
    get_user_model().objects.create_user("phongvien", password="mật-khẩu-riêng-2025", is_staff=True)
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(login, {"username": "ai-do", "password": "sai"})
    response = client.post(login, {"username": "phongvien", "password": "mật-khẩu-riêng-2025"})
    assert response.status_code == 302
