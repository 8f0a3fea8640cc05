"""Random layouts of budget tables: a seed draws every axis independently
(layout.py), the rows of one of the two Nankoku lists' hand-typed facts are drawn
as a table that way (render.py), the PDF is converted and its budget_lines are
compared cell by cell with those facts (score.py), and failures are counted per
axis value (tests/layouts/table.py).

`make table-layouts N=300` runs the long measurement; tests/test_table_layouts.py
runs 60 seeds in `make test`.
"""
