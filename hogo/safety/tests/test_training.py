from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from hogo.safety.deadlines import safety_deadlines as deadlines_for
from hogo.safety.models import Attendance, TrainingSession


def _session(held_on):
    return TrainingSession.objects.create(title="文書監督者研修", held_on=held_on, audience="document_supervisors")


def _csv(text):
    return SimpleUploadedFile("名簿.csv", text.encode("utf-8"))


def test_it_imports_attendance_all_or_nothing(client, privacy, staff, organisation):
    session = _session(timezone.localdate())
    client.force_login(privacy)
    bad = "氏名,所属課\nstaff1,世田谷総合支所保健福祉センター健康づくり課\n山田 花子,存在しない課\n"
    response = client.post(session.get_absolute_url(), {"file": _csv(bad)})
    assert response.status_code == 400
    assert "3行目" in response.content.decode() and not Attendance.objects.exists()
    good = "氏名,所属課,ユーザー名\nstaff1,世田谷総合支所保健福祉センター健康づくり課,staff1\n"
    response = client.post(session.get_absolute_url(), {"file": _csv(good), "dry_run": "on"})
    assert "1人を取り込めます" in response.content.decode() and not Attendance.objects.exists()
    assert client.post(session.get_absolute_url(), {"file": _csv(good)}).status_code == 302
    assert Attendance.objects.get().user == staff
    client.force_login(staff)
    assert client.post(session.get_absolute_url(), {"file": _csv(good)}).status_code == 403


def test_it_refuses_control_characters_in_the_list(client, privacy, organisation):
    session = _session(timezone.localdate())
    client.force_login(privacy)
    response = client.post(session.get_absolute_url(),
                           {"file": _csv("氏名,所属課\n山田\x0b花子,総務部区政情報課\n")})
    assert "制御文字" in response.content.decode() and not Attendance.objects.exists()


def test_it_shows_people_who_have_not_attended_within_the_period(client, staff, other_staff, privacy, organisation):
    today = timezone.localdate()
    for user in (staff, other_staff):
        user.date_joined = timezone.now() - timedelta(days=800)
        user.save()
    Attendance.objects.create(session=_session(today - timedelta(days=30)), person_name="staff1",
                              division=organisation["own"])
    Attendance.objects.create(session=_session(today - timedelta(days=500)), person_name="staff2",
                              division=organisation["other"], user=other_staff)
    own = [item for item in deadlines_for(staff, today) if item.kind == "個人情報保護研修の受講"]
    other = [item for item in deadlines_for(other_staff, today) if item.kind == "個人情報保護研修の受講"]
    assert not own
    assert [item.title for item in other] == ["staff2"] and other[0].is_overdue(today)
    client.force_login(privacy)
    page = client.get(reverse("safety:training_status")).content.decode()
    assert "100.0%" in page and "0.0%" in page


def test_it_keeps_the_session_list_to_the_privacy_office_for_writes(client, staff):
    client.force_login(staff)
    data = {"title": "新規採用職員研修", "held_on": date(2025, 4, 3).isoformat(), "audience": "new_staff", "note": ""}
    assert client.post(reverse("safety:training_create"), data).status_code == 403
