"""Builds examples/low-level-api.ipynb: the seed tutorial's code cells with the outputs
the oracle recorded, and markdown between them that retells the tutorial.

    python /work/shared/oracle/run_cells.py /work/shared/seed/low-level-api.cells.py /tmp/lla
    /root/.cache/h5lab-oracle/venv/bin/python scripts/build_low_level_notebook.py /tmp/lla.ipynb examples/low-level-api.ipynb
"""
import sys

import nbformat

# Markdown to put before the code cell with the given index (0-based, in the oracle's
# notebook). The text follows /work/shared/seed/low-level-api-tutorial.txt.
MARKDOWN = {
    0: """# h5py's low-level API

h5py has two layers. The high-level one (`File`, `Group`, `Dataset`) is what most code
uses; underneath, h5py wraps HDF5's C API almost function for function, and the two
layers mix freely.

HDF5's C API is split into interfaces by prefix — `H5A` for attributes, `H5D` for
datasets, `H5F` for files, `H5G` for groups, `H5L` for links, and so on. h5py mirrors
them as modules (`h5py.h5a`, `h5py.h5d`, `h5py.h5f`, `h5py.h5g`, `h5py.h5l`, ...), and
most of the wrapped functions are methods of an identifier class: the `H5D` calls
live in `h5py.h5d.DatasetID`, the `H5G` calls in `h5py.h5g.GroupID`.""",
    1: """## A dataset, and its size on disk

First a file with one small dataset of 100 one-byte integers.""",
    2: """Every high-level object carries its low-level identifier in `.id`.""",
    4: """`H5Dget_storage_size(dataset_id)` says how many bytes the dataset's data takes in
the file. h5py offers it as `DatasetID.get_storage_size()`: 100 values of one byte
each.""",
    6: """## An external link

An external link is a link in one file that points at an object in another file.
Here `link.h5:/links/data` will point at `dataset.h5:/data`, made with
`H5Lcreate_external`.""",
    8: """The group's identifier, a `GroupID`, is where the `H5G` and `H5L` calls are.""",
    9: """The same identifier can be had from the low-level API directly, as `H5Gopen` would
give it. Note the byte strings: the low-level functions take names as `bytes`, as the
C API takes `char *`.""",
    10: """`GroupID.links` holds the `H5L` functions; `create_external(name, file, path)`
makes the link.""",
    11: """Through the link, the dataset of the other file reads like a local one.""",
    14: """## When the target is gone

Remove the file the link points to, and following the link fails: HDF5 cannot open the
external file, and h5py reports it as a `KeyError`.""",
    17: """## What the files hold

`h5dump` shows the link itself: it stores only the target's file name and path.""",
    18: """And the dataset file, written again, as `h5dump` sees it.""",
}


def main(source, target):
    nb = nbformat.read(source, as_version=4)
    cells = []
    for i, cell in enumerate(nb.cells):
        if i in MARKDOWN:
            cells.append(nbformat.v4.new_markdown_cell(MARKDOWN[i]))
        cells.append(cell)
    nb.cells = cells
    nb.metadata["kernelspec"] = {"display_name": "HDF5 (h5lab)", "language": "python", "name": "h5lab"}
    nbformat.validate(nb)
    nbformat.write(nb, target)


if __name__ == "__main__":
    main(*sys.argv[1:])
