from generator.document.layout import signature_indents


def test_short_date_starts_two_characters_right_of_the_signature() -> None:
    indents = signature_indents("某某市人民政府办公室", "2019年3月20日")
    assert indents.signature == 2
    # signature start = 2 + 10 from the right; date start must be 2 characters further right
    assert 2 + 10 - (indents.date + 6.5) == 2


def test_long_date_is_right_indented_two_and_the_signature_moves() -> None:
    indents = signature_indents("株洲市人民政府", "2019年3月20日")
    assert indents.date == 2
    assert (indents.signature + 7) - (indents.date + 6.5) == 2
