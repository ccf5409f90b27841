"""The Qt binding does not corrupt reference counts (PySide6 6.12.0 on CPython 3.11 did)."""

import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from CPython 3.12")
def test_void_calls_leave_none_reference_count_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    # A binding that over-releases None aborts the application after a few thousand calls.
    assert abs(sys.getrefcount(None) - before) < 50
