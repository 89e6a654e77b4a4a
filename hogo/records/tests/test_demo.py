from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from hogo.core.deadlines import deadlines_for
from hogo.core.models import User
from hogo.records.actions import is_protection_manager
from hogo.records.models import Hold, RecordFile


def test_it_loads_a_hold_by_an_open_request_and_an_overdue_medium(db):
    call_command("demo", "--no-migrate", stdout=StringIO())
    call_command("demo", "--no-migrate", stdout=StringIO())
    hold = Hold.objects.get()
    assert hold.is_active and hold.request.is_open
    assert RecordFile.objects.filter(title="精神保健相談記録（平成30年度終結分）").count() == 1
    today = timezone.localdate()
    overdue = [item for item in deadlines_for(User.objects.get(username="staff1"), today)
               if item.kind == "可搬媒体の返却" and item.is_overdue(today)]
    assert [item.title for item in overdue] == ["SDカード SD-01"]
    staff1 = User.objects.get(username="staff1")
    assert is_protection_manager(User.objects.get(username="head1"), staff1.division)
    assert not is_protection_manager(staff1, staff1.division)
