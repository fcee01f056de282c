"""Schema post-processing: what every authenticated operation can answer, said once."""

from __future__ import annotations

UNAUTHENTICATED = {"description": "Authentication credentials were not provided or are not valid (token or session)."}


def add_unauthenticated_responses(result: dict, generator, request, public) -> dict:
    """Add a 401 to every operation that has no anonymous access (an empty security requirement)."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            security = operation.get("security", [])
            if security and {} not in security:
                operation["responses"].setdefault("401", UNAUTHENTICATED)
    return result
