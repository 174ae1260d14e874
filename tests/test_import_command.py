"""manage.py import_articles: folders of texts in, drafts and a summary out."""

import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from articles.models import Article, District, Organisation, Province, SourceText
from articles.seeding import SOURCES_DIR
from tests.sources import (  # noqa: F401  (fresh_gazetteer is an autouse fixture)
    SEED_DATED,
    SEED_UNDATED,
    fresh_gazetteer,
    seed_bytes,
    source,
)
from tests.text_support import shared_gold_dir

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), str(failure.value)


@pytest.fixture
def folder(tmp_path):
    for name in (SEED_DATED, SEED_UNDATED):
        shutil.copy(SOURCES_DIR / name, tmp_path / name)
    return tmp_path


def test_the_seeds_dry_run_json_scores_full_marks_against_the_gold():
    gold_dir = shared_gold_dir()
    spec = importlib.util.spec_from_file_location("gold_score", gold_dir / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads((gold_dir / "seeds.json").read_text(encoding="utf-8"))

    out, _ = run("--dry-run", "--json", SOURCES_DIR)

    predictions = json.loads(out)  # exactly one JSON object on stdout
    assert set(predictions) == set(gold)
    lines = []
    assert scorer.score(gold, predictions, per_file=True, out=lines.append, warn=lines.append) == 1.0, \
        "\n".join(lines)
    assert not Article.objects.exists()


def test_a_folder_is_imported_as_drafts_with_a_summary(folder):
    (folder / "notes.md").write_text("không phải bài viết", encoding="utf-8")

    out, _ = run(folder)

    assert Article.objects.count() == 2 and not Article.objects.published().exists()
    assert set(SourceText.objects.values_list("file_name", flat=True)) == {SEED_DATED, SEED_UNDATED}
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("2 created, 0 unchanged, 0 updated, 0 skipped, 0 failed")
    assert "quotes" in summary and "provinces" in summary and "organisations" in summary


def test_running_again_over_the_same_folder_imports_nothing_new(folder):
    run(folder)
    out, _ = run(folder)
    assert out.strip().splitlines()[-1].startswith("0 created, 2 unchanged")
    assert Article.objects.count() == 2


def test_a_bad_file_is_reported_and_skipped_the_others_imported_and_the_exit_status_is_an_error(folder):
    (folder / "001_empty.txt").write_bytes(b"")
    (folder / "003_binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)

    out, err, failure = run_failing(folder)

    assert Article.objects.count() == 2
    assert "001_empty.txt" in err and "empty" in err.lower()
    assert "003_binary.txt" in err
    assert "2 of 4" in failure
    assert "2 failed" in out


def test_a_missing_path_is_an_error(tmp_path):
    _, err, _ = run_failing(tmp_path / "missing.txt")
    assert "missing.txt" in err


def test_an_empty_folder_is_an_error(tmp_path):
    _, _, failure = run_failing(tmp_path)
    assert "No source texts" in failure


def test_without_the_reference_data_the_import_says_what_to_run_and_writes_nothing(folder):
    Organisation.objects.all().delete()
    District.objects.all().delete()
    while Province.objects.exists():  # former units first: each protects the unit it merged into
        Province.objects.exclude(pk__in=Province.objects.filter(successor__isnull=False).values("successor")).delete()

    for args in (["--dry-run", "--json", folder], [folder]):
        out, _, failure = run_failing(*args)
        assert "load_reference_data" in failure
        assert out == ""
    assert not Article.objects.exists()


def test_on_a_database_never_migrated_the_import_says_so_instead_of_a_traceback(folder, tmp_path):
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"}
    command = [sys.executable, "manage.py", "import_articles", "--dry-run", "--json", str(folder)]
    finished = subprocess.run(command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 1
    assert "run `manage.py migrate` first" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_dry_run_json_prints_one_object_keyed_by_file_name_and_writes_nothing(folder):
    out, err = run("--dry-run", "--json", folder / SEED_DATED)
    data = json.loads(out)
    assert list(data) == [SEED_DATED]
    assert data[SEED_DATED]["published_at"] == "2022-11-25T17:05"
    assert "would be 1 created" in err
    assert not Article.objects.exists() and not SourceText.objects.exists()


def test_dry_run_shows_a_text_already_imported_too(folder):
    run(folder / SEED_DATED)
    out, _ = run("--dry-run", "--json", folder / SEED_DATED)
    assert json.loads(out)[SEED_DATED]["title"] == "Thắt chặt mối quan hệ mật thiết giữa Đảng với dân"


def test_json_without_dry_run_is_refused(folder):
    _, _, failure = run_failing("--json", folder)
    assert "--dry-run" in failure
    assert not Article.objects.exists()


def test_publish_publishes(folder):
    run("--publish", folder / SEED_DATED)
    assert Article.objects.published().count() == 1


def test_update_reports_articles_an_editor_changed(folder):
    run(folder)
    article = Article.objects.get(source_text__file_name=SEED_DATED)
    article.lead = "Biên tập viên đã viết lại sapo."
    article.save()

    out, _ = run("--update", folder)

    assert f"{SEED_DATED}: skipped: an editor has changed the article" in out
    assert out.strip().splitlines()[-1].startswith("0 created, 1 unchanged, 0 updated, 1 skipped")
    article.refresh_from_db()
    assert article.lead == "Biên tập viên đã viết lại sapo."


def test_update_of_a_corrected_file(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_bytes(source("Đối thoại với nông dân"))
    run(path)
    path.write_bytes(source("Đối thoại với nông dân Như Xuân"))

    out, _ = run("--update", path)

    assert out.strip().splitlines()[-1].startswith("0 created, 0 unchanged, 1 updated")
    assert Article.objects.get().title == "Đối thoại với nông dân Như Xuân"
