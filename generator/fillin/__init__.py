"""The fill-in workbook units fill in (--init), laid out from the format spec."""
