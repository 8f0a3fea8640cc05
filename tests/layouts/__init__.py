"""Random layouts of the sample's content: a seed draws every layout axis
independently (layout.py), the content is rendered that way (render.py), the
PDF is converted and compared field by field with the facts typed by hand from
the sample (score.py), and failures are counted per axis value (table.py).

`make layouts N=2000` runs the long measurement; tests/test_random_layouts.py
runs 200 seeds in `make test`.
"""
