"""The three roles, and the builders other desk tests use for their users."""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles import roles

pytestmark = pytest.mark.django_db
_n = itertools.count(1)


def _user(group: str, name: str | None = None):
    user = get_user_model().objects.create_user(
        name or f"{group.split()[0].lower()}{next(_n)}", password="mật-khẩu-dài-2025", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def make_reporter(name=None):
    return _user(roles.REPORTERS, name or f"phongvien{next(_n)}")


def make_editor(name=None):
    return _user(roles.EDITORS, name or f"bientap{next(_n)}")


def make_administrator(name=None):
    return _user(roles.ADMINISTRATORS, name or f"quantri{next(_n)}")


def test_a_migrated_database_already_has_the_three_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {roles.REPORTERS, roles.EDITORS, roles.ADMINISTRATORS}


def test_setup_roles_can_run_again_without_duplicates(capsys):
    call_command("setup_roles")
    call_command("setup_roles")
    assert Group.objects.filter(name=roles.EDITORS).count() == 1
    assert f"{roles.REPORTERS}:" in capsys.readouterr().out


def test_setup_roles_restores_a_permission_removed_by_hand():
    editors = Group.objects.get(name=roles.EDITORS)
    editors.permissions.remove(*editors.permissions.filter(codename=roles.PUBLISH))
    call_command("setup_roles")
    assert editors.permissions.filter(codename=roles.PUBLISH).exists()


def test_only_editors_and_administrators_may_publish():
    assert not roles.can_publish(make_reporter())
    assert roles.can_publish(make_editor())
    assert roles.can_publish(make_administrator())


def test_only_administrators_manage_users():
    assert not make_editor().has_perm("auth.add_user")
    assert make_administrator().has_perm("auth.change_user")


def test_a_reporter_edits_only_their_own_drafts():
    from tests.factories import make_article

    reporter, other = make_reporter(), make_reporter()
    own = make_article(status="draft", created_by=reporter)
    theirs = make_article(status="draft", created_by=other)
    submitted = make_article(status="review", created_by=reporter)
    assert roles.can_edit(reporter, own)
    assert not roles.can_edit(reporter, theirs)
    assert not roles.can_edit(reporter, submitted)
    assert roles.can_edit(make_editor(), theirs)
