"""Test documents modelled on the public-comment list of Setagaya 報告第373号."""

import io

from docx import Document

# A commenter wrote about a relative: given name only, town name only, a medical
# history and a disability (the facts the ward published unmasked).
COMMENT = "私の母の花子は奥沢在住で、長年糖尿病を患っており、身体障害者手帳を持っています。"
POLICY = "区は、糖尿病の予防と障害者の社会参加を支援する施策を進めます。"
PERSONAL_WORDS = ("花子", "奥沢", "糖尿病", "身体障害者手帳")


def comment_list_docx():
    document = Document()
    document.add_heading("パブリックコメントの実施結果", level=1)
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "No.", "意見の概要"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", COMMENT
    table.cell(2, 0).text, table.cell(2, 1).text = "2", POLICY
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def docx_text(data):
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def comment_cells(data):
    """The masked comment cell and the policy cell of a document made by ``comment_list_docx``."""
    table = Document(io.BytesIO(data)).tables[0]
    return table.cell(1, 1).text, table.cell(2, 1).text
