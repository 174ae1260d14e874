import pytest
from django.core.management import call_command

from articles.reference import REFERENCE_FIXTURES


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the reference data, as a real installation does."""
    with django_db_blocker.unblock():
        call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Templates use hashed static names (ManifestStaticFilesStorage), which need collectstatic."""
    from django.conf import settings

    if not settings.configured:  # the pure text tests also run without Django
        return None
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches, as the database starts empty of articles."""
    from django.conf import settings

    if settings.configured:
        from django.core.cache import caches

        for cache in caches.all():
            cache.clear()
