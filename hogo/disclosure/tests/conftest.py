import pytest

from hogo.core.choices import Role


@pytest.fixture
def yachiyo(db):
    """Yachiyo's agencies and divisions, and the FY2023/FY2024 requests of the demo, one record per request."""
    from hogo.core.demo import DATA, PROFILES
    from hogo.core.models import Agency, Municipality, User
    from hogo.core.organisation_import import import_organisation
    from hogo.disclosure.demo import load_yachiyo_requests

    profile = PROFILES["yachiyo"]
    municipality = Municipality.current()
    municipality.name = profile.name
    municipality.save()
    for order, name in enumerate(profile.agencies, 1):
        Agency.objects.update_or_create(name=name, defaults={"order": order})
    path = DATA / profile.organisation_csv
    assert import_organisation(path.name, path.read_bytes()).ok
    privacy = User.objects.create(username="yachiyo-privacy", role=Role.PRIVACY_OFFICE)
    load_yachiyo_requests(privacy)
    return privacy
