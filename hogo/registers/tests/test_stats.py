from datetime import date

import pytest

from hogo.registers import stats


def test_it_counts_an_entry_until_the_day_before_its_abolition():
    cases = [
        (date(2023, 4, 1), None, date(2024, 3, 31), True),
        (date(2023, 4, 1), date(2024, 3, 31), date(2024, 3, 31), False),
        (date(2023, 4, 1), date(2024, 4, 1), date(2024, 3, 31), True),
        (date(2024, 4, 1), None, date(2024, 3, 31), False),
    ]
    for registered, abolished, on, expected in cases:
        assert stats.in_force(registered, abolished, on) is expected


def test_it_builds_review_tables_with_every_agency_and_a_total():
    rows = [stats.ReviewRow("区長", "outsourcing", True, False), stats.ReviewRow("区長", "outsourcing", True, True),
            stats.ReviewRow("教育委員会", "system", False, True), stats.ReviewRow("区長", "online_link_system", False, False)]
    tables = stats.review_count_tables(rows, ["区長", "教育委員会", "監査委員"])
    assert [t.key for t in tables] == ["outsourcing", "internal_use", "provision", "online_system"]
    assert tables[0].cell("区長", 0) == 2 and tables[0].total == (2, 2, 1)
    assert tables[3].cell("教育委員会", 2) == 1 and tables[3].total == (2, 0, 1)
    assert tables[1].cell("監査委員", 0) == 0


def test_it_numbers_listed_cases_per_group_in_sort_order():
    rows = [stats.ReviewRow("区長", "provision", True, False, (1, 2), "b"),
            stats.ReviewRow("区長", "provision", False, False, (1, 1), "not listed"),
            stats.ReviewRow("区長", "provision", False, True, (1, 0), "a"),
            stats.ReviewRow("区長", "outsourcing", True, False, (1, 5), "c")]
    lists = stats.listed_cases(rows)
    assert [(n, r.item) for n, r in lists["provision"]] == [(1, "a"), (2, "b")]
    assert [(n, r.item) for n, r in lists["outsourcing"]] == [(1, "c")]


def test_it_counts_art69_records_by_basis_and_refuses_a_basis_that_does_not_apply():
    rows = [stats.UseRow("市長", "provision", "art69_2_3"), stats.UseRow("市長", "provision", "art69_1"),
            stats.UseRow("市長", "internal_use", "art69_2_2")]
    table = stats.art69_table("provision", "外部提供", rows, ["市長", "消防長"])
    assert table.cell("市長", 1) == 1 and table.cell("市長", 3) == 1 and table.total == (0, 1, 0, 1, 2)
    with pytest.raises(ValueError):
        stats.art69_table("internal_use", "目的外利用", [stats.UseRow("市長", "internal_use", "art69_2_3")], ["市長"])


def test_it_counts_register_entries_at_each_date():
    rows = [stats.RegisterRow("市長", date(2023, 4, 1)), stats.RegisterRow("市長", date(2023, 4, 1), date(2024, 10, 1)),
            stats.RegisterRow("消防長", date(2024, 7, 1))]
    table = stats.register_count_table("a", "t", rows, ["市長", "消防長"], (date(2024, 3, 31), date(2025, 3, 31)))
    assert table.cell("市長", 0) == 2 and table.cell("市長", 1) == 1
    assert table.total == (2, 2)
