"""``django.contrib.admin`` with the audited site (``admin_site.py``) as its default site.

A module of its own because INSTALLED_APPS imports it before models can be imported.
"""

from django.contrib.admin.apps import AdminConfig


class AuditedAdminConfig(AdminConfig):
    default_site = "hogo.audit.admin_site.AuditedAdminSite"
