"""Report documents written by anyone (.docx, .html, .pdf, .txt) read into paragraphs and tables."""
