"""Set up a local site with the reference data and seed articles, then serve it.

This is the README's "run the site" command: one step from a fresh clone to
a working newsroom at http://127.0.0.1:8000 with an editor account.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.models import Article
from articles.reference import SEED_FIXTURES
from articles.roles import EDITORS, setup_roles


class Command(BaseCommand):
    help = "Migrate, load reference data and seed articles, create an editor login (group Biên tập viên), and run the development server."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Set everything up but do not start the server.")

    def handle(self, *args, addrport, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_reference_data", verbosity=0)
        # Once: loading them again would take back what an editor has changed or deleted since.
        if SEED_FIXTURES and not Article.objects.exists():
            call_command("loaddata", *SEED_FIXTURES, verbosity=0)
        setup_roles()
        username, password = "editor", secrets.token_urlsafe(9)
        user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": "editor@example.com"})
        # An editor, not a superuser: the demo shows the desk as editors see it.
        user.is_staff, user.is_superuser = True, False
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=EDITORS))
        self.stdout.write(self.style.SUCCESS(
            f"\nThe site: http://{addrport}/\n"
            f"The editors' desk: http://{addrport}/admin/  user: {username}  password: {password}\n"
            "(a new password is made each time this command runs)\n"
        ))
        if not no_serve:
            if not settings.DEBUG:
                self.stdout.write(self.style.WARNING("DEBUG is off: run with DEBUG=1 to serve static and media files."))
            call_command("runserver", addrport, use_reloader=False)
