"""A register import refuses a value longer than its column on SQLite too, naming row and column (issue #19).

SQLite stores a 201-character name in a varchar(200); PostgreSQL refuses it.
The import checks every value against the model field so both behave alike.
"""

from hogo.registers.importing import SPECS, import_table
from hogo.registers.models import ProcessingActivity

HEADINGS = "事務の名称,所管課,事務の目的,対象者の範囲,記録項目,要配慮個人情報,登録日"


def test_it_reports_a_name_longer_than_its_column_by_row_and_column(privacy, organisation):
    division = organisation["own"].full_name
    sheet = (f"{HEADINGS}\n"
             f"健康診査事務,{division},健診,区民,氏名,無,2023-04-01\n"
             f"{'長' * 201},{division},健診,区民,氏名,無,2023-04-01\n")
    result = import_table(SPECS["activities"], "activities.csv", sheet.encode(), apply=True, user=privacy)
    assert not result.applied
    assert len(result.errors) == 1
    number, message = result.errors[0]
    assert number == 3 and "事務の名称" in message and "200" in message
    assert not ProcessingActivity.objects.exists()
