"""Roles: /grant and /revoke the coordinator role (audit-logged)."""
