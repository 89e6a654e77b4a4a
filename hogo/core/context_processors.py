from django.apps import apps
from django.urls import reverse


def navigation(request):
    """Navigation entries declared by the installed apps (``AppConfig.navigation``).

    Each Hogo app lists ``(label, url_name, order)`` entries; an app that is
    not installed simply has none, so the menu always matches what exists.
    """
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"nav_items": []}
    items = []
    for config in apps.get_app_configs():
        for label, url_name, order, *roles in getattr(config, "navigation", ()):
            if roles and request.user.role not in roles[0]:
                continue
            url = reverse(url_name)
            items.append({"label": label, "url": url, "order": order,
                          "active": request.path.startswith(url) and url != "/"})
    items.sort(key=lambda item: item["order"])
    return {"nav_items": items}
