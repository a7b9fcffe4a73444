"""Editors curate indicators; Publishers also publish them (as agreements' 0003 does for
the other curated records)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("indicators")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curate = list(
        Permission.objects.filter(
            content_type__app_label="indicators",
            codename__in=[f"{action}_indicator" for action in ACTIONS],
        )
    )
    publish = list(
        Permission.objects.filter(
            content_type__app_label="indicators", codename="publish_indicator"
        )
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*curate)
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publishers.permissions.add(*curate, *publish)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(
        name__in=["Editors", "Publishers"]
    ):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="indicators")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0001_initial"),
        ("agreements", "0003_editor_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
