"""What many of the reader's messages end with: the one step that always makes a file readable."""

SAVE_AS_XLSX = "请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再提交"
