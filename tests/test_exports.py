import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm.exports import neutralise, write_csv


@pytest.mark.parametrize("text", ["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised(text):
    assert neutralise(text) == "'" + text


@given(st.text())
def test_neutralised_text_never_starts_a_formula(text):
    value = neutralise(text)
    assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert value.endswith(text)


def test_numbers_are_left_alone():
    assert neutralise(-5) == -5


def test_csv_has_bom_and_chinese_survives():
    stream = io.BytesIO()
    write_csv(stream, ["姓名", "金额"], [["王医生", "=cmd"], ["李医生", 12]])
    data = stream.getvalue()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["姓名", "金额"], ["王医生", "'=cmd"], ["李医生", "12"]]
