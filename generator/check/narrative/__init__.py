"""Checks of a report's running text: stated figures, shares, 同比, claims, structure, dates,
repetition; for report documents (--audit) and for the 文字材料 sheet of every build."""
