"""Reading office spreadsheets into clean rows.

``workbook.read_workbook`` turns a file (xlsx, xls, ods, csv) into sheets of raw cells;
``table.find_table`` finds the header under the title rows and yields data rows keyed by
field id (``aliases``); ``values`` parses one cell at a time. Nothing here touches the
database or the UI.
"""
