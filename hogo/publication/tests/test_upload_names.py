"""Uploads are stored under a generated name; the user's name is kept for display (issue #19)."""

from django.core.files.base import ContentFile
from django.urls import reverse

from hogo.core.uploads import display_name, storage_name
from hogo.publication import scanning
from hogo.publication.models import PublicationCheck
from hogo.publication.tests.documents import COMMENT

# 84 kanji and ".txt": 256 bytes in UTF-8, more than a file name may have on ext4.
LONG_NAME = "個人情報保護審議会資料" * 7 + "令和六年度第三回会議提出資料" + ".txt"


def _check_of(staff, filename, data):
    """What the upload keeps: the scan of the document, and the document itself."""
    outcome = scanning.scan(filename, data)
    check = PublicationCheck(division=staff.division, filename=display_name(filename, 255), size=len(data),
                             sha256="0" * 64, created_by=staff, blocks=outcome.blocks, verdict=outcome.verdict)
    check.document.save(filename, ContentFile(data), save=False)
    check.save()
    return check


def test_it_scans_and_keeps_a_file_whose_name_is_too_long_for_the_disk(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert len(LONG_NAME.encode()) > 255
    check = _check_of(staff, LONG_NAME, COMMENT.encode())
    assert check.filename == LONG_NAME
    assert check.document.name.startswith("publication/") and check.document.name.endswith(".txt")
    assert len(check.document.name) < 60
    client.force_login(staff)
    assert LONG_NAME in client.get(check.get_absolute_url()).content.decode()


def test_it_downloads_the_masked_file_under_the_original_name(client, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    check = _check_of(staff, LONG_NAME, COMMENT.encode())
    client.force_login(staff)
    response = client.get(reverse("publication:masked", args=[check.pk]))
    assert response.status_code == 200
    assert "masked_" in response["Content-Disposition"]


def test_it_cuts_a_display_name_by_characters_and_keeps_the_extension():
    cut = display_name("あ" * 300 + ".docx", 255)
    assert len(cut) == 255 and cut.endswith(".docx")
    assert display_name("C:\\Users\\山田\\名簿.xlsx", 255) == "名簿.xlsx"


def test_it_stores_a_generated_name_with_a_safe_extension():
    assert storage_name("名簿.XLSX").endswith(".xlsx")
    assert storage_name("../../etc/passwd").isalnum()
    assert storage_name("名簿.ｄｏｃｘ").isalnum()  # a full-width extension is dropped
