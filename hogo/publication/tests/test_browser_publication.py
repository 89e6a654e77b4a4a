import pytest
from django.core.management import call_command

from hogo.publication.tests.documents import POLICY, comment_cells, comment_list_docx, docx_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_highlights_the_373_facts_and_downloads_a_masked_file(page, staff, browser_login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    source = tmp_path / "パブリックコメント意見一覧.docx"
    source.write_bytes(comment_list_docx())
    browser_login(page, "staff1")
    page.get_by_role("link", name="公開前チェック").click()
    page.get_by_label("公開予定の文書").set_input_files(str(source))
    page.get_by_role("button", name="チェックする").click()
    page.wait_for_url("**/jobs/*/")  # the progress page: the scan waits for the worker
    assert page.locator("#job-state").inner_text() == "待機中"
    call_command("run_jobs", "--once")  # the worker, run here; the page's polling moves on by itself
    page.wait_for_url("**/scanner/*/")
    assert page.locator("#verdict").inner_text() == "公開不可"
    marked = page.locator("mark.pii").all_inner_texts()
    for word in ("花子", "奥沢", "糖尿病", "身体障害者手帳"):
        assert any(word in text for text in marked), word
    with page.expect_download() as download_info:
        page.get_by_role("link", name="マスク済みファイルをダウンロード").click()
    masked = download_info.value.path().read_bytes()
    comment, policy = comment_cells(masked)
    for word in ("花子", "奥沢", "糖尿病", "身体障害者手帳"):
        assert word not in comment
    assert policy == POLICY  # general policy text keeps its disease and disability words
    assert "パブリックコメントの実施結果" in docx_text(masked)
