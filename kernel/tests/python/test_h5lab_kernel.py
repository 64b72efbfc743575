"""jupyter_kernel_test's protocol suite for h5lab-kernel, every sample attribute set.

The samples are the h5py/NumPy dialect as IPython + ipykernel would answer them. Run:
    JUPYTER_PATH=<prefix>/share/jupyter python -m unittest -v test_h5lab_kernel
"""
import os
import unittest

import jupyter_kernel_test

# H5LAB_KERNEL_NAME=python3 runs the same samples against ipykernel, the reference.
KERNEL = os.environ.get("H5LAB_KERNEL_NAME", "h5lab")


class H5labKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys; print('oops', file=sys.stderr)"

    completion_samples = [
        {"text": "isinst", "matches": {"isinstance"}},
        {"text": "import os\nos.path.jo", "matches": {"join"}},
        {"text": "import h5py\nh5py.Fil", "matches": {"File"}},
    ]
    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n    return x\n\n", "import h5py"]
    incomplete_code_samples = ["print('''hello", "def f(x):", "for i in range(3):", "x = [1,"]
    invalid_code_samples = ["import = 7q", "print(1))"]

    code_page_something = "len?"
    code_generate_error = "raise ValueError('boom')"
    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "[n*n for n in range(1, 4)]", "result": "[1, 4, 9]"},
        {"code": "import numpy as np; np.arange(3)", "result": "array([0, 1, 2])"},
    ]
    # h5lab adds a text/html view to every h5py object (ipykernel + h5py shows
    # text/plain only, so the h5py sample fails against the reference kernel).
    code_display_data = [
        {"code": "display(42)", "mime": "text/plain"},
        {"code": "from IPython.display import HTML; display(HTML('<b>h5</b>'))", "mime": "text/html"},
        {"code": "import h5py; f = h5py.File('display.h5', 'w'); display(f)", "mime": "text/html"},
    ]
    # ipykernel itself fails the range part (IPython numbers the current session 0 in
    # range replies but not in tail replies); h5lab numbers its session 1 in both.
    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "len"
    code_clear_output = "from IPython.display import clear_output; clear_output()"


class H5labIopubWelcome(jupyter_kernel_test.IopubWelcomeTests):
    """h5lab speaks protocol 5.3: no iopub_welcome (a 5.4 / JEP 65 addition)."""

    kernel_name = KERNEL
    support_iopub_welcome = False


if __name__ == "__main__":
    unittest.main()
