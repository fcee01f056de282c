"""CORS for the API, off unless origins are configured (CRM_CORS_ALLOWED_ORIGINS)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse


class ApiCorsMiddleware:
    """Adds Access-Control headers on /api/ for listed origins only; answers their preflight."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = request.headers.get("Origin")
        allowed = origin and request.path.startswith("/api/") and origin in settings.CRM_CORS_ALLOWED_ORIGINS
        if allowed and request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        if allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Headers"] = "Authorization, Content-Type, Accept-Language"
            response["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, OPTIONS"
            response["Vary"] = "Origin"
        return response
