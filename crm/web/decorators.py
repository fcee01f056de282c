"""Page access by role. Which rows a page shows is still decided by ``crm.access`` (visible_to)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from crm.people.models import Role


def role_required(*roles: str):
    """Log in first; then only the named roles (administrators always) may open the page."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.role not in (*roles, Role.ADMIN):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


liaison_only = role_required(Role.LIAISON)
director_only = role_required(Role.DIRECTOR)
compliance_only = role_required(Role.COMPLIANCE)
any_role = role_required(Role.LIAISON, Role.DIRECTOR, Role.COMPLIANCE)
