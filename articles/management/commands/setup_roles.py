"""Create or update the reporter, editor and administrator groups.

migrate already does this; the command is for bringing an existing database
up to date after the permissions of a role changed, and is safe to repeat.
"""

from django.core.management.base import BaseCommand

from articles.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the groups Phóng viên (reporters), Biên tập viên (editors), Quản trị viên (administrators)."

    def handle(self, *args, **options):
        for group, count in setup_roles(using=options.get("database") or "default").items():
            self.stdout.write(f"{group}: {count} permissions")
