import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create an editor account (staff, in the Editors group; with --publisher also in "
        "Publishers). The password is asked for, or read from the EDITOR_PASSWORD variable."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--publisher", action="store_true", help="Also allow publishing and unpublishing."
        )

    def handle(self, *args, username: str, email: str, publisher: bool, **options) -> None:
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        password = os.environ.get("EDITOR_PASSWORD") or self._ask_password()
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("Password refused: " + " ".join(exc.messages)) from exc
        groups = ["Editors"] + (["Publishers"] if publisher else [])
        found = list(Group.objects.filter(name__in=groups))
        if len(found) != len(groups):
            raise CommandError("The Editors/Publishers groups are missing: run `migrate` first.")
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.set(found)
        self.stdout.write(
            self.style.SUCCESS(f"Created {username} ({', '.join(groups)}); log in at /admin/.")
        )

    def _ask_password(self) -> str:
        if not self.stdin_is_interactive():
            raise CommandError("No terminal to ask for a password: set EDITOR_PASSWORD.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return first

    @staticmethod
    def stdin_is_interactive() -> bool:
        import sys

        return sys.stdin.isatty()
