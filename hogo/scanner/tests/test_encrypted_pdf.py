"""An AES-encrypted PDF is reported as password-protected, not as unreadable (issue #19)."""

import io

from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from hogo.scanner.documents import scan_file


def _pdf(tmp_path, *, user_password, text="本日の議題は予算です。"):
    page = io.BytesIO()
    drawing = canvas.Canvas(page)
    drawing.drawString(72, 720, "agenda")
    drawing.save()
    writer = PdfWriter(clone_from=io.BytesIO(page.getvalue()))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    path = tmp_path / "encrypted.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_it_says_an_aes_encrypted_pdf_is_password_protected(tmp_path):
    report = scan_file(_pdf(tmp_path, user_password="secret"))
    assert "パスワードで保護された PDF" in report.error
    assert "保護を解除して保存し直してください" in report.error


def test_it_reads_an_aes_pdf_that_only_restricts_editing(tmp_path):
    report = scan_file(_pdf(tmp_path, user_password=""))
    assert not report.error
