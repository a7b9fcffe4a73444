"""The Editors and Publishers groups: curating rights, and for publishers the right to publish.

Neither group may manage users or groups. Permissions are created here explicitly because
Django only creates them after all migrations have run.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED_MODELS = {
    "agreements": [
        "agreement",
        "agreementparty",
        "signatory",
        "attendee",
        "initiative",
        "theme",
        "sourcedocument",
        "citation",
    ],
    "partners": ["organization", "person", "position"],
    "events": ["event", "eventparticipant"],
}
PUBLISHABLE = {
    "agreements": ["agreement", "initiative"],
    "partners": ["organization", "person"],
    "events": ["event"],
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    curate = [
        permission(app_label, f"{action}_{model}")
        for app_label, models in CURATED_MODELS.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    ]
    publish = [
        permission(app_label, f"publish_{model}")
        for app_label, models in PUBLISHABLE.items()
        for model in models
    ]
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(curate)
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publishers.permissions.set(curate + publish)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Publishers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0002_agreement_search_document"),
        ("partners", "0001_initial"),
        ("events", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
