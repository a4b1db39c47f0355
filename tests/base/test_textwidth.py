from generator.base.textwidth import char_width, display_width, spaced


def test_widths() -> None:
    assert display_width("株洲2019") == 8
    assert char_width("2019年3月20日") == 6.5


def test_spaced_puts_a_space_between_chinese_and_latin_words() -> None:
    assert spaced("文本和Word各一份") == "文本和 Word 各一份"
    assert spaced("共16件") == "共16件"
