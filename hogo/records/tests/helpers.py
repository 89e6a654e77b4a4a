"""Small builders for the records tests (the organisation and users come from conftest.py)."""

from datetime import date

from hogo.core.choices import Role
from hogo.core.models import User
from hogo.records.models import DisposalList, RecordFile, RecordSeries

PASSWORD = "correct-horse-battery-staple"


def head_of(division, username="head1"):
    """A division's 個人情報保護管理者 (課長) in the safety module's management structure."""
    user = User(username=username, role=Role.DIVISION_STAFF, division=division, last_name="課長")
    user.set_password(PASSWORD)
    user.save()
    from hogo.safety.choices import Post
    from hogo.safety.models import PostAssignment

    PostAssignment.objects.create(post=Post.MANAGER, user=user, division=division, job_title="所管課長",
                                  starts_on=date(2020, 4, 1))
    return user


def colleague(division, username="kakaricho"):
    user = User(username=username, role=Role.DIVISION_STAFF, division=division, last_name="係長")
    user.set_password(PASSWORD)
    user.save()
    return user


def series(division, name="自立支援医療（精神通院）申請書類", years=5, **fields):
    return RecordSeries.objects.create(division=division, name=name, retention_years=years, **fields)


def record_file(series_, title="自立支援医療申請書 令和元年度", completed=date(2020, 3, 31), **fields):
    item = RecordFile(series=series_, title=title, completed_on=completed, **fields)
    item.compute_retention()
    item.save()
    return item


def disposal_list(division, user, files, year=2025, **fields):
    item = DisposalList.objects.create(division=division, fiscal_year=year, created_by=user, **fields)
    RecordFile.objects.filter(pk__in=[f.pk for f in files]).update(disposal_list=item)
    return item


def open_request(organisation, division, subject="自立支援医療の申請書類一式", closed_on=None):
    from hogo.disclosure.choices import RequestKind
    from hogo.disclosure.models import Request

    request = Request.objects.create(kind=RequestKind.DISCLOSURE, received_on=date(2025, 5, 1),
                                     agency=organisation["mayor"], division=division, requester_name="世田谷 花子",
                                     subject=subject, closed_on=closed_on)
    request.divisions.add(division)
    return request
