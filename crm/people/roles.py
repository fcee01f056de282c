"""Which Django permissions each role's group carries.

Scoping (which rows) is decided in ``crm.access``; these permissions decide which actions.
Compliance reviewers read everything and write only decisions and policy versions; directors
cannot decide on transfers of value.
"""

from __future__ import annotations

from crm.people.models import Role

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"

ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.LIAISON: {
        "partners.territory": (VIEW,),
        "partners.organization": (VIEW,),
        "partners.clinician": (VIEW, ADD, CHANGE),
        "interactions.interaction": (VIEW, ADD, CHANGE),
        "interactions.transferofvalue": (VIEW, ADD, CHANGE, DELETE),
        "interactions.followup": (VIEW, ADD, CHANGE),
        "interactions.summary": (VIEW, ADD, CHANGE),
        "compliance.finding": (VIEW,),
        "compliance.reviewdecision": (VIEW,),
    },
    Role.DIRECTOR: {
        "partners.territory": (VIEW, ADD, CHANGE),
        "partners.territoryassignment": (VIEW, ADD, CHANGE, DELETE),
        "partners.organization": (VIEW, ADD, CHANGE),
        "partners.clinician": (VIEW, ADD, CHANGE),
        "interactions.interaction": (VIEW,),
        "interactions.interactionrevision": (VIEW,),
        "interactions.transferofvalue": (VIEW,),
        "interactions.followup": (VIEW,),
        "interactions.summary": (VIEW,),
        "compliance.finding": (VIEW,),
        "compliance.reviewdecision": (VIEW,),
        "people.user": (VIEW,),
    },
    Role.COMPLIANCE: {
        "partners.territory": (VIEW,),
        "partners.territoryassignment": (VIEW,),
        "partners.organization": (VIEW,),
        "partners.clinician": (VIEW,),
        "interactions.interaction": (VIEW,),
        "interactions.interactionrevision": (VIEW,),
        "interactions.transferofvalue": (VIEW,),
        "interactions.followup": (VIEW,),
        "interactions.summary": (VIEW,),
        "compliance.policy": (VIEW, ADD),
        "compliance.finding": (VIEW,),
        "compliance.reviewdecision": (VIEW, ADD),
        "compliance.auditentry": (VIEW,),
        "people.user": (VIEW,),
    },
}


def sync_role_groups(apps=None) -> None:
    """Create the four role groups and give them exactly the permissions above (idempotent).

    ``apps`` is the migration state's registry when run from a migration. The administrator
    group gets every permission; administrators are also usually superusers.
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    all_permissions = {
        (p.content_type.app_label, p.content_type.model, p.codename): p
        for p in Permission.objects.select_related("content_type")
    }
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        if role == Role.ADMIN:
            group.permissions.set(all_permissions.values())
            continue
        wanted = []
        for model_label, actions in ROLE_PERMISSIONS[role].items():
            app_label, model = model_label.split(".")
            for action in actions:
                permission = all_permissions.get((app_label, model, f"{action}_{model}"))
                if permission is not None:
                    wanted.append(permission)
        group.permissions.set(wanted)
